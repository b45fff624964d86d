import { RuleError } from "./errors.ts";

/**
 * A small seeded uniform generator for reproducible Monte Carlo: mulberry32 (T. Ettinger, public
 * domain; 32-bit state, period 2³², passes PractRand to 2³² outputs — ample for the ≤ 10⁸ draws
 * of one estimate here). Two draws are combined into a 53-bit double in [0, 1).
 * The seed is reported in every method string that uses it.
 */
export type Uniform = () => number;

/**
 * A reproducible uniform generator on [0, 1) from an integer `seed` (mulberry32, 53-bit doubles);
 * a {@link RuleError} for a non-integer seed.
 */
export function seededUniform(seed: number): Uniform {
  if (!Number.isInteger(seed)) throw new RuleError("a seed must be an integer", `got ${seed}`);
  // the state lives in an Int32Array, not in a closure variable: an int32 outside the small-integer
  // range held by a closure is boxed on every store (a heap allocation per draw); same bits
  const state = new Int32Array(1);
  state[0] = seed >>> 0;
  const next32 = (): number => {
    const a = (state[0] + 0x6d2b79f5) | 0;
    state[0] = a;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}
