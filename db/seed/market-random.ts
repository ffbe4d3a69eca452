/** Deterministic randomness for the demo market: one small PRNG stream per (seed, kind, index). */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The same (seed, kind, index) always yields the same stream, so entities can be generated in any order. */
export function rngFor(seed: number, kind: string, index: number): Rng {
  return mulberry32(hash(`${seed}:${kind}:${index}`));
}

export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
export const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
export const chance = (rng: Rng, p: number): boolean => rng() < p;

/** k distinct items (or all of them when the list is shorter). */
export function sample<T>(rng: Rng, list: readonly T[], k: number): T[] {
  const copy = [...list];
  const out: T[] = [];
  while (out.length < k && copy.length > 0) out.push(copy.splice(Math.floor(rng() * copy.length), 1)[0]);
  return out;
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A ULID-shaped id like db/schema/ids.ts makes, but repeatable: time, then a one-letter kind tag and the
 * entity's index (unique within its kind), then random characters from the stream.
 */
export function seededId(ms: number, rng: Rng, tag: string, n: number): string {
  let time = "";
  let t = ms;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let index = "";
  let rest = n;
  for (let i = 0; i < 7; i++) {
    index = CROCKFORD[rest % 32] + index;
    rest = Math.floor(rest / 32);
  }
  let rand = "";
  for (let i = 0; i < 8; i++) rand += CROCKFORD[Math.floor(rng() * 32)];
  return time + tag + index + rand;
}
