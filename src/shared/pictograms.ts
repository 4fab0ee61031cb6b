/**
 * Pictograms a collaboration can give its life domains. The key is stored; the symbol is shown
 * beside the label (never instead of it), hidden from screen readers because the label says it.
 */
export const PICTOGRAMS = {
  home: '🏠', money: '💶', health: '🩺', mind: '🧠', parenting: '👪', school: '🎒', work: '💼',
  leisure: '⚽', friends: '🤝', legal: '⚖️', papers: '🪪', language: '💬', safety: '🛡️',
  food: '🍎', transport: '🚌', other: '⭐',
} as const;
export type Pictogram = keyof typeof PICTOGRAMS;
export const PICTOGRAM_KEYS = Object.keys(PICTOGRAMS) as [Pictogram, ...Pictogram[]];

/** The life domains a new collaboration starts with; each collaboration edits its own list. */
export const DEFAULT_LIFE_DOMAINS: { labelNl: string; labelEn: string; pictogram: Pictogram }[] = [
  { labelNl: 'Wonen', labelEn: 'Housing', pictogram: 'home' },
  { labelNl: 'Geld en schulden', labelEn: 'Money and debts', pictogram: 'money' },
  { labelNl: 'Gezondheid', labelEn: 'Health', pictogram: 'health' },
  { labelNl: 'Psychisch welzijn', labelEn: 'Mental health', pictogram: 'mind' },
  { labelNl: 'Opvoeden', labelEn: 'Parenting', pictogram: 'parenting' },
  { labelNl: 'School', labelEn: 'School', pictogram: 'school' },
  { labelNl: 'Werk', labelEn: 'Work', pictogram: 'work' },
  { labelNl: 'Vrije tijd', labelEn: 'Leisure', pictogram: 'leisure' },
  { labelNl: 'Sociale contacten', labelEn: 'Social relations', pictogram: 'friends' },
  { labelNl: 'Justitie', labelEn: 'Legal', pictogram: 'legal' },
  { labelNl: 'Verblijfspapieren', labelEn: 'Residence', pictogram: 'papers' },
  { labelNl: 'Taal', labelEn: 'Language', pictogram: 'language' },
  { labelNl: 'Veiligheid', labelEn: 'Safety', pictogram: 'safety' },
];
