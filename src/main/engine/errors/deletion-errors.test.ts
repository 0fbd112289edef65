import { describe, expect, it } from 'vitest';
import { deletionError, removalError } from './deletion-errors';

function httpError(statusCode: number, message: string): Error {
  return Object.assign(new Error(`(HTTP code ${statusCode}) - ${message}`), {
    statusCode,
    json: { message },
  });
}

describe('deletionError: an image removal the engine refused', () => {
  it.each([
    [
      'conflict: unable to delete 0123456789ab (cannot be forced) - image is being used by running container 4f2a',
      'image-used-by-running-container',
    ],
    [
      'conflict: unable to delete 0123456789ab (cannot be forced) - image has dependent child images',
      'image-has-dependent-children',
    ],
    [
      'conflict: unable to delete 0123456789ab (must be forced) - image is referenced in multiple repositories',
      'image-has-several-tags',
    ],
    [
      'conflict: unable to delete 0123456789ab (must be forced) - image is being used by stopped container 4f2a',
      'image-used-by-stopped-container',
    ],
    [
      'conflict: unable to remove repository reference "a:1" (must force) - container 4f2a is using its referenced image 0123',
      'image-used-by-stopped-container',
    ],
    ['a prune operation is already running', 'prune-already-running'],
    ['something new the engine says', 'deletion-refused'],
  ])('reads the cause of a 409 from moby\'s words: "%s"', (words, cause) => {
    expect(deletionError(httpError(409, words), 'redis:7')).toEqual({
      code: 'CONFLICT',
      cause,
      subject: 'redis:7',
      detail: words,
    });
  });

  it('maps other answers as any engine call: 404 is NOT_FOUND, 500 ENGINE_ERROR', () => {
    expect(deletionError(httpError(404, 'No such image: redis:7'), 'redis:7')).toMatchObject({
      code: 'NOT_FOUND',
      detail: 'No such image: redis:7',
    });
    expect(deletionError(httpError(500, 'layer does not exist'), 'redis:7')).toMatchObject({
      code: 'ENGINE_ERROR',
      values: { status: 500 },
    });
  });
});

describe('removalError: containers and volumes', () => {
  it('names what is gone, refused or failed for each kind', () => {
    expect(removalError(httpError(404, 'No such container: c1'), 'container', 'c1')).toEqual({
      code: 'NOT_FOUND',
      cause: 'container-not-found',
      subject: 'c1',
      detail: 'No such container: c1',
    });
    expect(removalError(httpError(409, 'volume is in use'), 'volume', 'data')).toMatchObject({
      code: 'CONFLICT',
      cause: 'volume-removal-refused',
      subject: 'data',
    });
    expect(removalError(httpError(500, 'disk full'), 'volume', 'data')).toMatchObject({
      code: 'ENGINE_ERROR',
      cause: 'volume-removal-failed',
      values: { status: 500 },
    });
  });

  it('maps a failure that never reached the engine as a connection error', () => {
    const cut = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(removalError(cut, 'container', 'c1')).toMatchObject({
      code: 'ENGINE_NOT_RUNNING',
      cause: 'connection-cut',
    });
  });
});
