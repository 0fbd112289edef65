/** The disk-space watch: its alert (banner and desktop notification) and its settings. */
export const enWatch = {
  title: 'Docker disk space',
  reclaimable: '{bytes} could be freed on {host}.',
  lowFree: 'Only {free} of {total} is free on the disk that holds the engine’s data ({path}).',
  vm: {
    'docker-desktop': 'Docker Desktop',
    colima: 'Colima',
    orbstack: 'OrbStack',
    'podman-machine': 'Podman machine',
    lima: 'Lima',
  },
  vmNote:
    'This engine runs inside a virtual machine ({vm}): what a cleanup frees goes back to the VM’s disk, and may not return to this computer until that disk is compacted.',
  review: 'Review the Safe cleanup',
  dismiss: 'Dismiss',
  notification: 'Open Reclaim to review the Safe cleanup.',
  settings: 'Disk-space watch',
  enabled: 'Tell me when space runs low (a desktop notification; in browser mode, a banner)',
  reclaimableAt: 'when this many GB could be freed',
  freeBelow: 'when the engine’s disk has less than this many GB free',
} as const;
