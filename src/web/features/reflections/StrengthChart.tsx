import { useTranslation } from 'react-i18next';
import { OWN_STRENGTH_DIMENSIONS, type Reflection } from '../../../shared/schemas/reflections.ts';
import styles from './Reflections.module.css';

const W = 320;
const H = 180;
const PAD = 28;
const DASH = { competence: '', motivation: '6 4', social: '2 3' } as const;
const MARK = { competence: 'circle', motivation: 'square', social: 'triangle' } as const;

/** Each dimension over time as a line (told apart by dash and mark, not colour alone), with a table and a sentence. */
export function StrengthChart({ reflections }: { reflections: Reflection[] }) {
  const { t } = useTranslation();
  const n = reflections.length;
  const x = (i: number) => (n === 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (n - 1));
  const y = (v: number) => H - PAD - ((v - 1) * (H - 2 * PAD)) / 4;
  const first = reflections[0]!;
  const last = reflections[n - 1]!;
  const trend = (d: (typeof OWN_STRENGTH_DIMENSIONS)[number]) =>
    t(last[d] > first[d] ? 'reflections.summary.up' : last[d] < first[d] ? 'reflections.summary.down' : 'reflections.summary.same', { dimension: t(`reflections.dimensions.${d}`), from: first[d], to: last[d] });
  const summary = n > 1 ? `${t('reflections.summary.since', { date: first.reflectedOn })} ${OWN_STRENGTH_DIMENSIONS.map(trend).join(' ')}` : t('reflections.summary.one');
  return (
    <figure className={styles.figure}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="strength-chart-title strength-chart-desc" className={styles.chart}>
        <title id="strength-chart-title">{t('reflections.chartTitle')}</title>
        <desc id="strength-chart-desc">{summary}</desc>
        {[1, 2, 3, 4, 5].map((v) => (
          <g key={v}>
            <line x1={PAD} x2={W - PAD / 2} y1={y(v)} y2={y(v)} className={styles.grid} />
            <text x={4} y={y(v) + 4} className={styles.axis}>{v}</text>
          </g>
        ))}
        {OWN_STRENGTH_DIMENSIONS.map((d) => (
          <g key={d} className={styles[d]}>
            {n > 1 && <polyline fill="none" strokeWidth={2} strokeDasharray={DASH[d]} points={reflections.map((r, i) => `${x(i)},${y(r[d])}`).join(' ')} />}
            {reflections.map((r, i) => (MARK[d] === 'circle' ? <circle key={r.id} cx={x(i)} cy={y(r[d])} r={4} />
              : MARK[d] === 'square' ? <rect key={r.id} x={x(i) - 4} y={y(r[d]) - 4} width={8} height={8} />
                : <polygon key={r.id} points={`${x(i)},${y(r[d]) - 5} ${x(i) - 5},${y(r[d]) + 4} ${x(i) + 5},${y(r[d]) + 4}`} />))}
          </g>
        ))}
      </svg>
      <ul className={styles.legend} aria-hidden="true">
        {OWN_STRENGTH_DIMENSIONS.map((d) => <li key={d} className={styles[d]}>{t(`reflections.marks.${MARK[d]}`)} {t(`reflections.dimensions.${d}`)}</li>)}
      </ul>
      <figcaption><p>{summary}</p></figcaption>
      {/* Scrolls sideways on a phone: reachable and named for keyboard and screen-reader users. */}
      <div className={styles.tableWrap} tabIndex={0} role="region" aria-label={t('reflections.tableCaption')}>
        <table>
          <caption>{t('reflections.tableCaption')}</caption>
          <thead>
            <tr><th scope="col">{t('reflections.fields.reflectedOn')}</th>{OWN_STRENGTH_DIMENSIONS.map((d) => <th key={d} scope="col">{t(`reflections.dimensions.${d}`)}</th>)}<th scope="col">{t('reflections.together')}</th></tr>
          </thead>
          <tbody>
            {reflections.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.reflectedOn}</th>
                {OWN_STRENGTH_DIMENSIONS.map((d) => <td key={d}>{r[d]} – {t(`reflections.scale.${r[d]}` as 'reflections.scale.1')}{r[`${d}Note`] ? `: ${r[`${d}Note`]}` : ''}</td>)}
                <td>{r.withFamily ? r.presentNames.join(', ') : t('reflections.alone')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
