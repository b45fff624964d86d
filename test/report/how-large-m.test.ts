import assert from "node:assert/strict";
import { test } from "node:test";
import { howLargeMBlocks, howLargeMData } from "../../src/report/how-large-m.ts";
import { renderMarkdown } from "../../src/report/render-markdown.ts";

test("the 'How large must M be' chapter: both constructions, thresholds, γ∞ against γ(M), parameters named", () => {
  const data = howLargeMData({
    s: 0.8,
    s0: 0.5,
    cutoff: "bump",
    variant: "as-in-proof",
    log10Ms: [6, 12],
  });
  assert.equal(data.constructions.length, 2);
  const [paper, tuned] = data.constructions;
  // the tuned set shows the weak separation at a smaller M than the paper's
  assert.ok(paper.thresholds.weak.Mhi !== null && tuned.thresholds.weak.Mhi !== null);
  assert.ok(tuned.thresholds.weak.Mhi < paper.thresholds.weak.Mhi);
  const md = renderMarkdown(howLargeMBlocks(data));
  assert.match(md, /How large must M be/);
  assert.match(md, /s = 0\.8, s0 = 0\.5, cutoff bump, as-in-proof/);
  assert.match(md, /coreAmplitude = 28\.9/);
  // without error-table records the exact-solution columns say so (no number is invented)
  assert.equal(paper.exact, null);
  assert.match(md, /exact: weak M\*/);
  assert.match(md, /no error table/);
  // γ(10^12) within 10⁻³ of γ∞ for both
  for (const c of data.constructions) {
    const r = c.rows.find((x) => x.M === 1e12);
    assert.ok(r && Math.abs(r.gamma.value / c.gammaLimit - 1) < 1e-3);
  }
});
