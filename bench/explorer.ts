/**
 * Explorer speed, measured in the browser with performance marks (not a test):
 *   nice -n 10 npx tsx bench/explorer.ts [--runs 5]
 * Serves web-dist/ (built when stale) with `boltzlab explore`'s server, drives /usr/bin/chromium
 * (WebGL through SwiftShader, i.e. on the CPU) and prints, as medians over the runs:
 * - first load: navigation start → `explorer:first-view` (lattice view drawn), and the same for
 *   the frequency view (its first heat-map level arrives later, reported separately);
 * - slider redraw of the lattice for M = 8, 16, 32, 64: `input` event → `explorer:redraw-lattice`
 *   mark (library + scene rebuild + render submitted) and → the second animation frame after it
 *   (the frame on screen);
 * - the t slider of the tubes view for M = 8, 16, 32, 64 (two moves per run), the same two times;
 * - heat map: job start → first level (16²) and → last level (64²), x-plane, M = 8;
 * and, as the reference measured in the same run, the browser's idle frame interval (two
 * requestAnimationFrame callbacks on the same page) so that each time is also given as a ratio.
 */
import type { AddressInfo } from "node:net";
import { chromium } from "playwright-core";
import { buildSite, serveExplorer, siteIsStale } from "../src/cli/commands/explore.ts";

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (siteIsStale()) await buildSite();
const server = await serveExplorer({ port: 0, host: "127.0.0.1" });
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
});

/**
 * Set an input's value, fire `input`, and time → the view's redraw mark and → the second animation
 * frame after it. A string, not a function: tsx's keepNames would insert a __name helper the page
 * lacks.
 */
async function redrawTime(
  page: import("playwright-core").Page,
  id: string,
  value: string,
  view: string,
): Promise<{ mark: number; frame: number }> {
  return (await page.evaluate(`new Promise((ok) => {
      const input = document.getElementById("${id}");
      performance.clearMarks("explorer:redraw-${view}");
      const t0 = performance.now();
      input.value = "${value}";
      input.dispatchEvent(new Event("input"));
      (function poll() {
        const e = performance.getEntriesByName("explorer:redraw-${view}")[0];
        if (!e) return setTimeout(poll, 0);
        requestAnimationFrame(() =>
          requestAnimationFrame(() => ok({ mark: e.startTime - t0, frame: performance.now() - t0 })),
        );
      })();
    })`)) as { mark: number; frame: number };
}

const firstLoad: number[] = [];
const tubes: Record<number, { mark: number[]; frame: number[] }> = {};
const firstLoadFreq: number[] = [];
const heatFirst: number[] = [];
const heatLast: number[] = [];
const frame: number[] = [];
const redraw: Record<number, { mark: number[]; frame: number[] }> = {};
const Ms = [8, 16, 32, 64];
for (const M of Ms) {
  redraw[M] = { mark: [], frame: [] };
  tubes[M] = { mark: [], frame: [] };
}

for (let run = 0; run < RUNS; run++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}#view=lattice&M=4`);
  await page.waitForSelector("body[data-ready='true']");
  firstLoad.push(
    await page.evaluate(() => performance.getEntriesByName("explorer:first-view")[0].startTime),
  );
  frame.push(
    await page.evaluate(
      () =>
        new Promise<number>((ok) =>
          requestAnimationFrame((a) => requestAnimationFrame((b) => ok(b - a))),
        ),
    ),
  );
  for (const M of Ms) {
    const r = await redrawTime(page, "ctl-M", String(M), "lattice");
    redraw[M].mark.push(r.mark);
    redraw[M].frame.push(r.frame);
  }
  for (const M of Ms) {
    await page.goto(`${base}#view=tubes&M=${M}`);
    await page.reload();
    await page.waitForSelector("body[data-ready='true']");
    for (const step of ["60", "120"]) {
      const r = await redrawTime(page, "ctl-t", step, "tubes");
      tubes[M].mark.push(r.mark);
      tubes[M].frame.push(r.frame);
    }
  }
  await page.close();

  const p2 = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await p2.goto(`${base}#view=frequency&M=8&plane=x&fixed=0,0,0&t=0`);
  await p2.waitForSelector("body[data-ready='true']");
  firstLoadFreq.push(
    await p2.evaluate(() => performance.getEntriesByName("explorer:first-view")[0].startTime),
  );
  const t0 = await p2.evaluate(
    () => performance.getEntriesByName("explorer:first-view")[0].startTime,
  );
  await p2.waitForSelector("#heatmap[data-n]");
  heatFirst.push((await p2.evaluate(() => performance.now())) - t0);
  await p2.waitForSelector("#heatmap[data-complete='true']", { timeout: 120_000 });
  heatLast.push((await p2.evaluate(() => performance.now())) - t0);
  await p2.close();
}
await browser.close();
server.close();

const ref = median(frame);
const line = (name: string, xs: number[]) =>
  `${name.padEnd(44)} ${median(xs).toFixed(1).padStart(8)} ms   (${(median(xs) / ref).toFixed(2)} × frame)`;
console.log(
  `explorer bench: chromium ${browser.version()} with SwiftShader, ${RUNS} runs, medians`,
);
console.log(
  `${"reference: idle frame interval (rAF → rAF)".padEnd(44)} ${ref.toFixed(1).padStart(8)} ms`,
);
console.log(line("first load, lattice view (M = 4)", firstLoad));
console.log(line("first load, frequency view (M = 8)", firstLoadFreq));
for (const M of Ms) {
  console.log(line(`lattice redraw M → ${M}: input → redraw mark`, redraw[M].mark));
  console.log(line(`lattice redraw M → ${M}: input → 2nd frame`, redraw[M].frame));
}
for (const M of Ms) {
  console.log(line(`tubes t slider, M = ${M}: input → redraw mark`, tubes[M].mark));
  console.log(line(`tubes t slider, M = ${M}: input → 2nd frame`, tubes[M].frame));
}
console.log(line("heat map M = 8: first level 16²", heatFirst));
console.log(line("heat map M = 8: last level 64²", heatLast));
