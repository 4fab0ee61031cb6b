import type { Locale } from '../../shared/locales.ts';
import { longDate, translator } from '../i18n/translate.ts';
import type { OutgoingMail } from './outbox.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One short message with one clear button: plain language, readable without images. */
export function compose(to: string, subject: string, lines: string[], action: { label: string; url: string } | null, footer: string): OutgoingMail {
  const text = [...lines, '', ...(action ? [`${action.label}: ${action.url}`, ''] : []), footer].join('\n');
  const button = action
    ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:12px 20px;background:#0b5cad;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(action.label)}</a></p>\n`
    : '';
  const html = `<!doctype html><html><body style="font-family:sans-serif;font-size:16px;line-height:1.5">
${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
${button}<p style="color:#444">${escapeHtml(footer)}</p>
</body></html>`;
  return { to, subject, text, html };
}

export function invitationMail(p: { to: string; name: string; collaborationName: string; url: string; locale: Locale }): OutgoingMail {
  const t = translator(p.locale);
  const v = { collaborationName: p.collaborationName };
  return compose(p.to, t('mail.staffInvitation.subject', v), [
    t('mail.greeting', { name: p.name }), t('mail.staffInvitation.body', v), t('mail.staffInvitation.choose'),
  ], { label: t('mail.staffInvitation.action'), url: p.url }, t('mail.notExpected'));
}

export function passwordResetMail(p: { to: string; name: string; url: string; locale: Locale }): OutgoingMail {
  const t = translator(p.locale);
  return compose(p.to, t('mail.passwordReset.subject'), [
    t('mail.greeting', { name: p.name }), t('mail.passwordReset.body'), t('mail.passwordReset.choose'),
  ], { label: t('mail.passwordReset.action'), url: p.url }, t('mail.passwordReset.footer'));
}

/** The receipt for the person who registered: what happens next, and whom to call. */
export function registrationReceiptMail(p: {
  to: string; name: string; kind: 'family' | 'consultation'; familyName: string; receivedAt: string; dueBy: string;
  collaborationName: string; contact: string | null; locale: Locale;
}): OutgoingMail {
  const t = translator(p.locale);
  const consultation = p.kind === 'consultation';
  const v = { familyName: p.familyName, collaborationName: p.collaborationName, receivedAt: longDate(p.receivedAt, p.locale), dueBy: longDate(p.dueBy, p.locale) };
  return compose(p.to, consultation ? t('mail.registrationReceipt.subjectConsultation') : t('mail.registrationReceipt.subjectFamily'), [
    t('mail.greeting', { name: p.name }),
    consultation ? t('mail.registrationReceipt.receivedConsultation', v) : t('mail.registrationReceipt.receivedFamily', v),
    consultation ? t('mail.registrationReceipt.nextConsultation') : t('mail.registrationReceipt.nextFamily', v),
    t('mail.registrationReceipt.questions', { contact: p.contact ?? p.collaborationName }),
  ], null, t('mail.registrationReceipt.footer'));
}

/** The coordinator's daily list of open registrations near or past the first-contact limit. */
export function warningDigestMail(p: {
  to: string; name: string; collaborationName: string; url: string; locale: Locale;
  items: { familyName: string; daysSince: number; dueBy: string; overdue: boolean }[];
}): OutgoingMail {
  const t = translator(p.locale);
  const lines = p.items.map((i) => {
    const v = { familyName: i.familyName, count: i.daysSince, dueBy: longDate(i.dueBy, p.locale) };
    return i.overdue ? t('mail.warningDigest.lateLine', v) : t('mail.warningDigest.line', v);
  });
  return compose(p.to, t('mail.warningDigest.subject', { count: p.items.length }), [
    t('mail.greeting', { name: p.name }), t('mail.warningDigest.intro', { collaborationName: p.collaborationName }), ...lines,
  ], { label: t('mail.warningDigest.action'), url: p.url }, t('mail.warningDigest.footer'));
}

/** To each coordinator of the collaboration a registration was forwarded to: it keeps its date. */
export function registrationForwardedMail(p: {
  to: string; name: string; fromName: string; collaborationName: string; familyName: string; receivedAt: string; dueBy: string;
  url: string; locale: Locale;
}): OutgoingMail {
  const t = translator(p.locale);
  const v = {
    fromName: p.fromName, familyName: p.familyName, collaborationName: p.collaborationName,
    receivedAt: longDate(p.receivedAt, p.locale), dueBy: longDate(p.dueBy, p.locale),
  };
  return compose(p.to, t('mail.registrationForwarded.subject', v), [
    t('mail.greeting', { name: p.name }), t('mail.registrationForwarded.body', v), t('mail.registrationForwarded.date', v),
  ], { label: t('mail.registrationForwarded.action'), url: p.url }, t('mail.automatic'));
}
