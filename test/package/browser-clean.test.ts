import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { build, type Message } from "esbuild";

/**
 * docs/design.md: the layers below report/ import no Node built-in, so the same code runs in a browser.
 * Every file of math/, kinetic/, construction/, claims/ and solvers/ (and the browser-safe entry
 * points: the root index and the layer indexes) is bundled by esbuild for the browser platform;
 * a `node:` import, a bare built-in (`fs`) or a dependency that needs one is a bundling error.
 * Node globals that no import names (`process`, `Buffer`, `setImmediate`, `require`, `__dirname`)
 * are looked for in the bundle of our own sources.
 */

const ROOT = join(import.meta.dirname, "../..");
const LOWER_LAYERS = ["math", "kinetic", "construction", "claims", "solvers"];

/**
 * Known exceptions, each with the issue that removes it (none today: the grid-file read left
 * initial-data.ts with issue 17, and the relax plots moved to report/relax-plots.ts).
 */
const KNOWN_EXCEPTIONS = new Set<string>([]);

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? tsFiles(join(dir, d.name))
      : d.name.endsWith(".ts")
        ? [join(dir, d.name)]
        : [],
  );
}

/** esbuild's errors for a browser bundle of `entries` (empty: clean), and the bundle's text. */
async function bundleErrors(
  entries: string[],
  packages: "bundle" | "external" = "bundle",
): Promise<{ errors: string[]; text: string }> {
  try {
    const r = await build({
      entryPoints: entries,
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      outdir: "/nonexistent-out",
      logLevel: "silent",
      packages,
    });
    return { errors: [], text: r.outputFiles.map((f) => f.text).join("\n") };
  } catch (err) {
    const errors = ((err as { errors?: Message[] }).errors ?? []).map(
      (m) => `${m.location?.file ?? "?"}:${m.location?.line ?? "?"}: ${m.text}`,
    );
    return { errors: errors.length ? errors : [String(err)], text: "" };
  }
}

/** Names of Node globals used in `code` (comments and string literals removed first). */
function nodeGlobals(code: string): string[] {
  const stripped = code
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "")
    .replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, '""');
  const globals = ["process", "Buffer", "setImmediate", "require", "__dirname", "__filename"];
  return globals.filter((g) => new RegExp(`(?<![.\\w$])${g}(?![\\w$])`).test(stripped));
}

const lowerFiles = LOWER_LAYERS.flatMap((l) => tsFiles(join(ROOT, "src", l)));
const entries = [
  join(ROOT, "src/index.ts"),
  ...LOWER_LAYERS.map((l) => join(ROOT, "src", l, "index.ts")),
];

test("the root index and every layer index bundle for the browser", async () => {
  const { errors } = await bundleErrors(entries);
  assert.deepEqual(errors, []);
});

test("every file of math/, kinetic/, construction/, claims/, solvers/ bundles for the browser", async () => {
  assert.ok(lowerFiles.length > 50, "the lower layers were found");
  const clean = lowerFiles.filter((f) => !KNOWN_EXCEPTIONS.has(relative(ROOT, f)));
  const { errors } = await bundleErrors(clean);
  assert.deepEqual(errors, []);
  for (const rel of KNOWN_EXCEPTIONS) {
    const r = await bundleErrors([join(ROOT, rel)]);
    assert.ok(r.errors.length > 0, `${rel} is browser-clean now: remove it from KNOWN_EXCEPTIONS`);
  }
});

test("no Node global in our own sources of the lower layers", async () => {
  // dependencies left out (external): only what src/ itself uses is scanned
  const clean = lowerFiles.filter((f) => !KNOWN_EXCEPTIONS.has(relative(ROOT, f)));
  const { errors, text } = await bundleErrors(clean, "external");
  assert.deepEqual(errors, []);
  assert.deepEqual(nodeGlobals(text), []);
});

test("the checks detect a Node built-in and a Node global (sanity of the test itself)", async () => {
  const { errors } = await bundleErrors([join(ROOT, "src/parallel/job-file.ts")]);
  assert.ok(
    errors.some((e) => /node:fs|built into node/i.test(e)),
    errors.join("\n"),
  );
  assert.deepEqual(nodeGlobals("const a = 'process'; // Buffer\nprocess.exit(1); x.require(2);"), [
    "process",
  ]);
});
