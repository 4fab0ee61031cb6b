import type { Locale } from '../../shared/locales.ts';
import type { OutgoingMail } from './outbox.ts';
import { longDateTime, translator } from '../i18n/translate.ts';
import { compose } from './templates.ts';

/*
 * Mail about a use of emergency access. Like every mail it says nothing of the file itself, not
 * even the reason: the family reads that in "who looked" after signing in, the reviewer in the
 * review list.
 */

/** To each parent of the family: someone outside the family's circle opened the file in an emergency. */
export function breakGlassFamilyMail(p: { to: string; name: string; familyName: string; opener: string; endsAt: Date; url: string; locale: Locale }): OutgoingMail {
  const t = translator(p.locale);
  const v = { familyName: p.familyName, opener: p.opener, until: longDateTime(p.endsAt, p.locale) };
  return compose(p.to, t('mail.breakGlassFamily.subject', v), [
    t('mail.greeting', { name: p.name }), t('mail.breakGlassFamily.body', v), t('mail.breakGlassFamily.why'),
  ], { label: t('mail.breakGlassFamily.action'), url: p.url }, t('mail.breakGlassFamily.footer'));
}

/** To the collaboration's admins (and DPO): a use of emergency access waits for their review. */
export function breakGlassReviewMail(p: { to: string; name: string; opener: string; endsAt: Date; url: string; locale: Locale }): OutgoingMail {
  const t = translator(p.locale);
  const v = { opener: p.opener, until: longDateTime(p.endsAt, p.locale) };
  return compose(p.to, t('mail.breakGlassReview.subject'), [
    t('mail.greeting', { name: p.name }), t('mail.breakGlassReview.body', v), t('mail.breakGlassReview.judge'),
  ], { label: t('mail.breakGlassReview.action'), url: p.url }, t('mail.breakGlassReview.footer'));
}
