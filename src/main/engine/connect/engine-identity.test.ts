import { describe, expect, it } from 'vitest';
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
