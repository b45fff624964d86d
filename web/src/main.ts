/**
 * The explorer's shell: tabs, the shared parameter controls (M, s, s0, p, cutoff, variant, t) and
 * the view state in the URL hash. Views are loaded on first use. Performance marks
 * (`explorer:start`, `explorer:first-view`, `explorer:redraw-*`) are read by bench/explorer.ts.
 */
import { CUTOFF_NAMES } from "../../src/construction/geometry/cutoff.ts";
import { NAMED_CONSTRUCTIONS } from "../../src/construction/parameters/named-constructions.ts";
import {
  CONSTANT_KEYS,
  type ConstantKey,
  constantsFromNamed,
  DEFAULT_STATE,
  MAX_VIEW_M,
  namedConstantsOf,
  parametersOf,
  stateFromHash,
  stateToHash,
  VARIANTS,
  VIEW_TITLES,
  VIEWS,
  type ViewName,
  type ViewState,
} from "./state.ts";
import { el, fmt } from "./ui.ts";
import type { View, ViewContext } from "./view.ts";

performance.mark("explorer:start");

const loaders: Record<ViewName, () => Promise<{ create(ctx: ViewContext): View }>> = {
  lattice: () => import("./views/lattice.ts"),
  tubes: () => import("./views/tubes.ts"),
  bumps: () => import("./views/bumps.ts"),
  frequency: () => import("./views/frequency.ts"),
  theorem: () => import("./views/theorem.ts"),
  claims: () => import("./views/claims.ts"),
  relax: () => import("./views/relax.ts"),
};

const parsed = stateFromHash(location.hash);
let state: ViewState = parsed.state;
const views = new Map<ViewName, View>();
const messageEl = document.getElementById("message") as HTMLElement;
const tabs = document.getElementById("tabs") as HTMLElement;
const controls = document.getElementById("controls") as HTMLFormElement;
const main = document.getElementById("views") as HTMLElement;
let firstViewMarked = false;

function message(text: string): void {
  messageEl.textContent = text;
}
if (parsed.error) message(`The link's state was refused: ${parsed.error}; showing the defaults.`);

const ctx: ViewContext = { set, message };

// ---- tabs -----------------------------------------------------------------------------------
const tabButtons = new Map<ViewName, HTMLButtonElement>();
for (const name of VIEWS) {
  const b = el(
    "button",
    { type: "button", role: "tab", id: `tab-${name}`, "aria-controls": `view-${name}` },
    VIEW_TITLES[name],
  );
  b.addEventListener("click", () => set({ view: name }));
  b.addEventListener("keydown", (e) => {
    const i = VIEWS.indexOf(name);
    const next =
      e.key === "ArrowRight"
        ? VIEWS[(i + 1) % VIEWS.length]
        : e.key === "ArrowLeft"
          ? VIEWS[(i + VIEWS.length - 1) % VIEWS.length]
          : null;
    if (next) {
      set({ view: next });
      tabButtons.get(next)?.focus();
    }
  });
  tabButtons.set(name, b);
  tabs.append(b);
}

// ---- controls -------------------------------------------------------------------------------
function numberControl(
  key: "M" | "s" | "s0" | "p",
  label: string,
  min: number,
  max: number,
  step: number,
  hint: string,
): HTMLInputElement {
  const input = el("input", {
    type: "range",
    id: `ctl-${key}`,
    min: String(min),
    max: String(max),
    step: String(step),
    "aria-describedby": `hint-${key}`,
  });
  const out = el("output", { for: `ctl-${key}`, class: "value", id: `out-${key}` });
  input.addEventListener("input", () => {
    performance.mark(`explorer:input-${key}`);
    set({ [key]: Number(input.value) } as Partial<ViewState>);
  });
  controls.append(
    el("label", { for: `ctl-${key}` }, `${label} `, out),
    input,
    el("p", { class: "hint", id: `hint-${key}` }, hint),
  );
  return input;
}
const ctlM = numberControl(
  "M",
  "M =",
  2,
  64,
  1,
  "lattice parameter, integer ≥ 2 (links accept up to 128)",
);
const ctlS = numberControl("s", "s =", 0.76, 0.99, 0.01, "max(s0, 3/4) < s < 1");
const ctlS0 = numberControl("s0", "s0 =", 0, 0.98, 0.01, "s0 ∈ [0, 1)");
const ctlP = numberControl("p", "p =", 1, 20, 1, "N = M^p");

function selectControl(key: "cutoff" | "variant", label: string, options: readonly string[]) {
  const sel = el("select", { id: `ctl-${key}` });
  for (const o of options) sel.append(el("option", { value: o }, o));
  sel.addEventListener("change", () => set({ [key]: sel.value } as Partial<ViewState>));
  controls.append(el("label", { for: `ctl-${key}` }, label), sel);
  return sel;
}
const ctlCutoff = selectControl("cutoff", "cutoff χ", CUTOFF_NAMES);
const ctlVariant = selectControl("variant", "variant (reading of I_{i,j})", VARIANTS);

const T_STEPS = 200;
const ctlT = el("input", {
  type: "range",
  id: "ctl-t",
  min: "0",
  max: String(T_STEPS),
  step: "1",
  "aria-describedby": "hint-t",
});
const outT = el("output", { for: "ctl-t", class: "value", id: "out-t" });
ctlT.addEventListener("input", () => {
  performance.mark("explorer:input-t");
  set({ t: (Number(ctlT.value) / T_STEPS) * parametersOf(state).Tstar });
});
controls.append(
  el("label", { for: "ctl-t" }, "t = ", outT),
  ctlT,
  el("p", { class: "hint", id: "hint-t" }, "time t ∈ [0, T*], T* = c_T M^{s−1} ln ln M (2.9)"),
);

// ---- construction constants (src/construction/parameters/parameters.ts; validated by makeConstants) -------
const CONSTANT_HINTS: Record<ConstantKey, string> = {
  cb: "beam amplitude c_b in f_b = c_b M^{1−s} Σ K I (2.4)",
  cr: "core amplitude c_r in f_r(0) (2.5)",
  R: "core radius factor: χ(R M x), radius 1/(R M) (2.5)",
  alpha: "bump axial factor α > 1: χ(α P_e(v − e)) (2.4)",
  cperp: "bump transverse factor c: χ(c M P⊥v); 0 = the variant's (1 as-written, 10 as-in-proof)",
  cT: "time factor c_T in T* (2.9)",
};
const ctlNamed = el("select", { id: "ctl-constants", "aria-describedby": "hint-constants" });
for (const name of ["paper", ...Object.keys(NAMED_CONSTRUCTIONS), "custom"]) {
  ctlNamed.append(el("option", { value: name }, name));
}
ctlNamed.addEventListener("change", () => {
  if (ctlNamed.value === "custom") return;
  const named = NAMED_CONSTRUCTIONS[ctlNamed.value];
  // a named set was found for its own s, s0, cutoff and variant: take them with it
  set({
    ...constantsFromNamed(ctlNamed.value),
    ...(named?.s !== undefined ? { s: named.s } : {}),
    ...(named?.s0 !== undefined ? { s0: named.s0 } : {}),
    ...(named?.cutoff !== undefined ? { cutoff: named.cutoff } : {}),
    ...(named?.variant !== undefined ? { variant: named.variant } : {}),
  });
});
const constantsBox = el(
  "fieldset",
  { id: "constants" },
  el("legend", {}, "construction constants"),
  el("label", { for: "ctl-constants" }, "set"),
  ctlNamed,
  el(
    "p",
    { class: "hint", id: "hint-constants" },
    "paper: c_b = c_r = c_T = 1, R = 100, α = 10; tuned / tuned-strong: boltzlab design's optima (their s, s0, cutoff and variant come with them)",
  ),
);
const constantInputs = new Map<ConstantKey, HTMLInputElement>();
for (const [key, , symbol] of CONSTANT_KEYS) {
  const input = el("input", {
    type: "number",
    id: `ctl-${key}`,
    min: "0",
    step: "any",
    title: CONSTANT_HINTS[key],
    "aria-describedby": `hint-${key}`,
  });
  input.addEventListener("change", () => {
    const x = Number(input.value);
    if (input.value.trim() === "" || !Number.isFinite(x)) {
      message(`${symbol} must be a finite number`);
      syncControls();
      return;
    }
    set({ [key]: x } as Partial<ViewState>);
  });
  constantInputs.set(key, input);
  constantsBox.append(
    el("label", { for: `ctl-${key}` }, `${symbol} =`),
    input,
    el("p", { class: "hint", id: `hint-${key}` }, CONSTANT_HINTS[key]),
  );
}
controls.append(
  constantsBox,
  el("p", { class: "hint" }, el("a", { href: "#", id: "share-link" }, "link to this view")),
);

function syncControls(): void {
  const params = parametersOf(state);
  ctlM.max = String(Math.max(64, state.M));
  ctlM.value = String(state.M);
  ctlS.value = String(state.s);
  ctlS0.value = String(state.s0);
  ctlP.value = String(state.p);
  ctlCutoff.value = state.cutoff;
  ctlVariant.value = state.variant;
  ctlT.value = String(Math.round((state.t / params.Tstar) * T_STEPS));
  (document.getElementById("out-M") as HTMLOutputElement).value = String(state.M);
  (document.getElementById("out-s") as HTMLOutputElement).value = String(state.s);
  (document.getElementById("out-s0") as HTMLOutputElement).value = String(state.s0);
  (document.getElementById("out-p") as HTMLOutputElement).value = String(state.p);
  outT.value = `${fmt(state.t)} (T* = ${fmt(params.Tstar)})`;
  outT.dataset.tstar = String(params.Tstar);
  for (const [key, input] of constantInputs) input.value = String(state[key]);
  ctlNamed.value = namedConstantsOf(state);
  (document.getElementById("share-link") as HTMLAnchorElement).href = stateToHash(state);
  for (const [name, b] of tabButtons) {
    const on = name === state.view;
    b.setAttribute("aria-selected", String(on));
    b.tabIndex = on ? 0 : -1;
  }
}

// ---- state ----------------------------------------------------------------------------------
function set(p: Partial<ViewState>): void {
  const next: ViewState = { ...state, ...p };
  if (p.M !== undefined || p.s !== undefined || p.cT !== undefined) {
    // keep t at the same fraction of T* when T* changes
    try {
      const old = parametersOf(state).Tstar;
      const now = parametersOf(next).Tstar;
      if (p.t === undefined) next.t = (state.t / old) * now;
    } catch {
      /* validated below */
    }
  }
  if (p.M !== undefined && p.M !== state.M) next.k = -1;
  try {
    if (next.M > MAX_VIEW_M) throw new Error(`M must be <= ${MAX_VIEW_M} in the explorer`);
    const params = parametersOf(next);
    next.t = Math.min(Math.max(next.t, 0), params.Tstar);
  } catch (err) {
    message((err as Error).message);
    syncControls();
    return;
  }
  message("");
  apply(next);
}

async function apply(next: ViewState): Promise<void> {
  const changed = new Set<keyof ViewState>();
  for (const k of Object.keys(next) as (keyof ViewState)[]) {
    if (JSON.stringify(next[k]) !== JSON.stringify(state[k])) changed.add(k);
  }
  const prevView = state.view;
  state = next;
  history.replaceState(null, "", stateToHash(state));
  syncControls();
  await showView(state.view, prevView !== state.view ? null : changed);
}

async function showView(
  name: ViewName,
  changed: ReadonlySet<keyof ViewState> | null,
): Promise<void> {
  let view = views.get(name);
  if (!view) {
    const mod = await loaders[name]();
    view = mod.create(ctx);
    view.root.id = `view-${name}`;
    view.root.setAttribute("role", "tabpanel");
    view.root.setAttribute("aria-labelledby", `tab-${name}`);
    main.append(view.root);
    views.set(name, view);
    changed = null;
  }
  if (name !== state.view) return; // another tab was chosen while loading
  for (const [other, v] of views) {
    if (other !== name && !v.root.hidden) {
      v.root.hidden = true;
      v.hide?.();
    }
  }
  view.root.hidden = false;
  const all = new Set(Object.keys(DEFAULT_STATE) as (keyof ViewState)[]);
  view.update(state, changed ?? all);
  performance.mark(`explorer:redraw-${name}`);
  if (!firstViewMarked) {
    firstViewMarked = true;
    performance.mark("explorer:first-view");
    performance.measure("explorer:first-load", { end: "explorer:first-view" });
    document.body.dataset.ready = "true";
  }
}

window.addEventListener("hashchange", () => {
  const r = stateFromHash(location.hash);
  if (r.error) message(`The link's state was refused: ${r.error}`);
  else apply(r.state);
});

syncControls();
showView(state.view, null);
