/** Every in-app address in one place, so links and routes cannot drift apart. */
export const paths = {
  home: '/',
  login: '/login',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  acceptInvitation: '/accept-invitation',
  signInLink: '/sign-in/link',
  secondStep: '/sign-in/second-step',
  account: '/account',
  platformCollaborations: '/platform/collaborations',
  platformAccessLog: '/platform/access-log',
  settings: (collaborationId: string) => `/collaborations/${collaborationId}/settings`,
  partners: (collaborationId: string) => `/collaborations/${collaborationId}/partners`,
  people: (collaborationId: string) => `/collaborations/${collaborationId}/people`,
  templates: (collaborationId: string) => `/collaborations/${collaborationId}/templates`,
  identityProviders: (collaborationId: string) => `/collaborations/${collaborationId}/identity-providers`,
  registrations: (collaborationId: string) => `/collaborations/${collaborationId}/registrations`,
  registration: (collaborationId: string, id: string) => `/collaborations/${collaborationId}/registrations/${id}`,
  dashboard: (collaborationId: string) => `/collaborations/${collaborationId}/dashboard`,
  figures: (collaborationId: string) => `/collaborations/${collaborationId}/figures`,
  governmentFigures: '/government/figures',
  socialMap: (collaborationId: string) => `/collaborations/${collaborationId}/social-map`,
  team: (collaborationId: string) => `/collaborations/${collaborationId}/team`,
  caseload: (collaborationId: string) => `/collaborations/${collaborationId}/caseload`,
  breakGlass: (collaborationId: string) => `/collaborations/${collaborationId}/break-glass`,
  accessLog: (collaborationId: string) => `/collaborations/${collaborationId}/access-log`,
  retention: (collaborationId: string) => `/collaborations/${collaborationId}/retention`,
  register: '/register',
  myRegistrations: '/my-registrations',
} as const;

export type CollaborationSection =
  | 'registrations' | 'dashboard' | 'figures' | 'caseload' | 'retention' | 'socialMap' | 'team' | 'settings' | 'partners' | 'people' | 'templates'
  | 'identityProviders' | 'breakGlass' | 'accessLog';
/** The admin's sections. */
export const COLLABORATION_SECTIONS: readonly CollaborationSection[] = ['settings', 'partners', 'people', 'templates', 'identityProviders'];
