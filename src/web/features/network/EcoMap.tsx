import { useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkPerson, NetworkTie } from '../../../shared/schemas/network.ts';
import { Button } from '../../components/Button.tsx';
import { CENTER, layoutEcoMap, MAP_SIZE, nearestPlace, NODE_RADIUS, RING_RADII, type Placed } from '../../../shared/eco-map-layout.ts';
import styles from './Network.module.css';

/*
 * The eco-map as SVG. Colours and line styles are attributes, not CSS, so the exported image looks
 * the same as the screen. Meaning is never carried by colour alone: every tie kind has its own dash
 * pattern, and the list below the map says the same in words (the keyboard and screen-reader way).
 */
export const TIE_STYLE = {
  strong: { stroke: '#1b5e20', width: 4, dash: '' },
  weak: { stroke: '#4a4a4a', width: 1.5, dash: '6 5' },
  stressful: { stroke: '#b00020', width: 3, dash: '2 5' },
} as const;
const RING_FILL = { 1: '#fff8e1', 2: '#e8f5e9', 3: '#e3f2fd' } as const;

interface EcoMapProps {
  familyName: string;
  people: readonly NetworkPerson[];
  ties: readonly NetworkTie[];
  canMove: boolean;
  onMove: (person: NetworkPerson, ring: 1 | 2 | 3, angle: number) => void;
}

interface Drag { id: string; x: number; y: number; startX: number; startY: number }

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function EcoMap({ familyName, people, ties, canMove, onMove }: EcoMapProps) {
  const { t } = useTranslation();
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const placed = layoutEcoMap(people);
  const byId = new Map<string, Placed>(placed.map((p) => [p.id, p]));
  const at = (id: string) => (drag?.id === id ? { x: drag.x, y: drag.y } : byId.get(id));

  const toSvg = (event: PointerEvent) => {
    const matrix = svg.current?.getScreenCTM()?.inverse();
    if (!matrix) return { x: 0, y: 0 };
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix);
    return { x: p.x, y: p.y };
  };
  const start = (id: string) => (event: PointerEvent<SVGGElement>) => {
    if (!canMove) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const p = toSvg(event);
    setDrag({ id, ...p, startX: p.x, startY: p.y });
  };
  const move = (event: PointerEvent) => {
    if (drag) setDrag({ ...drag, ...toSvg(event) });
  };
  const end = () => {
    if (!drag) return;
    const person = people.find((p) => p.id === drag.id);
    setDrag(null);
    if (person && Math.hypot(drag.x - drag.startX, drag.y - drag.startY) > 6) {
      const place = nearestPlace(drag.x, drag.y);
      onMove(person, place.ring, place.angle);
    }
  };

  const serialized = () => new XMLSerializer().serializeToString(svg.current!);
  const exportSvg = () => download(`${t('network.fileName')}.svg`, new Blob([serialized()], { type: 'image/svg+xml' }));
  const exportPng = () => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = MAP_SIZE * 2;
      canvas.height = MAP_SIZE * 2;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => blob && download(`${t('network.fileName')}.png`, blob), 'image/png');
    };
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(serialized())}`;
  };

  return (
    <figure className={styles.figure}>
      <svg
        ref={svg} xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${MAP_SIZE} ${MAP_SIZE}`} className={styles.map}
        role="img" aria-labelledby="eco-map-title eco-map-desc" onPointerMove={move} onPointerUp={end} onPointerCancel={() => setDrag(null)}
        fontFamily="system-ui, sans-serif"
      >
        <title id="eco-map-title">{t('network.mapTitle', { name: familyName })}</title>
        <desc id="eco-map-desc">{t('network.mapDesc', { count: people.length })}</desc>
        <rect width={MAP_SIZE} height={MAP_SIZE} fill="#ffffff" />
        {([3, 2, 1] as const).map((ring) => (
          <g key={ring}>
            <circle cx={CENTER} cy={CENTER} r={RING_RADII[ring] + 50} fill={RING_FILL[ring]} stroke="#9e9e9e" strokeDasharray="4 4" />
            <text x={CENTER} y={CENTER - RING_RADII[ring] - 34} textAnchor="middle" fontSize="15" fill="#333">{t(`network.rings.${ring}`)}</text>
          </g>
        ))}
        {ties.map((tie) => {
          const to = at(tie.toPersonId);
          const from = tie.fromPersonId ? at(tie.fromPersonId) : { x: CENTER, y: CENTER };
          if (!to || !from) return null;
          const style = TIE_STYLE[tie.kind];
          return <line key={tie.id} x1={from.x} y1={from.y} x2={to.x} y2={to.y} stroke={style.stroke} strokeWidth={style.width} strokeDasharray={style.dash || undefined} strokeLinecap="round" />;
        })}
        <circle cx={CENTER} cy={CENTER} r={58} fill="#263238" />
        <text x={CENTER} y={CENTER + 6} textAnchor="middle" fontSize="17" fontWeight="700" fill="#ffffff">{t('network.center')}</text>
        {placed.map((p) => {
          const person = people.find((x) => x.id === p.id)!;
          const pos = at(p.id)!;
          const declined = person.status === 'declined';
          return (
            <g key={p.id} onPointerDown={start(p.id)} style={canMove ? { cursor: 'grab', touchAction: 'none' } : undefined}>
              <circle cx={pos.x} cy={pos.y} r={NODE_RADIUS} fill="#ffffff" stroke={declined ? '#757575' : '#263238'} strokeWidth={declined ? 2 : 3} strokeDasharray={declined ? '3 3' : undefined} />
              <text x={pos.x} y={pos.y + 5} textAnchor="middle" fontSize="14" fontWeight="700" fill="#263238">{person.name.trim().charAt(0).toUpperCase()}</text>
              <text x={pos.x} y={p.labelAbove ? pos.y - NODE_RADIUS - 6 : pos.y + NODE_RADIUS + 15} textAnchor="middle" fontSize="13" fill="#111111" stroke="#ffffff" strokeWidth="4" paintOrder="stroke">{p.label}</text>
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.legend}>
        <ul aria-label={t('network.legend')}>
          {(['strong', 'weak', 'stressful'] as const).map((kind) => (
            <li key={kind}>
              <svg width="40" height="10" aria-hidden="true"><line x1="2" y1="5" x2="38" y2="5" stroke={TIE_STYLE[kind].stroke} strokeWidth={TIE_STYLE[kind].width} strokeDasharray={TIE_STYLE[kind].dash || undefined} /></svg>
              {t(`network.tieKinds.${kind}`)}
            </li>
          ))}
          <li><svg width="20" height="20" aria-hidden="true"><circle cx="10" cy="10" r="7" fill="#fff" stroke="#757575" strokeWidth="2" strokeDasharray="3 3" /></svg>{t('network.statuses.declined')}</li>
        </ul>
        {canMove && <p className={styles.hint}>{t('network.dragHint')}</p>}
        <div className={styles.actions}>
          <Button onPress={exportSvg}>{t('network.exportSvg')}</Button>
          <Button onPress={exportPng}>{t('network.exportPng')}</Button>
        </div>
      </figcaption>
    </figure>
  );
}
