import { z } from 'zod';

export const AccessLogFinding = z.object({
  problem: z.enum(['changed', 'missing_before', 'duplicate', 'checkpoint_mismatch']),
  chain: z.string().describe('A collaboration id, or "platform" for rows without a collaboration'),
  chainSeq: z.number().int(),
  rowId: z.number().int().nullable(),
});

export const AccessLogVerification = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  chains: z.number().int(),
  checkpoints: z.number().int(),
  unsealed: z.number().int().describe('Rows written since the last sealing; they join their chain at the next'),
  firstFailure: AccessLogFinding.nullable(),
  findings: z.array(AccessLogFinding).describe('The first problem of each broken chain, and each checkpoint that no longer matches'),
  checkedAt: z.string().datetime(),
});
export type AccessLogVerification = z.infer<typeof AccessLogVerification>;
