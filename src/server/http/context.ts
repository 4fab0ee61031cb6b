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
  csrfToken: string | null;
}
