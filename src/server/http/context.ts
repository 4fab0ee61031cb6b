import type { Locale } from '../../shared/locales.ts';
import type { Actor } from '../access/actor.ts';

/** What every command needs to know about the request it serves, including for the access log. */
export interface RequestContext {
  requestId: string;
  clientAddress: string;
  userAgent: string | null;
  locale: Locale;
  actor: Actor | null;
  sessionTokenHash: string | null;
  /** 'second_factor' while the password was right but the second factor is still to come. */
  sessionLevel: 'full' | 'second_factor' | null;
  csrfToken: string | null;
}
