import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../test/support/dialects.ts';
import type { Db } from '../db/open.ts';
import { importFile } from './import.ts';
import { nirKey } from './nir.ts';
import { resolvePersons } from './persons.ts';

const MEMBRES =
  'numero_allocataire;code_organisme;nir;nir_statut;nom_naissance;nom_usage;prenoms;sexe;date_naissance;code_lieu_naissance;role;date_entree;date_sortie;nationalite;titre_sejour_depuis;etudiant;grossesse;garde_alternee';
const BENEF =
  'payeur;droit;nir;nom_naissance;prenoms;sexe;date_naissance;code_lieu_naissance;numero_dossier;est_beneficiaire;avec_majoration;avec_participation;aeeh_statut;date_debut_droit;date_fin_droit;statut;date_effet_statut';
const csv = (...l: string[]) => `${l.join('\r\n')}\r\n`;

describe.each(DIALECTS)('one person across agencies (%s)', (dialect) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'proactif-persons-'));
  beforeAll(async () => {
    ({ db, cleanup } = await freshDb(dialect, 'persons'));
    writeFileSync(
      join(dir, 'caf_membres_20250831.csv'),
      csv(
        MEMBRES,
        '0412873;441;287060810521410;CERTIFIE;ROUX;;LEA MARIE;F;27/06/1987;08105;ALLOCATAIRE;01/09/2024;;FR;;N;N;N',
        '0412873;441;116047511287353;CERTIFIE;ROUX;;ALEXIS VINCENT;M;20/04/2016;75112;ENFANT;01/09/2024;;FR;;N;N;N',
      ),
    );
    // The CNAM writes Léa's birth date one month later (SOURCES.md §8 #9); Alexis comes without NIR,
    // with an accent-less, hyphenated spelling of his first names.
    writeFileSync(
      join(dir, 'beneficiaires_CNAM_20250831.csv'),
      csv(
        BENEF,
        'CNAM;C2S;287060810521410;ROUX;LEA MARIE;F;27/07/1987;08105;C2S-1;O;;O;;01/04/2025;31/03/2026;EN_COURS;01/04/2025',
        'CNAM;C2S;;Roux;Alexis-Vincent;M;20/04/2016;75112;C2S-2;O;;O;;01/04/2025;31/03/2026;EN_COURS;01/04/2025',
      ),
    );
    for (const f of ['caf_membres_20250831.csv', 'beneficiaires_CNAM_20250831.csv']) await importFile(db, join(dir, f));
  });
  afterAll(async () => {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps one person per NIR, joins a row without NIR by its normalised traits, and records the birth-date conflict', async () => {
    const r = await resolvePersons(db, '2025-09-01');
    expect(r).toMatchObject({
      persons: 2,
      withNir: 2,
      traitsOnly: 0,
      conflicts: { NIR_DATES_NAISSANCE_DIFFERENTES: 1 },
    });
    const lea = await db.kysely
      .selectFrom('person_value')
      .innerJoin('person', 'person.id', 'person_value.person_id')
      .select(['person_value.value', 'person_value.agency'])
      .where('person.nir', '=', '287060810521410')
      .where('person_value.field', '=', 'date_naissance')
      .orderBy('person_value.agency')
      .execute();
    // Both values stay, each with its agency: nothing is merged silently.
    expect(lea).toEqual([
      { value: '1987-06-27', agency: 'caf' },
      { value: '1987-07-27', agency: 'payeurs' },
    ]);
    const alexis = await db.kysely
      .selectFrom('person_value')
      .innerJoin('person', 'person.id', 'person_value.person_id')
      .select(['person_value.agency'])
      .where('person.nir', '=', '116047511287353')
      .where('person_value.field', '=', 'prenoms')
      .execute();
    expect(alexis.map((a) => a.agency).sort()).toEqual(['caf', 'payeurs']);
  });

  it('records nothing twice when run again', async () => {
    const r = await resolvePersons(db, '2025-09-01');
    expect(r).toMatchObject({ persons: 2, values: 0, newConflicts: 0 });
  });
});

/** A NIR with its key: sex, birth year and month, birth place (as in the NIR), order number. */
const nirOf = (sex: 1 | 2, yymm: string, place: string, order: string) => {
  const body = `${sex}${yymm}${place}${order}`;
  return body + String(nirKey(body)).padStart(2, '0');
};

describe.each(DIALECTS)('birth place in matching persons (%s)', (dialect) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'proactif-persons-lieux-'));
  // Two Jean DUPONT born on 1 February 1960, one in Lyon, one in Marseille.
  const lyon = nirOf(1, '6002', '69123', '001');
  const marseille = nirOf(1, '6002', '13055', '002');
  // Paul MARTIN, born in Évry in 1950: 78228 then (Seine-et-Oise), 91228 today.
  const evry = nirOf(1, '5003', '78228', '003');
  // Anne LEROY: Bordeaux for the CAF, Marseille for the CNAM.
  const leroy = nirOf(2, '7005', '33063', '004');
  // Two NIR for one Luc PETIT born in Paris (the 15e for the CNAM).
  const petit1 = nirOf(1, '8507', '75115', '005');
  const petit2 = nirOf(1, '8507', '75115', '006');
  beforeAll(async () => {
    ({ db, cleanup } = await freshDb(dialect, 'persons_lieux'));
    writeFileSync(
      join(dir, 'caf_membres_20250831.csv'),
      csv(
        MEMBRES,
        `1000001;691;${lyon};CERTIFIE;DUPONT;;JEAN;M;01/02/1960;69123;ALLOCATAIRE;01/09/2024;;FR;;N;N;N`,
        `1000002;131;${marseille};CERTIFIE;DUPONT;;JEAN;M;01/02/1960;13055;ALLOCATAIRE;01/09/2024;;FR;;N;N;N`,
        `1000003;911;${evry};CERTIFIE;MARTIN;;PAUL;M;10/03/1950;78228;ALLOCATAIRE;01/09/2024;;FR;;N;N;N`,
        `1000004;331;${leroy};CERTIFIE;LEROY;;ANNE;F;05/05/1970;33063;ALLOCATAIRE;01/09/2024;;FR;;N;N;N`,
        `1000005;751;${petit1};CERTIFIE;PETIT;;LUC;M;07/07/1985;75056;ALLOCATAIRE;01/09/2024;;FR;;N;N;N`,
      ),
    );
    writeFileSync(
      join(dir, 'beneficiaires_CNAM_20250831.csv'),
      csv(
        BENEF,
        // Without NIR: born in Lyon 5e (the Lyon Jean), in Morocco (a third one), place unknown (any of them).
        'CNAM;C2S;;Dupont;Jean;M;01/02/1960;69385;D-1;O;;O;;01/04/2025;31/03/2026;EN_COURS;01/04/2025',
        'CNAM;AME;;DUPONT;JEAN;M;01/02/1960;99350;D-2;O;;O;;01/04/2025;31/03/2026;EN_COURS;01/04/2025',
        'CNAM;PUMA;;DUPONT;JEAN;M;01/02/1960;;D-3;O;;O;;01/04/2025;31/03/2026;EN_COURS;01/04/2025',
        `CNAM;C2S;${evry};MARTIN;PAUL;M;10/03/1950;91228;D-4;O;;O;;01/04/2025;31/03/2026;EN_COURS;01/04/2025`,
        `CNAM;C2S;${leroy};LEROY;ANNE;F;05/05/1970;13055;D-5;O;;O;;01/04/2025;31/03/2026;EN_COURS;01/04/2025`,
        `CNAM;C2S;${petit2};PETIT;LUC;M;07/07/1985;75115;D-6;O;;O;;01/04/2025;31/03/2026;EN_COURS;01/04/2025`,
      ),
    );
    for (const f of ['caf_membres_20250831.csv', 'beneficiaires_CNAM_20250831.csv'])
      expect(await importFile(db, join(dir, f))).toMatchObject({ status: 'imported', rejected: 0 });
  });
  afterAll(async () => {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const personsOf = async (nom: string) =>
    db.kysely
      .selectFrom('person_value as v')
      .innerJoin('person as p', 'p.id', 'v.person_id')
      .select(['p.id', 'p.nir', 'v.agency', 'v.extract', 'v.value as lieu'])
      .where('v.field', '=', 'code_lieu_naissance')
      .where('p.traits_key', 'like', `${nom}|%`)
      .orderBy('p.id')
      .orderBy('v.value')
      .execute();

  it('keeps namesakes born the same day in different places apart, and joins a row without NIR by its place', async () => {
    const r = await resolvePersons(db, '2025-09-01');
    // DUPONT: Lyon, Marseille, Morocco, and the row without a place (which could be any of the three).
    // MARTIN, LEROY: one each; PETIT: two NIR.
    expect(r).toMatchObject({ persons: 8, withNir: 6, traitsOnly: 2 });
    const dupont = await personsOf('DUPONT');
    const byPlace = new Map(dupont.map((d) => [d.lieu, d]));
    expect(byPlace.get('69385')?.id).toBe(byPlace.get('69123')?.id);
    expect(byPlace.get('69123')?.nir).toBe(lyon);
    expect(byPlace.get('13055')?.nir).toBe(marseille);
    expect(byPlace.get('99350')?.nir).toBeNull();
    // The row without a place fits all three: it stands alone, merged with none of them.
    expect(byPlace.get(null)?.nir).toBeNull();
    expect(new Set(dupont.map((d) => d.id)).size).toBe(4);
  });

  it('reads an old code and today’s as one place, records a NIR with two places, and two NIR for one person', async () => {
    const conflicts = await db.kysely
      .selectFrom('identity_conflict')
      .select(['kind', 'nir', 'traits_key', 'detail'])
      .orderBy('kind')
      .execute();
    expect(conflicts.map((c) => [c.kind, c.nir || c.traits_key.split('|')[0]])).toEqual([
      ['NIR_LIEUX_NAISSANCE_DIFFERENTS', leroy],
      ['TRAITS_PLUSIEURS_NIR', 'PETIT'],
    ]);
    expect(((conflicts[0] as { detail: unknown }).detail as { lieux: unknown[] }).lieux).toEqual(
      expect.arrayContaining([
        { code: '33063', organisme: 'caf' },
        { code: '13055', organisme: 'payeurs' },
      ]),
    );
    const martin = await personsOf('MARTIN');
    expect(martin.map((m) => m.lieu)).toEqual(['78228', '91228']);
    expect(new Set(martin.map((m) => m.id)).size).toBe(1);
  });

  it('records the snapshots it read, and changes nothing when run again on them', async () => {
    const read = await db.kysely
      .selectFrom('person_snapshot')
      .select(['agency', 'extract', 'extracted_on'])
      .orderBy('agency')
      .execute();
    expect(read).toEqual([
      { agency: 'caf', extract: 'membres', extracted_on: '2025-08-31' },
      { agency: 'payeurs', extract: 'beneficiaires_cnam', extracted_on: '2025-08-31' },
    ]);
    expect(await resolvePersons(db, '2025-09-01')).toMatchObject({ persons: 8, values: 0, newConflicts: 0 });
    // Matched again from the start (as after a new snapshot), the same rows give the same persons.
    await db.kysely.deleteFrom('person_snapshot').execute();
    expect(await resolvePersons(db, '2025-09-01')).toMatchObject({ persons: 8, values: 0, newConflicts: 0 });
  });

  it('matches again when a corrected file comes for a date already read', async () => {
    const corrected = join(dir, 'corrige', 'beneficiaires_CNAM_20250831.csv');
    mkdirSync(join(dir, 'corrige'));
    writeFileSync(
      corrected,
      csv(BENEF, 'CNAM;C2S;;BLANC;MARC;M;12/05/1985;35238;D-7;O;;O;;01/04/2025;31/03/2026;EN_COURS;01/04/2025'),
    );
    expect(await importFile(db, corrected)).toMatchObject({ status: 'imported', rejected: 0 });
    expect(await resolvePersons(db, '2025-09-01')).toMatchObject({ persons: 9, traitsOnly: 3, values: 5 });
    const marc = await db.kysely
      .selectFrom('person_value as v')
      .innerJoin('person as p', 'p.id', 'v.person_id')
      .select(['v.field', 'v.value'])
      .where('p.traits_key', 'like', 'BLANC|%')
      .where('v.field', '=', 'code_lieu_naissance')
      .execute();
    expect(marc).toEqual([{ field: 'code_lieu_naissance', value: '35238' }]);
  });
});

describe.each(DIALECTS)('persons whatever the order the files came in (%s)', (dialect) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'proactif-persons-ordre-'));
  const jean = nirOf(1, '6002', '69123', '011');
  const cnam = (d: string) => `CNAM;C2S;;DUPONT;JEAN;M;01/02/1960;69123;D-1;O;;O;;01/04/2025;31/03/2026;EN_COURS;${d}`;
  beforeAll(async () => {
    ({ db, cleanup } = await freshDb(dialect, 'persons_ordre'));
  });
  afterAll(async () => {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('joins to a person with NIR found later the rows that stood alone before it came', async () => {
    // July: the CNAM alone knows Jean, without NIR: a person of his own.
    writeFileSync(join(dir, 'beneficiaires_CNAM_20250731.csv'), csv(BENEF, cnam('01/04/2025')));
    await importFile(db, join(dir, 'beneficiaires_CNAM_20250731.csv'));
    expect(await resolvePersons(db, '2025-08-01')).toMatchObject({ persons: 1, traitsOnly: 1 });
    // August: the CAF knows him with his NIR; the CNAM's list (its name in capitals) still has no NIR.
    writeFileSync(
      join(dir, 'caf_membres_20250831.csv'),
      csv(MEMBRES, `1000001;691;${jean};CERTIFIE;DUPONT;;JEAN;M;01/02/1960;69123;ALLOCATAIRE;01/09/2024;;FR;;N;N;N`),
    );
    writeFileSync(join(dir, 'BENEFICIAIRES_CNAM_20250831.csv'), csv(BENEF, cnam('01/05/2025')));
    for (const f of ['caf_membres_20250831.csv', 'BENEFICIAIRES_CNAM_20250831.csv'])
      expect(await importFile(db, join(dir, f))).toMatchObject({ status: 'imported', rejected: 0 });
    await resolvePersons(db, '2025-09-01');
    // The August CNAM row is Jean's, as it would be had the July list never come.
    const august = await db.kysely
      .selectFrom('person_value as v')
      .innerJoin('person as p', 'p.id', 'v.person_id')
      .select(['p.nir', 'v.agency'])
      .distinct()
      .where('v.extracted_on', '=', '2025-08-31')
      .orderBy('v.agency')
      .execute();
    expect(august).toEqual([
      { nir: jean, agency: 'caf' },
      { nir: jean, agency: 'payeurs' },
    ]);
    expect(
      await db.kysely.selectFrom('person_snapshot').select('extract').distinct().orderBy('extract').execute(),
    ).toEqual([{ extract: 'beneficiaires_cnam' }, { extract: 'membres' }]);
  });
});
