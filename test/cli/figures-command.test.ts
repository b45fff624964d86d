import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { DEFAULT_FIGURES_DIR } from "../../src/cli/commands/figures.ts";
import { ROOT, runCli } from "./run-cli.ts";

const tmp = mkdtempSync(join(tmpdir(), "boltzlab-figures-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

test("figures: the default --out lies in a git-ignored folder", () => {
  const r = spawnSync(
    "git",
    ["check-ignore", "-q", join(DEFAULT_FIGURES_DIR, "figure-1-lattice.svg")],
    { cwd: ROOT },
  );
  assert.equal(r.status, 0, `${DEFAULT_FIGURES_DIR} is ignored by git`);
});

test("figures --M 6 --variant as-in-proof draws what it was asked and echoes it", () => {
  const out = join(tmp, "f");
  const r = runCli([
    "figures",
    "--M",
    "6",
    "--variant",
    "as-in-proof",
    "--cutoff",
    "plateau",
    "--out",
    out,
  ]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(
    readdirSync(out).sort(),
    ["figure-1-lattice", "figure-2-tubes", "figure-3-bumps-as-in-proof"]
      .flatMap((n) => [`${n}.png`, `${n}.svg`])
      .sort(),
  );
  assert.match(
    r.stderr,
    /figure-1-lattice \(M = 6\); figure-2-tubes \(M = 6\); figure-3-bumps-as-in-proof \(M = 6, as-in-proof\); cutoff plateau/,
  );
});

test("figures --M above the drawable size is refused with the rule, nothing written", () => {
  const out = join(tmp, "big");
  const r = runCli(["figures", "--M", "5000", "--out", out]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /figures --M must be at most 200/);
  assert.ok(!readdirSync(tmp).includes("big"));
});
