import type { Command } from "commander";
import { makeBeam } from "../../construction/beam.ts";
import { cutoffByName } from "../../construction/cutoff.ts";
import { makeParameters } from "../../construction/parameters.ts";
import { variantByName } from "../../construction/variant.ts";
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
import { parseChoice, parseNumber, parseVec3 } from "../parse.ts";

/**
 * `boltzlab collide --op gain|loss|A --f SPEC [--g SPEC] --v a,b,c [--x a,b,c] [--t T]
 *   [--kernel hard-sphere|constant|vhs:GAMMA] [--tol TOL] [--json]`
 *
 * SPEC: `maxwellian:rho=R,u=a;b;c,T=T` or `fb`, `fr`, `fa` (the construction's f_b (2.4), f_r (2.5),
 * f_a = f_b + f_r, with --M --s --s0 --cutoff --variant). For `--op A` only --g is used.
 */

interface ConstructionOpts {
  M?: string;
  s?: string;
  s0?: string;
  cutoff?: string;
  variant?: string;
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

function constructionFunction(which: "fb" | "fr" | "fa", o: ConstructionOpts): PhaseSpaceFunction {
  if (o.M === undefined) throw new RuleError(`SPEC ${which} needs --M`);
  const M = parseNumber("--M", o.M);
  const params = makeParameters({
    M,
    ...(o.s !== undefined ? { s: parseNumber("--s", o.s) } : {}),
    ...(o.s0 !== undefined ? { s0: parseNumber("--s0", o.s0) } : {}),
  });
  const beam = makeBeam(
    params,
    cutoffByName(o.cutoff ?? "bump"),
    variantByName(o.variant ?? "as-written"),
  );
  if (which === "fb") return beamPhaseSpace(beam);
  if (which === "fr") return corePhaseSpace(beam);
  return sumOf(`fa(M=${M})`, [beamPhaseSpace(beam), corePhaseSpace(beam)]);
}

/** Parse a SPEC (see the module comment). */
export function parseSpec(raw: string, o: ConstructionOpts = {}): PhaseSpaceFunction {
  const s = raw.trim();
  if (s.startsWith("maxwellian:")) return parseMaxwellianSpec(s);
  if (s === "fb" || s === "fr" || s === "fa") return constructionFunction(s, o);
  throw new RuleError(
    "SPEC must be maxwellian:rho=R,u=a;b;c,T=T or one of fb, fr, fa",
    `got "${raw}"`,
  );
}

export function register(program: Command): void {
  program
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
    .option("--M <M>", "construction: M (integer >= 2)")
    .option("--s <s>", "construction: s")
    .option("--s0 <s0>", "construction: s0")
    .option("--cutoff <name>", "construction: bump | plateau", "bump")
    .option("--variant <name>", "construction: as-written | as-in-proof", "as-written")
    .option("--json", "machine-readable output on stdout")
    .action((opts) => {
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
      const f = op === "A" ? undefined : parseSpec(opts.f, copts);
      const g =
        opts.g !== undefined
          ? parseSpec(opts.g, copts)
          : op === "A"
            ? parseSpec(opts.f, copts)
            : (f as PhaseSpaceFunction);
      const maxLevel = parseNumber("--max-level", opts.maxLevel);
      const co: CollisionOptions = { kernel, tol, maxLevel, minLevel: Math.min(2, maxLevel) };
      const t0 = performance.now();
      let r: Estimate;
      if (op === "A") r = collisionFrequency(g, t, x, v, co);
      else if (op === "loss") r = lossTerm(f as PhaseSpaceFunction, g, t, x, v, co);
      else r = gainTerm(f as PhaseSpaceFunction, g, t, x, v, co);
      const ms = performance.now() - t0;
      if (opts.json) {
        process.stdout.write(
          `${JSON.stringify({
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
            ms: Math.round(ms * 10) / 10,
          })}\n`,
        );
      } else {
        const name =
          op === "A" ? `A[${g.name}]` : `Q${op === "gain" ? "⁺" : "⁻"}(${f?.name}, ${g.name})`;
        process.stdout.write(
          `${name}(t=${t}, x=${x.join(",")}, v=${v.join(",")}) = ${r.value.toPrecision(10)} ± ${r.error.toExponential(2)}${r.unconverged ? " (unconverged)" : ""}\n  ${r.method}; ${kernel.name}; ${ms.toFixed(1)} ms\n`,
        );
      }
    });
}
