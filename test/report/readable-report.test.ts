import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { measuredBootstrap } from "../../src/claims/bootstrap-measured.ts";
import { exact } from "../../src/math/estimate.ts";
import { renderMarkdown } from "../../src/report/render-markdown.ts";
import { writeReport } from "../../src/report/report.ts";
import type { ReportData } from "../../src/report/report-data.ts";
import { reportDocument } from "../../src/report/report-document.ts";
import { reportFigures } from "../../src/report/report-figures.ts";
import { closureText, type Sections35Data } from "../../src/report/sections-3-5.ts";
import { syntheticReportData } from "./fixtures.ts";

/**
 * The report a researcher reads (issue 9): labelled Theorem 1.1 tables, the answer first, anchors
 * that resolve, no fit for violated claims, no markup leaking, bootstrap "n/a" without entries.
 * One report of synthetic data (fixtures.ts) is written once and read by every test.
 */

let dir = "";
let md = "";
let html = "";
let json: { theorem: Record<string, unknown>[] } = { theorem: [] };

/** The Sections 3–5 chapter with no error-table entry: Proposition 5.1 rows with E unknown. */
function emptySections35(): Sections35Data {
  const rows = measuredBootstrap({
    Ms: [4, 8],
    s: 0.8,
    s0: 0.5,
    cutoff: "bump",
    variant: "as-in-proof",
    zNormFa: () => exact(0.3),
    entries: [],
  });
  return {
    errorTables: [],
    bootstrap: [
      {
        cutoff: "bump",
        variant: "as-in-proof",
        constant: 1,
        target: 0.1,
        rows,
        closure: [{ name: "fitted exponents", search: { lnM: Math.log(3), scannedTo: 1e4 } }],
      },
    ],
    notes: [],
  };
}

function data(): ReportData {
  return { ...syntheticReportData(), sections35: emptySections35() };
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "boltzlab-readable-"));
  await writeReport(join(dir, "out"), data());
  md = await readFile(join(dir, "out", "report.md"), "utf8");
  html = await readFile(join(dir, "out", "index.html"), "utf8");
  json = JSON.parse(await readFile(join(dir, "out", "report.json"), "utf8"));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The Markdown between a heading line that starts with `start` and the next heading of level ≤ `level`. */
function mdSection(start: string, level = 3): string {
  const i = md.indexOf(`\n${start}`);
  assert.ok(i >= 0, `section ${start}`);
  const rest = md.slice(i + 1 + start.length);
  const next = rest.search(new RegExp(`\\n#{1,${level}} `));
  return next < 0 ? rest : rest.slice(0, next);
}

/** Rows of the first Markdown table in `text`, as arrays of cells. */
function tableRows(text: string): string[][] {
  const lines = text.split("\n").filter((l) => l.startsWith("|"));
  return lines.map((l) =>
    l
      .slice(1, -1)
      .split(" | ")
      .map((c) => c.trim()),
  );
}

test("report.md has one labelled Theorem 1.1 table per configuration, with its own M and the deciding columns", () => {
  for (const [variant, Ms] of [
    ["as-written", ["8", "16", "32", "64"]],
    ["as-in-proof", ["8", "16", "32", "64", "10¹¹"]],
  ] as const) {
    const rows = tableRows(mdSection(`### Theorem 1.1 — bump, ${variant}`));
    const header = rows[0];
    for (const col of [
      "M",
      "distance at 0 = ‖e^{⟨v⟩²}f_b(0)‖",
      "‖e^{⟨v⟩²}f_r(0)‖",
      "distance at T*",
      "final > initial",
    ]) {
      assert.ok(header.includes(col), `${variant}: column ${col}`);
    }
    assert.ok(
      header.some((h) => h.startsWith("deflation")),
      `${variant}: deflation column`,
    );
    assert.deepEqual(
      rows.slice(2).map((r) => r[0]),
      [...Ms],
      `${variant}: its own M, in order`,
    );
  }
  assert.ok(!md.includes("100000000000"), "M = 10¹¹ is not printed in full");
});

test("report.json Theorem 1.1 rows carry their configuration and the deciding quantities", () => {
  assert.equal(json.theorem.length, 9);
  for (const r of json.theorem) {
    assert.ok(r.cutoff === "bump" && (r.variant === "as-written" || r.variant === "as-in-proof"));
    for (const k of [
      "M",
      "initialDistance",
      "finalDistance",
      "weightedCoreInitial",
      "deflation",
      "separated",
    ]) {
      assert.ok(k in r, `row has ${k}`);
    }
  }
});

test("the report opens with the answer: results at a glance before any section, Theorem 1.1 per configuration", () => {
  const glance = md.indexOf("## Results at a glance");
  assert.ok(glance > 0);
  const firstOther = Math.min(
    ...["## Theorem 1.1\n", "## Claims", "## Where the text"]
      .map((h) => md.indexOf(h))
      .filter((i) => i >= 0),
  );
  assert.ok(glance < firstOther, "glance comes first");
  const text = mdSection("## Results at a glance", 2);
  // the weak criterion is never read as the theorem: its final distance and deflation are said
  const inProof = text.slice(
    text.indexOf(
      "**bump, as-in-proof: separation of order 1 not seen; only a weak one from M = 10¹¹.**",
    ),
  );
  assert.match(
    inProof,
    /first met at M = 10¹¹ \(distance at T\* 1\.94e-4 against 1\.08e-4 at 0, deflation ratio 0\.985/,
  );
  assert.match(inProof, /weak separation only/);
  assert.match(inProof, /not seen/);
  assert.ok(inProof.length < text.length, "as-in-proof headline");
  assert.match(
    text,
    /\*\*bump, as-written: separation not seen on M = 8 to 64\.\*\*.*is not met on the grid M = 8, 16, 32, 64/,
  );
  assert.match(text, /‖e\^\{⟨v⟩²\}f_r\(0\)‖ = 0\.0341 at every M/);
  assert.doesNotMatch(text, /first visible at M = 1e11|separation first visible/);
});

test("the verdict matrix has one cell per claim and configuration, each linked to the claim's evidence", () => {
  const rows = tableRows(mdSection("### Verdicts of the claims"));
  assert.deepEqual(rows[0], ["claim", "bump, as-written", "bump, as-in-proof"]);
  const row = rows.find((r) => r[0].startsWith("(2.20)"));
  assert.deepEqual(row?.slice(1), ["[violated](#claim-2-20)", "[violated](#claim-2-20)"]);
  const r211 = rows.find((r) => r[0].startsWith("(2.11/k=1)"));
  assert.deepEqual(
    r211?.slice(1),
    ["[inconsistent](#claim-2-11-k-1)", "—"],
    "a missing configuration is —",
  );
});

test("every anchor link resolves, in index.html and in report.md", () => {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
  assert.ok(hrefs.length > 10, "the contents and the matrix link");
  for (const h of hrefs) assert.ok(ids.has(h), `index.html: #${h} resolves`);
  const mdIds = new Set([...md.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
  const mdLinks = [...md.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
  assert.ok(mdLinks.includes("theorem-1-1-bump-as-in-proof"));
  for (const h of mdLinks) assert.ok(mdIds.has(h), `report.md: #${h} resolves`);
  assert.match(md, /\*\*Contents:\*\* \[Results at a glance\]\(#results-at-a-glance\)/);
});

test("violated claims show no fit and no implied constant; the consistent claim shows its fit", () => {
  for (const doc of [md, html]) {
    assert.ok(
      !doc.includes("-153.9") && !doc.includes("153.913"),
      "no fitted exponent of a violated claim",
    );
    assert.ok(!/1e\+?206/.test(doc), "no implied constant of a violated claim");
  }
  const claim = mdSection("#### (2.24)", 4);
  assert.match(
    claim,
    /\| bump, as-written \| consistent \| -0\.\d{3} ± 0\.\d{3} \(n = 6\) \| -0\.3 \| \[1\.9, 2\.1\] \|/,
  );
});

test("each violation is listed once with its configurations, the counterexample as a point with round-off marked", () => {
  const section = mdSection("## Where the text and the numbers disagree", 2);
  const items = section.split("\n").filter((l) => l.startsWith("- "));
  const v220 = items.filter((l) => l.includes("(2.20)"));
  assert.equal(v220.length, 1, "listed once");
  assert.match(v220[0], /violated in 2 configurations: bump, as-written; bump, as-in-proof/);
  assert.match(
    v220[0],
    /v = \(0\.1, -9\.131e-17 \(round-off level\), 0\.97\); pairs = \(\(1, 2\), \(2, 2\)\)/,
  );
  assert.ok(!section.includes("9.130616052692812"), "no raw JSON number");
  assert.ok(!section.includes('{"'), "no raw JSON");
});

test("no literal backtick in index.html (code spans are <code>), no &gt; in report.md, raw HTML still neutralized", () => {
  assert.ok(!html.includes("`"), "no backtick in the HTML");
  assert.match(html, /<code>boltzlab claims --id 2\.20<\/code>/);
  assert.ok(!md.includes("&gt;"), "no &gt; in the Markdown");
  assert.ok(md.includes("distance at T* > distance at 0"), "a plain > stays");
  assert.ok(!md.includes("<script>"), "a tag from the data is neutralized");
  assert.ok(
    !/^#+ .*Section 2 of/m.test(md) && !/<h1>[^<]*Section 2/.test(html),
    "the title is not Section 2",
  );
});

test("bootstrap without error-table entries says n/a, not 'closes: yes' with E = 0", () => {
  const section = mdSection("### Proposition 5.1 with measured constants — bump, as-in-proof");
  const rows = tableRows(section);
  const closes = rows[0].indexOf("closes");
  const E = rows[0].indexOf("E (entries)");
  for (const r of rows.slice(2)) {
    assert.equal(r[closes], "n/a");
    assert.match(r[E], /^n\/a/);
  }
  assert.match(section, /n\/a — no error-table entry was found/);
});

test("a closure at the first M scanned is said so, not 'from M ≈ 10^0.4771'", () => {
  const text = closureText(
    { name: "fitted exponents", search: { lnM: Math.log(3), scannedTo: 1e4 } },
    0.1,
    false,
  );
  assert.match(text, /already at M = 3, the smallest M scanned/);
  assert.ok(!text.includes("0.4771"));
  const later = closureText(
    { name: "paper exponents", search: { lnM: 50, scannedTo: 1e4 } },
    0.1,
    false,
  );
  assert.match(later, /from ln M ≈ 50 on the scan, i\.e\. M ≈ 10\^21\.71/);
});

test("report.md is the same document as index.html: every h2 of one is in the other", () => {
  const blocks = reportDocument(data(), reportFigures(data()));
  const h2 = blocks.flatMap((b) => (b.kind === "heading" && b.level === 2 ? [b.text] : []));
  assert.ok(h2.length >= 8);
  const rendered = renderMarkdown(blocks);
  for (const t of h2) {
    assert.ok(rendered.includes(`## ${t}`), `md: ${t}`);
    assert.ok(html.includes(`>${t}</h2>`), `html: ${t}`);
  }
});
