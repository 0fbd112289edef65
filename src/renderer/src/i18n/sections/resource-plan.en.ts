/** A containers, networks and volumes preview: what goes, what stays and why, the result. */
export const enResourcePlan = {
  goes: '{count, plural, =0 {Nothing goes.} one {# item goes} other {# items go}}, {bytes} freed.',
  stays: '{count, plural, one {# item stays} other {# items stay}}:',
  kind: { container: 'container', network: 'network', volume: 'volume' },
  anonymous: 'anonymous',
  named: 'named',
  unknownBytes: 'size unknown',
  keep: {
    running: 'running: Reclaim never stops a container',
    'in-use': 'used by container {by}',
    'in-use-unnamed': 'used by a container',
    predefined: "the engine's own network",
    'not-local': 'a swarm network: only the swarm manager removes it',
    'not-ticked': 'unused; tick it to remove it and its data',
    unticked: 'you unticked it in this review',
  },
  tickVolume: 'Remove volume {name} and its data in this cleanup',
  untick: 'Remove {name} in this cleanup',
  commands: 'Equivalent commands',
  confirm: 'Remove {count, plural, one {# item} other {# items}} ({bytes})',
} as const;
