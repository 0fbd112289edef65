import { describe, expect, it } from 'vitest';
import type { ErrorCause } from '../../../../shared/error-causes';
import { reclaimError, type ReclaimError } from '../../../../shared/errors';
import type { FixHint } from '../../../../shared/fix-hints';
import { en } from '../en';
import { zhCN } from '../zh-CN';
import { CAUSE_CODE, ERROR_CODES, FIX_HINTS } from './catalogue';
import { wordError } from './error-words';
import { catalogueTranslator } from './translate';

/** Each catalogue on its own: no fallback to English can hide a missing Chinese word. */
const CATALOGUES = [
  ['en', catalogueTranslator(en, 'en')],
  ['zh-CN', catalogueTranslator(zhCN, 'zh-CN')],
] as const;

/** Every value any error's words use, so a placeholder left unfilled shows as a brace. */
const ALL_VALUES = {
  port: 70000,
  scheme: 'fd',
  file: 'ca',
  source: 'config.json',
  configDir: '/home/me/.docker',
  method: 'GET',
  path: '/info',
  seconds: 10,
  engineMin: '1.12',
  engineMax: '1.40',
  clientMin: '1.41',
  clientMax: '1.52',
  clientVersion: '1.41',
  minimum: 16,
  limit: 1_048_576,
  keyType: 'ssh-ed25519',
  fingerprint: 'SHA256:abc',
  status: 500,
  errno: 'EWEIRD',
  count: 2,
  socketPath: '/run/x.sock',
  address: 'box:2375',
  command: 'ssh me@box',
};

function sample(code: ReclaimError['code'], cause?: ErrorCause): ReclaimError {
  return reclaimError(code, {
    ...(cause ? { cause } : {}),
    endpoint: 'unix:///var/run/docker.sock',
    subject: 'redis:7',
    candidates: ['unix:///var/run/docker.sock'],
    values: ALL_VALUES,
  });
}

function expectWorded(text: string, label: string): void {
  expect(text.trim(), label).not.toBe('');
  expect(text, label).not.toMatch(/[{}]|errorText\./);
}

describe('errorWords: every code and cause has words in both catalogues', () => {
  for (const [locale, t] of CATALOGUES) {
    it(`${locale}: the default message and fix of every code`, () => {
      for (const code of ERROR_CODES) {
        const words = wordError(t, sample(code));
        expectWorded(words.message, `${locale} ${code} message`);
        expectWorded(words.fix, `${locale} ${code} fix`);
      }
    });

    it(`${locale}: the own message and fix of every cause, under its code`, () => {
      for (const [cause, code] of Object.entries(CAUSE_CODE) as [ErrorCause, ErrorCode][]) {
        const label = `${locale} ${code}.${cause}`;
        for (const part of ['message', 'fix'] as const) {
          const own = t(`errorText.codes.${code}.${cause}.${part}`, { default: '' });
          expect(own, `${label} ${part} is in the catalogue`).not.toBe('');
        }
        const words = wordError(t, sample(code, cause));
        expectWorded(words.message, `${label} message`);
        expectWorded(words.fix, `${label} fix`);
      }
    });

    it(`${locale}: the words of every fix hint`, () => {
      for (const hint of Object.keys(FIX_HINTS) as FixHint[]) {
        const error = reclaimError('ENGINE_NOT_RUNNING', {
          cause: 'connection-refused',
          endpoint: 'unix:///run/x.sock',
          values: { hint, socketPath: '/run/x.sock', address: 'box:2375', command: 'ssh me@box' },
        });
        expectWorded(wordError(t, error).fix, `${locale} hint ${hint}`);
      }
    });
  }

  it('words Chinese in Chinese: no message or fix is the English one', () => {
    const [, english] = CATALOGUES[0];
    const [, chinese] = CATALOGUES[1];
    for (const [cause, code] of Object.entries(CAUSE_CODE) as [ErrorCause, ErrorCode][]) {
      const error = sample(code, cause);
      const inEnglish = wordError(english, error);
      const inChinese = wordError(chinese, error);
      expect(inChinese.message, cause).not.toBe(inEnglish.message);
      expect(inChinese.fix, cause).not.toBe(inEnglish.fix);
    }
  });
});

type ErrorCode = ReclaimError['code'];

describe('errorWords: which words an error gets', () => {
  const [, t] = CATALOGUES[0];

  it('uses the cause’s words, and the code’s default for an unknown or absent cause', () => {
    const refused = reclaimError('ENGINE_NOT_RUNNING', {
      cause: 'connection-refused',
      endpoint: 'tcp://box:2375',
    });
    expect(wordError(t, refused).message).toBe(
      'No engine is running at tcp://box:2375: nothing is listening there.',
    );
    // A cause of another code (a mismatch) falls back to the code's own default.
    const mismatched = reclaimError('TIMEOUT', { cause: 'connection-refused' });
    expect(wordError(t, mismatched).message).toBe(
      'No answer came in time from the engine’s address.',
    );
  });

  it('gives the platform’s fix when the error carries a hint', () => {
    const linux = reclaimError('PERMISSION_DENIED', {
      cause: 'access-denied',
      endpoint: 'unix:///var/run/docker.sock',
      values: { hint: 'join-docker-group' },
    });
    expect(wordError(t, linux).fix).toContain('sudo usermod -aG docker $USER');
    const colima = reclaimError('ENGINE_NOT_RUNNING', {
      cause: 'socket-missing',
      values: { hint: 'start-colima' },
    });
    expect(wordError(t, colima).fix).toBe('Start Colima: `colima start`.');
  });

  it('gives a NOT_CONNECTED the fix of the failure behind it', () => {
    const unavailable = reclaimError('NOT_CONNECTED', {
      cause: 'engine-unavailable',
      endpoint: 'ssh://me@box:2222',
      values: {
        reasonCode: 'ENGINE_NOT_RUNNING',
        reasonCause: 'connection-refused',
        hint: 'check-ssh-engine',
        command: 'ssh -p 2222 me@box',
      },
    });
    expect(wordError(t, unavailable)).toEqual({
      message: 'Reclaim is not connected to ssh://me@box:2222: the last attempt failed.',
      fix: 'Check that `ssh -p 2222 me@box` works and that Docker runs on that machine.',
    });
  });

  it('words the TLS file and the docker context source from their codes', () => {
    const missing = reclaimError('TLS_FAILED', {
      cause: 'tls-file-missing',
      endpoint: 'tcp://box:2376',
      subject: '/certs/key.pem',
      values: { file: 'key' },
    });
    expect(wordError(t, missing).message).toBe(
      'The TLS client key /certs/key.pem does not exist, so Reclaim cannot connect to tcp://box:2376 securely.',
    );
    const context = reclaimError('ENDPOINT_INVALID', {
      cause: 'context-missing',
      subject: 'gone',
      values: { source: 'DOCKER_CONTEXT', configDir: '/home/me/.docker' },
    });
    expect(wordError(t, context).message).toBe(
      'DOCKER_CONTEXT names the docker context "gone", but there is no such context in /home/me/.docker.',
    );
  });
});
