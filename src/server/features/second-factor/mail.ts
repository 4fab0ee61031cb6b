import type { Locale } from '../../../shared/locales.ts';
import { translator } from '../../i18n/translate.ts';
import { compose } from '../../mail/templates.ts';
import type { OutgoingMail } from '../../mail/outbox.ts';

export function recoveryCodeUsedMail(p: { to: string; name: string; left: number; locale: Locale }): OutgoingMail {
  const t = translator(p.locale);
  return compose(p.to, t('mail.recoveryCodeUsed.subject'), [
    t('mail.greeting', { name: p.name }), t('mail.recoveryCodeUsed.body'), t('mail.recoveryCodeUsed.left', { count: p.left }),
  ], null, t('mail.recoveryCodeUsed.footer'));
}

export function secondFactorResetMail(p: { to: string; name: string; byName: string; locale: Locale }): OutgoingMail {
  const t = translator(p.locale);
  return compose(p.to, t('mail.secondFactorReset.subject'), [
    t('mail.greeting', { name: p.name }), t('mail.secondFactorReset.body', { byName: p.byName }), t('mail.secondFactorReset.again'),
  ], null, t('mail.secondFactorReset.footer'));
}
