/**
 * The browser explorer in a real browser: Debian's chromium driven by playwright-core, WebGL through
 * SwiftShader. The site is built (when stale) and served by `boltzlab explore`'s own server; every
 * number read from the page is compared with boltzlab's functions computed here, in the test
 * process. Screenshots of each view go to test-output/web/ (git-ignored).
 *
 * CI installs chromium (.ci/run); without /usr/bin/chromium these tests FAIL, they do not skip.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { type Browser, chromium, type Page } from "playwright-core";
import { claim2_10 } from "../../src/claims/lemma-2-1.ts";
import { buildSite, serveExplorer, siteIsStale } from "../../src/cli/commands/explore.ts";
import { makeBeam } from "../../src/construction/beam.ts";
import { beamCollisionFrequency } from "../../src/construction/beam-collision-frequency.ts";
import { cutoffByName } from "../../src/construction/cutoff.ts";
import { latticeSeparation } from "../../src/construction/lattice-separation.ts";
import { makeParameters } from "../../src/construction/parameters.ts";

const CHROMIUM = "/usr/bin/chromium";
const OUT = join(process.cwd(), "test-output", "web");
const VIEWS = ["lattice", "tubes", "bumps", "frequency", "theorem", "claims", "relax"] as const;

let browser: Browser;
let server: Server;
let base: string;
let reportDir: string;
const claims = [
  ...claim2_10({ Ms: [4, 8, 16], s: 0.8, s0: 0.5, cutoff: "bump", variant: "as-in-proof" }),
  ...claim2_10({ Ms: [4, 8, 16], s: 0.8, s0: 0.5, cutoff: "plateau", variant: "as-written" }),
];

before(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the browser tests need Debian's chromium (apt-get install -y chromium; .ci/run installs it)`,
    );
  }
  if (siteIsStale()) await buildSite();
  reportDir = mkdtempSync(join(tmpdir(), "boltzlab-explore-"));
  writeFileSync(join(reportDir, "report.json"), JSON.stringify({ claims }));
  server = await serveExplorer({ port: 0, host: "127.0.0.1", reportDir });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
  });
  mkdirSync(OUT, { recursive: true });
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => server?.close(ok));
  if (reportDir) rmSync(reportDir, { recursive: true, force: true });
});

/** A page that records console errors and uncaught exceptions. */
async function open(hash: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${base}${hash}`);
  await page.waitForSelector("body[data-ready='true']");
  return { page, errors };
}

/** Variance of the luminance of a canvas (0 for a blank one). */
function canvasVariance(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (c) => {
    const canvas = c as HTMLCanvasElement;
    const copy = document.createElement("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext("2d") as CanvasRenderingContext2D;
    ctx.drawImage(canvas, 0, 0);
    const d = ctx.getImageData(0, 0, copy.width, copy.height).data;
    let s = 0;
    let s2 = 0;
    const n = d.length / 4;
    for (let i = 0; i < d.length; i += 4) {
      const y = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
      s += y;
      s2 += y * y;
    }
    return s2 / n - (s / n) ** 2;
  });
}

describe("explorer in chromium", () => {
  test("every view loads without a console error, draws a non-blank canvas; screenshots", async () => {
    const { page, errors } = await open("#view=lattice&M=6");
    for (const view of VIEWS) {
      await page.click(`#tab-${view}`);
      await page.waitForSelector(`#view-${view}:not([hidden])`);
      if (view === "frequency") await page.waitForSelector("#heatmap[data-n]");
      if (view === "theorem")
        await page.waitForSelector("#deflation-plot[data-complete='true'] svg", {
          timeout: 30_000,
        });
      if (view === "claims") await page.waitForSelector("#claims-table");
      if (view === "relax")
        await page.waitForSelector("#relax-slice[data-frames]", { timeout: 30_000 });
      assert.match(new URL(page.url()).hash, new RegExp(`view=${view}`));
      for (const handle of await page.$$(`#view-${view} canvas:not(.colorbar)`)) {
        const id = await handle.evaluate((c) => {
          c.id ||= `canvas-${Math.random().toString(36).slice(2)}`;
          return c.id;
        });
        const variance = await canvasVariance(page, `#${id}`);
        assert.ok(variance > 1, `${view}: canvas #${id} is blank (luminance variance ${variance})`);
      }
      await page.screenshot({ path: join(OUT, `${view}.png`) });
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("the M slider redraws the lattice: count M(M+1)/2 and separations as the library computes them", async () => {
    const { page, errors } = await open("#view=lattice&M=8");
    await page.focus("#ctl-M");
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
    await page.waitForFunction(
      () => document.getElementById("lattice-count")?.dataset.value === "91",
    );
    const M = Number(await page.$eval("#ctl-M", (e) => (e as HTMLInputElement).value));
    assert.equal(M, 13);
    const read = (id: string) => page.$eval(id, (e) => Number((e as HTMLElement).dataset.value));
    const sep = latticeSeparation(M);
    assert.equal(await read("#lattice-count"), (M * (M + 1)) / 2);
    assert.equal(await read("#lattice-min-sep"), sep.minSeparation);
    assert.equal(await read("#lattice-min-ring-sep"), sep.minSameRingSeparation);
    // the (2.10) line reads the same verdict the bound gives
    const text = await page.$eval("#lattice-210", (e) => e.textContent ?? "");
    assert.match(text, sep.minSeparation >= 1 / M ? /holds/ : /violated/);
    assert.match(new URL(page.url()).hash, /M=13/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("the A[f_b] heat map at a probed point agrees with the library's A[f_b] within the errors", async () => {
    const M = 4;
    const { page, errors } = await open(`#view=frequency&M=${M}&plane=x&fixed=0,0,0&L=1.2&t=0.05`);
    await page.waitForSelector("#heatmap[data-n]");
    const box = await page.$eval("#heatmap", (c) => {
      const r = c.getBoundingClientRect();
      return { x: r.left, y: r.top, w: r.width, h: r.height };
    });
    // a point a little off the centre, where many tubes overlap
    await page.mouse.move(box.x + box.w * 0.55, box.y + box.h * 0.45);
    await page.waitForSelector("#probe[data-value]");
    const p = await page.$eval("#probe", (e) => ({ ...(e as HTMLElement).dataset }));
    const x = (p.x as string).split(",").map(Number);
    const v = (p.v as string).split(",").map(Number);
    const t = Number(p.t);
    const shown = Number(p.value);
    const shownErr = Number(p.error);
    assert.equal(t, 0.05);
    const beam = makeBeam(makeParameters({ M }), cutoffByName("bump"), "as-in-proof");
    const ref = beamCollisionFrequency(beam, t, x, v, { relTol: 1e-9 });
    assert.ok(ref.value > 0, "the probed point should lie in the beam's support");
    assert.ok(
      Math.abs(shown - ref.value) <= shownErr + ref.error + 1e-12 * ref.value,
      `page ${shown} ± ${shownErr} vs library ${ref.value} ± ${ref.error}`,
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a shared URL reproduces the state", async () => {
    const { page, errors } = await open("#view=tubes&M=7");
    await page.selectOption("#ctl-cutoff", "plateau");
    await page.selectOption("#ctl-variant", "as-written");
    await page.focus("#ctl-t");
    for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
    await page.click("#tab-lattice");
    await page.waitForSelector("#view-lattice:not([hidden])");
    await page.focus("#view-lattice canvas");
    await page.keyboard.press("Shift+ArrowUp");
    await page.keyboard.press("Shift+ArrowUp");
    await page.waitForSelector("#lattice-selection strong");
    const hash = new URL(page.url()).hash;
    const snapshot = (pg: Page) =>
      pg.evaluate(() => ({
        M: (document.getElementById("ctl-M") as HTMLInputElement).value,
        cutoff: (document.getElementById("ctl-cutoff") as HTMLSelectElement).value,
        variant: (document.getElementById("ctl-variant") as HTMLSelectElement).value,
        t: document.getElementById("out-t")?.textContent,
        view: document.querySelector("[role=tab][aria-selected=true]")?.id,
        selection: document.querySelector("#lattice-selection strong")?.textContent,
      }));
    const before = await snapshot(page);
    assert.equal(before.cutoff, "plateau");
    assert.equal(before.variant, "as-written");
    assert.equal(before.selection, "selected e_{1,3}");
    const second = await open(hash);
    await second.page.waitForSelector("#lattice-selection strong");
    assert.deepEqual(await snapshot(second.page), before);
    assert.equal(new URL(second.page.url()).hash, hash);
    assert.deepEqual([...errors, ...second.errors], []);
    await page.close();
    await second.page.close();
  });

  test("the claims view shows the verdicts of the served report.json and filters them", async () => {
    const { page, errors } = await open("#view=claims");
    await page.waitForSelector("#claims-table");
    const cells = await page.$$eval("#claims-table td button", (bs) =>
      bs.map((b) => b.textContent),
    );
    assert.deepEqual(cells.sort(), claims.map((c) => c.verdict).sort());
    await page.selectOption("#claims-cutoff", "plateau");
    const filtered = await page.$$eval("#claims-table td button", (bs) => bs.length);
    assert.equal(filtered, claims.filter((c) => c.cutoff === "plateau").length);
    await page.click("#claims-table td button");
    await page.waitForSelector("#claims-evidence h3");
    assert.deepEqual(errors, []);
    await page.close();
  });
});
