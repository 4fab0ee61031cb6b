import type { Locale } from '../../../shared/locales.ts';
import type { HelpKind } from '../../../shared/network-constants.ts';
import type { Network } from '../../../shared/schemas/network.ts';
import type { Service } from '../../../shared/schemas/services.ts';
import type { Block } from '../../pdf/render.ts';
import { ecoMapSvg } from './eco-map-svg.ts';
import { translator } from '../../i18n/translate.ts';

/** The network and the help overview as they appear in the printed plan: two plain tables. */
export function networkBlocks(network: Network, services: readonly Service[], names: ReadonlyMap<string, string>, locale: Locale): Block[] {
  const t = translator(locale);
  const rings = { 1: t('pdf.network.rings.1'), 2: t('pdf.network.rings.2'), 3: t('pdf.network.rings.3') };
  const people = network.people.map((p) => [
    p.status === 'involved' ? p.name : `${p.name} (${t(`pdf.network.${p.status}`)})`,
    p.relation ?? '',
    rings[p.ring as 1 | 2 | 3],
    p.roles.map((r: HelpKind) => t(`pdf.network.help.${r}`)).join(', '),
    [...p.availability.map((s) => `${t(`pdf.network.days.${s.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7}`)} ${s.startsAt}–${s.endsAt}`), ...(p.callAnytime ? [t('pdf.network.anytime')] : [])].join(', '),
    // The presenter already left out numbers the asker may not see.
    p.contact?.phone ?? '',
  ]);
  const rows = services.map((s) => [
    s.organisation, s.kindOfHelp,
    s.memberIds.length > 0 ? s.memberIds.map((id) => names.get(id) ?? '').join(', ') : t('pdf.network.family'),
    [t(`pdf.network.status.${s.status}`), s.status === 'waiting' ? s.waitingSince && `${t('pdf.network.since')} ${s.waitingSince}` : s.since && `${t('pdf.network.since')} ${s.since}`].filter(Boolean).join(' '),
  ]);
  const empty: Block = { kind: 'paragraph', text: t('pdf.network.empty'), italic: true };
  return [
    { kind: 'heading', level: 1, text: t('pdf.network.network') },
    ...(people.length > 0 ? [{ kind: 'drawing', svg: ecoMapSvg(network, t('pdf.network.centre'), rings), width: 420, caption: t('pdf.network.caption') } as Block] : []),
    people.length > 0 ? { kind: 'table', header: [t('pdf.network.head.who'), t('pdf.network.head.relation'), t('pdf.network.head.ring'), t('pdf.network.head.helpsWith'), t('pdf.network.head.when'), t('pdf.network.head.phone')], rows: people, widths: ['auto', '*', 'auto', '*', 'auto', 'auto'] } : empty,
    { kind: 'heading', level: 1, text: t('pdf.network.services') },
    rows.length > 0 ? { kind: 'table', header: [t('pdf.network.serviceHead.organisation'), t('pdf.network.serviceHead.help'), t('pdf.network.serviceHead.forWhom'), t('pdf.network.serviceHead.state')], rows, widths: ['auto', '*', 'auto', 'auto'] } : empty,
  ];
}
