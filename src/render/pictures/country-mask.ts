import { geoPath, type GeoContext, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';

/**
 * Where a country lies on a picture, as a grid of cells: which cells its land covers, counted so
 * that the land under any box is one lookup. Labels use it to stay off small countries, and tests
 * use it to check that each country stays visible.
 */
export interface CountryMask {
  /** Cell size in pixels. */
  step: number;
  x0: number;
  y0: number;
  cols: number;
  rows: number;
  /** Summed-area table of land cells, (cols + 1) × (rows + 1). */
  sums: Int32Array;
  /** Land area in square pixels. */
  area: number;
  /** The land cell farthest from the coast and borders: where a label or a leader points. */
  pole: [number, number];
  /** The land's extent on the picture. */
  bounds: { left: number; top: number; right: number; bottom: number };
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const STEP = 2;

/** The projected outline of a shape as rings of screen points (clipped as the projection clips). */
export function projectedRings(
  shape: GeoPermissibleObjects,
  projection: GeoProjection,
): number[][][] {
  const rings: number[][][] = [];
  let ring: number[][] = [];
  const context: GeoContext = {
    moveTo(x, y) {
      ring = [[x, y]];
      rings.push(ring);
    },
    lineTo(x, y) {
      ring.push([x, y]);
    },
    closePath() {},
    arc() {},
    beginPath() {},
  };
  geoPath(projection, context)(shape);
  return rings.filter((r) => r.length > 2);
}

/** The mask of a shape under a projection; null where none of it is in view. */
export function countryMask(
  shape: GeoPermissibleObjects,
  projection: GeoProjection,
): CountryMask | null {
  const rings = projectedRings(shape, projection);
  if (rings.length === 0) return null;
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [x, y] of ring) {
      left = Math.min(left, x!);
      right = Math.max(right, x!);
      top = Math.min(top, y!);
      bottom = Math.max(bottom, y!);
    }
  }
  const x0 = Math.floor(left);
  const y0 = Math.floor(top);
  const cols = Math.max(1, Math.ceil((right - x0) / STEP));
  const rows = Math.max(1, Math.ceil((bottom - y0) / STEP));
  const land = new Uint8Array(cols * rows);
  // Scanlines through the cell centres: even-odd between the crossings of every ring's edges.
  for (let row = 0; row < rows; row++) {
    const y = y0 + (row + 0.5) * STEP;
    const crossings: number[] = [];
    for (const ring of rings) {
      for (let i = 0; i < ring.length; i++) {
        const [ax, ay] = ring[i]!;
        const [bx, by] = ring[(i + 1) % ring.length]!;
        if (ay! <= y !== by! <= y) crossings.push(ax! + ((y - ay!) / (by! - ay!)) * (bx! - ax!));
      }
    }
    crossings.sort((a, b) => a - b);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const from = Math.max(0, Math.ceil((crossings[k]! - x0) / STEP - 0.5));
      const to = Math.min(cols - 1, Math.floor((crossings[k + 1]! - x0) / STEP - 0.5));
      for (let col = from; col <= to; col++) land[row * cols + col] = 1;
    }
  }
  const sums = new Int32Array((cols + 1) * (rows + 1));
  let count = 0;
  for (let row = 0; row < rows; row++) {
    let rowSum = 0;
    for (let col = 0; col < cols; col++) {
      rowSum += land[row * cols + col]!;
      sums[(row + 1) * (cols + 1) + col + 1] = sums[row * (cols + 1) + col + 1]! + rowSum;
    }
    count += rowSum;
  }
  return {
    step: STEP,
    x0,
    y0,
    cols,
    rows,
    sums,
    area: count * STEP * STEP,
    pole: poleOf(land, cols, rows, x0, y0, [(left + right) / 2, (top + bottom) / 2]),
    bounds: { left, top, right, bottom },
  };
}

/**
 * The land cell with the largest distance to the nearest cell outside (a two-pass chamfer
 * distance), nearest the middle among equals: a point well inside even a crescent like Croatia,
 * whose centroid lies outside it.
 */
function poleOf(
  land: Uint8Array,
  cols: number,
  rows: number,
  x0: number,
  y0: number,
  middle: [number, number],
): [number, number] {
  const far = cols + rows;
  const distance = new Float32Array(cols * rows);
  const at = (col: number, row: number): number =>
    col < 0 || row < 0 || col >= cols || row >= rows ? 0 : distance[row * cols + col]!;
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const i = row * cols + col;
      distance[i] = land[i]
        ? Math.min(
            far,
            at(col - 1, row) + 1,
            at(col, row - 1) + 1,
            at(col - 1, row - 1) + 1.4,
            at(col + 1, row - 1) + 1.4,
          )
        : 0;
    }
  }
  let best = -1;
  let bestScore = -Infinity;
  for (let row = rows - 1; row >= 0; row--) {
    for (let col = cols - 1; col >= 0; col--) {
      const i = row * cols + col;
      if (!land[i]) continue;
      distance[i] = Math.min(
        distance[i]!,
        at(col + 1, row) + 1,
        at(col, row + 1) + 1,
        at(col + 1, row + 1) + 1.4,
        at(col - 1, row + 1) + 1.4,
      );
      const x = x0 + (col + 0.5) * STEP;
      const y = y0 + (row + 0.5) * STEP;
      const score = distance[i] - Math.hypot(x - middle[0], y - middle[1]) / (4 * STEP * far);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
  }
  if (best < 0) return middle;
  return [x0 + ((best % cols) + 0.5) * STEP, y0 + (Math.floor(best / cols) + 0.5) * STEP];
}

/** Square pixels of the country's land under a box. */
export function landUnder(mask: CountryMask, box: Box): number {
  const col0 = clamp(Math.ceil((box.left - mask.x0) / mask.step - 0.5), 0, mask.cols);
  const col1 = clamp(Math.floor((box.right - mask.x0) / mask.step - 0.5) + 1, 0, mask.cols);
  const row0 = clamp(Math.ceil((box.top - mask.y0) / mask.step - 0.5), 0, mask.rows);
  const row1 = clamp(Math.floor((box.bottom - mask.y0) / mask.step - 0.5) + 1, 0, mask.rows);
  if (col1 <= col0 || row1 <= row0) return 0;
  const w = mask.cols + 1;
  const cells =
    mask.sums[row1 * w + col1]! -
    mask.sums[row0 * w + col1]! -
    mask.sums[row1 * w + col0]! +
    mask.sums[row0 * w + col0]!;
  return cells * mask.step * mask.step;
}

/** Whether the cell at a point is land. */
export function isLand(mask: CountryMask, x: number, y: number): boolean {
  const half = mask.step / 2;
  return landUnder(mask, { left: x - half, right: x + half, top: y - half, bottom: y + half }) > 0;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
