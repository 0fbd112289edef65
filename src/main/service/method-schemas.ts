import { z } from 'zod';
import type { ApiMethods, MethodName } from '../../shared/contract';
import type { BuildCachePruneOptions } from '../../shared/build-cache-plan';
import type {
  CleanupChoice,
  CleanupExclusions,
  CleanupMix,
  CleanupParameters,
} from '../../shared/cleanup';
import type { PruneOptions, RemovalOptions } from '../../shared/plan';
import type { ResourceRequest } from '../../shared/resource-plan';
import { endpointSchema, settingsPatchSchema } from '../settings/settings-schema';

/**
 * One argument schema per contract method, in one place. The `satisfies` below makes a
 * missing or mistyped schema a compile error when a method is added to ApiMethods.
 *
 * The bounds are generous for real use and exist so that a compromised renderer cannot make
 * the main process chew on megabytes of input.
 */

const MAX_ITEMS = 10_000;

/** What a user may type as an image: short ID, full ID, name:tag or digest. Syntax is checked later. */
const referenceInput = z.string().trim().min(1).max(512);

/**
 * A full container ID as the engine gives it (Docker and Podman alike: 64 hex). Never a
 * prefix: IDs are immutable, so the container removed is exactly the one the user saw.
 */
const containerId = z.string().regex(/^[a-f0-9]{64}$/, 'must be a full 64-hex container ID');

/** Docker's own rule for volume names (`[a-zA-Z0-9][a-zA-Z0-9_.-]+`). */
const volumeName = z
  .string()
  .max(255)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/, 'must be a volume name');

/** Plan IDs come from the plan store; they are opaque but never long or odd. */
const planId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a plan ID');

const filterValue = z.string().trim().min(1).max(512);

const removalOptions = z.strictObject({
  force: z.boolean(),
  removeStoppedContainers: z.boolean(),
  childrenFirst: z.boolean(),
}) satisfies z.ZodType<RemovalOptions>;

const pruneOptions = z.strictObject({
  all: z.boolean(),
  until: filterValue.optional(),
  label: z.array(filterValue).max(100).optional(),
  labelNot: z.array(filterValue).max(100).optional(),
  before: referenceInput.optional(),
  since: referenceInput.optional(),
  reference: z.array(filterValue).max(100).optional(),
  repository: filterValue.optional(),
}) satisfies z.ZodType<PruneOptions>;

/** Whole bytes, up to a petabyte: sizes to keep. */
const bytes = z.number().int().min(0).max(1e15);

const buildCachePruneOptions = z.strictObject({
  all: z.boolean(),
  until: filterValue.optional(),
  keepStorage: bytes.optional(),
}) satisfies z.ZodType<BuildCachePruneOptions>;

/** Whole hours, from one hour to ten years: the strategies' ages. */
const hours = z.number().int().min(1).max(87_600);

const cleanupMixShape = {
  images: z.enum(['none', 'dangling', 'unused']),
  imagesOlderThanHours: hours.nullable(),
  containers: z.boolean(),
  networks: z.boolean(),
  volumes: z.array(volumeName).max(MAX_ITEMS),
  buildCache: z.enum(['none', 'unused', 'all']),
  cacheOlderThanHours: hours.nullable(),
  cacheKeepBytes: bytes.nullable(),
};
const cleanupMix = z.strictObject(cleanupMixShape) satisfies z.ZodType<CleanupMix>;

const cleanupParameters = z.strictObject({
  olderThanHours: hours,
  keepNewest: z.number().int().min(1).max(1_000),
  cacheOlderThanHours: hours.nullable(),
  cacheKeepBytes: bytes.nullable(),
  lruMaxBytes: bytes,
  custom: cleanupMix,
}) satisfies z.ZodType<CleanupParameters>;

const cleanupChoice = z.discriminatedUnion('strategy', [
  z.strictObject({ strategy: z.literal('safe') }),
  z.strictObject({ strategy: z.literal('unused-images') }),
  z.strictObject({ strategy: z.literal('older-than'), hours }),
  z.strictObject({ strategy: z.literal('keep-newest'), keep: z.number().int().min(1).max(1_000) }),
  z.strictObject({
    strategy: z.literal('build-cache'),
    olderThanHours: hours.nullable(),
    keepBytes: bytes.nullable(),
  }),
  z.strictObject({ strategy: z.literal('least-recently-used'), maxBytes: bytes }),
  z.strictObject({ strategy: z.literal('custom'), ...cleanupMixShape }),
  z.strictObject({
    strategy: z.literal('everything-unused'),
    volumes: z.array(volumeName).max(MAX_ITEMS),
  }),
]) satisfies z.ZodType<CleanupChoice>;

/** An image ID as the engine lists it: `sha256:` and 64 hex (Podman: the 64 hex alone). */
const imageId = z.string().regex(/^(sha256:)?[a-f0-9]{64}$/, 'must be a full image ID');

/** BuildKit's record IDs are short base-32 strings; bounded and plain, never a pattern. */
const cacheRecordId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9:._-]+$/, 'must be a build cache record ID');

const cleanupExclusions = z.strictObject({
  images: z.array(imageId).max(MAX_ITEMS),
  cacheRecords: z.array(cacheRecordId).max(MAX_ITEMS),
  resources: z.array(containerId).max(MAX_ITEMS),
}) satisfies z.ZodType<CleanupExclusions>;

/** Docker's and Podman's network IDs are 64 hex too; unticked items are containers or networks. */
const resourceRequest = z.strictObject({
  containers: z.union([z.literal('stopped'), z.array(containerId).max(MAX_ITEMS)]),
  networks: z.boolean(),
  volumes: z.array(volumeName).max(MAX_ITEMS),
  unticked: z.array(containerId).max(MAX_ITEMS),
}) satisfies z.ZodType<ResourceRequest>;

const noArguments = z.tuple([]);

export const METHOD_SCHEMAS = {
  getEngineStatus: noArguments,
  listEndpoints: noArguments,
  connect: z.tuple([endpointSchema.nullable()]),
  getDiskUsage: noArguments,
  getInventory: noArguments,
  resolveReference: z.tuple([referenceInput]),
  planRemoval: z.tuple([z.array(referenceInput).min(1).max(MAX_ITEMS), removalOptions]),
  planPrune: z.tuple([pruneOptions]),
  runPlan: z.tuple([planId]),
  cancelRun: z.tuple([planId]),
  planBuildCachePrune: z.tuple([buildCachePruneOptions]),
  runBuildCachePlan: z.tuple([planId]),
  planResourceRemoval: z.tuple([resourceRequest]),
  runResourcePlan: z.tuple([planId]),
  estimateCleanups: z.tuple([cleanupParameters]),
  planCleanup: z.tuple([cleanupChoice, cleanupExclusions]),
  getHistory: noArguments,
  exportHistory: noArguments,
  getDiskWatch: noArguments,
  getSettings: noArguments,
  getSettingsNotice: noArguments,
  updateSettings: z.tuple([settingsPatchSchema]),
  openDocs: z.tuple([z.string().min(1).max(2048)]),
} satisfies { [K in MethodName]: z.ZodType<Parameters<ApiMethods[K]>> };
