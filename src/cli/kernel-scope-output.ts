import type { TableTermId } from "../claims/error-table/error-term.ts";
import type { KernelTableOptions } from "../claims/error-table-kernels.ts";
import { fmt, formatMs, formatTable, kernelEcho, printJson } from "./common-options.ts";

/**
 * `errors` and `bootstrap` for a kernel other than hard spheres: nothing is computed or written;
 * every entry is printed with the status `not-stated` and what the paper's argument gives, and the
 * core–core entries with their computed self-deflation exponent (claims/error-table-kernels.ts).
 */
export async function printKernelScope(
  command: "errors" | "bootstrap",
  kernel: string,
  terms: readonly TableTermId[],
  Ms: readonly number[],
  o: KernelTableOptions,
  json: boolean,
): Promise<void> {
  const { errorTableKernelScope } = await import("../claims/error-table-kernels.ts");
  const entries = errorTableKernelScope(kernel, terms, Ms, o);
  const what =
    command === "errors"
      ? "the error table's measures are hard-sphere computations"
      : "the bootstrap (Proposition 5.1) needs Proposition 3.1 and the error table, both hard-sphere";
  const echo = {
    command,
    Ms,
    s: o.s,
    s0: o.s0,
    cutoff: o.cutoff,
    variant: o.variant,
    ...kernelEcho(kernel),
  };
  if (json) {
    printJson({ ...echo, status: "not-stated", reason: what, entries });
    return;
  }
  const rows = entries.map((e) => [
    e.term,
    e.status,
    e.coreSelf
      ? `log10(T* A[f_r]) = ${e.coreSelf.log10SelfExponent.map((p) => fmt(p.value)).join(", ")} (∝ M^${fmt(e.coreSelf.exponentInM)}; ${e.coreSelf.decays ? "decays" : "does NOT decay"}, γ_c = ${fmt(e.coreSelf.criticalGamma)})`
      : "",
    e.note,
  ]);
  process.stdout.write(
    `${command}: not stated by the paper for the ${kernel} kernel (${what}); nothing computed or written.\n\n${formatTable(["term", "status", "core–core number", "what the paper's argument gives"], rows)}\n\nM = ${formatMs(Ms)}; s = ${o.s}; s0 = ${o.s0}; cutoff ${o.cutoff}; variant ${o.variant}; kernel ${kernel} (${echo.kernelNormalization}); docs/kernels.md\n`,
  );
}
