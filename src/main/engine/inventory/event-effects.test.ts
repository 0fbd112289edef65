import { describe, expect, it } from 'vitest';
import { effectsOf } from './event-effects';

const ID = `sha256:${'e'.repeat(64)}`;

describe('effectsOf', () => {
  it.each(['untag', 'delete'])('re-reads one image after %s', (action) => {
    expect(effectsOf({ Type: 'image', Action: action, Actor: { ID } })).toEqual([
      { kind: 'image', id: ID },
    ]);
  });

  it.each(['tag', 'pull', 'load', 'import', 'prune'])(
    're-lists images after %s, and the stores a build may have filled',
    (action) => {
      expect(effectsOf({ Type: 'image', Action: action, Actor: { ID: 'redis:alpine' } })).toEqual([
        { kind: 'all-images' },
        { kind: 'stores' },
      ]);
    },
  );

  it('reads the legacy status/id fields of old engines', () => {
    expect(effectsOf({ Type: 'image', status: 'delete', id: ID })).toEqual([
      { kind: 'image', id: ID },
    ]);
  });

  it('ignores image actions that change nothing', () => {
    expect(effectsOf({ Type: 'image', Action: 'push', Actor: { ID } })).toEqual([]);
  });

  it('re-reads a container, and volume counts when one is created or destroyed', () => {
    expect(effectsOf({ Type: 'container', Action: 'die', Actor: { ID: 'c1' } })).toEqual([
      { kind: 'container', id: 'c1' },
    ]);
    expect(effectsOf({ Type: 'container', Action: 'destroy', Actor: { ID: 'c1' } })).toEqual([
      { kind: 'container', id: 'c1' },
      { kind: 'stores' },
    ]);
  });

  it('ignores exec and health noise', () => {
    expect(effectsOf({ Type: 'container', Action: 'exec_start: sh', Actor: { ID: 'c' } })).toEqual(
      [],
    );
    expect(
      effectsOf({ Type: 'container', Action: 'health_status: healthy', Actor: { ID: 'c' } }),
    ).toEqual([]);
  });

  it('re-reads volumes on create and destroy only', () => {
    expect(effectsOf({ Type: 'volume', Action: 'create', Actor: { ID: 'v' } })).toEqual([
      { kind: 'stores' },
    ]);
    expect(effectsOf({ Type: 'volume', Action: 'mount', Actor: { ID: 'v' } })).toEqual([]);
  });

  it('ignores other event types', () => {
    expect(effectsOf({ Type: 'network', Action: 'connect', Actor: { ID: 'n' } })).toEqual([]);
  });
});
