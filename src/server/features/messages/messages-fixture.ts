import { beforeAll } from 'vitest';
import { users } from '../../db/schema/index.ts';
import { createTestFamily, type TestFamily } from '../../test/families.ts';
import { demo, signIn, signInByLink, useTestApp, type Client } from '../../test/harness.ts';

/*
 * A family for the conversation tests: coach Ann (demo coach1), papa and mama (parents), tante
 * (network member), juf (outside professional) and buur (network member), each with an account
 * signing in by link; and a second family of the same coach with its own parent.
 */

export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
/** The start of a Windows executable (MZ header). */
export const EXE = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000', 'hex'), Buffer.alloc(200)]);

export interface MessagesWorld {
  t: ReturnType<typeof useTestApp>;
  f: TestFamily;
  other: TestFamily;
  as: Record<'coach' | 'papa' | 'mama' | 'tante' | 'juf' | 'buur' | 'otherParent', Client>;
  url: (path: string) => string;
}

export function useMessagesWorld(env: Record<string, string> = {}): MessagesWorld {
  const t = useTestApp(env);
  const w = { t, as: {} } as MessagesWorld;
  w.url = (path: string) => `/api/v1/families/${w.f.familyId}/${path}`;
  beforeAll(async () => {
    const people = ['papa', 'mama', 'tante', 'juf', 'buur', 'other.parent'];
    await t.db.insert(users).values(people.map((p) => ({ email: `${p}@gesprek.example`, name: p })));
    w.f = await createTestFamily(t.db, {
      displayName: 'Familie Gesprek', coaches: [demo('coach1')],
      people: {
        papa: { role: 'parent', name: 'Papa', email: 'papa@gesprek.example' },
        mama: { role: 'parent', name: 'Mama', email: 'mama@gesprek.example' },
        tante: { role: 'network_member', name: 'Tante', email: 'tante@gesprek.example' },
        juf: { role: 'outside_professional', name: 'Juf', email: 'juf@gesprek.example' },
        buur: { role: 'network_member', name: 'Buur', email: 'buur@gesprek.example' },
      },
    });
    w.other = await createTestFamily(t.db, { displayName: 'Familie Anders', coaches: [demo('coach1')], people: { parent: { role: 'parent', name: 'Ander', email: 'other.parent@gesprek.example' } } });
    w.as.coach = await signIn(t.app, demo('coach1'));
    for (const key of ['papa', 'mama', 'tante', 'juf', 'buur'] as const) w.as[key] = await signInByLink(t.app, t.db, `${key}@gesprek.example`);
    w.as.otherParent = await signInByLink(t.app, t.db, 'other.parent@gesprek.example');
  });
  return w;
}
