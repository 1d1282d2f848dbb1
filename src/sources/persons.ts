import { sql } from 'kysely';
import type { Kdb } from '../db/database.ts';
import type { Db } from '../db/open.ts';

export interface PersonsReport {
  readonly persons: number;
  readonly withNir: number;
  readonly traitsOnly: number;
  readonly values: number;
  readonly conflicts: Readonly<Record<string, number>>;
  readonly newConflicts: number;
}

/** Whether two birth-place keys may name the same place (SQL twin of `placesCompatible`). */
const compatibleSql = (a: string, b: string) =>
  `(${a} is null or ${b} is null or starts_with(${a}, ${b}) or starts_with(${b}, ${a}))`;
const compatible = (a: string, b: string) => sql.raw(compatibleSql(a, b));

/**
 * The persons a row without NIR (traits and place of `g`) may be. First the persons with NIR
 * whose birth place is compatible; only when there is none, the persons without NIR whose place
 * is at least as precise (one that stands alone because it fit several never draws in a row
 * that knows more). A NIR person found later wins over a person without NIR made earlier: the
 * result does not depend on the order the files came in.
 */
const nirFits = (g: string) =>
  sql.raw(`(select count(*) from person p where p.nir is not null and p.traits_key = ${g}.traits_key
    and ${compatibleSql('p.lieu_naissance_cle', `${g}.lieu`)})`);
const freeFits = (g: string) =>
  sql.raw(`(select count(*) from person p where p.nir is null and p.traits_key = ${g}.traits_key
    and (${g}.lieu is null or starts_with(p.lieu_naissance_cle, ${g}.lieu)))`);

/**
 * Builds the table of persons across agencies at `asOf` (set-based SQL, one transaction):
 * the NIR is the pivot (temporary NIR 7/8 never are). A row without NIR joins the one person
 * whose traits it shares: same normalised birth name, first given name and birth date, and a
 * compatible birth place (`birthPlaceKey`: the commune the COG names today, whatever code each
 * agency holds; an unknown place is compatible with any). When none does, it makes a person of
 * its own, one per birth place (rows whose place is less precise join the one precise place
 * they fit); when several do, it stands alone rather than be merged with one of them.
 * Each value is kept with its agency and extract date. Conflicts — one NIR with different birth
 * dates or incompatible birth places, one set of traits and birth place with several NIR — are
 * recorded and reported, never merged silently. Namesakes born the same day in different places
 * are two persons, not a conflict.
 */
export async function resolvePersons(db: Db, asOf: string): Promise<PersonsReport> {
  return db.transaction(async (tx) => {
    const k = tx.kysely;
    // The snapshots this run reads; when the last run read the same, there is nothing new to match.
    // (A corrected file for the same date is a new file: its id is part of what was read.)
    const snapshots = await sql<{ agency: string; extract: string; extracted_on: string; import_id: number }>`
      select agency, extract, extracted_on, import_id from (
        select g.*, rank() over (partition by agency, extract order by extracted_on desc) as r from (
          select f.agency, ${snapshotExtract('f')} as extract, f.extracted_on, max(f.id) as import_id
          from import_file f
          where f.purged_at is null and f.extracted_on <= ${asOf}
            and (f.agency, f.extract) in (('caf', 'membres'), ('dgfip', 'foyers'), ('payeurs', 'beneficiaires'))
          group by 1, 2, 3) g) latest
      where r = 1`.execute(k);
    const done = await k
      .selectFrom('person_snapshot')
      .select(['agency', 'extract', 'extracted_on', 'import_id'])
      .execute();
    const key = (s: { agency: string; extract: string; extracted_on: string; import_id: number }) =>
      `${s.agency}|${s.extract}|${s.extracted_on}|${s.import_id}`;
    const seen = new Set(done.map(key));
    if (snapshots.rows.length > 0 && snapshots.rows.every((s) => seen.has(key(s)))) return report(k, 0, null);
    await sql`
      create temporary table ident on commit drop as
      select 'caf' as agency, 'membres' as extract, snapshot_date as extracted_on,
             case when nir ~ '^[12]' then nir end as nir, traits_key, lieu_naissance_cle as lieu,
             nom_naissance, prenoms, sexe, date_naissance, code_lieu_naissance
      from caf_membre where snapshot_date = (select max(snapshot_date) from caf_membre where snapshot_date <= ${asOf})
      union all
      select 'dgfip', 'foyers', snapshot_date, case when nir ~ '^[12]' then nir end, traits_key, lieu_naissance_cle,
             nom_naissance, prenoms, sexe, date_naissance, code_lieu_naissance
      from dgfip_personne where snapshot_date = (select max(snapshot_date) from dgfip_personne where snapshot_date <= ${asOf})
      union all
      select 'payeurs', 'beneficiaires_' || lower(b.payeur), b.snapshot_date, case when b.nir ~ '^[12]' then b.nir end, b.traits_key,
             b.lieu_naissance_cle, b.nom_naissance, b.prenoms, b.sexe, b.date_naissance, b.code_lieu_naissance
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
      with multi as (
        select nir from ident where nir is not null and lieu is not null group by nir having count(distinct lieu) > 1),
      bad as (
        select distinct a.nir from ident a join multi m on m.nir = a.nir join ident b on b.nir = a.nir
        where a.lieu < b.lieu and not ${compatible('a.lieu', 'b.lieu')})
      select 'NIR_LIEUX_NAISSANCE_DIFFERENTS', i.nir, '',
             jsonb_build_object('lieux', jsonb_agg(distinct jsonb_build_object('code', i.code_lieu_naissance, 'organisme', i.agency)),
                                'organismes', jsonb_agg(distinct i.agency)), ${asOf}
      from ident i join bad on bad.nir = i.nir where i.lieu is not null group by i.nir
      on conflict (kind, nir, traits_key) do nothing`.execute(k);
    await sql`
      insert into identity_conflict (kind, nir, traits_key, detail, detected_on)
      with multi as (
        select traits_key from ident where nir is not null and traits_key is not null
        group by traits_key having count(distinct nir) > 1),
      pairs as (
        select a.traits_key, a.nir as n1, a.agency as g1, b.nir as n2, b.agency as g2
        from ident a join multi m on m.traits_key = a.traits_key join ident b on b.traits_key = a.traits_key
        where a.nir < b.nir and ${compatible('a.lieu', 'b.lieu')}),
      named as (select traits_key, n1 as nir, g1 as agency from pairs union all select traits_key, n2, g2 from pairs)
      select 'TRAITS_PLUSIEURS_NIR', '', traits_key,
             jsonb_build_object('nir', jsonb_agg(distinct nir), 'organismes', jsonb_agg(distinct agency)), ${asOf}
      from named group by traits_key
      on conflict (kind, nir, traits_key) do nothing`.execute(k);

    // A person per NIR, with the most precise birth place its rows give (conflicts are recorded above).
    await sql`
      insert into person (nir, traits_key, lieu_naissance_cle, built_on)
      select nir, min(traits_key), (array_agg(lieu order by length(lieu) desc, lieu) filter (where lieu is not null))[1], ${asOf}
      from ident where nir is not null group by nir
      on conflict (nir) do update set lieu_naissance_cle = excluded.lieu_naissance_cle
        where person.lieu_naissance_cle is null`.execute(k);
    await sql`
      create temporary table sans_nir on commit drop as
      select distinct traits_key, lieu from ident where nir is null and traits_key is not null`.execute(k);
    // First the places no other row of the same traits makes more precise, when no person fits them;
    await sql`
      insert into person (nir, traits_key, lieu_naissance_cle, built_on)
      select null, g.traits_key, g.lieu, ${asOf}::date from sans_nir g
      where ${nirFits('g')} = 0 and ${freeFits('g')} = 0
        and not exists (select 1 from sans_nir o
                        where o.traits_key = g.traits_key and o.lieu is not null and o.lieu is distinct from g.lieu
                          and (g.lieu is null or starts_with(o.lieu, g.lieu)))`.execute(k);
    // then the rows that fit no person, or several: a person of their own (never one of the several).
    await sql`
      insert into person (nir, traits_key, lieu_naissance_cle, built_on)
      select null, g.traits_key, g.lieu, ${asOf}::date from sans_nir g
      where (${nirFits('g')} > 1 or (${nirFits('g')} = 0 and ${freeFits('g')} <> 1))
        and not exists (select 1 from person p where p.nir is null and p.traits_key = g.traits_key
                        and p.lieu_naissance_cle is not distinct from g.lieu)`.execute(k);
    const values = await sql`
      insert into person_value (person_id, field, value, agency, extract, extracted_on)
      select p.id, f.field, f.value, i.agency, i.extract, i.extracted_on
      from ident i
      join lateral (
        select id from (
          select p.id, 0 as rank from person p where i.nir is not null and p.nir = i.nir
          union all
          select c.id, 1 from (
            select p.id, count(*) over () as n from person p
            where i.nir is null and p.nir is not null and p.traits_key = i.traits_key
              and ${compatible('p.lieu_naissance_cle', 'i.lieu')}) c
          where c.n = 1
          union all
          select c.id, 2 from (
            select p.id, count(*) over () as n from person p
            where i.nir is null and p.nir is null and p.traits_key = i.traits_key
              and (i.lieu is null or starts_with(p.lieu_naissance_cle, i.lieu))) c
          where c.n = 1 and ${nirFits('i')} = 0
          union all
          select p.id, 3 from person p where i.nir is null and p.nir is null and p.traits_key = i.traits_key
            and p.lieu_naissance_cle is not distinct from i.lieu) c
        order by rank limit 1) p on true
      cross join lateral (values ('nom_naissance', i.nom_naissance), ('prenoms', i.prenoms), ('sexe', i.sexe),
                                 ('date_naissance', i.date_naissance), ('code_lieu_naissance', i.code_lieu_naissance)) as f(field, value)
      on conflict (person_id, field, agency, extract, extracted_on) do nothing`.execute(k);

    if (snapshots.rows.length)
      await k
        .insertInto('person_snapshot')
        .values(snapshots.rows.map((s) => ({ ...s, resolved_on: asOf })))
        .onConflict((oc) =>
          oc
            .columns(['agency', 'extract', 'extracted_on'])
            .doUpdateSet((eb) => ({ import_id: eb.ref('excluded.import_id'), resolved_on: asOf })),
        )
        .execute();
    return report(k, Number(values.numAffectedRows ?? 0), before);
  });
}

/** The counts of the table of persons: `values` written now, conflicts beyond `conflictsBefore` new (none when null). */
async function report(k: Kdb, values: number, conflictsBefore: number | null): Promise<PersonsReport> {
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
    values,
    conflicts: Object.fromEntries(conflicts.rows.map((r) => [r.kind, r.n])),
    newConflicts: conflictsBefore === null ? 0 : after - conflictsBefore,
  };
}

/**
 * The extract a person's value is kept under for a file `f` of the import register: its extract,
 * or for a payer's list `beneficiaires_<payer>` (the payer is in the file's name).
 */
export function snapshotExtract(f: string) {
  return sql.raw(`(case when ${f}.agency = 'payeurs'
    then 'beneficiaires_' || lower(substring(${f}.file_name from '(?i)^beneficiaires_([a-z]+)_'))
    else ${f}.extract end)`);
}
