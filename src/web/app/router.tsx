import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './Layout.tsx';
import { Loading } from '../components/Loading.tsx';
import { RequireAuth, RequireBreakGlassReviewer, RequireDpo, RequireCoordinator, RequireGovernment, RequireManager, RequirePlatformAdmin, RequireRegistrationsAccess, RequireSocialMapAccess } from './guards.tsx';
import { RouteError } from './RouteError.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage.tsx';
import { SetPasswordPage } from '../features/auth/SetPasswordPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { MagicLinkPage } from '../features/auth/MagicLinkPage.tsx';

// The admin screens load on demand: most people on a phone never need their code.
const routes: RouteObject[] = [
  {
    element: <Layout />,
    // Shown for the moment a lazily loaded page is fetched on first load.
    hydrateFallbackElement: <Loading />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { path: 'login', element: <LoginPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <SetPasswordPage purpose="password_reset" /> },
          { path: 'accept-invitation', element: <SetPasswordPage purpose="invitation" /> },
          { path: 'sign-in/link', element: <MagicLinkPage /> },
          // Reached with a half session too: the second step decides for itself whether it is needed.
          { path: 'sign-in/second-step', lazy: async () => ({ Component: (await import('../features/second-factor/SecondStepPage.tsx')).SecondStepPage }) },
          // Public: families and referrers register without an account.
          { path: 'register', lazy: async () => ({ Component: (await import('../features/registrations/RegisterPage.tsx')).RegisterPage }) },
          {
            element: <RequireAuth />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'account', lazy: async () => ({ Component: (await import('../features/second-factor/AccountPage.tsx')).AccountPage }) },
              { path: 'agenda', lazy: async () => ({ Component: (await import('../features/calendar/AgendaPage.tsx')).AgendaPage }) },
              { path: 'families', lazy: async () => ({ Component: (await import('../features/families/FamiliesPage.tsx')).FamiliesPage }) },
              {
                path: 'families/:familyId',
                lazy: async () => ({ Component: (await import('../features/families/FamilyLayout.tsx')).FamilyLayout }),
                children: [
                  { index: true, lazy: async () => ({ Component: (await import('../features/families/PlanPage.tsx')).PlanPage }) },
                  { path: 'view', lazy: async () => ({ Component: (await import('../features/families/ViewsPage.tsx')).FamilyViewPage }) },
                  { path: 'columns', lazy: async () => ({ Component: (await import('../features/families/ViewsPage.tsx')).ColumnsPage }) },
                  { path: 'started', lazy: async () => ({ Component: (await import('../features/families/StartedPage.tsx')).StartedPage }) },
                  { path: 'evaluation', lazy: async () => ({ Component: (await import('../features/families/EvaluationPage.tsx')).EvaluationPage }) },
                  { path: 'meetings', lazy: async () => ({ Component: (await import('../features/meetings/MeetingsPage.tsx')).MeetingsPage }) },
                  { path: 'meetings/:meetingId', lazy: async () => ({ Component: (await import('../features/meetings/MeetingPage.tsx')).MeetingPage }) },
                  { path: 'strength', lazy: async () => ({ Component: (await import('../features/reflections/ReflectionsPage.tsx')).ReflectionsPage }) },
                  { path: 'closure', lazy: async () => ({ Component: (await import('../features/closure/ClosurePage.tsx')).ClosurePage }) },
                  { path: 'network', lazy: async () => ({ Component: (await import('../features/network/NetworkPage.tsx')).NetworkPage }) },
                  { path: 'call', lazy: async () => ({ Component: (await import('../features/network/CallListPage.tsx')).CallListPage }) },
                  { path: 'services', lazy: async () => ({ Component: (await import('../features/services/ServicesPage.tsx')).ServicesPage }) },
                  { path: 'members', lazy: async () => ({ Component: (await import('../features/families/MembersPage.tsx')).MembersPage }) },
                  { path: 'history', lazy: async () => ({ Component: (await import('../features/families/HistoryPage.tsx')).HistoryPage }) },
                  { path: 'sharing', lazy: async () => ({ Component: (await import('../features/sharing/SharingPage.tsx')).SharingPage }) },
                  { path: 'access', lazy: async () => ({ Component: (await import('../features/sharing/AccessLogPage.tsx')).AccessLogPage }) },
                  { path: 'messages', lazy: async () => ({ Component: (await import('../features/messages/MessagesPage.tsx')).MessagesPage }) },
                  { path: 'messages/:conversationId', lazy: async () => ({ Component: (await import('../features/messages/ConversationPage.tsx')).ConversationPage }) },
                  { path: 'lead', lazy: async () => ({ Component: (await import('../features/lead/LeadPage.tsx')).LeadPage }) },
                  { path: 'versions/:versionId', lazy: async () => ({ Component: (await import('../features/families/VersionPage.tsx')).VersionPage }) },
                ],
              },
              {
                path: 'my-registrations',
                lazy: async () => ({ Component: (await import('../features/registrations/MyRegistrationsPage.tsx')).MyRegistrationsPage }),
              },
              {
                path: 'collaborations/:collaborationId',
                children: [
                  {
                    element: <RequireManager />,
                    children: [
                      { path: 'settings', lazy: async () => ({ Component: (await import('../features/settings/SettingsPage.tsx')).SettingsPage }) },
                      { path: 'partners', lazy: async () => ({ Component: (await import('../features/partners/PartnersPage.tsx')).PartnersPage }) },
                      { path: 'people', lazy: async () => ({ Component: (await import('../features/members/PeoplePage.tsx')).PeoplePage }) },
                      { path: 'templates', lazy: async () => ({ Component: (await import('../features/templates/TemplatesPage.tsx')).TemplatesPage }) },
                      {
                        path: 'identity-providers',
                        lazy: async () => ({ Component: (await import('../features/identity-providers/IdentityProvidersPage.tsx')).IdentityProvidersPage }),
                      },
                    ],
                  },
                  {
                    element: <RequireCoordinator />,
                    children: [
                      { path: 'dashboard', lazy: async () => ({ Component: (await import('../features/registrations/DashboardPage.tsx')).DashboardPage }) },
                      { path: 'figures', lazy: async () => ({ Component: (await import('../features/figures/FiguresPage.tsx')).FiguresPage }) },
                      { path: 'caseload', lazy: async () => ({ Component: (await import('../features/caseload/CaseloadPage.tsx')).CaseloadPage }) },
                      { path: 'retention', lazy: async () => ({ Component: (await import('../features/retention/RetentionPage.tsx')).RetentionPage }) },
                    ],
                  },
                  {
                    element: <RequireSocialMapAccess />,
                    children: [
                      { path: 'social-map', lazy: async () => ({ Component: (await import('../features/social-map/SocialMapPage.tsx')).SocialMapPage }) },
                      { path: 'team', lazy: async () => ({ Component: (await import('../features/team-cases/TeamPage.tsx')).TeamPage }) },
                    ],
                  },
                  {
                    element: <RequireDpo />,
                    children: [
                      { path: 'access-log', lazy: async () => ({ Component: (await import('../features/dpo/LogPage.tsx')).LogPage }) },
                    ],
                  },
                  {
                    element: <RequireBreakGlassReviewer />,
                    children: [
                      { path: 'break-glass', lazy: async () => ({ Component: (await import('../features/break-glass/ReviewPage.tsx')).ReviewPage }) },
                    ],
                  },
                  {
                    element: <RequireRegistrationsAccess />,
                    children: [
                      { path: 'registrations', lazy: async () => ({ Component: (await import('../features/registrations/QueuePage.tsx')).QueuePage }) },
                      {
                        path: 'registrations/:id',
                        lazy: async () => ({ Component: (await import('../features/registrations/RegistrationPage.tsx')).RegistrationPage }),
                      },
                    ],
                  },
                ],
              },
              {
                path: 'government/figures',
                element: <RequireGovernment />,
                children: [
                  { index: true, lazy: async () => ({ Component: (await import('../features/figures/GovernmentPage.tsx')).GovernmentPage }) },
                ],
              },
              {
                path: 'platform/collaborations',
                element: <RequirePlatformAdmin />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await import('../features/platform/PlatformCollaborationsPage.tsx')).PlatformCollaborationsPage }),
                  },
                ],
              },
              {
                path: 'platform/access-log',
                element: <RequirePlatformAdmin />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await import('../features/platform/AccessLogVerificationPage.tsx')).AccessLogVerificationPage }),
                  },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
