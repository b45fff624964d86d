import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { test } from "node:test";
import ts from "typescript";

/**
 * TSDoc on every export of the public API: every symbol reachable from a package entry point
 * (package.json `exports`: the root and the layer subpaths) has a doc comment on its declaration.
 * The API site (`npm run docs`) is built from these comments.
 */

const ROOT = join(import.meta.dirname, "../..");
const ENTRIES = [
  "index",
  "math/index",
  "kinetic/index",
  "construction/index",
  "claims/index",
  "solvers/index",
  "parallel/index",
  "report/index",
].map((e) => join(ROOT, "src", `${e}.ts`));

test("every export of every entry point has a doc comment", () => {
  const program = ts.createProgram(ENTRIES, {
    allowImportingTsExtensions: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    types: ["node"],
  });
  const checker = program.getTypeChecker();
  const documented = new Map<string, boolean>();
  for (const entry of ENTRIES) {
    const sf = program.getSourceFile(entry);
    assert.ok(sf, entry);
    const mod = checker.getSymbolAtLocation(sf);
    assert.ok(mod, `${entry} is a module`);
    for (const exported of checker.getExportsOfModule(mod)) {
      const sym =
        exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const decls = sym.declarations ?? [];
      if (decls.length === 0) continue;
      const key = `${relative(ROOT, decls[0].getSourceFile().fileName)}: ${sym.name}`;
      const hasDoc = decls.some((d) => ts.getJSDocCommentsAndTags(d).length > 0);
      documented.set(key, hasDoc);
    }
  }
  assert.ok(documented.size > 150, `the public API was found (${documented.size} symbols)`);
  const missing = [...documented].filter(([, d]) => !d).map(([k]) => k);
  assert.deepEqual(
    missing,
    [],
    `${missing.length} of ${documented.size} public exports lack a doc comment`,
  );
});
