import { describe, expect, it } from 'vitest';
import { layoutEcoMap, LABEL_MAX, LABEL_WIDTH, nearestPlace, NODE_RADIUS, pointAt, shortLabel, type MapPerson } from './eco-map-layout.ts';

const people = (n: number, ring: number, angle: number | null = null): MapPerson[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${ring}-${i}`, name: `Persoon met een lange naam ${i}`, ring, mapAngle: angle }));

describe('eco-map layout', () => {
  it('spreads 30 people evenly: no two nodes touch, labels are short', () => {
    const placed = layoutEcoMap([...people(5, 1), ...people(15, 2), ...people(10, 3)]);
    expect(placed).toHaveLength(30);
    for (const a of placed) {
      expect(a.label.length).toBeLessThanOrEqual(LABEL_MAX);
      for (const b of placed) {
        if (a !== b) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(NODE_RADIUS * 2);
      }
    }
  });

  it('keeps labels apart on a ring even when everyone was dragged to the same place', () => {
    const placed = layoutEcoMap(people(12, 2, 90));
    const angles = placed.map((p) => p.angle).sort((a, b) => a - b);
    for (let i = 1; i < angles.length; i++) expect(angles[i]! - angles[i - 1]!).toBeGreaterThan(15);
  });

  it('keeps a dragged place when there is room, and finds the ring and angle of a dropped point', () => {
    const [one] = layoutEcoMap([{ id: 'a', name: 'Oma', ring: 2, mapAngle: 90 }]);
    expect(one).toMatchObject({ ring: 2, angle: 90, label: 'Oma' });
    const p = pointAt(3, 180);
    expect(nearestPlace(p.x + 5, p.y - 5)).toEqual({ ring: 3, angle: expect.closeTo(179, 0) });
    expect(nearestPlace(400, 270)).toEqual({ ring: 1, angle: 0 });
  });

  it('cuts long names with an ellipsis', () => {
    expect(shortLabel('Sara van de gezinszorg')).toBe('Sara van de g…');
    expect(shortLabel('Oma')).toBe('Oma');
  });
});

describe('a crowded ring', () => {
  it('with 30 people on one ring, labels alternate above and below so no two on the same side meet', () => {
    const placed = layoutEcoMap(people(30, 2));
    for (const a of placed) {
      for (const b of placed) {
        if (a === b || a.labelAbove !== b.labelAbove) continue;
        const apart = Math.abs(a.x - b.x) > LABEL_WIDTH || Math.abs(a.y - b.y) > 16;
        expect(apart, `${a.id} and ${b.id}`).toBe(true);
      }
    }
    expect(placed.filter((p) => p.labelAbove)).toHaveLength(15);
  });
});
