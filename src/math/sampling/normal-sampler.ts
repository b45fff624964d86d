import type { Uniform } from "./uniform-stream.ts";

/**
 * Standard normal variates from a seeded {@link Uniform}: the Marsaglia polar method (Marsaglia &
 * Bray, SIAM Review 6 (1964) 260–264), two variates per accepted pair, the second cached. Same
 * uniform stream, same variates (no allocation per draw).
 */
export type Normal = () => number;

/**
 * A standard normal sampler on a seeded uniform stream (Marsaglia polar method). With
 * `keepSpare: false` the second variate of each pair is discarded (one accepted pair per draw),
 * the stream of the transport-coefficient sources.
 *
 * @example
 * ```ts
 * import { normalSampler, uniformStream } from "boltzlab";
 * const normal = normalSampler(uniformStream(1));
 * let s = 0;
 * for (let i = 0; i < 10000; i++) s += normal() ** 2;
 * if (!(Math.abs(s / 10000 - 1) < 0.05)) throw new Error("example check failed");
 * ```
 */
export function normalSampler(uniform: Uniform, options: { keepSpare?: boolean } = {}): Normal {
  const keepSpare = options.keepSpare ?? true;
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let a: number;
    let b: number;
    let s: number;
    do {
      a = 2 * uniform() - 1;
      b = 2 * uniform() - 1;
      s = a * a + b * b;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    spare = b * m;
    hasSpare = keepSpare;
    return a * m;
  };
}
