/** `particles --slabs`: collision cells as slabs along x in a periodic box (docs/particles.md). */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const main = join(import.meta.dirname, "../../src/cli/main.ts");
function run(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", main, "particles", ...args], {
    encoding: "utf8",
  });
}

test("--slabs: a DSMC shear wave runs with n slabs and names them; without a periodic box it is one line naming the rule, exit 2, nothing written", () => {
  const ok = run([
    ...["--init", "shear-wave", "--cells", "32", "--slabs", "--particles", "2000"],
    ...["--t-end", "0.05", "--samples", "1", "--replicas", "2", "--workers", "1", "--no-progress"],
  ]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /32 slabs along x/);
  const dir = mkdtempSync(join(tmpdir(), "slabs-"));
  const out = join(dir, "out");
  const bad = run(["--slabs", "--cells", "8", "--t-end", "0.01", "--out", out]);
  assert.equal(bad.status, 2, bad.stderr);
  const lines = bad.stderr
    .trim()
    .split("\n")
    .filter((l) => !l.startsWith("npm warn"));
  assert.equal(lines.length, 1, bad.stderr);
  assert.match(lines[0], /--slabs needs a periodic box/);
  assert.equal(existsSync(out), false);
});
