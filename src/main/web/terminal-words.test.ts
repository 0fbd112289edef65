import { describe, expect, it } from 'vitest';
import { reclaimError } from '../../shared/errors';
import { terminalErrorText } from './terminal-words';

describe('terminalErrorText', () => {
  it('words an error in English from its facts, with the fix hint and the engine words', () => {
    const text = terminalErrorText(
      reclaimError('ENGINE_NOT_RUNNING', {
        cause: 'connection-refused',
        endpoint: 'unix:///var/run/docker.sock',
        detail: 'connect ECONNREFUSED /var/run/docker.sock',
        values: { hint: 'start-docker-service' },
      }),
    );
    expect(text.split('\n')).toEqual([
      'No engine is running at unix:///var/run/docker.sock: nothing is listening there.',
      'What to do: Start the Docker service: `sudo systemctl start docker`.',
      'The engine said: connect ECONNREFUSED /var/run/docker.sock',
    ]);
  });

  it('words a command-line error of browser mode with its usage', () => {
    const text = terminalErrorText(
      reclaimError('VALIDATION', { cause: 'web-port-invalid', subject: 'eighty' }),
    );
    expect(text).toBe(
      '"eighty" is not a port number.\nWhat to do: Usage: npm run web -- [--port N] [--host unix:///path/docker.sock]',
    );
  });
});
