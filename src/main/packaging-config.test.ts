import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '../..');
const config = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');

/** The `key: value` lines of one top-level block of the YAML file. */
function block(name: string): Map<string, string> {
  const match = new RegExp(`^${name}:\\n((?:  .*\\n)+)`, 'm').exec(config);
  const entries = (match?.[1] ?? '')
    .split('\n')
    .map((line) => /^ {2}(\w+): (.+)$/.exec(line))
    .filter((found): found is RegExpExecArray => found !== null)
    .map((found): [string, string] => [found[1] ?? '', found[2] ?? '']);
  return new Map(entries);
}

describe('packaging (electron-builder.yml)', () => {
  it('flips the Electron fuses a hardened app needs', () => {
    expect(Object.fromEntries(block('electronFuses'))).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      enableCookieEncryption: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('names the app and builds AppImage, deb, dmg and nsis', () => {
    expect(config).toMatch(/^productName: Reclaim$/m);
    expect(config).toMatch(/^appId: \S+$/m);
    for (const target of ['AppImage', 'deb', 'dmg', 'nsis'])
      expect(config).toContain(`    - ${target}\n`);
  });

  it('uses a 512x512 PNG icon from build/, with its SVG source beside it', () => {
    expect(config).toMatch(/^icon: build\/icon\.png$/m);
    const png = readFileSync(path.join(root, 'build/icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height are the big-endian words at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(existsSync(path.join(root, 'build/icon.svg'))).toBe(true);
  });
});
