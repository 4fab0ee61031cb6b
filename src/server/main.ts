import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import pino from 'pino';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/connection.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';
import { secondFactorKey } from './features/second-factor/crypto.ts';
import { startWorker } from './jobs/worker.ts';
import { OperatorSocketError, startOperatorSocket } from './backup/operator-socket.ts';
import { RETENTION_JOB, ensureRetentionScheduled, retentionHandler } from './features/retention/job.ts';
import { SEAL_JOB, ensureSealScheduled, sealHandler } from './audit/seal-job.ts';
import { mailSendHandler } from './mail/outbox.ts';
import { DIGEST_JOB, ensureDigestScheduled, warningDigestHandler } from './features/registrations/digest.ts';
import { nextDigestAt } from './features/registrations/timing.ts';
import { EVALUATION_REMINDER_JOB, ensureEvaluationRemindersScheduled, evaluationReminderHandler } from './features/meetings/reminders.ts';

const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

async function main() {
  const started = Date.now();
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL });
  // Fails the start (not the first sign-in) when production lacks the key.
  secondFactorKey(config);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  await database.migrate();
  if (config.loadDemoData) await seedDemoIfEmpty(database.db, logger);

  const app = await buildApp({ config, db: database.db, webRoot: config.SERVE_WEB ? webRoot : null, listen: database.listen });
  const transport = config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : null;
  const worker = config.JOBS_ENABLED
    ? startWorker(database.db, {
        'mail.send': mailSendHandler(database.db, transport, config.MAIL_FROM),
        [DIGEST_JOB]: warningDigestHandler(database.db, config),
        [EVALUATION_REMINDER_JOB]: evaluationReminderHandler(database.db, config),
        [SEAL_JOB]: sealHandler(database.db, config.AUDIT_SEAL_EVERY_S, logger),
        [RETENTION_JOB]: retentionHandler(database.db, logger),
      }, { pollMs: config.JOBS_POLL_MS, logger })
    : null;
  // The daily digest reschedules itself; this makes sure one is waiting (safe with several instances).
  if (worker) await ensureDigestScheduled(database.db, nextDigestAt(new Date()));
  if (worker) await ensureEvaluationRemindersScheduled(database.db, nextDigestAt(new Date()));
  if (worker) await ensureRetentionScheduled(database.db, nextDigestAt(new Date()));
  if (worker) await ensureSealScheduled(database.db, config.AUDIT_SEAL_EVERY_S);

  // Only this process may open the embedded database, so it makes the backups while it runs.
  const operator = database.kind === 'pglite'
    ? await startOperatorSocket({ dataDir: config.DATA_DIR, db: database.db, logger }).catch((err: unknown) => {
        if (!(err instanceof OperatorSocketError)) throw err;
        logger.warn(err.message + ' npm run backup needs the server stopped until then.');
        return null;
      })
    : null;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing open requests');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 10 s, stopping now');
      process.exit(1);
    }, 10_000);
    force.unref();
    await app.close();
    await operator?.close();
    await worker?.stop();
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  const address = await app.listen({ port: config.PORT, host: config.HOST });
  logger.info({ address, url: config.publicUrl, database: database.kind, startupMs: Date.now() - started }, 'gezinsplan is ready');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
