import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { after, test } from "node:test";

/**
 * The `@example` blocks of the doc comments are real: every fenced code block after an `@example`
 * tag in src/**\/*.ts is written to its own file inside the package (so that `import … from
 * "boltzlab"` resolves to the package itself, to src/ under the boltzlab-source condition) and run
 * with tsx. An example that throws (a failed assert in it, a wrong name, a wrong import) fails here.
 */

const ROOT = join(import.meta.dirname, "../..");
const scratch = mkdtempSync(join(ROOT, ".tmp-examples-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface DocExample {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? tsFiles(join(dir, d.name))
      : d.name.endsWith(".ts")
        ? [join(dir, d.name)]
        : [],
  );
}

/** The fenced blocks that follow an `@example` tag in the `/** … *\/` comments of `text`. */
export function extractExamples(text: string, file: string): DocExample[] {
  const out: DocExample[] = [];
  for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const lines = m[0]
      .split("\n")
      .map((l) => l.replace(/^\s*\/?\*\*?\/?( ?)/, "").replace(/\s*\*\/$/, ""));
    const startLine = text.slice(0, m.index).split("\n").length;
    let inExample = false;
    let code: string[] | null = null;
    let codeLine = 0;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (code) {
        if (/^```\s*$/.test(l)) {
          out.push({ file, line: codeLine, code: code.join("\n") });
          code = null;
        } else code.push(l);
        continue;
      }
      if (/^@\w+/.test(l)) inExample = l.startsWith("@example");
      if (inExample && /^```(ts|typescript|js)?\s*$/.test(l)) {
        code = [];
        codeLine = startLine + i + 1;
      }
    }
  }
  return out;
}

const examples = tsFiles(join(ROOT, "src")).flatMap((f) =>
  extractExamples(readFileSync(f, "utf8"), relative(ROOT, f)),
);

test("the extractor finds fenced @example blocks and nothing else", () => {
  const text = [
    "/**",
    " * Text with a block that is not an example:",
    " * ```ts",
    " * throw new Error('not run');",
    " * ```",
    " * @example",
    " * ```ts",
    " * const a = 1;",
    " * ```",
    " * @param x nothing",
    " */",
  ].join("\n");
  assert.deepEqual(extractExamples(text, "f.ts"), [
    { file: "f.ts", line: 8, code: "const a = 1;" },
  ]);
});

test("src/ has @example blocks, among them the one of src/index.ts", () => {
  assert.ok(examples.some((e) => e.file === "src/index.ts"));
});

for (const [k, ex] of examples.entries()) {
  test(`@example at ${ex.file}:${ex.line} runs`, () => {
    const file = join(scratch, `example-${k}.ts`);
    writeFileSync(file, `${ex.code}\nexport {};\n`);
    const r = spawnSync(
      process.execPath,
      ["--conditions=boltzlab-source", "--import", "tsx", file],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    assert.equal(r.status, 0, `${ex.file}:${ex.line}\n${ex.code}\n--- stderr\n${r.stderr}`);
  });
}
