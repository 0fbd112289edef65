/**
 * Shell-style patterns as Docker's `reference=` filter and Reclaim's protected patterns use
 * them (Go's path.Match): `*` and `?` never cross a `/`, `[…]` is a character class.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) source += '\\[';
      else {
        source += `[${pattern
          .slice(i + 1, end)
          .replace(/^\^|^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else source += char.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Docker matches a reference pattern against `name:tag` and, without a tag, the name alone. */
export function referenceMatches(pattern: string, repoTag: string): boolean {
  const regex = globToRegExp(pattern);
  if (regex.test(repoTag)) return true;
  const name = repoTag.replace(/:[^:/]+$/, '');
  return !pattern.includes(':') && regex.test(name);
}
