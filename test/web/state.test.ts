/** The explorer's URL state (web/src/state.ts) and `boltzlab explore`'s input rules, without a browser. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { parsePort } from "../../src/cli/commands/explore.ts";
import { NAMED_CONSTRUCTIONS } from "../../src/construction/parameters/named-constructions.ts";
import { makeParameters, tStar } from "../../src/construction/parameters/parameters.ts";
import {
  CONSTANT_KEYS,
  constantsFromNamed,
  constantsOf,
  DEFAULT_STATE,
  namedConstantsOf,
  parametersOf,
  stateFromHash,
  stateToHash,
  type ViewState,
} from "../../web/src/state.ts";

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
    cb: 2.5,
    cr: 0.3,
    R: 40,
    alpha: 4.2,
    cperp: 2.75,
    cT: 0.6,
    kernel: "vhs:-0.5",
  };
  // t is checked against T* with the state's own c_T, so a t beyond 0.6·T*(c_T = 1) is refused
  st.t = 0.5 * tStar(12, 0.85, 0.6);
  const back = stateFromHash(stateToHash(st));
  assert.equal(back.error, undefined);
  assert.deepEqual(back.state, st);
  // c_⊥ = 0 stands for the variant's factor and round-trips too
  const variantC = { ...st, cperp: 0 };
  assert.deepEqual(stateFromHash(stateToHash(variantC)).state, variantC);
});

test("the constants reach the library: T* = c_T M^{s−1} ln ln M, the named sets, paper links stay short", () => {
  const st: ViewState = { ...DEFAULT_STATE, fixed: [0, 0, 0], M: 9, cT: 0.7, R: 50, cperp: 0 };
  const params = parametersOf(st);
  assert.equal(params.Tstar, 0.7 * 9 ** (0.8 - 1) * Math.log(Math.log(9)));
  assert.equal(params.constants.coreRadius, 50);
  assert.equal(params.constants.bumpTransverse, undefined);
  assert.equal(constantsOf({ ...st, cperp: 3 }).bumpTransverse, 3);
  for (const [name, set] of Object.entries(NAMED_CONSTRUCTIONS)) {
    const named = { ...DEFAULT_STATE, ...constantsFromNamed(name) };
    assert.equal(namedConstantsOf(named), name);
    assert.deepEqual(
      makeParameters({ M: 8, constants: constantsOf(named) }).constants,
      makeParameters({ M: 8, constants: set.constants }).constants,
    );
  }
  assert.equal(namedConstantsOf(DEFAULT_STATE), "paper");
  assert.equal(namedConstantsOf({ ...DEFAULT_STATE, cb: 2 }), "custom");
  const paperHash = stateToHash(DEFAULT_STATE);
  for (const [key] of CONSTANT_KEYS) assert.doesNotMatch(paperHash, new RegExp(`[#&]${key}=`));
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
    ["#alpha=1", /axial factor α must be > 1/],
    ["#cb=-1", /beamAmplitude \(c_b\) must be a finite number > 0/],
    ["#cT=abc", /cT must be a finite number/],
    ["#cperp=-2", /cperp \(c_⊥\) must be > 0, or 0/],
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

test("the kernel in the URL: omitted for hard spheres, validated by the library", () => {
  assert.doesNotMatch(stateToHash({ ...DEFAULT_STATE }), /kernel=/);
  assert.equal(stateFromHash("#kernel=constant").state.kernel, "constant");
  assert.match(stateFromHash("#kernel=vhs:2").error ?? "", /-3 < gamma <= 1/);
  assert.match(stateFromHash("#kernel=maxwell").error ?? "", /kernel must be one of/);
});
