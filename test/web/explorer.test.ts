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
import { claim2_10 } from "../../src/claims/lattice-2-10-to-2-29.ts";
import { threshold } from "../../src/claims/thresholds.ts";
import { buildSite, serveExplorer, siteIsStale } from "../../src/cli/commands/explore.ts";
import { makeBeam } from "../../src/construction/beam/beam.ts";
import { beamCollisionFrequency } from "../../src/construction/beam/beam-collision-frequency.ts";
import { coreSelfFrequency } from "../../src/construction/core/core-self-frequency.ts";
import { deflationExponentLimit, lawConstants } from "../../src/construction/core/deflation-law.ts";
import { cutoffByName } from "../../src/construction/geometry/cutoff.ts";
import { latticeSeparation } from "../../src/construction/geometry/lattice-separation.ts";
import { NAMED_CONSTRUCTIONS } from "../../src/construction/parameters/named-constructions.ts";
import { makeParameters } from "../../src/construction/parameters/parameters.ts";
import { EXPLORER_THRESHOLD_SEARCH } from "../../web/src/jobs.ts";
import { constantsFromNamed, DEFAULT_STATE, stateToHash } from "../../web/src/state.ts";

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

  test("the constants controls: a named set and R change T* and the core radius as the library computes them", async () => {
    const { page, errors } = await open("#view=tubes&M=8");
    await page.selectOption("#ctl-constants", "tuned");
    const tuned = NAMED_CONSTRUCTIONS.tuned;
    await page.waitForFunction(() => /cT=/.test(location.hash));
    const tstar = Number(await page.$eval("#out-t", (e) => (e as HTMLElement).dataset.tstar));
    const params = makeParameters({ M: 8, s: tuned.s, s0: tuned.s0, constants: tuned.constants });
    assert.equal(tstar, params.Tstar);
    assert.notEqual(tstar, makeParameters({ M: 8 }).Tstar);
    // R typed into its field: the core ball's radius becomes 1/(R M)
    await page.fill("#ctl-R", "50");
    await page.$eval("#ctl-R", (e) => e.dispatchEvent(new Event("change")));
    await page.waitForFunction(() => /[#&]R=50(&|$)/.test(location.hash));
    const rc = Number(
      await page.$eval("#tubes-core-radius", (e) => (e as HTMLElement).dataset.value),
    );
    const withR = makeParameters({ M: 8, constants: { ...tuned.constants, coreRadius: 50 } });
    assert.equal(rc, 1 / (withR.constants.coreRadius * 8));
    assert.equal(
      await page.$eval("#ctl-constants", (e) => (e as HTMLSelectElement).value),
      "custom",
    );
    // a rule broken in a field is refused with the rule named
    await page.fill("#ctl-alpha", "0.5");
    await page.$eval("#ctl-alpha", (e) => e.dispatchEvent(new Event("change")));
    await page.waitForFunction(() =>
      /α must be > 1/.test(document.getElementById("message")?.textContent ?? ""),
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("view 5 with the tuned constants: γ∞ and the weak and strong thresholds equal the library's", async () => {
    const tuned = NAMED_CONSTRUCTIONS.tuned;
    const st = {
      ...DEFAULT_STATE,
      ...constantsFromNamed("tuned"),
      view: "theorem" as const,
      M: 8,
      s: tuned.s ?? 0.8,
      s0: tuned.s0 ?? 0.5,
      cutoff: tuned.cutoff ?? "bump",
      variant: tuned.variant ?? "as-in-proof",
    };
    const { page, errors } = await open(stateToHash(st));
    const data = (sel: string) => page.$eval(sel, (e) => ({ ...(e as HTMLElement).dataset }));
    const opts = {
      s: st.s,
      s0: st.s0,
      p: st.p,
      cutoff: st.cutoff,
      variant: st.variant,
      constants: tuned.constants,
    };
    const gamma = deflationExponentLimit(
      cutoffByName(st.cutoff),
      lawConstants(makeParameters({ M: 8, constants: tuned.constants }).constants, st.variant),
    );
    // the library's values first (this process), while the page computes its own in its workers
    const lib = threshold("weak", opts, EXPLORER_THRESHOLD_SEARCH);
    const libStrong = threshold("strong", opts, EXPLORER_THRESHOLD_SEARCH);
    const cli = threshold("weak", opts);
    await page.waitForSelector("#thresholds[data-count='2']", { timeout: 60_000 });
    await page.waitForSelector("#gamma-limit");
    assert.equal(Number((await data("#gamma-limit")).value), gamma.value);
    // γ(M) at M = 8 is a finite positive number beside it
    assert.ok(Number((await data("#gamma-computed")).value) > 0);
    const weak = await data("#threshold-weak");
    assert.equal(Number(weak.mhi), lib.Mhi);
    assert.equal(Number(weak.mfail), lib.Mfail);
    // and the cheap search's bracket meets the CLI's default one
    assert.ok(cli.Mhi !== null && cli.Mfail !== null);
    assert.ok(
      Number(weak.mfail) <= cli.Mhi && Number(weak.mhi) >= cli.Mfail,
      `page [${weak.mfail}, ${weak.mhi}] vs CLI [${cli.Mfail}, ${cli.Mhi}]`,
    );
    const strong = await data("#threshold-strong");
    assert.equal(strong.mhi, String(libStrong.Mhi));
    assert.equal(strong.log10log10m, String(libStrong.log10Log10M ?? null));
    assert.deepEqual(errors, []);
    await page.screenshot({ path: join(OUT, "theorem-tuned.png") });
    await page.close();
  });

  test("view 5's kernel control (Remark 1.5): γ∞ and the core's self-collision exponent equal the library's, kept in the URL", async () => {
    const { page, errors } = await open("#view=theorem&M=8&kernel=constant");
    const data = (sel: string) => page.$eval(sel, (e) => ({ ...(e as HTMLElement).dataset }));
    const lib = (kernel: string) => {
      const params = makeParameters({ M: 8, kernel });
      return {
        gamma: deflationExponentLimit(
          cutoffByName("bump"),
          lawConstants(params.constants, "as-in-proof"),
          params.kernel,
        ).value,
        self:
          coreSelfFrequency(makeBeam(params, cutoffByName("bump"), "as-in-proof")).lnSelfExponent
            .value / Math.LN10,
      };
    };
    await page.waitForSelector("#kernel-normalization[data-kernel='constant']");
    assert.equal(Number((await data("#gamma-limit")).value), lib("constant").gamma);
    assert.equal(Number((await data("#kernel-vs-hard-sphere")).ratio), 2);
    assert.equal(
      await page.$eval("#ctl-kernel", (e) => (e as HTMLSelectElement).value),
      "constant",
    );
    // the control: a soft potential, in the URL, with the computed self-collision exponent
    await page.selectOption("#ctl-kernel", "vhs:-2");
    await page.waitForFunction(() => /[#&]kernel=vhs%3A-2(&|$)/.test(location.hash));
    await page.waitForSelector("#kernel-normalization[data-kernel='vhs:-2']");
    assert.equal(Number((await data("#gamma-limit")).value), lib("vhs:-2").gamma);
    assert.equal(Number((await data("#core-self")).value), lib("vhs:-2").self);
    assert.match(await page.$eval("#core-self", (e) => e.textContent ?? ""), /does NOT decay/);
    await page.screenshot({ path: join(OUT, "theorem-kernel-vhs-2.png") });
    // a bad kernel in a link is refused with the rule named
    await page.goto(`${base}#view=theorem&kernel=vhs:-3`);
    await page.waitForFunction(() =>
      /-3 < gamma <= 1/.test(document.getElementById("message")?.textContent ?? ""),
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("the relaxation view's DSMC option draws its anisotropy with error bars, starting at U²/T_b", async () => {
    const { page, errors } = await open("#view=relax");
    await page.selectOption("#relax-solver", "dsmc");
    await page.click("#relax-start");
    await page.waitForSelector("#relax-plot[data-dsmc='true'] svg", { timeout: 30_000 });
    const dots = await page.$$eval("#relax-plot svg circle", (cs) => cs.length);
    assert.ok(dots >= 20, `only ${dots} DSMC points drawn`);
    const cap = await page.$eval("#relax-dsmc-caption", (e) => ({ ...(e as HTMLElement).dataset }));
    assert.equal(cap.replicas, "8");
    // two beams at ±U e₁ with temperature T_b: T₁₁ = T_b + U², T₂₂ = T₃₃ = T_b at t = 0 (U = 1, T_b = 0.5)
    const a0 = Number(cap.anisotropy0);
    const e0 = Number(cap.error0);
    assert.ok(e0 > 0 && Math.abs(a0 - 1 / 0.5) < 5 * e0, `DSMC anisotropy at t = 0: ${a0} ± ${e0}`);
    await page.screenshot({ path: join(OUT, "relax-dsmc.png") });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
