import assert from "node:assert/strict";
import { test } from "node:test";
import { kernelComparison } from "../../src/claims/kernel-comparison.ts";
import { kernelsBlocks } from "../../src/report/kernels.ts";
import { renderMarkdown } from "../../src/report/render-markdown.ts";

test("the 'Kernels (Remark 1.5)' chapter: γ∞ per kernel, the answer first, soft potentials flagged", () => {
  const data = kernelComparison({
    s: 0.8,
    s0: 0.5,
    cutoff: "bump",
    variant: "as-in-proof",
    kernels: ["hard-sphere", "constant", "vhs:-1", "vhs:-2"],
    log10Ms: [3, 6],
  });
  const by = (k: string) => {
    const e = data.entries.find((x) => x.kernel === k);
    assert.ok(e);
    return e;
  };
  // the strong threshold of the law halves in log10 log10 M when γ∞ doubles
  const hs = by("hard-sphere");
  const cst = by("constant");
  assert.ok(
    Math.abs(Math.log(2) / hs.gammaLimit.value / (Math.log(2) / cst.gammaLimit.value) - 2) < 1e-12,
  );
  assert.ok(cst.strongLog10Log10M < hs.strongLog10Log10M - 31);
  // deflation per row: the constant kernel deflates more at every M
  for (let i = 0; i < hs.rows.length; i++)
    assert.ok(cst.rows[i].deflation.value < hs.rows[i].deflation.value);
  assert.equal(by("vhs:-1").coreSelfDecays, true);
  assert.equal(by("vhs:-2").coreSelfDecays, false);
  assert.ok(by("vhs:-2").rows[0].log10SelfExponent > 10);
  const md = renderMarkdown(kernelsBlocks(data));
  assert.match(md, /Kernels \(Remark 1\.5\)/);
  assert.match(md, /s = 0\.8, s0 = 0\.5, cutoff bump, as-in-proof/);
  assert.match(md, /B ≡ 1, A\[g\] = 4π ∫ g du/);
  assert.match(md, /does NOT decay/);
  assert.match(md, /γ_c = -1\.420/);
});
