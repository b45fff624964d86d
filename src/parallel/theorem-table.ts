import {
  hasTheoremRow,
  seedTheoremRows,
  type TheoremOptions,
  theoremRow,
  theoremTable,
} from "../claims/theorem-1-1.ts";
import { withClaimPool } from "./claim-pool.ts";

type TheoremRow = ReturnType<typeof theoremRow>;

/**
 * {@link theoremTable} (Theorem 1.1, one row per M) with the rows, independent for different M,
 * computed on a worker pool of `workers` threads (1: in-process); the rows are identical.
 * `onProgress(done, total)` after each row.
 */
export async function theoremTableParallel(
  opts: TheoremOptions,
  workers: number,
  onProgress?: (done: number, total: number) => void,
): Promise<TheoremRow[]> {
  const { Ms, ...rowOpts } = opts;
  const total = Ms.length;
  let done = 0;
  return withClaimPool(Math.min(workers, Ms.length), async (pool) => {
    if (!pool) {
      const rows: TheoremRow[] = [];
      for (const M of Ms) {
        rows.push(theoremRow(M, rowOpts));
        onProgress?.(++done, total);
        await new Promise((r) => setImmediate(r));
      }
      return rows;
    }
    const todo = Ms.filter((M) => !hasTheoremRow(M, rowOpts));
    done = total - todo.length;
    await Promise.all(
      todo.map(async (M) => {
        const res = await pool.run({ kind: "theorem-row", M, opts: rowOpts });
        seedTheoremRows(res.rows);
        onProgress?.(++done, total);
      }),
    );
    return theoremTable(opts);
  });
}
