import { CENTER, layoutEcoMap, MAP_SIZE, NODE_RADIUS, RING_RADII } from '../../../shared/eco-map-layout.ts';
import type { Network } from '../../../shared/schemas/network.ts';

/*
 * The network map for print: the same layout as the screen, in black and white. Each kind of tie
 * has its own line (thick, thin dashed, dotted), so a greyscale printer keeps the meaning.
 */

const TIE_LINE = {
  strong: 'stroke-width="4"',
  weak: 'stroke-width="1.5" stroke-dasharray="6 5"',
  stressful: 'stroke-width="3" stroke-dasharray="2 5"',
} as const;

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** An SVG of the map; only shapes and text of our own, so the PDF renderer needs no file or URL. */
export function ecoMapSvg(network: Network, familyLabel: string, ringLabels: Record<1 | 2 | 3, string>): string {
  const placed = layoutEcoMap(network.people.map((p) => ({ id: p.id, name: p.name, ring: p.ring, mapAngle: p.mapAngle })));
  const at = new Map(placed.map((p) => [p.id, p]));
  const declined = new Set(network.people.filter((p) => p.status === 'declined').map((p) => p.id));
  const rings = ([3, 2, 1] as const).map((r) =>
    `<circle cx="${CENTER}" cy="${CENTER}" r="${RING_RADII[r] + 50}" fill="none" stroke="#777" stroke-dasharray="4 4"/>` +
    `<text x="${CENTER}" y="${CENTER - RING_RADII[r] - 34}" text-anchor="middle" font-family="Roboto" font-size="15" fill="#333">${escapeXml(ringLabels[r])}</text>`);
  const ties = network.ties.flatMap((tie) => {
    const to = at.get(tie.toPersonId);
    const from = tie.fromPersonId ? at.get(tie.fromPersonId) : { x: CENTER, y: CENTER };
    return to && from ? [`<line x1="${from.x}" y1="${from.y}" x2="${to.x}" y2="${to.y}" stroke="#000" ${TIE_LINE[tie.kind]}/>`] : [];
  });
  const people = placed.map((p) => {
    const dash = declined.has(p.id) ? ' stroke-dasharray="3 3"' : '';
    const y = p.labelAbove ? p.y - NODE_RADIUS - 6 : p.y + NODE_RADIUS + 15;
    return `<circle cx="${p.x}" cy="${p.y}" r="${NODE_RADIUS}" fill="#fff" stroke="#000" stroke-width="2"${dash}/>` +
      `<text x="${p.x}" y="${y}" text-anchor="middle" font-family="Roboto" font-size="13" fill="#000">${escapeXml(p.label)}</text>`;
  });
  const centre = `<circle cx="${CENTER}" cy="${CENTER}" r="42" fill="#fff" stroke="#000" stroke-width="3"/>` +
    `<text x="${CENTER}" y="${CENTER + 5}" text-anchor="middle" font-family="Roboto" font-size="15" fill="#000">${escapeXml(familyLabel)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${MAP_SIZE}" height="${MAP_SIZE}" viewBox="0 0 ${MAP_SIZE} ${MAP_SIZE}">${rings.join('')}${ties.join('')}${centre}${people.join('')}</svg>`;
}
