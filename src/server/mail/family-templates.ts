import type { Locale } from '../../shared/locales.ts';
import type { OutgoingMail } from './outbox.ts';
import { translator } from '../i18n/translate.ts';
import { compose } from './templates.ts';

/*
 * Mail for the family and its circle: plain words, one button. They never contain anything of the
 * family's file beyond the family's name, so a mail that goes astray tells nothing.
 */

export function signInLinkMail(p: { to: string; name: string; url: string; locale: Locale }): OutgoingMail {
  const t = translator(p.locale);
  return compose(p.to, t('mail.signInLink.subject'), [t('mail.greeting', { name: p.name }), t('mail.signInLink.body')],
    { label: t('mail.signInLink.action'), url: p.url }, t('mail.signInLink.footer'));
}

export function familyInvitationMail(p: {
  to: string; name: string; familyName: string; invitedBy: string; url: string; existingAccount: boolean; locale: Locale;
}): OutgoingMail {
  const t = translator(p.locale);
  const v = { invitedBy: p.invitedBy, familyName: p.familyName };
  return compose(p.to, t('mail.familyInvitation.subject', v), [
    t('mail.greeting', { name: p.name }),
    t('mail.familyInvitation.body', v),
    p.existingAccount ? t('mail.familyInvitation.existing') : t('mail.familyInvitation.new'),
  ], { label: p.existingAccount ? t('mail.familyInvitation.signIn') : t('mail.familyInvitation.comeIn'), url: p.url }, t('mail.notExpected'));
}

/** "There is a new message": never its text, its sender or the conversation's title. */
export function newMessageMail(p: { to: string; name: string; familyName: string; url: string; locale: Locale }): OutgoingMail {
  const t = translator(p.locale);
  return compose(p.to, t('mail.newMessage.subject', { familyName: p.familyName }), [
    t('mail.greeting', { name: p.name }), t('mail.newMessage.body', { familyName: p.familyName }),
  ], { label: t('mail.newMessage.action'), url: p.url }, t('mail.newMessage.footer'));
}
