import { z } from 'zod';
import type { MainErrorCause } from '../../shared/error-causes';
import { referenceMatcher } from '../../shared/core/filters/reference-match';
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
const patternText = z.string().trim().min(1).max(512);
const labelText = z.string().trim().min(1).max(512);

/**
 * A new protected pattern must compile with the very matcher protection uses, or it would
 * protect something other than what the user typed.
 */
const patternSchema = patternText.superRefine((pattern, ctx) => {
  try {
    referenceMatcher([pattern]);
  } catch {
    ctx.addIssue(userFixable('protected-pattern-invalid', pattern));
  }
});

/** `key` or `key=value`: Docker's label filter syntax, which needs a key. */
const labelSchema = labelText.superRefine((label, ctx) => {
  if (label.startsWith('=')) {
    ctx.addIssue(userFixable('protected-label-without-key', label));
  }
});

function settingsObject(pattern: z.ZodType<string>, label: z.ZodType<string>) {
  return z.strictObject({
    endpoint: endpointSchema.nullable(),
    protectedPatterns: z.array(pattern).max(500),
    protectedLabel: label.nullable(),
    protectedNewest: z.number().int().min(0).max(1_000),
    language: z.enum(languages),
    theme: z.enum(themes),
    watch: z.strictObject({
      enabled: z.boolean(),
      reclaimableBytes: z.number().int().min(0).max(1e15),
      freeBytes: z.number().int().min(0).max(1e15),
    }),
  });
}

/** The full settings object, as saved and as returned to the renderer: every rule applies. */
export const settingsSchema = settingsObject(
  patternSchema,
  labelSchema,
) satisfies z.ZodType<Settings>;

/**
 * What a settings file must look like to be loaded. A pattern or label saved before the
 * syntax rules existed is kept rather than costing the user every other protection;
 * protection reads it conservatively and the next save asks for it to be corrected.
 */
export const storedSettingsSchema = settingsObject(
  patternText,
  labelText,
) satisfies z.ZodType<Settings>;

/** What `updateSettings` accepts: any subset of the fields, nothing else. */
export const settingsPatchSchema = settingsSchema.partial() satisfies z.ZodType<Partial<Settings>>;

/** The settings rules a user can follow, each a cause the Settings screen words. */
type UserFixableCause = Extract<
  MainErrorCause,
  'protected-pattern-invalid' | 'protected-label-without-key'
>;

const USER_FIXABLE: ReadonlySet<string> = new Set<UserFixableCause>([
  'protected-pattern-invalid',
  'protected-label-without-key',
]);

/** A custom issue carrying its cause and the value at fault; its message is the cause code. */
function userFixable(cause: UserFixableCause, subject: string) {
  return { code: 'custom' as const, message: cause, params: { cause, subject } };
}

/**
 * A value the user typed that breaks a rule the user can follow (a pattern, a label): its
 * cause and the value, so the Settings screen can word it; null for any other issue.
 */
export function userFixableIssue(
  issues: readonly z.core.$ZodIssue[],
): { cause: UserFixableCause; subject: string } | null {
  for (const issue of issues) {
    if (issue.code !== 'custom') continue;
    const cause: unknown = issue.params?.['cause'];
    const subject: unknown = issue.params?.['subject'];
    if (typeof cause === 'string' && USER_FIXABLE.has(cause) && typeof subject === 'string') {
      return { cause: cause as UserFixableCause, subject };
    }
  }
  return null;
}
