import type { FastifyReply } from 'fastify';

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 with RFC 5987): browsers that read
 * `filename*` save "Gezinsplan Zoë.pdf" with its accents, older ones the plain ASCII fallback.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\/]/g, '_'); // quotes and backslashes would end or escape the quoted string
  // encodeURIComponent leaves ' ( ) * alone, but RFC 5987 does not allow them unencoded.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a rendered PDF as a download. `no-store`: it holds a family's personal data, so no
 * browser or proxy cache may keep a copy (the API sets this too; a PDF must not depend on that).
 */
export function sendPdf(reply: FastifyReply, pdf: Buffer, fileName: string): FastifyReply {
  return reply
    .type('application/pdf')
    .header('content-disposition', contentDisposition(fileName))
    .header('cache-control', 'no-store')
    .send(pdf);
}
