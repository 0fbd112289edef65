/**
 * Errors worded for the terminal that runs `npm run web`: the terminal is an edge, like the
 * renderer, so it words codes itself, in English, from the renderer's own English catalogue
 * and wording rules rather than a second set of sentences.
 */
import type { ReclaimError } from '../../shared/errors';
import { en } from '../../renderer/src/i18n/en';
import { wordError } from '../../renderer/src/i18n/errors/error-words';
import { catalogueTranslator } from '../../renderer/src/i18n/errors/translate';

const t = catalogueTranslator(en, 'en');

/** What happened, what to do, and the engine's own words when there are any: one per line. */
export function terminalErrorText(error: ReclaimError): string {
  const { message, fix } = wordError(t, error);
  const colon = t('punct.colon');
  return [
    message,
    `${t('engine.whatToDo')}${colon}${fix}`,
    ...(error.detail ? [`${t('engine.engineSaid')}${colon}${error.detail}`] : []),
  ].join('\n');
}
