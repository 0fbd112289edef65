import { describe, expect, it } from 'vitest';
import { ReclaimFailure } from '../../shared/errors';
import { defaultSettingsDir, readWebOptions } from './options';

describe('readWebOptions', () => {
  it('makes a fresh random token and picks a free port by default', () => {
    const a = readWebOptions([], {}, 'linux');
    const b = readWebOptions([], {}, 'linux');
    expect(a.port).toBe(0);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.endpoint).toBeNull();
  });

  it('reads port, token, engine and settings folder from the environment', () => {
    const options = readWebOptions(
      [],
      {
        RECLAIM_PORT: '7777',
        RECLAIM_TOKEN: 'a-test-token-of-enough-length-32chars',
        RECLAIM_DOCKER_HOST: 'unix:///tmp/private/docker.sock',
        RECLAIM_SETTINGS_DIR: '/tmp/settings',
      },
      'linux',
    );
    expect(options).toEqual({
      port: 7777,
      token: 'a-test-token-of-enough-length-32chars',
      endpoint: { host: 'unix:///tmp/private/docker.sock' },
      settingsDir: '/tmp/settings',
    });
  });

  it('lets flags win over the environment', () => {
    const options = readWebOptions(['--port', '8080', '--host', 'tcp://127.0.0.1:2375'], {
      RECLAIM_PORT: '7777',
      RECLAIM_DOCKER_HOST: 'unix:///x.sock',
    });
    expect(options.port).toBe(8080);
    expect(options.endpoint).toEqual({ host: 'tcp://127.0.0.1:2375' });
  });

  it.each([
    [['--port', 'eighty'], {}, { cause: 'web-port-invalid', subject: 'eighty' }],
    [['--port', '70000'], {}, { cause: 'web-port-invalid', subject: '70000' }],
    [['--bogus'], {}, { cause: 'web-arguments-invalid' }],
    [['--host', 'file:///etc/passwd'], {}, { cause: 'web-host-invalid' }],
    [[], { RECLAIM_TOKEN: 'short' }, { cause: 'web-token-too-short', values: { minimum: 32 } }],
  ])('refuses %j %j with its cause', (argv, env, facts) => {
    let thrown: unknown;
    try {
      readWebOptions(argv, env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ReclaimFailure);
    expect((thrown as ReclaimFailure).error).toMatchObject({ code: 'VALIDATION', ...facts });
  });

  it('shares the desktop app’s settings folder by default', () => {
    expect(defaultSettingsDir({ XDG_CONFIG_HOME: '/home/u/.config' }, 'linux')).toBe(
      '/home/u/.config/Reclaim',
    );
    expect(defaultSettingsDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toMatch(
      /Reclaim$/,
    );
  });
});
