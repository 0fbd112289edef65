/**
 * How an error is worded from its facts, the same for the UI (svelte-i18n) and the browser-mode
 * terminal (the English catalogue): the cause's words under its code, else the code's default;
 * a fix hint, when the error carries one, says what to do for that engine on that platform.
 */
import { isReclaimError, type ReclaimError } from '../../../../shared/errors';
import { isFixHint, type ErrorWords } from './catalogue';

/** A message formatter: svelte-i18n's `$_` or the terminal's; `default` when the key is absent. */
export type ErrorTranslate = (
  key: string,
  options?: { values?: Record<string, string | number>; default?: string },
) => string;

const MISSING = '\u0000';

/** The values every error's words may use, from its facts; `values` last, as they are specific. */
function wordValues(t: ErrorTranslate, error: ReclaimError): Record<string, string | number> {
  return {
    endpoint: error.endpoint || t('errorText.anyEngine'),
    subject: error.subject ?? '',
    candidates: (error.candidates ?? []).join(', '),
    count: error.candidates?.length ?? 0,
    ...error.values,
  };
}

function pick(
  t: ErrorTranslate,
  error: ReclaimError,
  part: keyof ErrorWords,
  values: Record<string, string | number>,
): string {
  const base = `errorText.codes.${error.code}`;
  if (error.cause) {
    const own = t(`${base}.${error.cause}.${part}`, { values, default: MISSING });
    if (own !== MISSING) return own;
  }
  return t(`${base}.default.${part}`, { values });
}

/**
 * The error that made a NOT_CONNECTED `engine-unavailable`: its code and cause travel in
 * `values.reasonCode` / `reasonCause`, its other values beside them.
 */
function reasonOf(error: ReclaimError): ReclaimError | null {
  if (error.code !== 'NOT_CONNECTED' || error.cause !== 'engine-unavailable') return null;
  const { reasonCode, reasonCause, ...values } = error.values ?? {};
  const reason: unknown = {
    code: reasonCode,
    ...(reasonCause !== undefined ? { cause: reasonCause } : {}),
    ...(error.endpoint !== undefined ? { endpoint: error.endpoint } : {}),
    values,
  };
  return isReclaimError(reason) && reason.code !== 'NOT_CONNECTED' ? reason : null;
}

/** The error's message and fix in the translator's language; never a sentence from main. */
export function wordError(t: ErrorTranslate, error: ReclaimError): ErrorWords {
  const values = wordValues(t, error);
  const message = pick(t, error, 'message', values);
  const reason = reasonOf(error);
  if (reason) return { message, fix: wordError(t, reason).fix };
  const hint = error.values?.['hint'];
  const fix = isFixHint(hint)
    ? t(`errorText.hints.${hint}`, { values })
    : pick(t, error, 'fix', values);
  return { message, fix };
}
