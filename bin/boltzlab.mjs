#!/usr/bin/env node
// The `boltzlab` command.
// - Installed from the package (no src/): runs the compiled CLI, dist/cli/main.js, with Node alone.
// - In a checkout of the repository (src/ present and tsx installed as a devDependency): runs the
//   TypeScript sources through tsx, so that `npx boltzlab` always runs the code as it is now and
//   never a stale dist/ left by an earlier `npm pack`.
// `boltzlab errors --workers N` starts its children with this same script, so they take the same path.
import { existsSync } from "node:fs";

const source = new URL("../src/cli/main.ts", import.meta.url);
let register = null;
if (existsSync(source)) {
  try {
    ({ register } = await import("tsx/esm/api"));
  } catch {
    register = null; // no tsx (installed without devDependencies): use the build
  }
}
if (register) {
  register();
  await import(source.href);
} else {
  await import("../dist/cli/main.js");
}
