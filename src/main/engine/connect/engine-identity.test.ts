import { describe, expect, it } from 'vitest';
import { ReclaimFailure } from '../../../shared/errors';
import { compareApiVersions, negotiateApiVersion } from './api-version';
import { engineKind, imageStore, productVersion } from './engine-identity';

/** Trimmed from the real answers of Debian 12's dockerd 20.10 and Podman 4.3.1. */
const DOCKER_20 = {
  Platform: { Name: '' },
  Components: [
    { Name: 'Engine', Version: '20.10.24+dfsg1' },
    { Name: 'containerd', Version: '1.6.20~ds1' },
  ],
  Version: '20.10.24+dfsg1',
  ApiVersion: '1.41',
  MinAPIVersion: '1.12',
};
const PODMAN_4 = {
  Platform: { Name: 'linux/amd64/debian-12' },
  Components: [
    { Name: 'Podman Engine', Version: '4.3.1' },
    { Name: 'Conmon', Version: 'conmon version 2.1.6' },
  ],
  Version: '4.3.1',
  ApiVersion: '1.41',
  MinAPIVersion: '1.24',
};

describe('engine identity', () => {
  it('tells Podman from Docker by its component', () => {
    expect(engineKind(DOCKER_20)).toBe('docker');
    expect(engineKind(PODMAN_4)).toBe('podman');
    expect(engineKind({ Platform: { Name: 'Podman Engine' }, Components: null })).toBe('podman');
    expect(productVersion(PODMAN_4)).toBe('4.3.1');
    expect(productVersion(DOCKER_20)).toBe('20.10.24+dfsg1');
  });

  it('sees the containerd image store in DriverStatus', () => {
    expect(
      imageStore({
        Driver: 'overlayfs',
        DriverStatus: [['driver-type', 'io.containerd.snapshotter.v1']],
      }),
    ).toBe('containerd');
    expect(
      imageStore({
        Driver: 'overlay2',
        DriverStatus: [
          ['Backing Filesystem', 'extfs'],
          ['Supports d_type', 'true'],
        ],
      }),
    ).toBe('classic');
    expect(imageStore({ Driver: 'vfs', DriverStatus: null })).toBe('classic');
  });
});

describe('API version negotiation', () => {
  it('compares versions numerically', () => {
    expect(compareApiVersions('1.9', '1.41')).toBeLessThan(0);
    expect(compareApiVersions('1.52', '1.52')).toBe(0);
    expect(compareApiVersions('2.0', '1.52')).toBeGreaterThan(0);
  });

  it("talks the lower of the engine's maximum and ours", () => {
    expect(negotiateApiVersion('1.41', '1.12', 'unix:///e')).toBe('1.41');
    expect(negotiateApiVersion('1.47', '1.24', 'unix:///e')).toBe('1.47');
    expect(negotiateApiVersion('1.60', '1.44', 'unix:///e')).toBe('1.52');
  });

  it('refuses an engine older than 1.41 with API_TOO_OLD naming the endpoint', () => {
    try {
      negotiateApiVersion('1.40', '1.12', 'unix:///old.sock');
      expect.unreachable('1.40 should be refused');
    } catch (error) {
      const reclaim = (error as ReclaimFailure).error;
      expect(reclaim.code).toBe('API_TOO_OLD');
      expect(reclaim.message).toContain('1.40');
      expect(reclaim.endpoint).toBe('unix:///old.sock');
    }
  });

  it('refuses an engine whose minimum is past what Reclaim speaks', () => {
    expect(() => negotiateApiVersion('1.70', '1.60', 'unix:///new.sock')).toThrow(
      /no longer accepts API 1\.52/,
    );
  });
});
