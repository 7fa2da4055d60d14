import { isLand, landUnder, type Box, type CountryMask } from './country-mask.js';

/** A label on the map, centred at (x, y); `anchor` is the point its leader runs to, if it has one. */
export interface MapLabel {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the label points, if it had to move off its country. */
  anchor: [number, number] | null;
}

export interface LabelRequest {
  /** The country's code: the key of its mask. */
  iso2: string;
  text: string;
  width: number;
  height: number;
  mask: CountryMask;
}

/**
 * A label may sit on its own country only if it leaves this share of the land in sight: "LU" on
 * Luxembourg, or "BE" on Belgium, would hide the country it names.
 */
export const MIN_VISIBLE_SHARE = 0.5;
/** Where nothing near is free, a label may sit on a country that still shows this much. */
export const LAST_RESORT_VISIBLE_SHARE = 0.2;
/** The farthest a label moves before that last resort is tried. */
const NEAR = 112;
/** A label off its country may cover at most this share of any other partner's land. */
const MAX_COVER_OF_OTHERS = 0.15;
/** Nor more than this share of Ukraine, the map's subject. */
const MAX_COVER_OF_UKRAINE = 0.04;
/** Distances tried for a label moved off its country, and directions (radians) around it. */
const RADII = [30, 42, 56, 72, 90, 112, 136, 164, 196, 232];
const DIRECTIONS = Array.from({ length: 24 }, (_, i) => (i / 24) * 2 * Math.PI);
const GAP = 3;
/** Small moves of a label that stays on its country, clear of a neighbour's label. */
const NUDGES: readonly [number, number][] = [
  [0, 0],
  [0, -8],
  [0, 8],
  [-12, 0],
  [12, 0],
  [-12, -8],
  [12, -8],
  [-12, 8],
  [12, 8],
  [0, -16],
  [0, 16],
];

export function boxOf(label: { x: number; y: number; width: number; height: number }): Box {
  return {
    left: label.x - label.width / 2,
    right: label.x + label.width / 2,
    top: label.y - label.height / 2,
    bottom: label.y + label.height / 2,
  };
}

function overlaps(a: Box, b: Box, gap = 0): boolean {
  return (
    a.left < b.right + gap &&
    b.left < a.right + gap &&
    a.top < b.bottom + gap &&
    b.top < a.bottom + gap
  );
}

function inside(box: Box, frame: Box): boolean {
  return (
    box.left > frame.left + GAP &&
    box.right < frame.right - GAP &&
    box.top > frame.top + GAP &&
    box.bottom < frame.bottom - GAP
  );
}

/** Whether a segment crosses a box (Liang–Barsky clipping). */
export function segmentCrosses(a: [number, number], b: [number, number], box: Box): boolean {
  let [t0, t1] = [0, 1];
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const edges: [number, number][] = [
    [-dx, a[0] - box.left],
    [dx, box.right - a[0]],
    [-dy, a[1] - box.top],
    [dy, box.bottom - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/**
 * Where a leader from the label stops: just outside the country, on the way from its pole to
 * the label. A leader and dot drawn onto Luxembourg would cover half of it.
 */
function edgeToward(
  mask: CountryMask,
  pole: [number, number],
  target: [number, number],
): [number, number] {
  const length = Math.hypot(target[0] - pole[0], target[1] - pole[1]) || 1;
  const [ux, uy] = [(target[0] - pole[0]) / length, (target[1] - pole[1]) / length];
  let t = 0;
  while (t < length && isLand(mask, pole[0] + ux * t, pole[1] + uy * t)) t += 1;
  t = Math.min(length, t + 3);
  return [pole[0] + ux * t, pole[1] + uy * t];
}

/** Whether two segments cross (touching ends do not count). */
function segmentsCross(
  a: [number, number],
  b: [number, number],
  c: [number, number],
  d: [number, number],
): boolean {
  const side = (p: [number, number], q: [number, number], r: [number, number]): number =>
    Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

/** Where a leader from `anchor` meets the label's box: the end of the line drawn. */
export function leaderEnd(label: MapLabel): [number, number] {
  const anchor = label.anchor ?? [label.x, label.y];
  const box = boxOf(label);
  const [dx, dy] = [label.x - anchor[0], label.y - anchor[1]];
  // The fraction of the way from the anchor to the centre at which the box begins.
  const tx =
    dx === 0 ? 0 : Math.max(0, (dx > 0 ? box.left - anchor[0] : box.right - anchor[0]) / dx);
  const ty =
    dy === 0 ? 0 : Math.max(0, (dy > 0 ? box.top - anchor[1] : box.bottom - anchor[1]) / dy);
  const t = Math.min(1, Math.max(tx, ty));
  return [anchor[0] + dx * t, anchor[1] + dy * t];
}

/**
 * Places each country's label: on the country where it leaves most of it in sight, otherwise off
 * it with a leader, where it covers no other label, no leader, little of another partner and
 * almost nothing of Ukraine. Largest countries first, so they keep their middles; a label with no
 * such place is left out rather than drawn over another.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  options: {
    fixed: readonly MapLabel[];
    frame: Box;
    ukraine: CountryMask | null;
    /** Boxes a label may not sit on, though a leader may cross them (an inset's frame). */
    avoid?: readonly Box[];
  },
): MapLabel[] {
  const placed: MapLabel[] = [...options.fixed];
  const result: MapLabel[] = [];
  const masks = requests.map((r) => r.mask);
  // Labels that fit on their countries first, largest first, so they keep their middles; then the
  // rest, smallest first, so the smallest (the most hemmed in) find room nearest them.
  const fitsOn = (r: LabelRequest): boolean =>
    r.width * r.height <= (1 - MIN_VISIBLE_SHARE) * r.mask.area;
  const byArea = (a: LabelRequest, b: LabelRequest): number =>
    a.mask.area - b.mask.area || a.iso2.localeCompare(b.iso2);
  const ordered = [
    ...requests.filter(fitsOn).sort((a, b) => byArea(b, a)),
    ...requests.filter((r) => !fitsOn(r)).sort(byArea),
  ];
  for (const request of ordered) {
    const [px, py] = request.mask.pole;
    const others = masks.filter((mask) => mask !== request.mask);
    const candidates: { label: MapLabel; cost: number }[] = [];
    const tryRadii = (radii: readonly number[]): void => {
      for (const radius of radii) {
        if (candidates.length > 0) return;
        for (const angle of DIRECTIONS) {
          // The box's near edge, not its centre, at `radius`: wide labels move sideways less.
          const dx = Math.cos(angle) * (radius + request.width / 2 - request.height / 2);
          const dy = Math.sin(angle) * radius;
          consider(px + dx, py + dy, Math.hypot(dx, dy));
        }
      }
    };
    const consider = (x: number, y: number, distance: number, visible = 0, nudge = 0): void => {
      const label: MapLabel = {
        text: request.text,
        x,
        y,
        width: request.width,
        height: request.height,
        anchor: distance === 0 ? null : edgeToward(request.mask, [px, py], [x, y]),
      };
      const box = boxOf(label);
      if (!inside(box, options.frame)) return;
      if (placed.some((other) => overlaps(box, boxOf(other), GAP))) return;
      if (options.avoid?.some((other) => overlaps(box, other, GAP))) return;
      // The halo round the letters hides land too.
      const haloed = {
        left: box.left - 2,
        right: box.right + 2,
        top: box.top - 2,
        bottom: box.bottom + 2,
      };
      const own = landUnder(request.mask, haloed) / Math.max(1, request.mask.area);
      if (distance === 0 ? own > 1 - visible : own > 0.25) return;
      // A label with no leader names the land under its middle.
      if (distance === 0 && !isLand(request.mask, x, y)) return;
      if (
        options.ukraine &&
        landUnder(options.ukraine, box) > MAX_COVER_OF_UKRAINE * options.ukraine.area
      )
        return;
      let covered = 0;
      for (const mask of others) {
        const under = landUnder(mask, box);
        if (under > MAX_COVER_OF_OTHERS * mask.area) return;
        // Another partner's own label or leader goes to its pole: keep clear of it.
        const [ox, oy] = mask.pole;
        if (ox > box.left - 6 && ox < box.right + 6 && oy > box.top - 6 && oy < box.bottom + 6)
          return;
        covered += under;
      }
      const end = label.anchor ? leaderEnd(label) : null;
      for (const other of placed) {
        if (label.anchor && segmentCrosses(label.anchor, end!, boxOf(other))) return;
        if (!other.anchor) continue;
        const otherEnd = leaderEnd(other);
        if (segmentCrosses(other.anchor, otherEnd, box)) return;
        if (label.anchor && segmentsCross(label.anchor, end!, other.anchor, otherEnd)) return;
      }
      candidates.push({ label, cost: distance + nudge + covered / 40 });
    };
    // On the country; else off it, near; else on it, if it still shows a little; else farther off.
    const tryOn = (visible: number): void => {
      if (candidates.length > 0) return;
      for (const [dx, dy] of NUDGES) consider(px + dx, py + dy, 0, visible, Math.hypot(dx, dy));
    };
    tryOn(MIN_VISIBLE_SHARE);
    tryRadii(RADII.filter((r) => r <= NEAR));
    tryOn(LAST_RESORT_VISIBLE_SHARE);
    tryRadii(RADII.filter((r) => r > NEAR));
    const best = candidates.sort((a, b) => a.cost - b.cost)[0];
    if (!best) continue;
    placed.push(best.label);
    result.push(best.label);
  }
  return result;
}
