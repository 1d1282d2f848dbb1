import { sql } from 'kysely';
import type { Db } from '../db/open.ts';

export interface PersonsReport {
  readonly persons: number;
  readonly withNir: number;
  readonly traitsOnly: number;
  readonly values: number;
  readonly conflicts: Readonly<Record<string, number>>;
  readonly newConflicts: number;
}

/**
 * Builds the table of persons across agencies at `asOf` (set-based SQL, one transaction):
 * the NIR is the pivot (temporary NIR 7/8 never are); a row without NIR joins the person whose
 * normalised traits it shares when exactly one does, else stands alone. Each value is kept with
 * its agency and extract date. Conflicts — one NIR with different birth dates, one set of traits
 * with several NIR — are recorded and reported, never merged silently.
 */
export async function resolvePersons(db: Db, asOf: string): Promise<PersonsReport> {
  return db.transaction(async (tx) => {
    const k = tx.kysely;
    await sql`
      create temporary table ident on commit drop as
      select 'caf' as agency, 'membres' as extract, snapshot_date as extracted_on,
             case when nir ~ '^[12]' then nir end as nir, traits_key, nom_naissance, prenoms, sexe, date_naissance
      from caf_membre where snapshot_date = (select max(snapshot_date) from caf_membre where snapshot_date <= ${asOf})
      union all
      select 'dgfip', 'foyers', snapshot_date, case when nir ~ '^[12]' then nir end, traits_key, nom_naissance, prenoms, sexe, date_naissance
      from dgfip_personne where snapshot_date = (select max(snapshot_date) from dgfip_personne where snapshot_date <= ${asOf})
      union all
      select 'payeurs', 'beneficiaires_' || lower(b.payeur), b.snapshot_date, case when b.nir ~ '^[12]' then b.nir end, b.traits_key,
             b.nom_naissance, b.prenoms, b.sexe, b.date_naissance
      from beneficiaire b
      join (select payeur, max(snapshot_date) as d from beneficiaire where snapshot_date <= ${asOf} group by payeur) l
        on l.payeur = b.payeur and l.d = b.snapshot_date
      where b.traits_key is not null or b.nir is not null`.execute(k);

    const before = Number(
      (
        await k
          .selectFrom('identity_conflict')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    await sql`
      insert into identity_conflict (kind, nir, traits_key, detail, detected_on)
      select 'NIR_DATES_NAISSANCE_DIFFERENTES', nir, '',
             jsonb_build_object('dates', jsonb_agg(distinct jsonb_build_object('date', date_naissance, 'organisme', agency))), ${asOf}
      from ident where nir is not null group by nir having count(distinct date_naissance) > 1
      on conflict (kind, nir, traits_key) do nothing`.execute(k);
    await sql`
      insert into identity_conflict (kind, nir, traits_key, detail, detected_on)
      select 'TRAITS_PLUSIEURS_NIR', '', traits_key,
             jsonb_build_object('nir', jsonb_agg(distinct nir), 'organismes', jsonb_agg(distinct agency)), ${asOf}
      from ident where nir is not null and traits_key is not null group by traits_key having count(distinct nir) > 1
      on conflict (kind, nir, traits_key) do nothing`.execute(k);

    await sql`
      insert into person (nir, traits_key, built_on)
      select nir, min(traits_key), ${asOf} from ident where nir is not null group by nir
      on conflict (nir) do nothing`.execute(k);
    // Rows without NIR: the person whose traits they share when exactly one does, else a person of their own.
    await sql`
      insert into person (nir, traits_key, built_on)
      select distinct null::text, i.traits_key, ${asOf}::date from ident i
      where i.nir is null and i.traits_key is not null
        and not exists (select 1 from person p where p.traits_key = i.traits_key)`.execute(k);
    const values = await sql`
      insert into person_value (person_id, field, value, agency, extract, extracted_on)
      select p.id, f.field, f.value, i.agency, i.extract, i.extracted_on
      from ident i
      join lateral (
        select id from person p where (i.nir is not null and p.nir = i.nir)
           or (i.nir is null and p.traits_key = i.traits_key
               and (select count(*) from person q where q.traits_key = i.traits_key) = 1)
        limit 1) p on true
      cross join lateral (values ('nom_naissance', i.nom_naissance), ('prenoms', i.prenoms), ('sexe', i.sexe),
                                 ('date_naissance', i.date_naissance)) as f(field, value)
      on conflict (person_id, field, agency, extract, extracted_on) do nothing`.execute(k);

    const counts = await sql<{ persons: number; with_nir: number }>`
      select count(*)::int as persons, count(nir)::int as with_nir from person`.execute(k);
    const conflicts = await sql<{ kind: string; n: number }>`
      select kind, count(*)::int as n from identity_conflict group by kind order by kind`.execute(k);
    const after = conflicts.rows.reduce((t, r) => t + r.n, 0);
    const c = counts.rows[0] ?? { persons: 0, with_nir: 0 };
    return {
      persons: c.persons,
      withNir: c.with_nir,
      traitsOnly: c.persons - c.with_nir,
      values: Number(values.numAffectedRows ?? 0),
      conflicts: Object.fromEntries(conflicts.rows.map((r) => [r.kind, r.n])),
      newConflicts: after - before,
    };
  });
}
