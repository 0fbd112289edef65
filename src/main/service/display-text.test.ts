import { describe, expect, it } from 'vitest';
import { displayTextIn } from './display-text.fixture';

describe('displayTextIn', () => {
  it('finds a sentence anywhere but in the verbatim fields', () => {
    expect(
      displayTextIn({
        outcome: 'blocked-by-children',
        conflict: { kind: 'dependent-children', engineMessage: 'conflict: unable to delete 1' },
        error: { code: 'CONFLICT', detail: 'image has dependent child images' },
        command: 'docker rmi a:1',
        notes: ['sha256:abc', 'Blocked: it has child images built on it.'],
      }),
    ).toEqual(['$.notes[1]: Blocked: it has child images built on it.']);
  });

  it('finds the sentences an old-style error carried', () => {
    expect(
      displayTextIn({ code: 'NOT_FOUND', message: 'No such image: x', fix: 'Refresh the list.' }),
    ).toHaveLength(2);
  });
});
