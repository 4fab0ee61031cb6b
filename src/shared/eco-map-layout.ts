/**
 * Where everyone sits on the eco-map: the family in the middle, rings 1–3 around it. Pure, so it
 * is tested on its own. People without a dragged place are spread evenly around their ring; a
 * dragged place is kept, but neighbours are pushed apart until labels no longer touch, so the map
 * stays readable with 30 people or more.
 */

export const MAP_SIZE = 800;
export const CENTER = MAP_SIZE / 2;
export const RING_RADII = { 1: 130, 2: 245, 3: 355 } as const;
export const NODE_RADIUS = 18;
export const LABEL_MAX = 14;
/** About 6.5 px a letter at the map's label size. */
export const LABEL_WIDTH = LABEL_MAX * 6.5;

export interface MapPerson {
  id: string;
  name: string;
  ring: number;
  mapAngle: number | null;
}

export interface Placed {
  id: string;
  ring: 1 | 2 | 3;
  /** Degrees, 0 at the top, clockwise. */
  angle: number;
  x: number;
  y: number;
  label: string;
  /** On a crowded ring every other label goes above its node, so neighbours' labels do not meet. */
  labelAbove: boolean;
}

const ringOf = (ring: number): 1 | 2 | 3 => (ring <= 1 ? 1 : ring >= 3 ? 3 : 2);
const norm = (deg: number) => ((deg % 360) + 360) % 360;

/** A short label: the first name or word, cut with an ellipsis so labels stay apart. */
export function shortLabel(name: string): string {
  const trimmed = name.trim();
  return trimmed.length <= LABEL_MAX ? trimmed : `${trimmed.slice(0, LABEL_MAX - 1).trimEnd()}…`;
}

export function pointAt(ring: 1 | 2 | 3, angle: number) {
  const r = RING_RADII[ring];
  const rad = (angle * Math.PI) / 180;
  return { x: CENTER + r * Math.sin(rad), y: CENTER - r * Math.cos(rad) };
}

/** The ring and angle nearest to a point on the map (for dragging). */
export function nearestPlace(x: number, y: number): { ring: 1 | 2 | 3; angle: number } {
  const dx = x - CENTER;
  const dy = CENTER - y;
  const distance = Math.hypot(dx, dy);
  const ring = ([1, 2, 3] as const).reduce((best, r) => (Math.abs(RING_RADII[r] - distance) < Math.abs(RING_RADII[best] - distance) ? r : best), 1 as 1 | 2 | 3);
  return { ring, angle: Math.round(norm((Math.atan2(dx, dy) * 180) / Math.PI)) };
}

const wantedGap = (ring: 1 | 2 | 3) => (LABEL_WIDTH / (2 * Math.PI * RING_RADII[ring])) * 360;

/** The smallest angle between two neighbours on a ring so their labels (about 7 px a letter) do not overlap. */
export function minGap(ring: 1 | 2 | 3, count: number): number {
  const wanted = wantedGap(ring);
  return Math.min(wanted, 360 / Math.max(count, 1));
}

function spread(people: MapPerson[], ring: 1 | 2 | 3): number[] {
  const n = people.length;
  // Each ring starts at a different place so rings do not line up in spokes.
  const offset = { 1: 0, 2: 360 / (2 * Math.max(n, 1)), 3: 15 }[ring];
  const angles = people.map((p, i) => (p.mapAngle === null ? norm(offset + (360 * i) / n) : norm(p.mapAngle)));
  const gap = minGap(ring, n);
  const order = angles.map((a, i) => ({ a, i })).sort((x, y) => x.a - y.a);
  // Push apart clockwise, then wrap around once so the last does not sit on the first.
  for (let pass = 0; pass < 2; pass++) {
    for (let k = 1; k < order.length; k++) {
      if (order[k]!.a - order[k - 1]!.a < gap) order[k]!.a = order[k - 1]!.a + gap;
    }
    const first = order[0];
    const last = order.at(-1);
    if (first && last && order.length > 1 && first.a + 360 - last.a < gap) first.a = last.a + gap - 360;
    order.sort((x, y) => x.a - y.a);
  }
  const result: number[] = [];
  for (const o of order) result[o.i] = norm(o.a);
  return result;
}

export function layoutEcoMap(people: readonly MapPerson[]): Placed[] {
  const placed: Placed[] = [];
  for (const ring of [1, 2, 3] as const) {
    const inRing = people.filter((p) => ringOf(p.ring) === ring);
    const angles = spread(inRing, ring);
    const crowded = minGap(ring, inRing.length) < wantedGap(ring);
    // Alternate by place around the ring (not by list order), so neighbours differ.
    const rank = new Map(angles.map((a, i) => ({ a, i })).sort((x, y) => x.a - y.a).map((o, k) => [o.i, k]));
    inRing.forEach((p, i) => {
      const angle = angles[i]!;
      placed.push({ id: p.id, ring, angle, ...pointAt(ring, angle), label: shortLabel(p.name), labelAbove: crowded && rank.get(i)! % 2 === 1 });
    });
  }
  return placed;
}
