import { z } from 'zod';

/** One table in a backup: its columns in the order of each row's values, and how many rows it holds. */
export const BackupTable = z.object({
  name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  columns: z.array(z.object({ name: z.string().regex(/^[a-z_][a-z0-9_]*$/), type: z.string() })),
  rows: z.number().int().nonnegative(),
  part: z.string(),
});

/**
 * `manifest.json`, the first part of a backup archive. Every other part is listed with its SHA-256,
 * so a restore checks them all before it changes anything.
 */
export const BackupManifest = z.object({
  format: z.literal('gezinsplan-backup/1'),
  version: z.string().describe('The gezinsplan version that made it'),
  createdAt: z.string().datetime(),
  database: z.enum(['pglite', 'postgres']),
  migration: z.object({
    applied: z.number().int().nonnegative().describe('How many migrations the database had'),
    tag: z.string().nullable().describe('The last one, e.g. 0014_dpo_role'),
    when: z.number().int().nullable().describe('Its timestamp in the migration journal'),
  }),
  tables: z.array(BackupTable),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string() })),
  parts: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type BackupManifest = z.infer<typeof BackupManifest>;
