import type { Command } from "commander";
import { type Beam, makeBeam } from "../../construction/beam/beam.ts";
import { cutoffByName } from "../../construction/geometry/cutoff.ts";
import { makeParameters } from "../../construction/parameters/parameters.ts";
import type { Variant } from "../../construction/parameters/variant.ts";
import { beamPhaseSpace, corePhaseSpace } from "../../construction/phase-space-functions.ts";
import {
  type CollisionOptions,
  collisionFrequency,
  gainTerm,
  lossTerm,
} from "../../kinetic/collision.ts";
import { kernelByName } from "../../kinetic/kernel.ts";
import { maxwellian } from "../../kinetic/maxwellian.ts";
import { type PhaseSpaceFunction, sumOf } from "../../kinetic/phase-space.ts";
import { RuleError } from "../../math/errors.ts";
import type { Estimate } from "../../math/estimate.ts";
import {
  addConfigurationOptions,
  addParameterOptions,
  addPOption,
  DEFAULT_CUTOFF,
  DEFAULT_VARIANT,
  parseCutoff,
  parseM,
  parseVariant,
  validateParameters,
} from "../common-options.ts";
import { addCsvOption, parseCsvPath, writeCsv } from "../csv.ts";
import { parseChoice, parseNumber, parseVec3 } from "../parse.ts";

/**
 * `boltzlab collide --op gain|loss|A --f SPEC [--g SPEC] --v a,b,c [--x a,b,c] [--t T]
 *   [--kernel hard-sphere|constant|vhs:GAMMA] [--tol TOL] [--json] [--csv FILE]`
 *
 * SPEC: `maxwellian:rho=R,u=a;b;c,T=T` or `fb`, `fr`, `fa` (the construction's f_b (2.4), f_r (2.5),
 * f_a = f_b + f_r, with --M --s --s0 --p --cutoff --variant, whose defaults are the one rule of
 * common-options.ts: variant as-in-proof, as for `eval`). For `--op A` only --g is used. Every
 * output (text, JSON, CSV) echoes the construction's parameters when a SPEC uses them.
 */

interface ConstructionOpts {
  M?: string;
  s?: string;
  s0?: string;
  p?: string;
  cutoff?: string;
  variant?: string;
}

/** The construction's parameters as used by a `fb`/`fr`/`fa` SPEC (echoed in every output). */
export interface ConstructionEcho {
  readonly M: number;
  readonly s: number;
  readonly s0: number;
  readonly p: number;
  readonly cutoff: string;
  readonly variant: Variant;
}

/**
 * Validate the construction options once (defaults from the one rule in common-options.ts:
 * s = 0.8, s0 = 0.5, p = 10, cutoff bump, variant as-in-proof) and build the beam they name.
 */
function constructionOf(
  o: ConstructionOpts,
  which: string,
): { echo: ConstructionEcho; beam: Beam } {
  if (o.M === undefined) throw new RuleError(`SPEC ${which} needs --M`);
  const M = parseM(o.M);
  const { s, s0, p } = validateParameters([M], o);
  const cutoff = parseCutoff(o.cutoff ?? DEFAULT_CUTOFF);
  const variant = parseVariant(o.variant ?? DEFAULT_VARIANT);
  const params = makeParameters({ M, s, s0, p });
  const beam = makeBeam(params, cutoffByName(cutoff), variant);
  return { echo: { M, s, s0, p: params.p, cutoff, variant }, beam };
}

/** Parse `maxwellian:rho=R,u=a;b;c,T=T`. */
export function parseMaxwellianSpec(raw: string): PhaseSpaceFunction {
  const rule = "a Maxwellian SPEC is maxwellian:rho=R,u=a;b;c,T=T";
  const body = raw.slice("maxwellian:".length);
  const fields = new Map<string, string>();
  for (const kv of body.split(",")) {
    const m = /^\s*(rho|u|T)\s*=\s*(.+)$/.exec(kv);
    if (!m || fields.has(m[1])) throw new RuleError(rule, `got "${raw}"`);
    fields.set(m[1], m[2].trim());
  }
  for (const k of ["rho", "u", "T"])
    if (!fields.has(k)) throw new RuleError(rule, `missing ${k} in "${raw}"`);
  const rho = parseNumber("rho", fields.get("rho") as string);
  const T = parseNumber("T", fields.get("T") as string);
  const us = (fields.get("u") as string).split(";");
  if (us.length !== 3)
    throw new RuleError(
      "the Maxwellian mean u must be three numbers a;b;c",
      `got "${fields.get("u")}"`,
    );
  const u: [number, number, number] = [
    parseNumber("u", us[0]),
    parseNumber("u", us[1]),
    parseNumber("u", us[2]),
  ];
  return maxwellian({ rho, u, T });
}

function constructionFunction(which: "fb" | "fr" | "fa", beam: Beam): PhaseSpaceFunction {
  if (which === "fb") return beamPhaseSpace(beam);
  if (which === "fr") return corePhaseSpace(beam);
  return sumOf(`fa(M=${beam.params.M})`, [beamPhaseSpace(beam), corePhaseSpace(beam)]);
}

/**
 * Parse a SPEC (see the module comment). A construction SPEC (`fb`, `fr`, `fa`) takes its beam from
 * `construction` (validated once by the caller from --M --s --s0 --p --cutoff --variant).
 */
export function parseSpec(
  raw: string,
  o: ConstructionOpts = {},
  construction?: { echo: ConstructionEcho; beam: Beam },
): PhaseSpaceFunction {
  const s = raw.trim();
  if (s.startsWith("maxwellian:")) return parseMaxwellianSpec(s);
  if (s === "fb" || s === "fr" || s === "fa") {
    return constructionFunction(s, (construction ?? constructionOf(o, s)).beam);
  }
  throw new RuleError(
    "SPEC must be maxwellian:rho=R,u=a;b;c,T=T or one of fb, fr, fa",
    `got "${raw}"`,
  );
}

const isConstructionSpec = (raw: string | undefined) =>
  raw !== undefined && ["fb", "fr", "fa"].includes(raw.trim());

export function register(program: Command): void {
  const cmd = program
    .command("collide")
    .description("Q⁺(f,g), Q⁻(f,g) or A[g] at one point (t, x, v), with an error estimate")
    .requiredOption("--op <op>", "gain | loss | A")
    .option("--f <spec>", "f: maxwellian:rho=R,u=a;b;c,T=T | fb | fr | fa")
    .option("--g <spec>", "g (default: f)")
    .requiredOption("--v <a,b,c>", "velocity v")
    .option("--x <a,b,c>", "position x", "0,0,0")
    .option("--t <T>", "time t", "0")
    .option("--kernel <name>", "hard-sphere | constant | vhs:GAMMA", "hard-sphere")
    .option("--tol <tol>", "relative tolerance of the refinement", "1e-6")
    .option(
      "--max-level <L>",
      "highest refinement level (Gauss–Legendre order 4,6,8,12,16,24,32,48,64 by level)",
      "6",
    )
    .option("--M <M>", "construction (SPEC fb, fr, fa): M, integer >= 2");
  addParameterOptions(cmd);
  addPOption(cmd);
  addConfigurationOptions(cmd, "one");
  addCsvOption(cmd.option("--json", "machine-readable output on stdout")).action((opts) => {
    const op = parseChoice("--op", opts.op, ["gain", "loss", "A"] as const);
    const v = parseVec3("--v", opts.v);
    const x = parseVec3("--x", opts.x);
    const t = parseNumber("--t", opts.t);
    const kernel = kernelByName(opts.kernel);
    const tol = parseNumber("--tol", opts.tol);
    if (!(tol > 0)) throw new RuleError("--tol must be > 0", `got "${opts.tol}"`);
    const copts: ConstructionOpts = opts;
    if (op !== "A" && opts.f === undefined) throw new RuleError(`--op ${op} needs --f`);
    if (op === "A" && opts.g === undefined && opts.f === undefined)
      throw new RuleError("--op A needs --g");
    const usesConstruction =
      (op !== "A" && isConstructionSpec(opts.f)) ||
      isConstructionSpec(opts.g) ||
      (op === "A" && opts.g === undefined && isConstructionSpec(opts.f));
    const which = [opts.f, opts.g].find(isConstructionSpec) ?? "fb";
    const construction = usesConstruction ? constructionOf(copts, which) : undefined;
    if (!usesConstruction) {
      // unused construction options are still checked: a bad value is never silently ignored
      parseCutoff(copts.cutoff ?? DEFAULT_CUTOFF);
      parseVariant(copts.variant ?? DEFAULT_VARIANT);
      // (the rules on s, s0, p do not depend on M: any valid M checks them)
      validateParameters([copts.M === undefined ? 4 : parseM(copts.M)], copts);
    }
    const f = op === "A" ? undefined : parseSpec(opts.f, copts, construction);
    const g =
      opts.g !== undefined
        ? parseSpec(opts.g, copts, construction)
        : op === "A"
          ? parseSpec(opts.f, copts, construction)
          : (f as PhaseSpaceFunction);
    const maxLevel = parseNumber("--max-level", opts.maxLevel);
    const csv = parseCsvPath(opts.csv);
    const co: CollisionOptions = { kernel, tol, maxLevel, minLevel: Math.min(2, maxLevel) };
    const t0 = performance.now();
    let r: Estimate;
    if (op === "A") r = collisionFrequency(g, t, x, v, co);
    else if (op === "loss") r = lossTerm(f as PhaseSpaceFunction, g, t, x, v, co);
    else r = gainTerm(f as PhaseSpaceFunction, g, t, x, v, co);
    const ms = performance.now() - t0;
    const echo = construction?.echo;
    const out = {
      op,
      value: r.value,
      error: r.error,
      unconverged: r.unconverged === true,
      kind: r.kind,
      method: r.method,
      kernel: kernel.name,
      f: f?.name ?? null,
      g: g.name,
      t,
      x,
      v,
      tol,
      maxLevel,
      // the construction's parameters when a SPEC uses it (null when only Maxwellians are used)
      M: echo?.M ?? null,
      s: echo?.s ?? null,
      s0: echo?.s0 ?? null,
      p: echo?.p ?? null,
      cutoff: echo?.cutoff ?? null,
      variant: echo?.variant ?? null,
      ms: Math.round(ms * 10) / 10,
    };
    if (csv !== undefined) {
      const row = {
        ...out,
        x: undefined,
        v: undefined,
        ...vecColumns("x", x),
        ...vecColumns("v", v),
      };
      writeCsv(csv, { columns: COLLIDE_CSV_COLUMNS, rows: [row] });
    }
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(out)}\n`);
      return;
    }
    const name =
      op === "A" ? `A[${g.name}]` : `Q${op === "gain" ? "⁺" : "⁻"}(${f?.name}, ${g.name})`;
    const params = echo
      ? `M=${echo.M} s=${echo.s} s0=${echo.s0} p=${echo.p} cutoff=${echo.cutoff} variant=${echo.variant}`
      : "no construction SPEC (M, s, s0, cutoff, variant not used)";
    process.stdout.write(
      `${name}(t=${t}, x=${x.join(",")}, v=${v.join(",")}) = ${r.value.toPrecision(10)} ± ${r.error.toExponential(2)}${r.unconverged ? " (unconverged)" : ""}\n` +
        `  ${params}; kernel ${kernel.name}; tol ${tol}; max level ${maxLevel}\n  ${r.method}; ${ms.toFixed(1)} ms\n`,
    );
  });
}

/** `x` → x1, x2, x3 (CSV columns of a vector). */
export function vecColumns(name: string, a: readonly number[]): Record<string, number> {
  return { [`${name}1`]: a[0], [`${name}2`]: a[1], [`${name}3`]: a[2] };
}

const COLLIDE_CSV_COLUMNS = [
  "op",
  "f",
  "g",
  "value",
  "error",
  "unconverged",
  "kind",
  "t",
  "x1",
  "x2",
  "x3",
  "v1",
  "v2",
  "v3",
  "kernel",
  "tol",
  "maxLevel",
  "M",
  "s",
  "s0",
  "p",
  "cutoff",
  "variant",
  "method",
] as const;
