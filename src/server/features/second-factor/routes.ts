import { z } from 'zod';
import { CollaborationParams } from '../../../shared/schemas/common.ts';
import {
  PlatformSecondFactorPolicy, PlatformSecondFactorPolicyPut, RecoveryCodes, RecoveryCodesBody, SecondFactorPolicy, SecondFactorPolicyPut, SecondFactorStatus, SecondStepBody, TotpConfirmBody, TotpEnrolment,
} from '../../../shared/schemas/second-factor.ts';
import { Me } from '../../../shared/schemas/auth.ts';
import { authorizeCollaboration, requireActor, requirePlatformAdmin } from '../../access/policy.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { setSessionCookie } from '../../http/session-cookie.ts';
import { meOf } from '../auth/me.ts';
import { collaborationPolicy, platformPolicy, savePlatformPolicy, savePolicy } from './policy.ts';
import { completeSignIn, confirmTotpEnrolment, regenerateRecoveryCodes, removeTotp, startTotpEnrolment } from './service.ts';
import { secondFactorStatus } from './status.ts';

const tags = ['second factor'];
/** Reachable by a session that still has to give (or set up) its second factor; see http/request-context.ts. */
const step = { secondFactorStep: true };

export function secondFactorRoutes(app: App, { db, config, clock }: FeatureDeps) {
  app.get('/auth/second-factor', {
    schema: { tags, summary: 'My second factor, and what this session still has to do', response: { 200: SecondFactorStatus } },
    config: step,
  }, async (req) => {
    const actor = requireActor(req.ctx.actor);
    const status = await secondFactorStatus(db, actor, req.ctx.sessionLevel ?? 'full', clock());
    return { ...status, csrfToken: req.ctx.csrfToken ?? '' };
  });

  app.post('/auth/second-factor', {
    schema: { tags, summary: 'Second step of signing in: a code from the app, or a recovery code', body: SecondStepBody, response: { 200: Me } },
    config: step,
  }, async (req, reply) => {
    const session = await completeSignIn(db, config, req.ctx, req.body, clock());
    setSessionCookie(reply, config, session.token);
    return meOf(db, session.userId, session.csrfToken, clock());
  });

  app.post('/me/second-factor/totp', {
    schema: { tags, summary: 'Start linking an authenticator app: a new secret as QR code and text', response: { 200: TotpEnrolment } },
    config: step,
  }, async (req) => startTotpEnrolment(db, config, req.ctx));

  app.post('/me/second-factor/totp/confirm', {
    schema: { tags, summary: 'Confirm the new app with its first code; answers ten recovery codes, shown once', body: TotpConfirmBody, response: { 200: RecoveryCodes } },
    config: step,
  }, async (req, reply) => {
    const done = await confirmTotpEnrolment(db, config, req.ctx, req.body, clock());
    setSessionCookie(reply, config, done.token);
    return { recoveryCodes: done.recoveryCodes, csrfToken: done.csrfToken };
  });

  app.post('/me/second-factor/recovery-codes', {
    schema: { tags, summary: 'Ten new recovery codes (the old ones stop working); needs a current code', body: RecoveryCodesBody, response: { 200: RecoveryCodes } },
  }, async (req) => {
    const recoveryCodes = await regenerateRecoveryCodes(db, config, req.ctx, req.body.code, clock());
    return { recoveryCodes, csrfToken: req.ctx.csrfToken ?? '' };
  });

  app.get('/collaborations/:collaborationId/second-factor-policy', {
    schema: { tags, summary: 'Which roles must use a second factor, and their grace period', params: CollaborationParams, response: { 200: SecondFactorPolicy } },
  }, async (req, reply) => {
    authorizeCollaboration(requireActor(req.ctx.actor), req.params.collaborationId, 'manage');
    const policy = await collaborationPolicy(db, req.params.collaborationId);
    setEtag(reply, policy.version);
    return policy;
  });

  app.put('/collaborations/:collaborationId/second-factor-policy', {
    schema: { tags, summary: 'Set which roles must use a second factor (admins)', params: CollaborationParams, body: SecondFactorPolicyPut, response: { 200: SecondFactorPolicy } },
  }, async (req, reply) => {
    const { collaborationId } = req.params;
    const role = authorizeCollaboration(requireActor(req.ctx.actor), collaborationId, 'manage');
    const expected = requireIfMatch(req);
    const policy = await db.transaction((tx) => savePolicy(tx, req.ctx, collaborationId, expected, req.body.roles, role));
    setEtag(reply, policy.version);
    return policy;
  });

  app.post('/me/second-factor/removal', {
    schema: { tags, summary: 'Remove my authenticator app and recovery codes, with a current code from it', body: RecoveryCodesBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    await removeTotp(db, config, req.ctx, req.body.code, clock());
    return reply.code(204).send(null);
  });

  app.get('/platform/second-factor-policy', {
    schema: { tags, summary: 'Whether platform administrators and government analysts must use a second factor (platform administrators)', response: { 200: PlatformSecondFactorPolicy } },
  }, async (req, reply) => {
    requirePlatformAdmin(requireActor(req.ctx.actor));
    const policy = await platformPolicy(db);
    setEtag(reply, policy.version);
    return policy;
  });

  app.put('/platform/second-factor-policy', {
    schema: { tags, summary: 'Set whether platform administrators and government analysts must use a second factor', body: PlatformSecondFactorPolicyPut, response: { 200: PlatformSecondFactorPolicy } },
  }, async (req, reply) => {
    requirePlatformAdmin(requireActor(req.ctx.actor));
    const expected = requireIfMatch(req);
    const policy = await db.transaction((tx) => savePlatformPolicy(tx, req.ctx, expected, req.body.roles));
    setEtag(reply, policy.version);
    return policy;
  });
}
