/** The addresses of a family's file; each tab is its own page so it can be linked and bookmarked. */
export const FAMILY_TABS = [
  'plan', 'view', 'meetings', 'messages', 'columns', 'started', 'evaluation', 'strength', 'network', 'call', 'services', 'members', 'lead',
  'history', 'sharing', 'access', 'closure',
] as const;
export type FamilyTab = (typeof FAMILY_TABS)[number];

/**
 * The tabs a person gets: the family and its coaches (full reach) everything, including who sees
 * what and who looked; someone the family shared topics with the family view of those topics and
 * the conversations they are in; emergency access (read-only) the family view, round tables, the
 * people and the history; a coordinator outside the circle none.
 */
export function tabsFor(reach: 'full' | 'consented' | 'metadata' | 'emergency'): readonly FamilyTab[] {
  if (reach === 'full') return FAMILY_TABS;
  if (reach === 'consented') return ['view', 'meetings', 'messages'];
  if (reach === 'emergency') return ['view', 'meetings', 'network', 'members', 'history'];
  return [];
}

export const familyPaths = {
  list: '/families',
  plan: (id: string) => `/families/${id}`,
  tab: (id: string, tab: FamilyTab) => (tab === 'plan' ? `/families/${id}` : `/families/${id}/${tab}`),
  version: (id: string, versionId: string) => `/families/${id}/versions/${versionId}`,
  pdf: (id: string, locale: string) => `/api/v1/families/${id}/export?format=pdf&locale=${locale}`,
  json: (id: string) => `/api/v1/families/${id}/export?format=json`,
  /** The file as FHIR R4, for another care system: what the asker may see, never private items. */
  fhir: (id: string) => `/api/v1/families/${id}/fhir`,
  /** An approved warm handover as a FHIR document: exactly what the family chose to pass on. */
  handoverFhir: (id: string, handoverId: string) => `/api/v1/families/${id}/handovers/${handoverId}/fhir`,
  /** The whole file as a readable PDF, including who looked. */
  filePdf: (id: string, locale: string) => `/api/v1/families/${id}/export?format=pdf&contents=file&locale=${locale}`,
};
