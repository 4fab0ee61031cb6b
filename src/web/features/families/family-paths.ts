/** The addresses of a family's file; each tab is its own page so it can be linked and bookmarked. */
export const FAMILY_TABS = ['plan', 'view', 'columns', 'started', 'evaluation', 'network', 'call', 'services', 'members', 'history'] as const;
export type FamilyTab = (typeof FAMILY_TABS)[number];

export const familyPaths = {
  list: '/families',
  plan: (id: string) => `/families/${id}`,
  tab: (id: string, tab: FamilyTab) => (tab === 'plan' ? `/families/${id}` : `/families/${id}/${tab}`),
  version: (id: string, versionId: string) => `/families/${id}/versions/${versionId}`,
  pdf: (id: string, locale: string) => `/api/v1/families/${id}/export?format=pdf&locale=${locale}`,
  json: (id: string) => `/api/v1/families/${id}/export?format=json`,
};
