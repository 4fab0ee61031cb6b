import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Db, Listen } from './db/connection.ts';
import { makeErrorHandler } from './http/error-handler.ts';
import { AppError } from './http/errors.ts';
import { makeAuthenticate } from './http/request-context.ts';
import type { App, FeatureDeps } from './http/route-types.ts';
import { registerWeb } from './http/web.ts';
import { authRoutes } from './features/auth/routes.ts';
import { secondFactorRoutes } from './features/second-factor/routes.ts';
import { collaborationRoutes } from './features/collaborations/routes.ts';
import { devMailRoutes } from './features/dev-mail/routes.ts';
import { healthRoutes } from './features/health/routes.ts';
import { memberRoutes } from './features/members/routes.ts';
import { partnerRoutes } from './features/partners/routes.ts';
import { registrationRoutes } from './features/registrations/routes.ts';
import { familyRoutes } from './features/families/routes.ts';
import { planRoutes } from './features/plan/routes.ts';
import { planTemplateRoutes } from './features/plan/templates-routes.ts';
import { exportRoutes } from './features/plan/export-routes.ts';
import { networkRoutes } from './features/network/routes.ts';
import { serviceRoutes } from './features/services/routes.ts';
import { socialMapRoutes } from './features/social-map/routes.ts';
import { routingRoutes } from './features/routing/routes.ts';
import { sharingRoutes } from './features/sharing/routes.ts';
import { leadRoutes } from './features/lead/routes.ts';
import { FamilyEventHub } from './features/messages/events.ts';
import { messageRoutes } from './features/messages/routes.ts';
import { figureRoutes } from './features/figures/routes.ts';
import { meetingRoutes } from './features/meetings/routes.ts';
import { calendarRoutes } from './features/calendar/routes.ts';
import { closureRoutes } from './features/closure/routes.ts';
import { workspaceRoutes } from './features/workspace/routes.ts';
import { caseloadRoutes } from './features/caseload/routes.ts';
import { retentionRoutes } from './features/retention/routes.ts';
import { reflectionRoutes } from './features/reflections/routes.ts';
import { teamCaseRoutes } from './features/team-cases/routes.ts';
import { accessLogRoutes } from './features/access-log/routes.ts';
import { breakGlassRoutes } from './features/break-glass/routes.ts';
import { fhirExportRoutes } from './features/fhir/routes.ts';
import { identityProviderRoutes } from './features/identity-providers/routes.ts';
import { fhirReadRoutes } from './features/fhir/read-routes.ts';
import { fhirImportRoutes } from './features/fhir-import/routes.ts';
import { setClosedReadAccessMonths } from './access/family-scope.ts';

/** The path without query string, and without the secret of an invitation or reset link. */
export const pathForLog = (url: string) => url.split('?')[0]!.replace(/\/auth\/tokens\/[^/]+/, '/auth/tokens/:token').replace(/\/ical\/[^/]+/, '/ical/:token');

export interface AppDeps {
  config: Config;
  db: Db;
  /** Folder with the built web app; absent in API-only tests. */
  webRoot?: string | null;
  /** The current time (tests move it); defaults to the real clock. */
  clock?: () => Date;
  /** LISTEN on the database (Database.listen), for the live message streams of every instance. */
  listen?: Listen | null;
  /** Where the log lines go (standard output by default); tests read them to prove what never appears in them. */
  logStream?: { write(line: string): void };
  /** Told of every route as it is registered; tests use it to try every door. */
  onRoute?: (route: { method: string | string[]; url: string; config?: unknown }) => void;
}

const featureRoutes: ((app: App, deps: FeatureDeps) => void)[] = [
  healthRoutes, authRoutes, secondFactorRoutes, collaborationRoutes, partnerRoutes, memberRoutes, routingRoutes, registrationRoutes, familyRoutes, planRoutes, planTemplateRoutes, exportRoutes,
  sharingRoutes, networkRoutes, serviceRoutes, socialMapRoutes, leadRoutes, figureRoutes, meetingRoutes, calendarRoutes,
  closureRoutes, workspaceRoutes, caseloadRoutes, reflectionRoutes, teamCaseRoutes, accessLogRoutes, breakGlassRoutes,
  fhirExportRoutes, fhirImportRoutes,
  identityProviderRoutes, retentionRoutes,
];

export async function buildApp({ config, db, webRoot = null, clock = () => new Date(), listen = null, logStream, onRoute }: AppDeps) {
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      ...(logStream ? { stream: logStream } : {}),
      // Personal data never goes to the logs: no bodies, no cookies, no query strings.
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: pathForLog(req.url), id: req.id }),
      },
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();

  if (onRoute) app.addHook('onRoute', (route) => onRoute(route));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(makeErrorHandler(db));
  app.decorateRequest('ctx', null as never);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies,
    crossOriginEmbedderPolicy: false,
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Gezinsplan API', version: '1.0.0', description: 'One family, one plan. All paths need a session unless marked public.' },
      servers: [{ url: config.publicUrl }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());

  app.addHook('onRequest', makeAuthenticate(db, config));
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if ((req.url.startsWith('/api/') && !req.url.startsWith('/api/docs')) || req.url.startsWith('/fhir/')) reply.header('cache-control', 'no-store');
  });

  setClosedReadAccessMonths(config.CLOSED_READ_ACCESS_MONTHS);
  const deps: FeatureDeps = { db, config, clock };
  await app.register(
    async (api) => {
      for (const register of featureRoutes) register(api as unknown as App, deps);
      messageRoutes(api as unknown as App, deps, { hub: new FamilyEventHub(listen) });
    },
    { prefix: '/api/v1' },
  );
  await app.register(async (fhir) => fhirReadRoutes(fhir as unknown as App, deps), { prefix: '/fhir/R4' });
  if (config.NODE_ENV !== 'production') devMailRoutes(app as unknown as App, deps);
  await registerWeb(app as unknown as App, webRoot);

  app.setNotFoundHandler(async (req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/fhir/') || (req.method !== 'GET' && req.method !== 'HEAD') || !webRoot) throw new AppError(404, 'not_found');
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
export type GezinsplanApp = Awaited<ReturnType<typeof buildApp>>;
