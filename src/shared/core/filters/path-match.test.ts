import { describe, expect, it } from 'vitest';
import { BadPatternError, pathMatch } from './path-match';

describe("pathMatch (Go's path.Match)", () => {
  it.each([
    ['*:latest', 'redis:latest', true],
    ['*:latest', 'team/app:latest', false],
    ['*/*:latest', 'team/app:latest', true],
    ['team/*', 'team/app', true],
    ['team/*', 'team/app/sub', false],
    ['redis:?', 'redis:7', true],
    ['redis:[0-9]*', 'redis:7.2', true],
    ['redis:[^0-9]*', 'redis:alpine', true],
    ['redis:[^0-9]*', 'redis:7', false],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['127.0.0.1:5000/*', '127.0.0.1:5000/app', true],
    ['127.0.0.1:5000/*', '127x0x0x1:5000/app', false],
  ])('%s on %s is %s', (pattern, name, expected) => {
    expect(pathMatch(pattern, name)).toBe(expected);
  });

  it.each(['[', 'a[b', 'a\\', '[z-a]', '[]'])('refuses the malformed pattern %j', (pattern) => {
    expect(() => pathMatch(pattern, 'x')).toThrow(BadPatternError);
  });
});
