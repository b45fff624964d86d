import type { Variant } from "../construction/variant.ts";
import { RuleError } from "../math/errors.ts";
import type { ClaimResult } from "./claim-result.ts";
import type { ClaimContext } from "./claim-helpers.ts";
import { claim2_10, claim2_23, claimBumps, claimTubeSums } from "./lemma-2-1.ts";
import { claim2_24, claim2_25, claim2_30, claim2_31, claim2_35, claimsDeflation } from "./lemmas-2-2-to-2-5.ts";
import { claim1_9, claimTimeHypothesis } from "./supports.ts";

/**
 * Every Section 2 statement the claims layer checks, keyed by the paper's equation number.
 * One check may produce several results (sub-cases k, p; and (2.10)/(2.19), (2.12)/(1.13)/(2.20),
 * (2.36)–(2.43) share their computations).
 */
interface ClaimCheck {
  readonly ids: readonly string[];
  readonly run: (ctx: ClaimContext) => ClaimResult[];
}

const CHECKS: readonly ClaimCheck[] = [
  { ids: ["1.9"], run: (c) => [claim1_9(c)] },
  { ids: ["2.10", "2.19"], run: claim2_10 },
  { ids: ["2.11"], run: (c) => claimTubeSums(c, 1) },
  { ids: ["2.12", "1.13", "2.20"], run: claimBumps },
  { ids: ["2.23"], run: (c) => [claim2_23(c)] },
  { ids: ["2.24"], run: (c) => [claim2_24(c)] },
  { ids: ["2.25"], run: claim2_25 },
  { ids: ["2.29"], run: (c) => claimTubeSums(c, 10) },
  { ids: ["2.30"], run: claim2_30 },
  { ids: ["2.31"], run: (c) => [claim2_31(c)] },
  { ids: ["2.35"], run: (c) => [claim2_35(c)] },
  { ids: ["2.36", "2.37", "2.38", "2.39", "2.42", "2.43"], run: claimsDeflation },
  { ids: ["T*<=1/4"], run: (c) => [claimTimeHypothesis(c)] },
];

export const CLAIM_IDS: readonly string[] = CHECKS.flatMap((c) => c.ids);

export interface RunClaimsOptions {
  readonly ids?: readonly string[];
  readonly Ms: readonly number[];
  readonly s: number;
  readonly s0: number;
  readonly cutoffs: readonly string[];
  readonly variants: readonly Variant[];
  readonly onProgress?: (done: number, total: number) => void;
}

/** The base id of a result ("2.11/k=1" → "2.11"). */
function baseId(id: string): string {
  return id.split("/")[0];
}

export async function runClaims(opts: RunClaimsOptions): Promise<ClaimResult[]> {
  const wanted = opts.ids ?? CLAIM_IDS;
  for (const id of wanted) {
    if (!CLAIM_IDS.includes(id)) throw new RuleError(`claim id must be one of ${CLAIM_IDS.join(", ")}`, `got "${id}"`);
  }
  const checks = CHECKS.filter((c) => c.ids.some((id) => wanted.includes(id)));
  const total = checks.length * opts.cutoffs.length * opts.variants.length;
  let done = 0;
  const out: ClaimResult[] = [];
  for (const cutoff of opts.cutoffs) {
    for (const variant of opts.variants) {
      for (const check of checks) {
        const ctx: ClaimContext = { Ms: opts.Ms, s: opts.s, s0: opts.s0, cutoff, variant };
        for (const r of check.run(ctx)) if (wanted.includes(baseId(r.id))) out.push(r);
        done++;
        opts.onProgress?.(done, total);
        await new Promise((r) => setImmediate(r));
      }
    }
  }
  return out;
}
