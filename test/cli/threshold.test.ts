import assert from "node:assert/strict";
import { test } from "node:test";
import { runCli } from "./run-cli.ts";

test("threshold/design refuse bad input with one line and exit 2", () => {
  for (const args of [
    ["threshold", "--cb", "-1"],
    ["threshold", "--bump-axial", "1"],
    ["threshold", "--criterion", "medium"],
    ["threshold", "--construction", "nonesuch"],
    ["design", "--criterion", "medium"],
    ["design", "--out", "x.txt"],
  ]) {
    const r = runCli(args);
    assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
  }
});

test("threshold --json echoes the construction and its constants (named set 'tuned')", () => {
  const r = runCli([
    "threshold",
    "--construction",
    "tuned",
    "--criterion",
    "strong",
    "--grid-step",
    "10",
    "--json",
  ]);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.construction, "tuned");
  assert.equal(out.s, 0.8);
  assert.equal(out.constants.bumpAxial, 4.2);
  assert.equal(out.thresholds[0].criterion, "strong");
});
