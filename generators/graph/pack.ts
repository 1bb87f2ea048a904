/**
 * Packing the parts of a diagram beside each other so that the whole fits a screen: the main flow
 * first, then the smaller parts and the lone nodes in the room left beside and below it, instead
 * of one tall column. Each part is a rectangle on a coarse grid, placed at the first spot, row by
 * row, where it fits (first-fit, as Graphviz's and ELK's packers do). It runs for several row
 * widths; the one kept is the one a screen of the wanted aspect ratio shows at the largest zoom.
 */
export interface Box {
  width: number;
  height: number;
}

export interface Spot {
  x: number;
  y: number;
}

/** Grid cell size, in canvas units. */
const CELL = 8;

/** Which grid cells are taken, for a fixed number of columns; rows are added as they are needed. */
class Occupancy {
  private taken = new Uint8Array(0);
  rowsUsed = 0;
  columnsUsed = 0;

  constructor(readonly columns: number) {}

  /**
   * -1 when a box of `columns` x `rows` cells fits at (column, row); else the rightmost taken column
   * under it: no spot of this row up to that column fits either, so the search resumes past it.
   */
  blocker(column: number, row: number, columns: number, rows: number): number {
    let rightmost = -1;
    for (let r = row; r < Math.min(row + rows, this.rowsUsed); r++) {
      const start = r * this.columns + column;
      for (let i = start + columns - 1; i >= start && i - start + column > rightmost; i--)
        if (this.taken[i]) {
          rightmost = i - start + column;
          break;
        }
    }
    return rightmost;
  }

  place(column: number, row: number, columns: number, rows: number): void {
    const needed = (row + rows) * this.columns;
    if (needed > this.taken.length) {
      const grown = new Uint8Array(Math.max(needed, this.taken.length * 2));
      grown.set(this.taken);
      this.taken = grown;
    }
    for (let r = row; r < row + rows; r++) this.taken.fill(1, r * this.columns + column, r * this.columns + column + columns);
    this.rowsUsed = Math.max(this.rowsUsed, row + rows);
    this.columnsUsed = Math.max(this.columnsUsed, column + columns);
  }
}

interface Cells {
  columns: number;
  rows: number;
}

function packAt(boxes: readonly Cells[], limit: number): { spots: Spot[]; columns: number; rows: number } {
  const grid = new Occupancy(limit);
  // A box never fits before an earlier box of the same size did (lone nodes, mostly): resume there.
  const resumeAfter = new Map<string, number>();
  const spots = boxes.map((box) => {
    const key = `${box.columns}x${box.rows}`;
    const perRow = limit - box.columns + 1;
    let spot = resumeAfter.get(key) ?? 0;
    for (;;) {
      const [row, column] = [Math.floor(spot / perRow), spot % perRow];
      if (row >= grid.rowsUsed) break;
      const blocked = grid.blocker(column, row, box.columns, box.rows);
      if (blocked < 0) break;
      // Past the taken cell, or to the next row's start when no column of this row is left.
      spot = blocked + 1 < perRow ? row * perRow + blocked + 1 : (row + 1) * perRow;
    }
    const [row, column] = [Math.floor(spot / perRow), spot % perRow];
    resumeAfter.set(key, spot + 1);
    grid.place(column, row, box.columns, box.rows);
    return { x: column * CELL, y: row * CELL };
  });
  return { spots, columns: grid.columnsUsed, rows: grid.rowsUsed };
}

/**
 * Top-left spots (canvas units, from 0,0) for the boxes, in order, packed for a screen `aspect`
 * times as wide as it is high, with `gap` between boxes. The same boxes always pack the same way.
 */
export function packBoxes(boxes: readonly Box[], aspect: number, gap: number): Spot[] {
  if (boxes.length === 0) return [];
  const cells = boxes.map((b) => ({ columns: Math.ceil((b.width + gap) / CELL), rows: Math.ceil((b.height + gap) / CELL) }));
  const widest = Math.max(...cells.map((c) => c.columns));
  const total = cells.reduce((sum, c) => sum + c.columns, 0);
  const ideal = Math.sqrt(cells.reduce((sum, c) => sum + c.columns * c.rows, 0) * aspect);
  const low = Math.max(widest, Math.floor(ideal * 0.6));
  const high = Math.max(low, Math.min(total, Math.ceil(ideal * 2.5)));
  const candidates = new Set([widest, Math.min(total, Math.max(widest, Math.round(ideal)))]);
  const steps = boxes.length > 200 ? 8 : 20;
  for (let i = 0; i <= steps; i++) candidates.add(Math.round(low * (high / low) ** (i / steps)));
  let best: { spots: Spot[]; scale: number; area: number } | undefined;
  for (const limit of [...candidates].sort((a, b) => a - b)) {
    const packed = packAt(cells, limit);
    // The zoom at which a screen of this aspect (1 high) shows the whole packing.
    const scale = Math.min(aspect / packed.columns, 1 / packed.rows);
    const area = packed.columns * packed.rows;
    if (!best || scale > best.scale * 1.0001 || (scale > best.scale * 0.9999 && area < best.area)) best = { spots: packed.spots, scale, area };
  }
  return best!.spots;
}
