import type { Domain } from "./domain.ts";
import type { ParticleSet } from "./particle-set.ts";

/**
 * Particles sorted by collision cell: the particles of cell c are order[start[c] .. start[c+1]).
 * Built by a counting sort on dense cell numbers (periodic box: the `cells`³ grid; free space: the
 * bounding box of the occupied lattice cells, or, when that box holds more than max(64N, 2²²)
 * cells, a comparison sort of the same keys). Scratch arrays are reused between calls.
 */
export interface CellIndex {
  /** Number of non-empty-or-empty cells enumerated (length of start − 1). */
  cellCount: number;
  start: Int32Array;
  order: Int32Array;
  key: Float64Array;
}

export function makeCellIndex(): CellIndex {
  return {
    cellCount: 0,
    start: new Int32Array(2),
    order: new Int32Array(1),
    key: new Float64Array(1),
  };
}

export function sortIntoCells(idx: CellIndex, p: ParticleSet, d: Domain): void {
  const n = p.count;
  if (idx.order.length < n) {
    idx.order = new Int32Array(2 * n);
    idx.key = new Float64Array(2 * n);
  }
  const { key, order } = idx;
  const x = p.x;
  if (d.kind === "homogeneous") {
    setStart(idx, 1);
    idx.start[0] = 0;
    idx.start[1] = n;
    for (let i = 0; i < n; i++) order[i] = i;
    return;
  }
  let cells: number;
  if (d.kind === "periodic") {
    const m = d.cells;
    const inv = m / d.L;
    for (let i = 0; i < n; i++) {
      const a = Math.min(m - 1, Math.floor(x[3 * i] * inv));
      const b = Math.min(m - 1, Math.floor(x[3 * i + 1] * inv));
      const c = Math.min(m - 1, Math.floor(x[3 * i + 2] * inv));
      key[i] = (a * m + b) * m + c;
    }
    cells = m * m * m;
  } else {
    const inv = 1 / d.cellSize;
    let lo0 = Infinity;
    let lo1 = Infinity;
    let lo2 = Infinity;
    let hi0 = -Infinity;
    let hi1 = -Infinity;
    let hi2 = -Infinity;
    for (let i = 0; i < n; i++) {
      const a = Math.floor(x[3 * i] * inv);
      const b = Math.floor(x[3 * i + 1] * inv);
      const c = Math.floor(x[3 * i + 2] * inv);
      if (a < lo0) lo0 = a;
      if (a > hi0) hi0 = a;
      if (b < lo1) lo1 = b;
      if (b > hi1) hi1 = b;
      if (c < lo2) lo2 = c;
      if (c > hi2) hi2 = c;
    }
    const m0 = hi0 - lo0 + 1;
    const m1 = hi1 - lo1 + 1;
    const m2 = hi2 - lo2 + 1;
    for (let i = 0; i < n; i++) {
      const a = Math.floor(x[3 * i] * inv) - lo0;
      const b = Math.floor(x[3 * i + 1] * inv) - lo1;
      const c = Math.floor(x[3 * i + 2] * inv) - lo2;
      key[i] = (a * m1 + b) * m2 + c;
    }
    cells = n === 0 ? 0 : m0 * m1 * m2;
    if (cells > Math.max(64 * n, 4194304)) {
      // sparse: sort by key, then renumber the occupied cells densely
      for (let i = 0; i < n; i++) order[i] = i;
      const ord = order.subarray(0, n);
      ord.sort((i, j) => key[i] - key[j]);
      let count = 0;
      setStart(idx, n);
      for (let r = 0; r < n; r++) {
        if (r === 0 || key[ord[r]] !== key[ord[r - 1]]) idx.start[count++] = r;
      }
      idx.start[count] = n;
      idx.cellCount = count;
      return;
    }
  }
  setStart(idx, cells);
  const start = idx.start;
  start.fill(0, 0, cells + 1);
  for (let i = 0; i < n; i++) start[key[i] + 1]++;
  for (let c = 0; c < cells; c++) start[c + 1] += start[c];
  // place (stable), using start as running cursor then restoring it
  for (let i = 0; i < n; i++) order[start[key[i]]++] = i;
  for (let c = cells; c > 0; c--) start[c] = start[c - 1];
  start[0] = 0;
}

function setStart(idx: CellIndex, cells: number): void {
  if (idx.start.length < cells + 1) idx.start = new Int32Array(cells + 1);
  idx.cellCount = cells;
}
