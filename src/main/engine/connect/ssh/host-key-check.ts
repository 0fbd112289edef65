import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import type { ServerHostKeyAlgorithm } from 'ssh2';
import { reclaimError, ReclaimFailure } from '../../../../shared/errors';
import {
  entriesFor,
  hostKeyVerdict,
  keyFingerprint,
  knownHostName,
  parseKnownHosts,
  wireKeyType,
  type KnownHostEntry,
} from './known-hosts';

/** Where `ssh` looks by default (UserKnownHostsFile, GlobalKnownHostsFile). */
export function defaultKnownHostsFiles(): string[] {
  return [
    path.join(homedir(), '.ssh', 'known_hosts'),
    path.join(homedir(), '.ssh', 'known_hosts2'),
    '/etc/ssh/ssh_known_hosts',
    '/etc/ssh/ssh_known_hosts2',
  ];
}

/** Every line of the files that exist; a missing or unreadable file is an empty one, as for ssh. */
export async function readKnownHosts(files: readonly string[]): Promise<KnownHostEntry[]> {
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8').catch(() => '')));
  return texts.flatMap(parseKnownHosts);
}

/** The algorithms ssh2 can verify, by the key type a known_hosts line names. */
const ALGORITHMS_OF_KEY_TYPE: Record<string, ServerHostKeyAlgorithm[]> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
};

export interface HostKeyRefusal {
  verdict: 'unknown' | 'changed' | 'revoked';
  keyType: string;
  fingerprint: string;
}

export interface HostKeyCheck {
  /** ssh2's hostVerifier: true lets the handshake go on. */
  hostVerifier: (key: Buffer) => boolean;
  /**
   * The host key algorithms to ask for: those of the keys known for this host, so a server
   * with several keys shows one the user accepted (what `ssh` does), or undefined for ssh2's.
   */
  serverHostKey: ServerHostKeyAlgorithm[] | undefined;
  /** Why the last handshake was refused, or null when none was. */
  refusal(): HostKeyRefusal | null;
}

/**
 * Checks the key an ssh engine presents against known_hosts before anything is sent to it,
 * and refuses an unknown, changed or revoked key, like `ssh` with StrictHostKeyChecking
 * (the docker CLI runs `ssh` without a terminal, so it cannot ask either).
 */
export function hostKeyCheck(
  entries: readonly KnownHostEntry[],
  hostname: string,
  port: number,
): HostKeyCheck {
  let refusal: HostKeyRefusal | null = null;
  const knownTypes = entriesFor(entries, hostname, port)
    .filter((entry) => entry.marker === null)
    .flatMap((entry) => ALGORITHMS_OF_KEY_TYPE[entry.keyType] ?? []);
  return {
    hostVerifier(key) {
      const { verdict } = hostKeyVerdict(entries, hostname, port, key);
      if (verdict === 'known') {
        refusal = null;
        return true;
      }
      refusal = { verdict, keyType: wireKeyType(key), fingerprint: keyFingerprint(key) };
      return false;
    },
    serverHostKey: knownTypes.length > 0 ? [...new Set(knownTypes)] : undefined,
    refusal: () => refusal,
  };
}

const CAUSE_OF_VERDICT = {
  unknown: 'ssh-host-unknown',
  changed: 'ssh-host-changed',
  revoked: 'ssh-host-revoked',
} as const;

/** The refusal as the failure a user sees: what key was shown, and the command that helps. */
export function hostKeyFailure(
  refusal: HostKeyRefusal,
  endpoint: string,
  hostname: string,
  port: number,
  user: string | undefined,
): ReclaimFailure {
  const target = user ? `${user}@${hostname}` : hostname;
  const command =
    refusal.verdict === 'unknown'
      ? port === 22
        ? `ssh ${target}`
        : `ssh -p ${port} ${target}`
      : `ssh-keygen -R '${knownHostName(hostname, port)}'`;
  return new ReclaimFailure(
    reclaimError('PERMISSION_DENIED', {
      cause: CAUSE_OF_VERDICT[refusal.verdict],
      endpoint,
      values: { keyType: refusal.keyType, fingerprint: refusal.fingerprint, command },
    }),
  );
}
