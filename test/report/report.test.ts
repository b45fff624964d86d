import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { REPORT_FILES, writeReport } from "../../src/report/report.ts";
import type { ReportData } from "../../src/report/report-data.ts";
import { reportFromJson, reportToJson } from "../../src/report/report-json.ts";
import { syntheticReportData } from "./fixtures.ts";

async function withTmp(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "boltzlab-report-"));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Synthetic data whose serialization throws: report.json is written last, after figures, HTML, Markdown. */
function failingData(): ReportData {
  const data = syntheticReportData();
  const versions = { ...data.runInfo.versions };
  Object.defineProperty(versions, "toJSON", {
    enumerable: false,
    value: () => {
      throw new Error("injected failure");
    },
  });
  return { ...data, runInfo: { ...data.runInfo, versions } };
}

test("writeReport writes index.html, report.md, report.json and figures/ (SVG + PNG each)", async () => {
  await withTmp(async (root) => {
    const out = join(root, "out");
    await writeReport(out, syntheticReportData());
    assert.deepEqual((await readdir(out)).sort(), [...REPORT_FILES].sort());
    const figures = (await readdir(join(out, "figures"))).sort();
    const svgs = figures.filter((f) => f.endsWith(".svg"));
    // 4 Section 2 figures + 5 scaling plots (one per claim result with an exponent) + theorem + deflation
    assert.equal(svgs.length, 11);
    for (const s of svgs)
      assert.ok(figures.includes(s.replace(/\.svg$/, ".png")), `${s} has a PNG`);
    const md = await readFile(join(out, "report.md"), "utf8");
    for (const s of svgs) assert.ok(md.includes(`](figures/${s})`), `report.md links ${s}`);
    assert.match(md, /overlap found .* \\\| a pipe/, "pipes in cells are escaped");
    assert.ok(!md.includes("<script>"), "raw HTML from the data is neutralized in Markdown");
    assert.deepEqual((await readdir(root)).sort(), ["out"], "no temporary sibling left");
  });
});

test("report.json round-trips the data, non-finite numbers included", async () => {
  await withTmp(async (root) => {
    const data = syntheticReportData();
    await writeReport(join(root, "out"), data);
    const text = await readFile(join(root, "out", "report.json"), "utf8");
    assert.deepEqual(reportFromJson(text), data);
  });
  const claim = syntheticReportData().claims[0];
  const nan = {
    ...syntheticReportData(),
    claims: [
      {
        ...claim,
        fit: {
          exponent: Number.NaN,
          exponentError: Number.POSITIVE_INFINITY,
          prefactor: Number.NaN,
          localSlopes: [],
          n: 1,
        },
      },
    ],
  };
  assert.deepEqual(reportFromJson(reportToJson(nan)), nan);
});

test("index.html is self-contained: inline SVGs and CSS, no external URL in src/href, no script", async () => {
  await withTmp(async (root) => {
    const data = syntheticReportData();
    await writeReport(join(root, "out"), data);
    const html = await readFile(join(root, "out", "index.html"), "utf8");
    assert.doesNotMatch(html, /(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    assert.doesNotMatch(html, /url\(\s*["']?https?:/i);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<link\b/i);
    assert.equal(html.match(/<figure\b/g)?.length, 11);
    assert.ok((html.match(/<svg\b/g)?.length ?? 0) >= 11);
    for (const section of [
      "Results at a glance",
      "Section 2 objects: Figures 1–3",
      "Claims",
      "Theorem 1.1",
      "Norm deflation",
      "Where the text and the numbers disagree",
      "Method notes",
    ]) {
      assert.ok(html.includes(`>${section}</h2>`), section);
    }
    assert.match(html, /class="verdict verdict-violated">violated</);
  });
});

test("the disagreement section lists every violated or inconsistent claim with its evidence", async () => {
  await withTmp(async (root) => {
    await writeReport(join(root, "out"), syntheticReportData());
    const md = await readFile(join(root, "out", "report.md"), "utf8");
    const section = md.slice(md.indexOf("## Where the text"), md.indexOf("## Theorem 1.1\n"));
    assert.match(
      section,
      /\(2\.20\).*violated.*Counterexample: v = \(0\.1, -9\.131e-17 \(round-off level\), 0\.97\)/,
    );
    assert.match(section, /\(2\.11\/k=1\).*inconsistent.*Fit: fitted exponent 3\.\d+ ± /);
    assert.doesNotMatch(section, /\(2\.24\)/, "a consistent claim is not listed");
  });
});

test("a writer failing midway leaves no directory and no temporary sibling", async () => {
  await withTmp(async (root) => {
    const out = join(root, "out");
    await assert.rejects(writeReport(out, failingData()), /injected failure/);
    assert.ok(!existsSync(out));
    assert.deepEqual(await readdir(root), []);
  });
});

test("a writer failing midway leaves an existing report untouched", async () => {
  await withTmp(async (root) => {
    const out = join(root, "out");
    await writeReport(out, syntheticReportData());
    const before = await readFile(join(out, "report.json"), "utf8");
    await assert.rejects(writeReport(out, failingData()), /injected failure/);
    assert.equal(await readFile(join(out, "report.json"), "utf8"), before);
    assert.deepEqual(await readdir(root), ["out"]);
  });
});
