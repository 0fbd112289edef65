/**
 * Finds text meant for display in what main sends the UI. Main sends codes and records; the
 * only free text allowed is what comes from elsewhere verbatim, in the fields that hold it:
 * the engine's or the system's words, Docker's names and IDs, commands, paths. A string
 * elsewhere that reads like a sentence (two or more words, one of them a lower-case English
 * word of three letters or more) is display text, and a test that finds one fails.
 */

/** Fields whose strings are verbatim facts: the engine's words, commands, names as given. */
const VERBATIM = new Set([
  'detail',
  'engineMessage',
  'command',
  'pruneCommand',
  'description',
  'label',
  'input',
  'subject',
  'name',
  'endpoint',
  'host',
]);

const SENTENCE = /\S+\s+\S+/;
const ENGLISH_WORD = /\b[a-z]{3,}\b/;

/** Each display sentence found, as `path: text`. */
export function displayTextIn(value: unknown, at = '$'): string[] {
  if (typeof value === 'string') {
    return SENTENCE.test(value) && ENGLISH_WORD.test(value) ? [`${at}: ${value}`] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, n) => displayTextIn(item, `${at}[${n}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) =>
      VERBATIM.has(key) ? [] : displayTextIn(item, `${at}.${key}`),
    );
  }
  return [];
}
