import type Docker from 'dockerode';
import { PassThrough } from 'node:stream';
import { reclaimError, ReclaimFailure } from '../../../shared/errors';
import { testEngineInfo } from '../../../shared/testing/inventory-builders';
import type { Connection, EngineRequest } from '../connect/connection';
import type { RawBuildCache, RawImageInspect, RawImageSummary, RawSystemDf } from './raw-types';

/**
 * An in-memory engine behind a Connection, for the live inventory's unit tests: it answers
 * the reads the inventory makes from `images`, logs every request, and hands out events
 * streams the test writes to.
 */
export class FakeEngine {
  readonly images = new Map<string, { summary: RawImageSummary; diffIds: string[] }>();
  readonly requests: string[] = [];
  readonly streams: PassThrough[] = [];
  /** The engine is stopped: pings and new streams fail. */
  down = false;
  /** While set, `/system/df` waits for it: a busy engine walking its volumes. */
  slowDf: Promise<void> | null = null;
  /** Inspects of these images fail as moby's do mid-deletion (HTTP 500), once each. */
  readonly failInspectOnce = new Set<string>();
  /** BuildKit's records, as `/system/df` lists them (they change with no event). */
  buildCache: RawBuildCache[] = [];
  /** The image store the engine says it runs (the containerd store's Images row is its own). */
  imageStore: 'classic' | 'containerd' = 'classic';

  addImage(id: string, tags: string[], size: number, diffIds: string[], parentId = ''): void {
    this.images.set(id, {
      summary: {
        Id: id,
        RepoTags: tags,
        RepoDigests: [],
        Created: 1,
        Size: size,
        ParentId: parentId,
      },
      diffIds,
    });
  }

  /** The newest events stream, as the inventory opened it. */
  get stream(): PassThrough {
    const stream = this.streams.at(-1);
    if (!stream) throw new Error('no events stream was opened');
    return stream;
  }

  emit(event: object): void {
    this.stream.write(`${JSON.stringify(event)}\n`);
  }

  connection(): Connection {
    const modem = {
      dial: (_options: unknown, callback: (error: unknown, stream: unknown) => void) => {
        if (this.down) {
          setImmediate(() => callback(new Error('connect ENOENT'), undefined));
          return;
        }
        const stream = new PassThrough();
        this.streams.push(stream);
        setImmediate(() => callback(null, stream));
      },
    };
    const docker = {
      modem,
      ping: () => (this.down ? Promise.reject(new Error('connect ENOENT')) : Promise.resolve()),
    } as unknown as Docker;
    return {
      docker,
      // Not a unix socket: every read goes through request(), which the fake answers.
      engine: testEngineInfo({
        endpoint: { host: 'tcp://fake-engine:2375' },
        imageStore: this.imageStore,
      }),
      request: async <T>(req: EngineRequest) => {
        if (req.path === '/system/df' && this.slowDf) await this.slowDf;
        return this.answer(req) as T;
      },
    };
  }

  private answer(req: EngineRequest): unknown {
    this.requests.push(`${req.method} ${req.path}${req.query?.size ? '?size' : ''}`);
    if (req.path === '/images/json') return [...this.images.values()].map((i) => i.summary);
    if (req.path === '/system/df')
      return {
        LayersSize: 0,
        Containers: [],
        Volumes: [],
        BuildCache: this.buildCache,
      } satisfies RawSystemDf;
    if (req.path === '/containers/json') return [];
    const inspect = /^\/images\/(.+)\/json$/.exec(req.path);
    if (inspect?.[1]) {
      if (this.failInspectOnce.delete(inspect[1])) {
        throw new ReclaimFailure(
          reclaimError('ENGINE_ERROR', {
            cause: 'http-error',
            detail: 'layer does not exist',
            values: { status: 500 },
          }),
        );
      }
      const image = this.images.get(inspect[1]);
      if (!image) {
        throw new ReclaimFailure(
          reclaimError('NOT_FOUND', { cause: 'engine-not-found', detail: 'No such image' }),
        );
      }
      const answer: RawImageInspect = {
        Id: image.summary.Id,
        RepoTags: image.summary.RepoTags ?? [],
        RepoDigests: [],
        Parent: image.summary.ParentId ?? '',
        Created: new Date(1_000).toISOString(),
        Size: image.summary.Size,
        RootFS: { Type: 'layers', Layers: image.diffIds },
      };
      return answer;
    }
    if (/^\/images\/.+\/history$/.test(req.path)) return [];
    throw new Error(`the fake engine cannot answer ${req.method} ${req.path}`);
  }
}
