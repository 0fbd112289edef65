/**
 * Deterministic pseudo-random bytes (mulberry32). Layer contents come from a seed so that
 * two layers are byte-identical exactly when their specs say so, and never by accident.
 */
export function seededBytes(seed: number, size: number): Buffer {
  const words = new Uint32Array(Math.ceil(size / 4));
  let state = seed >>> 0;
  for (let i = 0; i < words.length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    words[i] = (t ^ (t >>> 14)) >>> 0;
  }
  return Buffer.from(words.buffer, 0, size);
}

/** A stable 32-bit seed from text (FNV-1a), to derive per-file seeds from a layer seed. */
export function seedFrom(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

let counter = 0;

/** A seed no other call in this process returns: layers stay distinct unless seeded alike. */
export function freshSeed(): number {
  counter += 1;
  return seedFrom(process.pid, Date.now(), counter, Math.random());
}
