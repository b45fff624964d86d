import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { runCli } from "./run-cli.ts";

const tmp = mkdtempSync(join(tmpdir(), "boltzlab-constructions-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

test("errors --construction: records carry the non-paper constants, outputs name them; the paper's records do not", () => {
  const out = join(tmp, "e.jsonl");
  const common = ["errors", "--M", "3", "--term", "v.grad(fr)", "--norm", "L2", "--workers", "1"];
  const r = runCli([...common, "--construction", "tuned", "--cr", "2", "--out", out, "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.parameters.construction, "tuned");
  assert.equal(json.parameters.constants.coreAmplitude, 2); // the flag overrides the set
  assert.equal(json.parameters.constants.bumpAxial, 4.2);
  const paper = runCli([...common, "--out", out]);
  assert.equal(paper.status, 0, paper.stderr);
  assert.match(paper.stdout, /construction paper \(c_b = 1, c_r = 1, R = 100, α = 10/);
  const recs = readFileSync(out, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.equal(recs.length, 2); // different constants: two jobs, not a resumed one
  assert.equal(recs[0].constants.coreAmplitude, 2);
  assert.equal("constants" in recs[1], false);
  // both records hold a measured value
  assert.ok(recs[0].sup.value.value > 0 && recs[1].sup.value.value > 0);
});

test("bootstrap and claims accept the construction flags and refuse bad ones with one line", () => {
  for (const args of [
    ["bootstrap", "--cb", "-1"],
    ["claims", "--construction", "nonesuch"],
    ["errors", "--bump-axial", "1", "--out", join(tmp, "x.jsonl")],
  ]) {
    const r = runCli(args);
    assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
  }
});
