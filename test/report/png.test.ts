import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { tubesFigure } from "../../src/report/figures/tubes-figure.ts";
import { svgToPng } from "../../src/report/png.ts";
import { svgDocument } from "../../src/report/svg-element.ts";
import { writeFigure } from "../../src/report/write-figure.ts";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk (bytes 16–23). */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test("svgToPng yields a PNG at `scale` times the SVG size", () => {
  const png = svgToPng(svgDocument(300, 200, []), 2);
  assert.deepEqual(png.subarray(0, 8), SIGNATURE);
  assert.deepEqual(pngSize(png), { width: 600, height: 400 });
});

test("writeFigure writes name.svg and name.png", async () => {
  const dir = await mkdtemp(join(tmpdir(), "boltzlab-png-"));
  try {
    const svg = tubesFigure({ M: 3 });
    const files = await writeFigure(dir, "tubes", svg);
    assert.equal(await readFile(files.svg, "utf8"), svg);
    const png = await readFile(files.png);
    assert.deepEqual(png.subarray(0, 8), SIGNATURE);
    assert.deepEqual(pngSize(png), { width: 1280, height: 1200 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
