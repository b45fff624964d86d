import type { Command } from "commander";
import {
  type PointQuantity,
  POINT_QUANTITIES as QUANTITIES,
} from "../../claims/point-quantities.ts";
import { DEFAULT_P } from "../../construction/parameters/parameters.ts";
import { RuleError } from "../../math/errors.ts";
import {
  addConfigurationOptions,
  addParameterOptions,
  addPOption,
  fmt,
  parseCutoff,
  parseFinite,
  parseM,
  parseVariant,
  parseVector,
  printJson,
  validateParameters,
} from "../common-options.ts";
import { addCsvOption, parseCsvPath, writeCsv } from "../csv.ts";
import { vecColumns } from "./collide.ts";

interface EvalOptions {
  M: string;
  s?: string;
  s0?: string;
  p?: string;
  t: string;
  x: string;
  v: string;
  cutoff: string;
  variant: string;
  json?: boolean;
  csv?: string;
}

/**
 * `boltzlab eval QUANTITY --M .. --t .. --x a,b,c --v a,b,c`: one pointwise value of the
 * construction of (2.3)–(2.6) with its error:
 * - `fb`: the beam f_b(t, x, v) of (2.4), an exact finite sum;
 * - `Ksum`: Σ K_{i,j}(x) (left side of (2.11), k = 0), exact finite sum;
 * - `Isum`: Σ I_{i,j}(v) (left side of (2.12)), exact finite sum;
 * - `A`: A[f_b](t, x, v) of (2.6) by per-tube quadrature (error from the library);
 * - `fr`: the core f_r(t, x, v) of (2.5) (error propagated from the quadrature of Λ).
 * The exact sums carry a floating-point error bound (8 + n) ulp × value for n candidate terms
 * (all terms are non-negative, so the bound is relative to the value); see claims/point-values.ts.
 */
export function register(program: Command): void {
  const cmd = addParameterOptions(
    program
      .command("eval")
      .description(
        "evaluate fb, fr, A (= A[f_b]), Ksum (= sum K_ij(x)) or Isum (= sum I_ij(v)) at one point",
      )
      .argument("<quantity>", `one of ${QUANTITIES.join(", ")}`)
      .requiredOption("--M <n>", "lattice parameter M (integer >= 2)"),
  );
  addPOption(cmd)
    .option("--t <number>", "time t >= 0", "0")
    .requiredOption("--x <a,b,c>", "position x")
    .requiredOption("--v <a,b,c>", "velocity v");
  addConfigurationOptions(cmd, "one");
  addCsvOption(cmd.option("--json", "machine-readable output on stdout")).action(
    async (quantityRaw: string, o: EvalOptions) => {
      // validate everything first
      if (!(QUANTITIES as readonly string[]).includes(quantityRaw)) {
        throw new RuleError(
          `quantity must be one of ${QUANTITIES.join(", ")}`,
          `got "${quantityRaw}"`,
        );
      }
      const quantity = quantityRaw as PointQuantity;
      const M = parseM(o.M);
      const { s, s0, p } = validateParameters([M], o);
      const t = parseFinite("t", o.t);
      if (t < 0) throw new RuleError("t must be >= 0", `got ${t}`);
      const x = parseVector("x", o.x);
      const v = parseVector("v", o.v);
      const cutoffName = parseCutoff(o.cutoff);
      const variant = parseVariant(o.variant);
      const csv = parseCsvPath(o.csv);

      // loaded on use: the construction is not needed to register the command
      const { evaluatePoint } = await import("../../claims/point-values.ts");
      const { offSupportNote } = await import("../off-support-note.ts");
      const point = evaluatePoint({ quantity, M, s, s0, p, t, x, v, cutoff: cutoffName, variant });
      const r = {
        ...point.estimate,
        note: point.offSupport === undefined ? undefined : offSupportNote(point.offSupport, M),
      };
      const out = {
        quantity,
        value: r.value,
        error: r.error,
        method: r.method,
        ...(r.unconverged ? { unconverged: true } : {}),
        ...(r.note !== undefined ? { note: r.note } : {}),
        M,
        s,
        s0,
        p: p ?? DEFAULT_P,
        t,
        x,
        v,
        cutoff: cutoffName,
        variant,
      };
      if (csv !== undefined) {
        writeCsv(csv, {
          columns: EVAL_CSV_COLUMNS,
          rows: [
            {
              ...out,
              unconverged: r.unconverged === true,
              x: undefined,
              v: undefined,
              ...vecColumns("x", x),
              ...vecColumns("v", v),
            },
          ],
        });
      }
      if (o.json) {
        printJson(out);
        return;
      }
      process.stdout.write(
        `${quantity}(t=${t}, x=(${x.join(", ")}), v=(${v.join(", ")})) = ${fmt(r.value)} ± ${fmt(r.error)}${r.unconverged ? " (unconverged)" : ""}\n` +
          `  M=${M} s=${s} s0=${s0} p=${out.p} cutoff=${cutoffName} variant=${variant}\n  method: ${r.method}\n` +
          (r.note !== undefined ? `  note: ${r.note}\n` : ""),
      );
    },
  );
}

const EVAL_CSV_COLUMNS = [
  "quantity",
  "value",
  "error",
  "unconverged",
  "t",
  "x1",
  "x2",
  "x3",
  "v1",
  "v2",
  "v3",
  "M",
  "s",
  "s0",
  "p",
  "cutoff",
  "variant",
  "method",
  "note",
] as const;
