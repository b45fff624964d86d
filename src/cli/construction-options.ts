import { readFileSync } from "node:fs";
import type { Command } from "commander";
import {
  NAMED_CONSTRUCTIONS,
  type NamedConstruction,
} from "../construction/parameters/named-constructions.ts";
import {
  CONSTANT_SYMBOLS,
  type ConstructionConstants,
  describeConstants,
  makeConstants,
} from "../construction/parameters/parameters.ts";
import { RuleError } from "../math/errors.ts";
import { parseFinite } from "./common-options.ts";

/**
 * The free constants of the construction on the command line (construction/parameters/parameters.ts):
 *   --cb, --cr, --core-radius, --bump-axial, --bump-transverse, --ct
 * and `--construction paper | <named set> | FILE.json`, a reusable parameter set (constants and,
 * optionally, s, s0, cutoff and variant); explicit options override the set.
 */
export interface ConstructionCliOptions {
  construction?: string;
  cb?: string;
  cr?: string;
  coreRadius?: string;
  bumpAxial?: string;
  bumpTransverse?: string;
  ct?: string;
}

const FLAGS: readonly [keyof ConstructionCliOptions, keyof ConstructionConstants, string][] = [
  ["cb", "beamAmplitude", "c_b, amplitude factor of f_b = c_b M^{1-s} Σ K I (paper 1)"],
  ["cr", "coreAmplitude", "c_r, amplitude factor of f_r(0) = c_r M^{3/2-s0} N^{3/2} χ χ (paper 1)"],
  ["coreRadius", "coreRadius", "R in χ(R M x), the core's radius factor (paper 100)"],
  ["bumpAxial", "bumpAxial", "α in χ(α P(v - e)), the bump's axial factor (paper 10)"],
  [
    "bumpTransverse",
    "bumpTransverse",
    "c in χ(c M P⊥v), the bump's transverse factor (default: the variant's, 1 as-written, 10 as-in-proof)",
  ],
  ["ct", "timeFactor", "c_T in T* = c_T M^{s-1} ln ln M (paper 1)"],
];

export function addConstructionOptions(cmd: Command): Command {
  let c = cmd.option(
    "--construction <name|file>",
    `a parameter set: ${["paper", ...Object.keys(NAMED_CONSTRUCTIONS)].join(" | ")} | a JSON file {constants, s?, s0?, cutoff?, variant?}`,
  );
  for (const [flag, , help] of FLAGS) {
    const dashed = flag.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
    c = c.option(`--${dashed} <number>`, help);
  }
  return c;
}

/** Load `--construction` (a named set or a JSON file); `paper` or absent: no overrides. */
export function loadConstruction(raw: string | undefined): NamedConstruction {
  if (raw === undefined || raw === "paper") return { name: "paper", constants: {} };
  const named = NAMED_CONSTRUCTIONS[raw];
  if (named) return named;
  if (!raw.endsWith(".json")) {
    throw new RuleError(
      `--construction must be paper, ${Object.keys(NAMED_CONSTRUCTIONS).join(", ")} or a .json file`,
      `got "${raw}"`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(raw, "utf8"));
  } catch (e) {
    throw new RuleError(
      "--construction file must be readable JSON",
      `${raw}: ${(e as Error).message.split("\n")[0]}`,
    );
  }
  const obj = parsed as Partial<NamedConstruction> & { constants?: Record<string, unknown> };
  if (
    typeof obj !== "object" ||
    obj === null ||
    typeof obj.constants !== "object" ||
    obj.constants === null
  ) {
    throw new RuleError('--construction file needs an object with a "constants" object', raw);
  }
  makeConstants(obj.constants as Partial<ConstructionConstants>); // validates the names and values
  return {
    ...obj,
    name: obj.name ?? raw,
    constants: obj.constants as Partial<ConstructionConstants>,
  };
}

/** The constants from `--construction` and the explicit flags (flags win), validated. */
export function parseConstruction(o: ConstructionCliOptions): NamedConstruction {
  const base = loadConstruction(o.construction);
  const constants: Record<string, number> = { ...(base.constants as Record<string, number>) };
  for (const [flag, key] of FLAGS) {
    const raw = o[flag];
    if (raw !== undefined) constants[key] = parseFinite(`--${CONSTANT_SYMBOLS[key]}`, raw);
  }
  makeConstants(constants);
  return { ...base, constants };
}

/**
 * The construction a single-configuration command runs (errors, bootstrap, claims): the constants
 * from `--construction` and the flags, and s, s0, cutoff, variant from the named set where the
 * command line does not give them (as `theorem` does). `label` names the set and every constant,
 * for the command's output.
 */
export interface ResolvedConstruction {
  readonly construction: NamedConstruction;
  readonly constants: Partial<ConstructionConstants>;
  readonly s: string | undefined;
  readonly s0: string | undefined;
  readonly cutoff: string;
  readonly variant: string;
  readonly label: string;
}

/** Resolve {@link ResolvedConstruction} from a command's options (see there). */
export function resolveConstruction(
  o: ConstructionCliOptions & { s?: string; s0?: string; cutoff: string; variant: string },
  command: Command,
): ResolvedConstruction {
  const construction = parseConstruction(o);
  const fromSet = (name: string) => command.getOptionValueSource(name) !== "cli";
  return {
    construction,
    constants: construction.constants,
    s: o.s ?? (construction.s !== undefined ? String(construction.s) : undefined),
    s0: o.s0 ?? (construction.s0 !== undefined ? String(construction.s0) : undefined),
    cutoff: fromSet("cutoff") && construction.cutoff ? construction.cutoff : o.cutoff,
    variant: fromSet("variant") && construction.variant ? construction.variant : o.variant,
    label: constructionLabel(construction.name, construction.constants),
  };
}

/** "construction tuned (c_b = 1, c_r = 28.9, …)": a set's name and all its constants. */
export function constructionLabel(name: string, constants: Partial<ConstructionConstants>): string {
  return `construction ${name} (${describeConstants(makeConstants(constants))})`;
}

/** The flags (--cb … --ct) that reproduce these constants, for a child process of a command. */
export function constructionArgs(constants: Partial<ConstructionConstants>): string[] {
  const out: string[] = [];
  for (const [flag, key] of FLAGS) {
    const v = constants[key];
    if (v !== undefined)
      out.push(`--${flag.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}`, String(v));
  }
  return out;
}
