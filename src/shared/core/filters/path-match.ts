/**
 * Go's path.Match, which Docker's `reference=` filter uses: `*` matches any run of
 * characters except `/`, `?` one such character, `[...]` a class (`[^...]` negated, ranges
 * `a-z`, `\` escapes). A malformed pattern is an error (ErrBadPattern), not a mismatch.
 */
export class BadPatternError extends Error {
  constructor(pattern: string) {
    super(`syntax error in pattern: ${pattern}`);
  }
}

/** Translates a Go path pattern into an anchored RegExp; throws BadPatternError. */
export function compilePathPattern(pattern: string): RegExp {
  let source = '';
  let i = 0;
  while (i < pattern.length) {
    const char = pattern.charAt(i);
    if (char === '*') {
      source += '[^/]*';
      i++;
    } else if (char === '?') {
      source += '[^/]';
      i++;
    } else if (char === '\\') {
      if (i + 1 >= pattern.length) throw new BadPatternError(pattern);
      source += escapeRegExp(pattern.charAt(i + 1));
      i += 2;
    } else if (char === '[') {
      const { regex, next } = compileClass(pattern, i + 1);
      source += regex;
      i = next;
    } else {
      source += escapeRegExp(char);
      i++;
    }
  }
  return new RegExp(`^${source}$`, 'u');
}

function compileClass(pattern: string, start: number): { regex: string; next: number } {
  let i = start;
  let negated = false;
  if (pattern.charAt(i) === '^') {
    negated = true;
    i++;
  }
  const parts: string[] = [];
  let first = true;
  while (true) {
    if (i >= pattern.length) throw new BadPatternError(pattern);
    if (pattern.charAt(i) === ']' && !first) break;
    const lo = readClassChar(pattern, i);
    i = lo.next;
    if (pattern.charAt(i) === '-' && pattern.charAt(i + 1) !== ']') {
      const hi = readClassChar(pattern, i + 1);
      if (hi.char < lo.char) throw new BadPatternError(pattern);
      parts.push(`${escapeClass(lo.char)}-${escapeClass(hi.char)}`);
      i = hi.next;
    } else {
      parts.push(escapeClass(lo.char));
    }
    first = false;
  }
  // Go classes never match the separator, negated or not.
  const body = parts.join('');
  const regex = negated ? `(?!/)[^${body}]` : `(?!/)[${body}]`;
  return { regex, next: i + 1 };
}

function readClassChar(pattern: string, i: number): { char: string; next: number } {
  const char = pattern.charAt(i);
  if (char === '' || char === '-' || char === ']') throw new BadPatternError(pattern);
  if (char === '\\') {
    const escaped = pattern.charAt(i + 1);
    if (escaped === '') throw new BadPatternError(pattern);
    return { char: escaped, next: i + 2 };
  }
  return { char, next: i + 1 };
}

function escapeRegExp(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function escapeClass(char: string): string {
  return char.replace(/[\]\\^-]/g, '\\$&');
}

export function pathMatch(pattern: string, name: string): boolean {
  return compilePathPattern(pattern).test(name);
}
