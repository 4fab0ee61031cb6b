import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { App } from '../http/route-types.ts';
import { renderPdf, sendPdf } from './render.ts';
import { contentDisposition } from './send.ts';

// Built like the real app (zod type provider), so this also checks that a feature's route can
// hand its typed reply to sendPdf.
const app: App = Fastify().withTypeProvider<ZodTypeProvider>();
app.setValidatorCompiler(validatorCompiler);
app.setSerializerCompiler(serializerCompiler);
app.get('/plan.pdf', { schema: { querystring: z.object({ name: z.string() }) } }, async (req, reply) =>
  sendPdf(reply, await renderPdf({ title: 'Plan', language: 'nl-BE', meta: [], blocks: [] }), req.query.name));
afterAll(() => app.close());

describe('sendPdf', () => {
  it('sends a PDF download that no cache keeps', async () => {
    const res = await app.inject({ method: 'GET', url: '/plan.pdf', query: { name: 'gezinsplan-peeters-2026-11-24.pdf' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="gezinsplan-peeters-2026-11-24.pdf"; filename*=UTF-8''gezinsplan-peeters-2026-11-24.pdf`);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('keeps accents for browsers that read filename*, and gives others a safe ASCII name', () => {
    expect(contentDisposition('Gezinsplan Zoë (v2).pdf')).toBe(
      `attachment; filename="Gezinsplan Zoe (v2).pdf"; filename*=UTF-8''Gezinsplan%20Zo%C3%AB%20%28v2%29.pdf`);
    // A quote, backslash or slash cannot end the quoted name, escape it, or point into a folder;
    // a line break cannot start a new header.
    expect(contentDisposition('a"b\\c/d\r\ne€.pdf')).toBe(
      `attachment; filename="a_b_c_d__e_.pdf"; filename*=UTF-8''a%22b%5Cc%2Fd%0D%0Ae%E2%82%AC.pdf`);
  });
});
