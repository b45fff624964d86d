import type { Uniform } from "./seeded-random.ts";

/**
 * Standard normal variates from a seeded {@link Uniform}: the Marsaglia polar method (Marsaglia &
 * Bray, SIAM Review 6 (1964) 260–264), two variates per accepted pair, the second cached. Same
 * uniform stream, same variates (no allocation per draw).
 */
export type Normal = () => number;

export function normalSampler(uniform: Uniform): Normal {
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
    hasSpare = true;
    return a * m;
  };
}
