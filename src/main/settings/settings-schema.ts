import { z } from 'zod';
import type { Endpoint } from '../../shared/model';
import type { Language, Settings, Theme } from '../../shared/settings';

/**
 * What a well-formed endpoint looks like. The scheme list is the docker CLI's; the length
 * bound keeps a hostile caller from handing the engine a megabyte of "host".
 */
export const endpointSchema = z.strictObject({
  host: z
    .string()
    .max(1024)
    .regex(
      /^(unix|npipe|tcp|ssh|http|https):\/\/\S+$/,
      'must be unix://, npipe://, tcp:// or ssh://',
    ),
  tls: z
    .strictObject({
      caPath: z.string().max(4096).optional(),
      certPath: z.string().max(4096).optional(),
      keyPath: z.string().max(4096).optional(),
      verify: z.boolean(),
    })
    .optional(),
}) satisfies z.ZodType<Endpoint>;

const languages = ['system', 'en', 'zh-CN'] as const satisfies readonly Language[];
const themes = ['system', 'light', 'dark'] as const satisfies readonly Theme[];

/** A protected pattern is a docker reference pattern; it never needs to be long. */
const patternSchema = z.string().trim().min(1).max(512);

/** The full settings object, as saved on disk and as returned to the renderer. */
export const settingsSchema = z.strictObject({
  endpoint: endpointSchema.nullable(),
  protectedPatterns: z.array(patternSchema).max(500),
  protectedLabel: z.string().trim().min(1).max(512).nullable(),
  language: z.enum(languages),
  theme: z.enum(themes),
}) satisfies z.ZodType<Settings>;

/** What `updateSettings` accepts: any subset of the fields, nothing else. */
export const settingsPatchSchema = settingsSchema.partial() satisfies z.ZodType<Partial<Settings>>;
