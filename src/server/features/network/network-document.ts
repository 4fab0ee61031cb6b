import type { Locale } from '../../../shared/locales.ts';
import type { HelpKind } from '../../../shared/network-constants.ts';
import type { Network } from '../../../shared/schemas/network.ts';
import type { Service } from '../../../shared/schemas/services.ts';
import type { Block } from '../../pdf/render.ts';
import { ecoMapSvg } from './eco-map-svg.ts';

/** The network and the help overview as they appear in the printed plan: two plain tables. */
const WORDS = {
  'nl-BE': {
    network: 'Ons netwerk', services: 'Overzicht hulpverlening', empty: 'Nog niets.',
    head: ['Wie', 'Voor het gezin', 'Kring', 'Helpt met', 'Wanneer', 'Telefoon'], serviceHead: ['Organisatie', 'Welke hulp', 'Voor wie', 'Stand'],
    rings: { 1: 'gezin', 2: 'familie, vrienden, buren', 3: 'hulpverleners' }, centre: 'Wij',
    caption: 'Het netwerk als kaart: het gezin in het midden, dan familie, vrienden en buren, dan hulpverleners. Dikke lijn: sterke band; dunne streepjes: zwakke band; puntjes: een band die zwaar is. De tabel hieronder zegt hetzelfde in woorden.', anytime: 'mag altijd bellen', declined: 'zei nee', asked: 'gevraagd',
    days: ['', 'ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'], family: 'het hele gezin',
    status: { active: 'loopt', waiting: 'wachtlijst', ended: 'gestopt' }, since: 'sinds',
    help: { driving: 'rijden', childcare: 'opvang', listening: 'luisterend oor', homework: 'huiswerk', paperwork: 'papieren', household: 'huishouden', shopping: 'boodschappen', finances: 'geld', health: 'gezondheid', emergency: 'in nood', other: 'iets anders' },
  },
  en: {
    network: 'Our network', services: 'Help overview', empty: 'Nothing yet.',
    head: ['Who', 'For the family', 'Ring', 'Helps with', 'When', 'Phone'], serviceHead: ['Organisation', 'Which help', 'For whom', 'State'],
    rings: { 1: 'family', 2: 'relatives, friends, neighbours', 3: 'professionals' }, centre: 'Us',
    caption: 'The network as a map: the family in the middle, then relatives, friends and neighbours, then professionals. Thick line: a strong tie; thin dashes: a weak tie; dots: a tie that is stressful. The table below says the same in words.', anytime: 'may always call', declined: 'said no', asked: 'asked',
    days: ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'], family: 'the whole family',
    status: { active: 'ongoing', waiting: 'waiting list', ended: 'ended' }, since: 'since',
    help: { driving: 'driving', childcare: 'childcare', listening: 'listening ear', homework: 'homework', paperwork: 'papers', household: 'housework', shopping: 'shopping', finances: 'money', health: 'health', emergency: 'emergency', other: 'other' },
  },
} as const;

export function networkBlocks(network: Network, services: readonly Service[], names: ReadonlyMap<string, string>, locale: Locale): Block[] {
  const w = WORDS[locale];
  const people = network.people.map((p) => [
    p.status === 'involved' ? p.name : `${p.name} (${w[p.status]})`,
    p.relation ?? '',
    w.rings[p.ring as 1 | 2 | 3],
    p.roles.map((r: HelpKind) => w.help[r]).join(', '),
    [...p.availability.map((s) => `${w.days[s.weekday]} ${s.startsAt}–${s.endsAt}`), ...(p.callAnytime ? [w.anytime] : [])].join(', '),
    // The presenter already left out numbers the asker may not see.
    p.contact?.phone ?? '',
  ]);
  const rows = services.map((s) => [
    s.organisation, s.kindOfHelp,
    s.memberIds.length > 0 ? s.memberIds.map((id) => names.get(id) ?? '').join(', ') : w.family,
    [w.status[s.status], s.status === 'waiting' ? s.waitingSince && `${w.since} ${s.waitingSince}` : s.since && `${w.since} ${s.since}`].filter(Boolean).join(' '),
  ]);
  const empty: Block = { kind: 'paragraph', text: w.empty, italic: true };
  return [
    { kind: 'heading', level: 1, text: w.network },
    ...(people.length > 0 ? [{ kind: 'drawing', svg: ecoMapSvg(network, w.centre, w.rings), width: 420, caption: w.caption } as Block] : []),
    people.length > 0 ? { kind: 'table', header: [...w.head], rows: people, widths: ['auto', '*', 'auto', '*', 'auto', 'auto'] } : empty,
    { kind: 'heading', level: 1, text: w.services },
    rows.length > 0 ? { kind: 'table', header: [...w.serviceHead], rows, widths: ['auto', '*', 'auto', 'auto'] } : empty,
  ];
}
