import type { Executor, Listen, Unlisten } from '../../db/connection.ts';
import { sql } from 'drizzle-orm';

/** The channel every instance listens on; the payload names the family, never any content. */
export const MESSAGES_CHANNEL = 'gp_messages';

export interface FamilyEvent {
  familyId: string;
  /** `message`: a new message; `members`: someone joined or left a conversation (or the circle). */
  kind: 'message' | 'members';
  conversationId?: string;
}

/** Sent on commit of the caller's transaction, to every app instance (NOTIFY). */
export async function notifyFamily(tx: Executor, event: FamilyEvent): Promise<void> {
  await tx.execute(sql`select pg_notify(${MESSAGES_CHANNEL}, ${JSON.stringify(event)})`);
}

type Subscriber = (event: FamilyEvent) => void;

/**
 * One LISTEN per app instance, fanned out to the open event streams of that instance by family.
 * Without a listener (some tests build the app on a bare Db) streams get heartbeats only.
 */
export class FamilyEventHub {
  private readonly byFamily = new Map<string, Set<Subscriber>>();
  private unlisten: Promise<Unlisten> | null = null;

  constructor(private readonly listen: Listen | null) {}

  async subscribe(familyId: string, subscriber: Subscriber): Promise<() => void> {
    if (this.listen) this.unlisten ??= this.listen(MESSAGES_CHANNEL, (payload) => this.dispatch(payload));
    await this.unlisten;
    const set = this.byFamily.get(familyId) ?? new Set();
    set.add(subscriber);
    this.byFamily.set(familyId, set);
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.byFamily.delete(familyId);
    };
  }

  private dispatch(payload: string) {
    let event: FamilyEvent;
    try {
      event = JSON.parse(payload) as FamilyEvent;
    } catch {
      return;
    }
    for (const subscriber of this.byFamily.get(event.familyId) ?? []) subscriber(event);
  }

  async close() {
    const stop = await this.unlisten;
    this.unlisten = null;
    await stop?.();
  }
}
