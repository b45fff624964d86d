/**
 * The explorer's view state and its URL form. The state lives in the hash
 * (`#view=lattice&M=8&s=0.8&…`), so a link reproduces a view; values are validated by the library
 * ({@link makeParameters}, {@link cutoffByName}, {@link variantByName}) and an invalid link falls
 * back to the defaults with a message naming the rule, like the CLI.
 */
import { CUTOFF_NAMES } from "../../src/construction/geometry/cutoff.ts";
import { NAMED_CONSTRUCTIONS } from "../../src/construction/parameters/named-constructions.ts";
import {
  type ConstructionConstants,
  DEFAULT_P,
  DEFAULT_S,
  DEFAULT_S0,
  makeParameters,
  PAPER_CONSTANTS,
  type Parameters,
} from "../../src/construction/parameters/parameters.ts";
import {
  VARIANTS,
  type Variant,
  variantByName,
} from "../../src/construction/parameters/variant.ts";
import { kernelByName } from "../../src/kinetic/kernel.ts";

export const VIEWS = [
  "lattice",
  "tubes",
  "bumps",
  "frequency",
  "theorem",
  "claims",
  "relax",
] as const;
export type ViewName = (typeof VIEWS)[number];

export const VIEW_TITLES: Record<ViewName, string> = {
  lattice: "Lattice",
  tubes: "Tubes",
  bumps: "Velocity bumps",
  frequency: "Collision frequency",
  theorem: "Deflation & Theorem 1.1",
  claims: "Claims",
  relax: "Relaxation",
};

/** Largest M the interactive views accept (the lattice then has 8 256 points). */
export const MAX_VIEW_M = 128;

export interface ViewState {
  view: ViewName;
  M: number;
  s: number;
  s0: number;
  p: number;
  cutoff: string;
  variant: Variant;
  /** Time t ∈ [0, T*] (absolute, not a fraction). */
  t: number;
  /** Heat-map plane: "x" (x in a plane, v fixed) or "v" (v in a plane, x fixed). */
  plane: "x" | "v";
  /** The fixed vector of the heat map (v for plane x, x for plane v). */
  fixed: [number, number, number];
  /** Half-width of the heat map's square. */
  L: number;
  /** Selected lattice point k (−1: none). */
  k: number;
  /** c_b, the beam's amplitude factor (2.4). */
  cb: number;
  /** c_r, the core's amplitude factor (2.5). */
  cr: number;
  /** R, the core's radius factor in χ(R M x) (2.5). */
  R: number;
  /** α, the bump's axial factor in χ(α P(v − e)) (2.4). */
  alpha: number;
  /** c_⊥, the bump's transverse factor in χ(c M P⊥v); 0: the variant's (1 or 10). */
  cperp: number;
  /** c_T, the time factor in T* = c_T M^{s−1} ln ln M (2.9). */
  cT: number;
  /** The kernel of A[f_b]: hard-sphere, constant or vhs:γ (Remark 1.5; docs/kernels.md). */
  kernel: string;
}

/** The URL keys of the construction constants, with their library names and symbols. */
export const CONSTANT_KEYS = [
  ["cb", "beamAmplitude", "c_b"],
  ["cr", "coreAmplitude", "c_r"],
  ["R", "coreRadius", "R"],
  ["alpha", "bumpAxial", "α"],
  ["cperp", "bumpTransverse", "c_⊥"],
  ["cT", "timeFactor", "c_T"],
] as const;
export type ConstantKey = (typeof CONSTANT_KEYS)[number][0];

export const DEFAULT_STATE: Readonly<ViewState> = {
  view: "lattice",
  M: 8,
  s: DEFAULT_S,
  s0: DEFAULT_S0,
  p: DEFAULT_P,
  cutoff: "bump",
  variant: "as-in-proof",
  t: 0,
  plane: "x",
  fixed: [0, 0, 0],
  L: 1.2,
  k: -1,
  cb: PAPER_CONSTANTS.beamAmplitude,
  cr: PAPER_CONSTANTS.coreAmplitude,
  R: PAPER_CONSTANTS.coreRadius,
  alpha: PAPER_CONSTANTS.bumpAxial,
  cperp: 0,
  cT: PAPER_CONSTANTS.timeFactor,
  kernel: "hard-sphere",
};

/** The state's construction constants in the library's form (c_⊥ absent when 0: the variant's). */
export function constantsOf(st: ViewState): Partial<ConstructionConstants> {
  const out: Record<string, number> = {};
  for (const [key, name] of CONSTANT_KEYS) {
    if (key === "cperp" && st.cperp === 0) continue;
    out[name] = st[key];
  }
  return out as Partial<ConstructionConstants>;
}

/** The state's constants from a named set (`paper` or a key of NAMED_CONSTRUCTIONS). */
export function constantsFromNamed(name: string): Pick<ViewState, ConstantKey> {
  const c: Partial<ConstructionConstants> =
    name === "paper" ? {} : (NAMED_CONSTRUCTIONS[name]?.constants ?? {});
  const full = { ...PAPER_CONSTANTS, ...c };
  return {
    cb: full.beamAmplitude,
    cr: full.coreAmplitude,
    R: full.coreRadius,
    alpha: full.bumpAxial,
    cperp: full.bumpTransverse ?? 0,
    cT: full.timeFactor,
  };
}

/** The name of the named set whose constants the state has (`paper`, `tuned`, …), or "custom". */
export function namedConstantsOf(st: ViewState): string {
  for (const name of ["paper", ...Object.keys(NAMED_CONSTRUCTIONS)]) {
    const c = constantsFromNamed(name);
    if (CONSTANT_KEYS.every(([key]) => c[key] === st[key])) return name;
  }
  return "custom";
}

/** The validated parameters of a state (throws RuleError naming the rule). */
export function parametersOf(st: ViewState): Parameters {
  return makeParameters({
    M: st.M,
    s: st.s,
    s0: st.s0,
    p: st.p,
    constants: constantsOf(st),
    kernel: st.kernel,
  });
}

export function stateToHash(st: ViewState): string {
  const q = new URLSearchParams();
  q.set("view", st.view);
  q.set("M", String(st.M));
  q.set("s", String(st.s));
  q.set("s0", String(st.s0));
  q.set("p", String(st.p));
  q.set("cutoff", st.cutoff);
  q.set("variant", st.variant);
  q.set("t", String(st.t));
  q.set("plane", st.plane);
  q.set("fixed", st.fixed.join(","));
  q.set("L", String(st.L));
  if (st.k >= 0) q.set("k", String(st.k));
  if (st.kernel !== DEFAULT_STATE.kernel) q.set("kernel", st.kernel);
  // the constants only when they differ from the paper's, so that paper links stay short
  for (const [key] of CONSTANT_KEYS) {
    if (st[key] !== DEFAULT_STATE[key]) q.set(key, String(st[key]));
  }
  return `#${q.toString()}`;
}

/** Parse a hash; unknown keys are ignored, a bad value gives `error` and the defaults. */
export function stateFromHash(hash: string): { state: ViewState; error?: string } {
  const q = new URLSearchParams(hash.replace(/^#/, ""));
  const st: ViewState = { ...DEFAULT_STATE, fixed: [...DEFAULT_STATE.fixed] };
  try {
    const num = (key: string, fallback: number): number => {
      const raw = q.get(key);
      if (raw === null) return fallback;
      const x = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(x))
        throw new Error(`${key} must be a finite number`);
      return x;
    };
    const view = q.get("view");
    if (view !== null) {
      if (!(VIEWS as readonly string[]).includes(view)) {
        throw new Error(`view must be one of ${VIEWS.join(", ")}`);
      }
      st.view = view as ViewName;
    }
    st.M = num("M", st.M);
    if (st.M > MAX_VIEW_M) throw new Error(`M must be <= ${MAX_VIEW_M} in the explorer`);
    st.s = num("s", st.s);
    st.s0 = num("s0", st.s0);
    st.p = num("p", st.p);
    for (const [key] of CONSTANT_KEYS) st[key] = num(key, st[key]);
    if (!(st.cperp >= 0)) throw new Error("cperp (c_⊥) must be > 0, or 0 for the variant's");
    const kernel = q.get("kernel");
    if (kernel !== null) st.kernel = kernelByName(kernel).name;
    const params = parametersOf(st);
    const cutoff = q.get("cutoff");
    if (cutoff !== null) {
      if (!(CUTOFF_NAMES as readonly string[]).includes(cutoff)) {
        throw new Error(`cutoff must be one of ${CUTOFF_NAMES.join(", ")}`);
      }
      st.cutoff = cutoff;
    }
    const variant = q.get("variant");
    if (variant !== null) st.variant = variantByName(variant);
    st.t = num("t", st.t);
    if (!(st.t >= 0 && st.t <= params.Tstar * (1 + 1e-12))) {
      throw new Error(`t must lie in [0, T*] = [0, ${params.Tstar}]`);
    }
    const plane = q.get("plane");
    if (plane !== null) {
      if (plane !== "x" && plane !== "v") throw new Error("plane must be x or v");
      st.plane = plane;
    }
    const fixed = q.get("fixed");
    if (fixed !== null) {
      const parts = fixed.split(",").map(Number);
      if (parts.length !== 3 || parts.some((x) => !Number.isFinite(x))) {
        throw new Error("fixed must be three comma-separated finite numbers");
      }
      st.fixed = [parts[0], parts[1], parts[2]];
    }
    st.L = num("L", st.L);
    if (!(st.L > 0)) throw new Error("L must be > 0");
    st.k = Math.trunc(num("k", st.k));
    if (st.k >= (st.M * (st.M + 1)) / 2) st.k = -1;
    return { state: st };
  } catch (err) {
    return {
      state: { ...DEFAULT_STATE, fixed: [...DEFAULT_STATE.fixed] },
      error: (err as Error).message,
    };
  }
}

export { VARIANTS };
