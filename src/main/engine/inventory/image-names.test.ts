import { describe, expect, it } from 'vitest';
import { parentOrNull, withDigestPrefix } from './image-names';

describe('parentOrNull', () => {
  const hex = 'ab'.repeat(32);

  it('gives Podman’s bare-hex parent the sha256: form its image IDs have', () => {
    expect(parentOrNull(hex)).toBe(`sha256:${hex}`);
    expect(parentOrNull(`sha256:${hex}`)).toBe(`sha256:${hex}`);
  });

  it('reads an empty or absent parent as none', () => {
    expect(parentOrNull('')).toBeNull();
    expect(parentOrNull(undefined)).toBeNull();
    expect(parentOrNull(null)).toBeNull();
  });

  it('leaves anything that is not a bare 64-hex ID as it is', () => {
    expect(withDigestPrefix('abc')).toBe('abc');
    expect(withDigestPrefix('localhost/pm/child:1')).toBe('localhost/pm/child:1');
  });
});
