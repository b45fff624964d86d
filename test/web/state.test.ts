/** The explorer's URL state (web/src/state.ts) and `boltzlab explore`'s input rules, without a browser. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { parsePort } from "../../src/cli/commands/explore.ts";
import { tStar } from "../../src/construction/parameters.ts";
import { DEFAULT_STATE, stateFromHash, stateToHash, type ViewState } from "../../web/src/state.ts";

test("a state survives the URL round trip", () => {
  const st: ViewState = {
    view: "frequency",
    M: 12,
    s: 0.85,
    s0: 0.25,
    p: 6,
    cutoff: "plateau",
    variant: "as-written",
    t: 0.5 * tStar(12, 0.85),
    plane: "v",
    fixed: [0.1, -0.2, 0.3],
    L: 0.7,
    k: 17,
  };
  const back = stateFromHash(stateToHash(st));
  assert.equal(back.error, undefined);
  assert.deepEqual(back.state, st);
});

test("a link that breaks a rule is refused with the rule and the defaults are shown", () => {
  const cases: [string, RegExp][] = [
    ["#M=1", /M must be an integer >= 2/],
    ["#M=8&s=0.7", /max\(s0, 3\/4\) < s < 1/],
    ["#M=8&t=5", /t must lie in \[0, T\*\]/],
    ["#view=nowhere", /view must be one of/],
    ["#cutoff=square", /cutoff must be one of/],
    ["#fixed=1,2", /fixed must be three/],
    ["#M=4000", /M must be <= 128/],
  ];
  for (const [hash, rule] of cases) {
    const r = stateFromHash(hash);
    assert.match(r.error ?? "", rule, hash);
    assert.deepEqual(r.state, DEFAULT_STATE);
  }
});

test("explore: a bad port is one line on stderr and exit code 2", () => {
  assert.equal(parsePort("8080"), 8080);
  for (const bad of ["abc", "-1", "65536", "80.5", ""]) {
    assert.throws(() => parsePort(bad), /port must be an integer in 0\.\.65535/);
  }
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "explore", "--port", "x1", "--no-open"],
    {
      encoding: "utf8",
    },
  );
  assert.equal(r.status, 2);
  assert.equal(r.stdout, "");
  assert.equal(r.stderr.trim().split("\n").length, 1);
  assert.match(r.stderr, /port must be an integer/);
});
