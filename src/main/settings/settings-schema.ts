import { z } from 'zod';
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
    ctx.addIssue({
      code: 'custom',
      message: `The protected pattern "${pattern}" is not a valid pattern.`,
      params: {
        fix: 'Use * for any run of characters, ? for one, and [a-z] for a class; close every [ or write \\[ for a literal bracket.',
      },
    });
  }
});

/** `key` or `key=value`: Docker's label filter syntax, which needs a key. */
const labelSchema = labelText.superRefine((label, ctx) => {
  if (label.startsWith('=')) {
    ctx.addIssue({
      code: 'custom',
      message: `The protected label "${label}" has no key.`,
      params: { fix: 'Write the label as key or key=value, for example reclaim.keep=true.' },
    });
  }
});

function settingsObject(pattern: z.ZodType<string>, label: z.ZodType<string>) {
  return z.strictObject({
    endpoint: endpointSchema.nullable(),
    protectedPatterns: z.array(pattern).max(500),
    protectedLabel: label.nullable(),
    language: z.enum(languages),
    theme: z.enum(themes),
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

/**
 * A value the user typed that breaks a rule the user can follow (a pattern, a label) comes
 * with its own message and fix, so the Settings screen can show them as they are.
 */
export function userFixableIssue(
  issues: readonly z.core.$ZodIssue[],
): { message: string; fix: string } | null {
  for (const issue of issues) {
    if (issue.code !== 'custom') continue;
    const fix: unknown = issue.params?.['fix'];
    if (typeof fix === 'string') return { message: issue.message, fix };
  }
  return null;
}
