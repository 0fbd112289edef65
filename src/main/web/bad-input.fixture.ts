import { METHOD_NAMES, type MethodName } from '../../shared/contract';
import { METHOD_CASES } from '../service/method-cases.fixture';

/**
 * Generated hostile calls for the browser-mode API, built from each method's well-formed
 * arguments (METHOD_CASES) so every method and every argument, one level deep, is hit:
 * - `invalid`: cannot pass the method's schema (a value of another JSON type, an unknown
 *   key, a missing or extra argument, a body that is not an argument list, broken JSON, an
 *   oversized body, an unknown method name). The answer must be a VALIDATION error.
 * - `odd`: the right types with hostile contents (injection attempts, odd references, huge
 *   and control-character strings). The answer must be an Outcome: a clear error, or a preview
 *   of nothing harmful; nothing may run.
 */
export interface BadCall {
  kind: 'invalid' | 'odd';
  /** The path below /api/. */
  method: string;
  /** The raw request body. */
  body: string;
  label: string;
}

type JsonKind = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

function kindOf(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonKind;
}

/** One value of each JSON kind, some of them hostile in themselves. */
const WRONG_TYPES: unknown[] = [
  42,
  -1,
  1e308,
  true,
  'x',
  '',
  [],
  [[[[[[[[[[]]]]]]]]]],
  {},
  { constructor: { prototype: { polluted: true } } },
];

/** JSON.parse makes `__proto__` an own key (an object literal would not): injected as text. */
const PROTO_KEY = '"__proto__":{"polluted":true},';

/** Strings with hostile contents: each goes where the method takes a string. */
const ODD_STRINGS: string[] = [
  '../../../../etc/passwd',
  '/var/run/docker.sock',
  'busybox; docker rmi -f $(docker images -q)',
  '`rm -rf /`',
  '$(id)',
  'label=x&dangling=true',
  '{"dangling":["true"]}',
  '*',
  '**/*',
  'sha256:' + 'z'.repeat(64),
  'sha256:',
  ':latest',
  'a'.repeat(100_000),
  'nul\u0000byte',
  'new\nline',
  '\u202egnp.exe',
  'ｒｅｄｉｓ',
  '%2e%2e%2f',
  'x'.repeat(300) + ':tag',
  '-f',
];

const UNKNOWN_METHODS = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'GETSETTINGS',
  'getSettings%20',
  '%2e%2e%2fgetSettings',
  'getSettings%00',
  'removeImages',
  'x'.repeat(300),
  'eval',
  'start',
  'close',
];

const BROKEN_BODIES = [
  '',
  '[',
  '[1,]',
  '{"a":',
  'undefined',
  "['single']",
  '\u0000',
  '\ufeff[]',
  'NaN',
  '[] []',
];

const NOT_ARGUMENT_LISTS = ['{}', '"text"', '42', 'true', 'null', '{"0":1,"length":1}'];

/** Every way to break one value: another kind, and for objects an unknown key or a broken key. */
function brokenValues(value: unknown): unknown[] {
  const kind = kindOf(value);
  // Never null: a nullable argument accepts it, and `connect(null)` is a valid call.
  const others = WRONG_TYPES.filter((wrong) => kindOf(wrong) !== kind && wrong !== null);
  if (kind !== 'object' || value === null) return others;
  const record = value as Record<string, unknown>;
  // A key whose value is null names no type to break: a nullable number takes 42.
  const keyed = Object.entries(record)
    .filter(([, inner]) => inner !== null)
    .flatMap(([key, inner]) =>
      brokenValues(inner)
        .slice(0, 4)
        .map((broken) => ({ ...record, [key]: broken })),
    );
  return [...others, ...keyed, { ...record, unknownKey: 1 }];
}

/** Every string in the value, one level deep, replaced by each odd string. */
function oddValues(value: unknown): unknown[] {
  if (typeof value === 'string') return ODD_STRINGS;
  if (Array.isArray(value) && typeof value[0] === 'string') {
    return ODD_STRINGS.map((odd) => [odd, ...value.slice(1)]);
  }
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  return Object.entries(record).flatMap(([key, inner]) =>
    oddValues(inner).map((odd) => ({ ...record, [key]: odd })),
  );
}

/** Methods whose odd-but-typed calls would change something outside the test's data folder. */
const NO_ODD_CALLS = new Set<MethodName>(['connect']);

export function badCalls(maxBodyBytes: number): BadCall[] {
  const calls: BadCall[] = [];
  for (const method of METHOD_NAMES) {
    const valid = METHOD_CASES[method].valid as unknown[];
    const add = (kind: BadCall['kind'], args: unknown[], label: string): void => {
      calls.push({ kind, method, body: JSON.stringify(args), label: `${method} ${label}` });
    };
    valid.forEach((argument, index) => {
      for (const broken of brokenValues(argument)) {
        add(
          'invalid',
          valid.map((a, i) => (i === index ? broken : a)),
          `argument ${index} broken`,
        );
      }
      if (NO_ODD_CALLS.has(method)) return;
      for (const odd of oddValues(argument)) {
        add(
          'odd',
          valid.map((a, i) => (i === index ? odd : a)),
          `argument ${index} odd`,
        );
      }
    });
    valid.forEach((argument, index) => {
      if (kindOf(argument) !== 'object') return;
      const text = JSON.stringify(valid.map((a, i) => (i === index ? { marker: 1 } : a)));
      const injected = JSON.stringify(argument).replace(/^\{/, `{${PROTO_KEY}`);
      calls.push({
        kind: 'invalid',
        method,
        body: text.replace('{"marker":1}', injected),
        label: `${method} argument ${index} with __proto__`,
      });
    });
    if (valid.length > 0) add('invalid', valid.slice(0, -1), 'argument missing');
    for (const extra of ['extra', 1, {}, null]) add('invalid', [...valid, extra], 'extra argument');
    for (const malformed of METHOD_CASES[method].malformed) {
      if (Array.isArray(malformed)) add('invalid', malformed, 'known malformed');
    }
    for (const body of [...BROKEN_BODIES, ...NOT_ARGUMENT_LISTS]) {
      calls.push({
        kind: 'invalid',
        method,
        body,
        label: `${method} body ${JSON.stringify(body)}`,
      });
    }
    calls.push({
      kind: 'invalid',
      method,
      body: JSON.stringify(['x'.repeat(maxBodyBytes)]),
      label: `${method} oversized body`,
    });
  }
  for (const method of UNKNOWN_METHODS) {
    calls.push({ kind: 'invalid', method, body: '[]', label: `unknown method ${method}` });
  }
  return calls;
}
