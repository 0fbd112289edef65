import { DEFAULT_CLEANUP_PARAMETERS } from '../../shared/cleanup';
import type { ApiMethods, MethodName } from '../../shared/contract';

/**
 * For every contract method: one well-formed argument list and several malformed ones.
 * Shared by the dispatch, IPC and browser-mode tests; typed as a full map so a new method
 * without cases is a compile error.
 */
export interface MethodCases<K extends MethodName> {
  valid: Parameters<ApiMethods[K]>;
  malformed: unknown[];
}

export const METHOD_CASES: { [K in MethodName]: MethodCases<K> } = {
  getEngineStatus: { valid: [], malformed: [['extra'], {}, null] },
  listEndpoints: { valid: [], malformed: [[1], 'x'] },
  connect: {
    valid: [{ host: 'unix:///tmp/reclaim-test.sock' }],
    malformed: [
      [],
      [{ host: 'file:///etc/passwd' }],
      [{ host: 'unix:///x', extra: true }],
      [{ host: 42 }],
      [null, 'extra'],
    ],
  },
  getDiskUsage: { valid: [], malformed: [[true]] },
  getInventory: { valid: [], malformed: [[{}]] },
  resolveReference: {
    valid: ['redis:alpine'],
    malformed: [[], [''], [42], ['x'.repeat(600)], ['a', 'b']],
  },
  planRemoval: {
    valid: [
      ['redis:alpine'],
      { force: false, removeStoppedContainers: false, childrenFirst: false },
    ],
    malformed: [
      [[], { force: false, removeStoppedContainers: false, childrenFirst: false }],
      [['redis'], { force: 'yes', removeStoppedContainers: false, childrenFirst: false }],
      [['redis'], { force: false }],
      [['redis'], { force: false, removeStoppedContainers: false, childrenFirst: false, x: 1 }],
      ['redis', { force: false, removeStoppedContainers: false, childrenFirst: false }],
    ],
  },
  planPrune: {
    valid: [{ all: true, until: '72h', label: ['team=a'] }],
    malformed: [
      [],
      [{}],
      [{ all: 'true' }],
      [{ all: true, label: 'team=a' }],
      [{ all: true, rm: 1 }],
    ],
  },
  runPlan: { valid: ['plan-1'], malformed: [[], [''], ['../../etc'], [7]] },
  cancelRun: { valid: ['plan-1'], malformed: [[], [null], ['a b']] },
  planResourceRemoval: {
    valid: [
      {
        containers: ['0123abcd'.repeat(8)],
        networks: true,
        volumes: ['data_volume'],
        unticked: [],
      },
    ],
    malformed: [
      [],
      [{}],
      [{ containers: ['not-hex!'], networks: false, volumes: [], unticked: [] }],
      [{ containers: ['0123abcd'], networks: false, volumes: [], unticked: [] }],
      [{ containers: ['0123ABCD'.repeat(8)], networks: false, volumes: [], unticked: [] }],
      [{ containers: 'all', networks: false, volumes: [], unticked: [] }],
      [{ containers: [], networks: 'yes', volumes: [], unticked: [] }],
      [{ containers: [], networks: false, volumes: ['../etc'], unticked: [] }],
      [{ containers: [], networks: false, volumes: ['-x'], unticked: [] }],
      [{ containers: [], networks: false, volumes: [], unticked: ['bridge'] }],
      [{ containers: [], networks: false, volumes: [] }],
      [{ containers: [], networks: false, volumes: [], unticked: [], force: true }],
    ],
  },
  runResourcePlan: { valid: ['p1'], malformed: [[], [1], ['../x'], ['p1', 'extra']] },
  planBuildCachePrune: {
    valid: [{ all: true, until: '24h' }],
    malformed: [
      [],
      [{}],
      [{ all: 'yes' }],
      [{ all: true, until: '' }],
      [{ all: true, keep: 1 }],
      [{ all: true, keepStorage: -5 }],
      [{ all: true, keepStorage: '5GB' }],
    ],
  },
  runBuildCachePlan: { valid: ['p1'], malformed: [[], [1], ['../x'], ['p1', 'extra']] },
  estimateCleanups: {
    valid: [{ ...DEFAULT_CLEANUP_PARAMETERS, custom: { ...DEFAULT_CLEANUP_PARAMETERS.custom } }],
    malformed: [
      [],
      [{ ...DEFAULT_CLEANUP_PARAMETERS, olderThanHours: 0 }],
      [{ ...DEFAULT_CLEANUP_PARAMETERS, keepNewest: 1.5 }],
      [{ olderThanHours: 72, keepNewest: 2 }],
      [{ ...DEFAULT_CLEANUP_PARAMETERS, cacheKeepBytes: -1 }],
      [{ ...DEFAULT_CLEANUP_PARAMETERS, olderThanHours: '72h' }],
      [
        {
          ...DEFAULT_CLEANUP_PARAMETERS,
          custom: { ...DEFAULT_CLEANUP_PARAMETERS.custom, images: 'all' },
        },
      ],
      [
        {
          ...DEFAULT_CLEANUP_PARAMETERS,
          custom: { ...DEFAULT_CLEANUP_PARAMETERS.custom, volumes: ['../x'] },
        },
      ],
    ],
  },
  planCleanup: {
    valid: [
      { strategy: 'keep-newest', keep: 3 },
      {
        images: [`sha256:${'a'.repeat(64)}`],
        cacheRecords: ['w8tl2j8d3o2bmudvs0lz0x3x0'],
        resources: [],
      },
    ],
    malformed: [
      [],
      [{ strategy: 'safe' }],
      [{ strategy: 'everything' }, { images: [], cacheRecords: [], resources: [] }],
      [{ strategy: 'older-than' }, { images: [], cacheRecords: [], resources: [] }],
      [
        { strategy: 'older-than', hours: -1 },
        { images: [], cacheRecords: [], resources: [] },
      ],
      [
        { strategy: 'safe', extra: true },
        { images: [], cacheRecords: [], resources: [] },
      ],
      [
        { strategy: 'keep-newest', keep: 0 },
        { images: [], cacheRecords: [], resources: [] },
      ],
      [{ strategy: 'safe' }, { images: ['nginx:latest'], cacheRecords: [], resources: [] }],
      [{ strategy: 'safe' }, { images: [], cacheRecords: ['a b'], resources: [] }],
      [{ strategy: 'safe' }, { images: [] }],
      [{ strategy: 'everything-unused' }, { images: [], cacheRecords: [], resources: [] }],
      [
        { strategy: 'everything-unused', volumes: ['../x'] },
        { images: [], cacheRecords: [], resources: [] },
      ],
      [{ strategy: 'safe' }, { images: [], cacheRecords: [], resources: ['bridge'] }],
    ],
  },
  getHistory: { valid: [], malformed: [[1]] },
  exportHistory: { valid: [], malformed: [['json']] },
  getDiskWatch: { valid: [], malformed: [[true]] },
  getSettings: { valid: [], malformed: [['theme']] },
  getSettingsNotice: { valid: [], malformed: [[1]] },
  updateSettings: {
    valid: [{ theme: 'dark' }],
    malformed: [
      [],
      [{ theme: 'purple' }],
      [{ unknown: 1 }],
      [{ protectedPatterns: 'redis' }],
      [{ protectedPatterns: ['postgres:['] }],
      [{ protectedPatterns: ['redis:*', 'a[b'] }],
      [{ protectedLabel: '=x' }],
      [{ watch: { enabled: true } }],
      [{ watch: { enabled: true, reclaimableBytes: -1, freeBytes: 0 } }],
      [null],
    ],
  },
  openDocs: {
    valid: ['https://docs.docker.com/reference/cli/docker/image/rm/'],
    malformed: [[], [''], [42], ['x'.repeat(3000)]],
  },
};
