import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../test/support/dialects.ts';
import type { Db } from '../db/open.ts';
import { importFile } from './import.ts';
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
