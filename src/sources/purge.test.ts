import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../db/open.ts';
import { importFile } from './import.ts';
import { resolvePersons } from './persons.ts';
import { applyPurge, planPurge } from './purge.ts';

const HEADER = 'numero_allocataire;code_organisme;mois;prestation;montant;majoration;date_debut_droit;statut';
const dir = mkdtempSync(join(tmpdir(), 'proactif-purge-'));
let db: Db;

beforeAll(async () => {
  db = await openDatabase({ dataDir: 'memory' });
  // Five monthly CAF snapshots, January to May 2025.
  for (const m of ['01', '02', '03', '04', '05']) {
    const p = join(dir, `caf_droits_2025${m}28.csv`);
    writeFileSync(p, `${HEADER}\r\n0412873;441;2025-${m};AF;141,99;;01/09/2024;EN_COURS\r\n`);
    await importFile(db, p);
  }
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('purge', () => {
  it('keeps the newest snapshots and deletes older ones only past the retention period', async () => {
    // On 2026-04-15 with 13 months of retention, snapshots before 2025-03-01 are past it;
    // the three newest (March–May) are kept whatever their age.
    const plan = await planPurge(db, { keepSnapshots: 3, retentionMonths: 13, quarantineMonths: 3 }, '2026-04-15');
    expect(plan.files.map((f) => f.fileName)).toEqual(['caf_droits_20250128.csv', 'caf_droits_20250228.csv']);
    expect(await applyPurge(db, plan)).toMatchObject({ files: 2, rows: 2 });
    const left = await db.kysely.selectFrom('caf_droit').select('mois').orderBy('mois').execute();
    expect(left.map((r) => r.mois)).toEqual(['2025-03', '2025-04', '2025-05']);
  });

  it('does nothing more when run again, and a purged file dropped again is still recognised', async () => {
    const plan = await planPurge(db, { keepSnapshots: 3, retentionMonths: 13, quarantineMonths: 3 }, '2026-04-15');
    expect(plan.files).toEqual([]);
    const again = await importFile(db, join(dir, 'caf_droits_20250128.csv'));
    expect(again.status).toBe('skipped');
  });
});

describe('purge of the persons built from purged snapshots', () => {
  const MEMBRES =
    'numero_allocataire;code_organisme;nir;nir_statut;nom_naissance;nom_usage;prenoms;sexe;date_naissance;code_lieu_naissance;role;date_entree;date_sortie;nationalite;titre_sejour_depuis;etudiant;grossesse;garde_alternee';
  const BENEF =
    'payeur;droit;nir;nom_naissance;prenoms;sexe;date_naissance;code_lieu_naissance;numero_dossier;est_beneficiaire;avec_majoration;avec_participation;aeeh_statut;date_debut_droit;date_fin_droit;statut;date_effet_statut';
  const lea = '287060810521410';
  const marc = '185057511287383';
  let pdb: Db;
  const pdir = mkdtempSync(join(tmpdir(), 'proactif-purge-persons-'));
  const file = (name: string, ...lines: string[]) => {
    writeFileSync(join(pdir, name), `${lines.join('\r\n')}\r\n`);
    return join(pdir, name);
  };
  beforeAll(async () => {
    pdb = await openDatabase({ dataDir: 'memory' });
    // January: Léa and Marc; May: Léa only. The CNAM's list of May gives Léa another birth date.
    await importFile(
      pdb,
      file(
        'caf_membres_20250131.csv',
        MEMBRES,
        `0412873;441;${lea};CERTIFIE;ROUX;;LEA;F;27/06/1987;08105;ALLOCATAIRE;01/09/2024;;FR;;N;N;N`,
        `0555555;441;${marc};CERTIFIE;BLANC;;MARC;M;12/05/1985;75112;ALLOCATAIRE;01/09/2024;;FR;;N;N;N`,
      ),
    );
    await resolvePersons(pdb, '2025-02-01');
    await importFile(
      pdb,
      file(
        'caf_membres_20250531.csv',
        MEMBRES,
        `0412873;441;${lea};CERTIFIE;ROUX;;LEA;F;27/06/1987;08105;ALLOCATAIRE;01/09/2024;;FR;;N;N;N`,
      ),
    );
    await importFile(
      pdb,
      file(
        'beneficiaires_CNAM_20250531.csv',
        BENEF,
        `CNAM;C2S;${lea};ROUX;LEA;F;27/07/1987;08105;C2S-1;O;;O;;01/04/2025;31/03/2026;EN_COURS;01/04/2025`,
      ),
    );
    await resolvePersons(pdb, '2025-06-01');
  });
  afterAll(async () => {
    await pdb.close();
    rmSync(pdir, { recursive: true, force: true });
  });

  it('deletes the values read from a purged snapshot, the persons left with none, and their conflicts', async () => {
    const plan = await planPurge(pdb, { keepSnapshots: 1, retentionMonths: 1, quarantineMonths: 3 }, '2025-07-15');
    expect(plan.files.map((f) => f.fileName)).toEqual(['caf_membres_20250131.csv']);
    expect(await applyPurge(pdb, plan)).toMatchObject({ files: 1, persons: 1, personValues: 10, identityConflicts: 0 });
    const persons = await pdb.kysely.selectFrom('person').select('nir').execute();
    expect(persons.map((p) => p.nir)).toEqual([lea]);
    const left = await pdb.kysely
      .selectFrom('person_value')
      .select(['agency', 'extracted_on'])
      .distinct()
      .orderBy('agency')
      .execute();
    expect(left).toEqual([
      { agency: 'caf', extracted_on: '2025-05-31' },
      { agency: 'payeurs', extracted_on: '2025-05-31' },
    ]);
    // Léa's birth-date conflict (CAF and CNAM of May) stays while both snapshots do.
    const conflicts = await pdb.kysely.selectFrom('identity_conflict').select(['kind', 'nir']).execute();
    expect(conflicts).toEqual([{ kind: 'NIR_DATES_NAISSANCE_DIFFERENTES', nir: lea }]);
  });

  it('deletes a conflict once the snapshots of the persons it names are purged', async () => {
    const plan = await planPurge(pdb, { keepSnapshots: 0, retentionMonths: 0, quarantineMonths: 3 }, '2025-07-15');
    expect(plan.files.map((f) => f.fileName).sort()).toEqual([
      'beneficiaires_CNAM_20250531.csv',
      'caf_membres_20250531.csv',
    ]);
    expect(await applyPurge(pdb, plan)).toMatchObject({ persons: 1, identityConflicts: 1 });
    expect(await pdb.kysely.selectFrom('person_value').select('person_id').execute()).toEqual([]);
  });
});
