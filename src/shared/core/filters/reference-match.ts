import { familiarName, familiarString, parseReported } from '../references/reference-grammar';
import { BadPatternError, compilePathPattern } from './path-match';

/**
 * Docker's `reference=PATTERN` filter (reference.FamiliarMatch): the pattern, a Go path
 * pattern, is tried on the familiar `name:tag` (or `name@digest`) and then on the familiar
 * name alone; `'*:latest'` picks every official image tagged latest, `'team/*'` a namespace.
 * An image matches when any of its references does. Throws BadPatternError.
 */
export function referenceMatcher(
  patterns: readonly string[],
): (refs: readonly string[]) => boolean {
  const compiled = patterns.map(compilePathPattern);
  return (refs) =>
    refs.some((reported) => {
      const ref = parseReported(reported);
      if (!ref) return false;
      const whole = familiarString(ref);
      const name = familiarName(ref);
      return compiled.some((re) => re.test(whole) || re.test(name));
    });
}

export { BadPatternError };
