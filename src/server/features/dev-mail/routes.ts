import { desc, inArray } from 'drizzle-orm';
import { mailAttachments, mailOutbox } from '../../db/schema/index.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const linkify = (s: string) => escapeHtml(s).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

/**
 * Outside production the outbox is the mailbox: a page for people and JSON for tests, so an emailed
 * link can be followed without a mail server. Never registered in production.
 */
export function devMailRoutes(app: App, { db }: FeatureDeps) {
  const newest = () => db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(100);

  app.get('/dev/mail.json', { schema: { hide: true }, config: { public: true } }, async (_req, reply) => {
    const rows = await newest();
    const files = rows.length ? await db.select().from(mailAttachments).where(inArray(mailAttachments.mailId, rows.map((m) => m.id))) : [];
    reply.header('cache-control', 'no-store');
    return rows.map((m) => ({
      to: m.to, subject: m.subject, text: m.text, html: m.html, createdAt: m.createdAt, sentAt: m.sentAt,
      attachments: files.filter((f) => f.mailId === m.id).map((f) => ({ filename: f.filename, contentType: f.contentType, content: f.content })),
    }));
  });

  app.get('/dev/mail', { schema: { hide: true }, config: { public: true } }, async (_req, reply) => {
    const rows = await newest();
    const items = rows
      .map((m) => `<article><h2>${escapeHtml(m.subject)}</h2><p>To: ${escapeHtml(m.to)} · ${m.createdAt.toISOString()}${m.sentAt ? '' : ' · not sent yet'}</p><pre>${linkify(m.text)}</pre></article>`)
      .join('<hr>');
    reply.header('cache-control', 'no-store').type('text/html');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Outbox (development)</title></head><body><main><h1>Outbox (development)</h1>${items || '<p>No mail yet.</p>'}</main></body></html>`;
  });
}
