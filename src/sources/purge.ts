import { sql } from 'kysely';
import type { Kdb } from '../db/database.ts';
import type { Db } from '../db/open.ts';
import { addMonths, monthOf } from '../rules/dates.ts';
import { snapshotExtract } from './persons.ts';

export interface PurgePolicy {
  /** Snapshots kept per agency extract, whatever their age (life events compare the last two). */
  readonly keepSnapshots: number;
  /** Older snapshots beyond that are deleted once older than this many months. */
  readonly retentionMonths: number;
  /** Quarantined raw lines (personal data) are blanked after this many months. */
  readonly quarantineMonths: number;
}

export const DEFAULT_PURGE: PurgePolicy = { keepSnapshots: 3, retentionMonths: 13, quarantineMonths: 3 };

export interface PurgePlan {
  readonly files: readonly { id: number; fileName: string; agency: string; extract: string; extractedOn: string }[];
  readonly quarantineBefore: string;
}

/**
 * Which imported files are past retention (read + pure choice): for each agency extract, all
 * but the newest `keepSnapshots` snapshots, when older than `retentionMonths` before `today`.
 */
export async function planPurge(db: Db, policy: PurgePolicy, today: string): Promise<PurgePlan> {
  const limit = `${addMonths(monthOf(today), -policy.retentionMonths)}-01`;
  const rows = await sql<{
    id: number;
    file_name: string;
    agency: string;
    extract: string;
    extracted_on: string;
    rank: number;
  }>`
    select id, file_name, agency, extract, extracted_on, rank from (
      select id, file_name, agency, extract, extracted_on,
             dense_rank() over (partition by agency, extract order by extracted_on desc) as rank
      from import_file) f
    where rank > ${policy.keepSnapshots} and extracted_on < ${limit}
      and id not in (select id from import_file where purged_at is not null)
    order by extracted_on, id`.execute(db.kysely);
  return {
    files: rows.rows.map((r) => ({
      id: r.id,
      fileName: r.file_name,
      agency: r.agency,
      extract: r.extract,
      extractedOn: r.extracted_on,
    })),
    quarantineBefore: `${addMonths(monthOf(today), -policy.quarantineMonths)}-01`,
  };
}

/**
 * Deletes the planned snapshots (their staging rows go with them, and the persons' values read
 * from them: `purgePersons`) and blanks the raw lines of old quarantined rows, keeping line,
 * field and reason for the record. One transaction.
 * The content hash of a purged file is kept, so that the same file dropped again is still
 * recognised as already imported.
 */
export async function applyPurge(
  db: Db,
  plan: PurgePlan,
): Promise<{
  files: number;
  rows: number;
  personValues: number;
  persons: number;
  identityConflicts: number;
  quarantineBlanked: number;
}> {
  return db.transaction(async (tx) => {
    let rows = 0;
    const ids = plan.files.map((f) => f.id);
    if (ids.length) {
      for (const t of [
        'caf_foyer',
        'caf_membre',
        'caf_droit',
        'dgfip_personne',
        'gipmds_ressource',
        'beneficiaire',
      ] as const) {
        const r = await tx.kysely.deleteFrom(t).where('import_id', 'in', ids).executeTakeFirst();
        rows += Number(r.numDeletedRows ?? 0);
        // Each file's rows have a partition of their own (migration 0011): now empty, it goes.
        for (const id of ids) await sql.raw(`drop table if exists ${t}_f${Number(id)}`).execute(tx.kysely);
      }
      await tx.kysely.updateTable('rejected_row').set({ raw: '' }).where('import_id', 'in', ids).execute();
      await tx.kysely
        .updateTable('import_file')
        .set({ purged_at: new Date().toISOString() })
        .where('id', 'in', ids)
        .execute();
    }
    const persons = await purgePersons(tx.kysely);
    const q = await sql`
      update rejected_row r set raw = '' from import_file f
      where r.import_id = f.id and f.imported_at < ${plan.quarantineBefore} and r.raw <> ''`.execute(tx.kysely);
    return { files: ids.length, rows, ...persons, quarantineBlanked: Number(q.numAffectedRows ?? 0) };
  });
}

/**
 * The table of persons is built from the snapshots (`resolvePersons`): a value goes with the
 * snapshot it was read from, a person with their last value, an identity conflict with the
 * persons it names. Names, birth dates and places are not kept longer than the extracts were.
 */
async function purgePersons(k: Kdb): Promise<{ personValues: number; persons: number; identityConflicts: number }> {
  // A value's snapshot: its agency, extract (payers: `beneficiaires_<payer>`, from the file's name) and date.
  const held = (t: 'v' | 's') => {
    const c = (column: string) => sql.raw(`${t}.${column}`);
    return sql`exists (select 1 from import_file f
      where f.purged_at is null and f.agency = ${c('agency')} and f.extracted_on = ${c('extracted_on')}
        and ${snapshotExtract('f')} = ${c('extract')})`;
  };
  const values = await sql`delete from person_value v where not ${held('v')}`.execute(k);
  await sql`delete from person_snapshot s where not ${held('s')}`.execute(k);
  const persons = await sql`
    delete from person p where not exists (select 1 from person_value v where v.person_id = p.id)`.execute(k);
  // A conflict of traits names its NIR in its detail (a NIR person's traits_key is one of its rows').
  const conflicts = await sql`
    delete from identity_conflict c
    where not (c.nir <> '' and exists (select 1 from person p where p.nir = c.nir))
      and not (c.nir = '' and (exists (select 1 from person p where p.traits_key = c.traits_key)
                               or exists (select 1 from jsonb_array_elements_text(c.detail->'nir') n(nir)
                                          join person p on p.nir = n.nir)))`.execute(k);
  return {
    personValues: Number(values.numAffectedRows ?? 0),
    persons: Number(persons.numAffectedRows ?? 0),
    identityConflicts: Number(conflicts.numAffectedRows ?? 0),
  };
}
