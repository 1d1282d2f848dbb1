import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../test/support/dialects.ts';
import type { Db } from '../db/open.ts';
import { makePseudonymizer } from '../pseudonym.ts';
import type { LifeEvent } from './events.ts';
import { storeEvents } from './events-store.ts';

describe.each(DIALECTS)('life events on record (%s)', (dialect) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await freshDb(dialect, 'events'));
  });
  afterAll(() => cleanup());

  const birthday: LifeEvent = {
    householdKey: 'caf:231-0456789',
    kind: 'anniversaire_25_ans',
    date: '2025-08-20',
    data: { personne: 'P-abc', note: 'l\'apostrophe, "guillemets" et \\ barre' },
    rights: ['rsa', 'ppa'],
  };
  const separation: LifeEvent = {
    householdKey: 'caf:231-0456789',
    kind: 'separation',
    date: '2025-07-01',
    data: { avant: 2, apres: 1 },
    rights: ['rsa'],
  };

  it('stores each event once, a repeat in the same batch or a later run included', async () => {
    const pseudo = makePseudonymizer('k');
    expect(await storeEvents(db, [birthday, separation, birthday], '2025-09-01', pseudo)).toBe(2);
    expect(await storeEvents(db, [separation, birthday], '2025-10-01', pseudo)).toBe(0);
    const rows = await db.kysely
      .selectFrom('life_event')
      .select(['kind', 'event_date', 'subject', 'detected_on', 'data', 'rights', 'pseudonym'])
      .orderBy('event_date')
      .execute();
    expect(rows).toEqual([
      {
        kind: 'separation',
        event_date: '2025-07-01',
        subject: '',
        detected_on: '2025-09-01',
        data: { avant: 2, apres: 1 },
        rights: ['rsa'],
        pseudonym: pseudo('F', 'caf:231-0456789'),
      },
      {
        kind: 'anniversaire_25_ans',
        event_date: '2025-08-20',
        subject: 'P-abc',
        detected_on: '2025-09-01',
        data: { personne: 'P-abc', note: 'l\'apostrophe, "guillemets" et \\ barre' },
        rights: ['rsa', 'ppa'],
        pseudonym: pseudo('F', 'caf:231-0456789'),
      },
    ]);
  });
});
