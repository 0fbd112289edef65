import { describe, expect, it } from 'vitest';
import {
  hostKeyVerdict,
  keyFingerprint,
  knownHostName,
  parseKnownHosts,
  patternsMatch,
  wireKeyType,
} from './known-hosts';

// Recorded from OpenSSH 9.2 on this machine: `ssh-keygen -t ed25519`, `ssh-keygen -lf` for the
// fingerprint, and `ssh-keygen -H` for the hashed lines of `[127.0.0.1]:2222` and `box.lan`.
const KEY = 'AAAAC3NzaC1lZDI1NTE5AAAAIPgA4x6R3Ab/A6xap9ssPvKqCUOtAWOiRvDbbu0T8uVc';
const KEY_FINGERPRINT = 'SHA256:gNXHMVAiW7nftzx+nb5wxma2bSnSWyjyrxuSwqUmjk0';
const HASHED_LOCAL_2222 = '|1|91/ZvQNDJl+uqcFpU9+nGAGz/ww=|IYbDWkOT9iIlp0WItp5t7Nu1WAY=';
const HASHED_BOX_LAN = '|1|TXNLVzPxy2GfLoBRW/ouJvRfMqM=|ca7KU0o/LOJwFskKlvRqB5meYCM=';
const OTHER_KEY = Buffer.concat([Buffer.from(KEY, 'base64').subarray(0, 40), Buffer.alloc(11, 7)]);
const key = Buffer.from(KEY, 'base64');

describe('known_hosts as ssh reads it', () => {
  it('looks a host up by name on port 22 and by [name]:port elsewhere', () => {
    expect(knownHostName('box.lan', 22)).toBe('box.lan');
    expect(knownHostName('127.0.0.1', 2222)).toBe('[127.0.0.1]:2222');
    expect(knownHostName('Box.LAN', 22)).toBe('box.lan');
    expect(knownHostName('[::1]', 2222)).toBe('[::1]:2222');
    expect(knownHostName('[fe80::1]', 22)).toBe('fe80::1');
  });

  it('matches plain, listed, wildcard and negated patterns', () => {
    expect(patternsMatch('box.lan', 'box.lan')).toBe(true);
    expect(patternsMatch('Box.LAN', 'box.lan')).toBe(true);
    expect(patternsMatch('a.lan,box.lan', 'box.lan')).toBe(true);
    expect(patternsMatch('*.lan', 'box.lan')).toBe(true);
    expect(patternsMatch('10.0.0.?', '10.0.0.7')).toBe(true);
    expect(patternsMatch('10.0.0.?', '10.0.0.17')).toBe(false);
    expect(patternsMatch('*.lan,!box.lan', 'box.lan')).toBe(false);
    expect(patternsMatch('box.lan', '[box.lan]:2222')).toBe(false);
    // A dot is a dot, not "any character".
    expect(patternsMatch('box.lan', 'boxxlan')).toBe(false);
  });

  it('matches the hashed lines `ssh-keygen -H` writes, and only for their host', () => {
    expect(patternsMatch(HASHED_LOCAL_2222, '[127.0.0.1]:2222')).toBe(true);
    expect(patternsMatch(HASHED_BOX_LAN, 'box.lan')).toBe(true);
    expect(patternsMatch(HASHED_BOX_LAN, 'box.lan2')).toBe(false);
    expect(patternsMatch('|1|bad|hash', 'box.lan')).toBe(false);
  });

  it('gives the fingerprint and key type `ssh-keygen -lf` prints', () => {
    expect(keyFingerprint(key)).toBe(KEY_FINGERPRINT);
    expect(wireKeyType(key)).toBe('ssh-ed25519');
    expect(wireKeyType(Buffer.alloc(2))).toBe('unknown');
  });

  it('skips comments, blank and broken lines, and reads markers', () => {
    const entries = parseKnownHosts(
      [
        '# a comment',
        '',
        `box.lan ssh-ed25519 ${KEY} me@laptop`,
        'half-a-line ssh-ed25519',
        'bad-key ssh-ed25519 not*base64',
        `@revoked old.lan ssh-ed25519 ${KEY}`,
        `@cert-authority *.lan ssh-ed25519 ${KEY}`,
      ].join('\n'),
    );
    expect(entries.map((entry) => [entry.marker, entry.patterns])).toEqual([
      [null, 'box.lan'],
      ['revoked', 'old.lan'],
      ['cert-authority', '*.lan'],
    ]);
  });

  it('says known, unknown, changed or revoked, as ssh would', () => {
    const entries = parseKnownHosts(
      [
        `${HASHED_LOCAL_2222} ssh-ed25519 ${KEY}`,
        `box.lan ssh-ed25519 ${OTHER_KEY.toString('base64')}`,
        `@revoked old.lan ssh-ed25519 ${KEY}`,
        `@cert-authority *.lan ssh-ed25519 ${KEY}`,
      ].join('\n'),
    );
    expect(hostKeyVerdict(entries, '127.0.0.1', 2222, key)).toEqual({ verdict: 'known' });
    // The same host on another port is another host to ssh.
    expect(hostKeyVerdict(entries, '127.0.0.1', 22, key)).toEqual({ verdict: 'unknown' });
    expect(hostKeyVerdict(entries, 'box.lan', 22, key)).toEqual({ verdict: 'changed' });
    expect(hostKeyVerdict(entries, 'old.lan', 22, key)).toEqual({ verdict: 'revoked' });
    // A certificate authority signs host certificates; a bare key is not vouched for by it.
    expect(hostKeyVerdict(entries, 'new.lan', 22, key)).toEqual({ verdict: 'unknown' });
  });
});
