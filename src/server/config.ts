import { z } from 'zod';
import { DEFAULT_STALE_MONTHS } from '../shared/network-constants.ts';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Gezinsplan <no-reply@gezinsplan.localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** Sign-in links one address may ask for per LOGIN_WINDOW_MINUTES: enough for a lost mail, too few to flood a mailbox. */
  SIGN_IN_LINKS_PER_WINDOW: z.coerce.number().int().positive().default(5),
  REGISTRATIONS_PER_HOUR: z.coerce.number().int().positive().default(30),
  JOBS_POLL_MS: z.coerce.number().int().positive().default(1000),
  JOBS_ENABLED: bool.default(true),
  DEMO_DATA: bool.optional(),
  TRUST_PROXY: bool.default(false),
  SERVE_WEB: bool.default(true),
  /** Largest photo or document a message may carry, in bytes (10 MB). */
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
  SOCIAL_MAP_STALE_MONTHS: z.coerce.number().int().min(1).max(60).default(DEFAULT_STALE_MONTHS),
  /** After a trajectory closes, the family keeps reading (not changing) its file this many months. */
  /** How often the access log's new rows are linked into their hash chains and the heads recorded. */
  AUDIT_SEAL_EVERY_S: z.coerce.number().int().min(1).max(3600).default(30),
  /** Encrypts TOTP secrets at rest: 32 bytes as hex or base64. Required in production; see README. */
  SECOND_FACTOR_KEY: z.string().min(1).optional(),
  CLOSED_READ_ACCESS_MONTHS: z.coerce.number().int().min(0).max(120).default(12),
});

export type Config = z.infer<typeof ConfigSchema> & {
  publicUrl: string;
  secureCookies: boolean;
  loadDemoData: boolean;
};

/** Reads the environment once; unknown variables are ignored, bad ones stop the start with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
  return {
    ...c,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    loadDemoData: c.NODE_ENV !== 'production' && (c.DEMO_DATA ?? true),
  };
}
