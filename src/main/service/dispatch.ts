import { METHOD_NAMES, type MethodName, type Outcome } from '../../shared/contract';
import { reclaimError, ReclaimFailure } from '../../shared/errors';
import { userFixableIssue } from '../settings/settings-schema';
import { METHOD_SCHEMAS } from './method-schemas';
import { toOutcome } from './outcome';
import type { ServiceMethods } from './service-api';

const KNOWN_METHODS: ReadonlySet<string> = new Set(METHOD_NAMES);

function isMethodName(name: string): name is MethodName {
  return KNOWN_METHODS.has(name);
}

/**
 * The one door from an untrusted caller (IPC or HTTP) to the service: the method must be in
 * the contract and its arguments must pass the method's schema, or the service is never
 * called and the caller gets a VALIDATION error.
 */
export async function dispatch(
  service: ServiceMethods,
  name: string,
  rawArgs: unknown,
): Promise<Outcome<unknown>> {
  return toOutcome(async () => {
    if (!isMethodName(name)) {
      throw new ReclaimFailure(
        reclaimError('VALIDATION', { cause: 'unknown-method', subject: name.slice(0, 64) }),
      );
    }
    return callValidated(service, name, rawArgs);
  });
}

function callValidated<K extends MethodName>(
  service: ServiceMethods,
  name: K,
  rawArgs: unknown,
): Promise<unknown> {
  const parsed = METHOD_SCHEMAS[name].safeParse(rawArgs);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(arguments)'}: ${issue.message}`)
      .join('; ');
    // A rule the user can follow (a settings pattern they typed) speaks to the user; any
    // other malformed call is the page's fault.
    const fixable = userFixableIssue(parsed.error.issues);
    throw new ReclaimFailure(
      fixable
        ? reclaimError('VALIDATION', fixable)
        : reclaimError('VALIDATION', {
            cause: 'malformed-arguments',
            detail,
            values: { method: name },
          }),
    );
  }
  // The schema map is typed method by method; TypeScript cannot correlate the indexed
  // schema with the indexed method, so the call goes through a function of the same shape.
  const method = service[name] as (...args: unknown[]) => Promise<unknown>;
  return method.apply(service, parsed.data as unknown[]);
}
