import type { Domain } from "./domain.ts";
import type { ParticleSet } from "./particle-set.ts";

/**
 * Particles sorted by collision cell: the particles of cell c are order[start[c] .. start[c+1]),
 * in increasing particle index within each cell (a stable sort). Built by a counting sort on dense
 * cell numbers (periodic box: the `cells`³ grid; free space: the bounding box of the occupied
 * lattice cells, or, when that box holds more than max(64N, 2²²) cells (or 2³¹ − 2), a comparison
 * sort of the lattice keys). One cell (homogeneous domain, or a periodic box with `cells` = 1) needs no sort:
 * order is the identity. Scratch arrays are reused between calls; nothing is allocated per step
 * once they have grown to the particle count.
 */
export interface CellIndex {
  /** Number of non-empty-or-empty cells enumerated (length of start − 1). */
  cellCount: number;
  start: Int32Array;
  order: Int32Array;
  /** Dense cell number of each particle (counting-sort path). */
  cell: Int32Array;
  /** Lattice key of each particle (sparse free-space path; may exceed 2³¹). */
  key: Float64Array;
}

export function makeCellIndex(): CellIndex {
  return {
    cellCount: 0,
    start: new Int32Array(2),
    order: new Int32Array(1),
    cell: new Int32Array(1),
    key: new Float64Array(1),
  };
}

export function sortIntoCells(idx: CellIndex, p: ParticleSet, d: Domain): void {
  const n = p.count;
  if (idx.order.length < n) {
    idx.order = new Int32Array(2 * n);
    idx.cell = new Int32Array(2 * n);
  }
  const { cell, order } = idx;
  const x = p.x;
  if (d.kind === "homogeneous" || (d.kind === "periodic" && d.cells === 1)) {
    oneCell(idx, n);
    return;
  }
  let cells: number;
  if (d.kind === "periodic" && d.slabs === true) {
    // slabs along x: the cell is the x index alone
    const m = d.cells;
    const top = m - 1;
    const inv = m / d.L;
    for (let i = 0, k = 0; i < n; i++, k += 3) {
      const a = (x[k] * inv) | 0;
      cell[i] = Math.min(a, top);
    }
    cells = m;
  } else if (d.kind === "periodic") {
    // x ∈ [0, L) after the wrap, so truncation is the floor; x·m/L may round up to m at the top
    const m = d.cells;
    const top = m - 1;
    const inv = m / d.L;
    for (let i = 0, k = 0; i < n; i++, k += 3) {
      let a = (x[k] * inv) | 0;
      let b = (x[k + 1] * inv) | 0;
      let c = (x[k + 2] * inv) | 0;
      if (a > top) a = top;
      if (b > top) b = top;
      if (c > top) c = top;
      cell[i] = (a * m + b) * m + c;
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
    cells = n === 0 ? 0 : m0 * m1 * m2;
    if (cells > Math.max(64 * n, 4194304) || cells > 2147483646) {
      sparseSort(idx, p, inv, lo0, lo1, lo2, m1, m2);
      return;
    }
    for (let i = 0; i < n; i++) {
      const a = Math.floor(x[3 * i] * inv) - lo0;
      const b = Math.floor(x[3 * i + 1] * inv) - lo1;
      const c = Math.floor(x[3 * i + 2] * inv) - lo2;
      cell[i] = (a * m1 + b) * m2 + c;
    }
  }
  setStart(idx, cells);
  const start = idx.start;
  start.fill(0, 0, cells + 1);
  for (let i = 0; i < n; i++) start[cell[i] + 1]++;
  for (let c = 0; c < cells; c++) start[c + 1] += start[c];
  // place (stable), using start as running cursor then restoring it
  for (let i = 0; i < n; i++) order[start[cell[i]]++] = i;
  for (let c = cells; c > 0; c--) start[c] = start[c - 1];
  start[0] = 0;
}

/** Every particle in one cell: the identity order. */
function oneCell(idx: CellIndex, n: number): void {
  setStart(idx, 1);
  idx.start[0] = 0;
  idx.start[1] = n;
  const order = idx.order;
  for (let i = 0; i < n; i++) order[i] = i;
}

/** Free space with a bounding box too large to enumerate: sort by lattice key, number the occupied cells densely. */
function sparseSort(
  idx: CellIndex,
  p: ParticleSet,
  inv: number,
  lo0: number,
  lo1: number,
  lo2: number,
  m1: number,
  m2: number,
): void {
  const n = p.count;
  const x = p.x;
  if (idx.key.length < n) idx.key = new Float64Array(idx.order.length);
  const { key, order } = idx;
  for (let i = 0; i < n; i++) {
    const a = Math.floor(x[3 * i] * inv) - lo0;
    const b = Math.floor(x[3 * i + 1] * inv) - lo1;
    const c = Math.floor(x[3 * i + 2] * inv) - lo2;
    key[i] = (a * m1 + b) * m2 + c;
  }
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
}

function setStart(idx: CellIndex, cells: number): void {
  if (idx.start.length < cells + 1) idx.start = new Int32Array(cells + 1);
  idx.cellCount = cells;
}
