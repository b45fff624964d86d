import { RuleError } from "../errors.ts";

/**
 * The one seeded family of uniform generators on [0, 1): every random number in boltzlab comes
 * from {@link uniformStream}. Two algorithms are kept, because published outputs were produced
 * with both and a seed must keep giving the same bits:
 *
 * - `"mulberry32"` (default): mulberry32 (T. Ettinger, public domain; 32-bit state, period 2³²,
 *   passes PractRand to 2³² outputs — ample for the ≤ 10⁸ draws of one estimate here), two draws
 *   combined into a 53-bit double. Used by the particle solvers and the Monte Carlo kernels.
 * - `"park-miller"`: the Park–Miller minimal standard (multiplier 16807, modulus 2³¹ − 1), 31-bit
 *   doubles (x − 1)/(2³¹ − 2). Used by the bump samples and the lemma checks of Section 2.
 *
 * A named stream (`stream: "velocities"`, …) is an independent generator derived from the same
 * seed: its state starts from the seed mixed with a 32-bit FNV-1a hash of the name, so two parts of
 * one run can draw without sharing a sequence and without inventing seed offsets. Without a stream
 * name the generator is exactly the historical one for that algorithm and seed.
 *
 * The seed is reported in every method string that uses it.
 */
export type Uniform = () => number;

/** The algorithms of the seeded family (see {@link uniformStream}). */
export type UniformAlgorithm = "mulberry32" | "park-miller";

/** Options of {@link uniformStream}: the algorithm (default mulberry32) and an optional stream name. */
export interface UniformStreamOptions {
  readonly algorithm?: UniformAlgorithm;
  readonly stream?: string;
}

/** 32-bit FNV-1a hash of a stream name (UTF-16 code units). */
function streamHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A reproducible uniform generator on [0, 1) from an integer `seed`: the named `algorithm`
 * (mulberry32 by default, or Park–Miller) on the named `stream` (none: the historical stream of
 * that seed). A {@link RuleError} for a non-integer seed.
 *
 * @example
 * ```ts
 * import { uniformStream } from "boltzlab";
 * const a = uniformStream(7);
 * const b = uniformStream(7);
 * if (a() !== b()) throw new Error("same seed, same bits");
 * const c = uniformStream(7, { stream: "velocities" });
 * if (c() === uniformStream(7)()) throw new Error("a named stream is another sequence");
 * ```
 */
export function uniformStream(seed: number, options: UniformStreamOptions = {}): Uniform {
  if (!Number.isInteger(seed)) throw new RuleError("a seed must be an integer", `got ${seed}`);
  const mixed = options.stream === undefined ? seed : (seed ^ streamHash(options.stream)) >>> 0;
  return options.algorithm === "park-miller" ? parkMiller(mixed) : mulberry32(mixed);
}

function mulberry32(seed: number): Uniform {
  let a = seed >>> 0;
  const next32 = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}

function parkMiller(seed: number): Uniform {
  let x = Math.floor(Math.abs(seed)) % 2147483647;
  if (x <= 0) x += 2147483646;
  return () => {
    x = (x * 16807) % 2147483647;
    return (x - 1) / 2147483646;
  };
}

/**
 * The mulberry32 stream of `seed` ({@link uniformStream} with the defaults); a {@link RuleError}
 * for a non-integer seed.
 */
export function seededUniform(seed: number): Uniform {
  return uniformStream(seed);
}

/**
 * The Park–Miller stream of `seed` ({@link uniformStream} with `algorithm: "park-miller"`). The
 * seed is taken as ⌊|seed|⌋ mod (2³¹ − 1), 0 mapped to 2³¹ − 2, as it always was.
 */
export function lcgUniform(seed: number): Uniform {
  return parkMiller(seed);
}
