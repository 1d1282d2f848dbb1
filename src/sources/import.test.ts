import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../db/open.ts';
import { importFile } from './import.ts';

const MEMBRES =
  'numero_allocataire;code_organisme;nir;nir_statut;nom_naissance;nom_usage;prenoms;sexe;date_naissance;code_lieu_naissance;role;date_entree;date_sortie;nationalite;titre_sejour_depuis;etudiant;grossesse;garde_alternee';
// Valid NIRs (keys computed by hand: 97 − (13 digits mod 97)).
const LEA = '0412873;441;287060810521410;CERTIFIE;ROUX;;LEA MARIE;F;27/06/1987;08105;ALLOCATAIRE;01/09/2024;;FR;;N;N;N';
const ALEXIS =
  '0412873;441;116047511287353;CERTIFIE;ROUX;;ALEXIS VINCENT;M;20/04/2016;75112;ENFANT;01/09/2024;;FR;;N;N;N';
const LUCAS = '0098761;201;112022A00408831;CERTIFIE;SANTONI;;LUCAS;M;08/02/2012;2A004;ENFANT;15/03/2012;;FR;;N;N;N';
const FOYERS =
  'regime;code_organisme;numero_allocataire;situation_familiale;date_situation;adresse_l1;adresse_l2;adresse_l3;adresse_l4;adresse_l5;adresse_l6;adresse_l7;code_postal;commune_acheminement;code_commune_insee;statut_logement;quotient_familial;qf_mois;qf_mois_calcul;courriel;telephone';

const dir = mkdtempSync(join(tmpdir(), 'proactif-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let db: Db;
beforeEach(async () => {
  await db?.close();
  db = await openDatabase({ dataDir: 'memory' });
});
afterAll(() => db?.close());

function write(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
async function quarantine() {
  return db.kysely
    .selectFrom('rejected_row')
    .select(['line_no', 'field', 'code', 'reason'])
    .orderBy('line_no')
    .execute();
}

describe('importing real-world extracts', () => {
  it('quarantines a NIR with a wrong key, naming line, field and reason; keeps the good rows', async () => {
    const bad = LEA.replace('287060810521410', '287060810521411');
    const r = await importFile(db, write('caf_membres_20250831.csv', csv(MEMBRES, bad, ALEXIS)), {
      maxRejectRate: 0.6,
    });
    expect(r).toMatchObject({ status: 'imported', read: 2, accepted: 1, rejected: 1 });
    expect(await quarantine()).toEqual([
      {
        line_no: 2,
        field: 'nir',
        code: 'NIR_CLE',
        reason: 'nir : la clé du NIR ne correspond pas au numéro (erreur de saisie ?)',
      },
    ]);
  });

  it('accepts a Corsican NIR (2A read as 19 for the key) and refuses one whose key was computed naively', async () => {
    const naive = LUCAS.replace('112022A00408831', '112022A00408818');
    const r = await importFile(db, write('caf_membres_20250901.csv', csv(MEMBRES, LUCAS, naive)), {
      maxRejectRate: 0.6,
    });
    expect(r).toMatchObject({ accepted: 1, rejected: 1, rejectedByCode: { NIR_CLE: 1 } });
  });

  it('keeps one copy of an exact duplicate line and quarantines two contradictory lines for one person', async () => {
    const other = LEA.replace('ROUX;;LEA MARIE', 'ROUX;MARTIN;LEA MARIE');
    const r = await importFile(db, write('caf_membres_20250902.csv', csv(MEMBRES, ALEXIS, ALEXIS, LEA, other)), {
      maxRejectRate: 0.6,
    });
    expect(r).toMatchObject({
      read: 4,
      duplicates: 1,
      accepted: 1,
      rejected: 2,
      rejectedByCode: { DOUBLON_CONTRADICTOIRE: 2 },
    });
    const rows = await db.kysely.selectFrom('caf_membre').select('prenoms').execute();
    expect(rows).toEqual([{ prenoms: 'ALEXIS VINCENT' }]);
    const quarantined = await db.kysely
      .selectFrom('rejected_row')
      .select(['line_no', 'field', 'raw'])
      .where('file_name', '=', 'caf_membres_20250902.csv')
      .orderBy('line_no')
      .execute();
    expect(quarantined.map((q) => [q.line_no, q.field])).toEqual([
      [4, 'code_organisme,numero_allocataire,nir'],
      [5, 'code_organisme,numero_allocataire,nir'],
    ]);
    expect(JSON.parse(quarantined[1]?.raw ?? '{}')).toMatchObject({ nom_usage: 'MARTIN', prenoms: 'LEA MARIE' });
  });

  it('removes a payment repeated in a later GIP-MDS line one row at a time, keeping the new payments of that line', async () => {
    const pay = (id: string, montant: string) => ({
      id_versement: `DSN-68005776700963-2025-07-${id}`,
      source: 'DSN',
      nature: 'SALAIRE',
      declarant_siret: '68005776700963',
      date_versement: '31/07/2025',
      periode_debut: '01/07/2025',
      periode_fin: '31/07/2025',
      montant_net_social: montant,
      montant_net_fiscal: montant,
      statut: 'NORMAL',
    });
    const line = (...ressources: object[]) => JSON.stringify({ nir: '287060810521410', mois: '2025-07', ressources });
    const [a, b, c, d] = [pay('A', '100,00'), pay('B', '200,00'), pay('C', '300,00'), pay('D', '400,00')];
    // Line 2 repeats A and brings C; line 3 holds D twice.
    const file = write('gipmds_ressources_20250831.jsonl', `${[line(a, b), line(a, c), line(d, d)].join('\n')}\n`);
    const r = await importFile(db, file);
    expect(r).toMatchObject({ status: 'imported', read: 3, accepted: 3, rejected: 0, duplicates: 2 });
    const rows = await db.kysely
      .selectFrom('gipmds_ressource')
      .select(['id_versement', 'line_no'])
      .orderBy('id_versement')
      .execute();
    expect(rows.map((x) => `${x.id_versement.slice(-1)}@${x.line_no}`)).toEqual(['A@1', 'B@1', 'C@2', 'D@3']);
  });

  it('reads a windows-1252 file with accents and a UTF-8 file with a BOM alike', async () => {
    const line = LEA.replace('LEA MARIE', 'LÉA MARIE').replace('ROUX;;', 'ROUX;D’ALMEIDA;');
    await importFile(db, write('caf_membres_20250903.csv', iconv.encode(csv(MEMBRES, line), 'win1252')));
    await importFile(db, write('caf_membres_20250904.csv', Buffer.from(`\ufeff${csv(MEMBRES, line)}`, 'utf8')));
    const rows = await db.kysely.selectFrom('caf_membre').select(['prenoms', 'nom_usage']).execute();
    expect(rows).toEqual([
      { prenoms: 'LÉA MARIE', nom_usage: 'D’ALMEIDA' },
      { prenoms: 'LÉA MARIE', nom_usage: 'D’ALMEIDA' },
    ]);
  });

  it('keeps semicolons, quotes and line breaks inside quoted fields', async () => {
    const row =
      'CNAF;441;0412873;ISOLE;01/09/2024;Madame Léa ROUX;"APPT 3; BAT ""B""\r\nRESIDENCE";;42 RUE DE LA PAIX;;44000 NANTES;;44000;NANTES;44109;LOCATAIRE;512;2026-10;2026-06;;';
    const r = await importFile(db, write('caf_foyers_20250831.csv', csv(FOYERS, row)));
    expect(r).toMatchObject({ accepted: 1, rejected: 0 });
    const f = await db.kysely
      .selectFrom('caf_foyer')
      .select(['adresse_l2', 'quotient_familial'])
      .executeTakeFirstOrThrow();
    expect(f).toEqual({ adresse_l2: 'APPT 3; BAT "B"\r\nRESIDENCE', quotient_familial: 512 });
  });

  it('keeps backslashes and tabs in values as written, in CSV and in JSON lines', async () => {
    const row =
      'CNAF;441;0412873;ISOLE;01/09/2024;Madame Léa ROUX;BAT\\A\tESC 2;;42 RUE DE LA PAIX;;44000 NANTES;;44000;NANTES;44109;LOCATAIRE;512;2026-10;2026-06;;';
    await importFile(db, write('caf_foyers_20250831.csv', csv(FOYERS, row)));
    const f = await db.kysely.selectFrom('caf_foyer').select('adresse_l2').executeTakeFirstOrThrow();
    expect(f.adresse_l2).toBe('BAT\\A\tESC 2');
    const payment = {
      id_versement: 'DSN\\2025-07\tA',
      source: 'DSN',
      nature: 'SALAIRE',
      declarant_siret: '68005776700963',
      date_versement: '31/07/2025',
      montant_net_social: '100,00',
      statut: 'NORMAL',
    };
    const line = JSON.stringify({ nir: '287060810521410', mois: '2025-07', ressources: [payment] });
    await importFile(db, write('gipmds_ressources_20250831.jsonl', `${line}\n`));
    const g = await db.kysely.selectFrom('gipmds_ressource').select('id_versement').executeTakeFirstOrThrow();
    expect(g.id_versement).toBe('DSN\\2025-07\tA');
  });

  it('refuses a file whose quote is never closed, naming the line, with nothing imported', async () => {
    const ok = 'CNAF;441;0412873;ISOLE;01/09/2024;;;;;;;;44000;NANTES;44109;LOCATAIRE;512;2026-10;2026-06;;';
    const stray = 'CNAF;441;0412874;ISOLE;01/09/2024;"APPT 3;;;;;;;44000;NANTES;44109;LOCATAIRE;512;2026-10;2026-06;;';
    await expect(importFile(db, write('caf_foyers_20250830.csv', csv(FOYERS, ok, stray, ok)))).rejects.toThrow(
      /ligne 3 : guillemet ouvert jamais fermé : fichier refusé, rien importé/,
    );
    expect(await db.kysely.selectFrom('caf_foyer').select('line_no').execute()).toEqual([]);
  });

  it('reads decimal commas with NBSP thousands; accepts a negative recovery but refuses a negative quotient', async () => {
    const droits = 'numero_allocataire;code_organisme;mois;prestation;montant;majoration;date_debut_droit;statut';
    const r = await importFile(
      db,
      write(
        'caf_droits_20250831.csv',
        csv(
          droits,
          '0412873;441;2025-07;AF;1\u00a0234,56;;01/09/2024;EN_COURS',
          '0412873;441;2025-07;PPA;-35,20;N;01/01/2025;EN_COURS',
        ),
      ),
    );
    expect(r).toMatchObject({ accepted: 2, rejected: 0 });
    const amounts = await db.kysely.selectFrom('caf_droit').select('montant').orderBy('line_no').execute();
    expect(amounts.map((a) => a.montant)).toEqual([1234.56, -35.2]);
    const neg = 'CNAF;441;0412873;ISOLE;01/09/2024;;;;;;;;44000;NANTES;44109;LOCATAIRE;-5;2026-10;2026-06;;';
    const q = await importFile(db, write('caf_foyers_20250901.csv', csv(FOYERS, neg)), { maxRejectRate: 1 });
    expect(q).toMatchObject({ rejected: 1, rejectedByCode: { MONTANT_NEGATIF: 1 } });
  });

  it('refuses a birth in the future, 31/02 and an unknown role, each with its reason', async () => {
    const future = ALEXIS.replace('20/04/2016', '01/01/2031');
    const impossible = LEA.replace('27/06/1987', '31/02/1987');
    const role = LUCAS.replace(';ENFANT;', ';CONCUBIN;');
    const r = await importFile(db, write('caf_membres_20250905.csv', csv(MEMBRES, future, impossible, role)), {
      maxRejectRate: 1,
    });
    expect(r).toMatchObject({ accepted: 0, rejected: 3 });
    const q = await quarantine();
    expect(q.map((x) => [x.line_no, x.field, x.code])).toEqual([
      [2, 'date_naissance', 'DATE_FUTURE'],
      [3, 'date_naissance', 'DATE_INVALIDE'],
      [4, 'role', 'VALEUR_INCONNUE'],
    ]);
    expect(q[2]?.reason).toContain('CONCUBIN');
  });

  it('quarantines the same rows when they wait on disk rather than in memory (a file full of errors)', async () => {
    const future = ALEXIS.replace('20/04/2016', '01/01/2031');
    const impossible = LEA.replace('27/06/1987', '31/02/1987');
    const role = LUCAS.replace(';ENFANT;', ';CONCUBIN;');
    // One row in memory at most: the three rejected lines go through the temporary file.
    const r = await importFile(db, write('caf_membres_20250905.csv', csv(MEMBRES, future, impossible, role)), {
      maxRejectRate: 1,
      spillRows: 1,
    });
    expect(r).toMatchObject({ accepted: 0, rejected: 3 });
    const q = await db.kysely
      .selectFrom('rejected_row')
      .select(['line_no', 'code', 'raw'])
      .orderBy('line_no')
      .execute();
    expect(q.map((x) => [x.line_no, x.code])).toEqual([
      [2, 'DATE_FUTURE'],
      [3, 'DATE_INVALIDE'],
      [4, 'VALEUR_INCONNUE'],
    ]);
    expect(q[2]?.raw).toBe(role);
  });

  it('keeps with a warning a NIR whose sex digit contradicts the sex column, and two ALLOCATAIRE in one case', async () => {
    const wrongSex = LEA.replace(';LEA MARIE;F;', ';LEA MARIE;M;');
    const second = ALEXIS.replace(';ENFANT;', ';ALLOCATAIRE;');
    const r = await importFile(db, write('caf_membres_20250916.csv', csv(MEMBRES, wrongSex, second)));
    expect(r).toMatchObject({
      accepted: 2,
      rejected: 0,
      warnings: 3,
      warningsByCode: { NIR_SEXE_INCOHERENT: 1, DEUX_ALLOCATAIRES: 2 },
    });
    const w = await db.kysely
      .selectFrom('import_warning')
      .select(['line_no', 'code'])
      .orderBy('line_no')
      .orderBy('code')
      .execute();
    expect(w).toEqual([
      { line_no: 2, code: 'DEUX_ALLOCATAIRES' },
      { line_no: 2, code: 'NIR_SEXE_INCOHERENT' },
      { line_no: 3, code: 'DEUX_ALLOCATAIRES' },
    ]);
    // Written by the server after the load, with the same file, field and reason as the others.
    const two = await db.kysely
      .selectFrom('import_warning')
      .select(['file_name', 'field', 'reason'])
      .where('code', '=', 'DEUX_ALLOCATAIRES')
      .where('line_no', '=', 3)
      .executeTakeFirstOrThrow();
    expect(two).toEqual({
      file_name: 'caf_membres_20250916.csv',
      field: 'role',
      reason: 'role : deux allocataires dans le même dossier',
    });
  });

  it('keeps with a warning an address whose postal code does not serve the commune (official geography)', async () => {
    // 44000 is Nantes' postal code; 75115 is Paris 15e.
    const row =
      'CNAF;441;0412873;ISOLE;01/09/2024;;;;42 RUE DE LA PAIX;;44000 NANTES;;44000;NANTES;75115;LOCATAIRE;512;2026-10;2026-06;;';
    const r = await importFile(db, write('caf_foyers_20250919.csv', csv(FOYERS, row)));
    expect(r).toMatchObject({ accepted: 1, rejected: 0, warningsByCode: { ADRESSE_INCOHERENTE: 1 } });
  });

  it('refuses a file with a missing or an extra column before reading any row', async () => {
    const missing = write(
      'caf_membres_20250906.csv',
      csv(MEMBRES.replace(';garde_alternee', ''), LEA.replace(/;N$/, '')),
    );
    await expect(importFile(db, missing)).rejects.toThrow(/colonne\(s\) manquante\(s\) : garde_alternee/);
    const extra = write('caf_membres_20250907.csv', csv(`${MEMBRES};commentaire`, `${LEA};x`));
    await expect(importFile(db, extra)).rejects.toThrow(/colonne\(s\) inattendue\(s\) : commentaire/);
    expect(await db.kysely.selectFrom('import_file').selectAll().execute()).toEqual([]);
    expect(await db.kysely.selectFrom('caf_membre').selectAll().execute()).toEqual([]);
  });

  it('refuses an empty file; imports a header-only file as zero rows', async () => {
    await expect(importFile(db, write('caf_membres_20250908.csv', ''))).rejects.toThrow(/fichier vide/);
    const r = await importFile(db, write('caf_membres_20250909.csv', csv(MEMBRES)));
    expect(r).toMatchObject({ status: 'imported', read: 0, accepted: 0 });
  });

  it('quarantines a truncated last line and keeps the others', async () => {
    const content = `${MEMBRES}\r\n${LEA}\r\n${ALEXIS.slice(0, 40)}`;
    const r = await importFile(db, write('caf_membres_20250910.csv', content), { maxRejectRate: 0.6 });
    expect(r).toMatchObject({ accepted: 1, rejected: 1, rejectedByCode: { LIGNE_INCOMPLETE: 1 } });
  });

  it('refuses a truncated gzip whole, with nothing applied', async () => {
    const gz = gzipSync(csv(MEMBRES, LEA, ALEXIS, LUCAS));
    const p = write('caf_membres_20250911.csv.gz', gz.subarray(0, gz.length - 12));
    await expect(importFile(db, p)).rejects.toThrow(/gzip tronquée/);
    expect(await db.kysely.selectFrom('caf_membre').selectAll().execute()).toEqual([]);
    const ok = await importFile(db, write('caf_membres_20250912.csv.gz', gz));
    expect(ok).toMatchObject({ accepted: 3 });
  });

  it('refuses a file whose name has no date', async () => {
    await expect(importFile(db, write('caf_membres.csv', csv(MEMBRES, LEA)))).rejects.toThrow(
      /nom de fichier sans date/,
    );
  });

  it('skips the same content imported twice, even under another name', async () => {
    const content = csv(MEMBRES, LEA);
    await importFile(db, write('caf_membres_20250913.csv', content));
    const again = await importFile(db, write('caf_membres_20250914.csv', content));
    expect(again).toMatchObject({ status: 'skipped' });
    expect(again.status === 'skipped' && again.reason).toContain('caf_membres_20250913.csv');
  });

  it('gives the same rows, rejections and warnings when a worker thread validates', async () => {
    const bad = LEA.replace('287060810521410', '287060810521411');
    const lines = [MEMBRES, ALEXIS, LUCAS, bad, LEA.replace(';LEA MARIE;F;', ';LEA MARIE;M;')];
    const inline = await importFile(db, write('caf_membres_20250917.csv', csv(...lines)), {
      maxRejectRate: 1,
      workers: 0,
    });
    const other = await openDatabase({ dataDir: 'memory' });
    try {
      const threaded = await importFile(other, write('caf_membres_20250918.csv', csv(...lines)), {
        maxRejectRate: 1,
        workers: 1,
      });
      const { file: _a, extractedOn: _b, ...x } = inline as Extract<typeof inline, { status: 'imported' }>;
      const { file: _c, extractedOn: _d, ...y } = threaded as Extract<typeof threaded, { status: 'imported' }>;
      expect(y).toEqual(x);
      expect(x).toMatchObject({ accepted: 3, rejected: 1, warnings: 1 });
      const rows = async (d: Db) =>
        await d.kysely.selectFrom('caf_membre').select(['line_no', 'nir', 'prenoms']).orderBy('line_no').execute();
      expect(await rows(other)).toEqual(await rows(db));
    } finally {
      await other.close();
    }
  });

  it('refuses the whole file above the maximum reject rate, with nothing applied', async () => {
    const bad = LEA.replace('287060810521410', '287060810521411');
    await expect(importFile(db, write('caf_membres_20250915.csv', csv(MEMBRES, bad, ALEXIS)))).rejects.toThrow(
      /1 lignes rejetées sur 2 .*rien n'a été importé/,
    );
    expect(await db.kysely.selectFrom('rejected_row').selectAll().execute()).toEqual([]);
  });
});
