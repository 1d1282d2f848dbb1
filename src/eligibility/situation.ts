import { sql } from 'kysely';
import { getOrInit, recordOrInit } from '../collections.ts';
import type { Kdb } from '../db/database.ts';
import type { Contacts, NatureRessource, Person, Provenance, RoleFoyer, Situation, StatutLogement } from '../model.ts';
import type { Pseudonymizer } from '../pseudonym.ts';
import { addMonths, monthOf } from '../rules/dates.ts';
import { placesCompatible } from '../sources/geography.ts';
import { traitsKey } from '../sources/identity.ts';
import { EXTRACTS } from '../sources/registry.ts';

/** The rows a situation is made of, as read from the staging tables (latest snapshots ≤ asOf). */
export interface SourceRows {
  readonly asOf: string;
  readonly cafSnapshot: string | null;
  readonly cafMembresSnapshot: string | null;
  readonly cafDroitsSnapshot: string | null;
  readonly foyers: readonly FoyerRow[];
  readonly membres: readonly MembreRow[];
  readonly droits: readonly DroitRow[];
  readonly dgfipSnapshot: string | null;
  readonly dgfip: readonly DgfipRow[];
  readonly gipmdsSnapshot: string | null;
  /** Monthly resources by NIR, month and nature (restatements applied: the latest version of each payment). */
  readonly ressources: readonly RessourceRow[];
  /** Tax figures of every income year known at `asOf` (all DGFiP snapshots), by NIR. */
  readonly revenus: readonly RevenuRow[];
  /**
   * The last month the GIP-MDS files tell about, when the rows were read for part of the batch
   * only (`completeRows`); absent, it is the latest month of `ressources`.
   */
  readonly ressourcesConnuesJusqua?: string;
  /** Deaths (INSEE) of persons of these households, by civil-status traits key. */
  /** Deaths by civil-status key: date and birth-place key of each (homonyms may be several). */
  readonly deces: ReadonlyMap<string, readonly Death[]>;
}

type FoyerRow = {
  code_organisme: string;
  numero_allocataire: string;
  situation_familiale: string;
  date_situation: string | null;
  statut_logement: string;
  code_commune_insee: string | null;
  code_postal: string | null;
  commune_acheminement: string | null;
  adresse_l1: string | null;
  adresse_l2: string | null;
  adresse_l3: string | null;
  adresse_l4: string | null;
  adresse_l5: string | null;
  adresse_l6: string | null;
  adresse_l7: string | null;
  courriel: string | null;
  telephone: string | null;
};
type MembreRow = {
  code_organisme: string;
  numero_allocataire: string;
  nir: string | null;
  nom_naissance: string;
  prenoms: string;
  date_naissance: string;
  /** Normalised civil-status traits (computed on import), the key of the INSEE deaths file. */
  traits_key: string | null;
  lieu_naissance_cle: string | null;
  role: string;
  date_entree: string | null;
  date_sortie: string | null;
  nationalite: string;
  titre_sejour_depuis: string | null;
  etudiant: boolean;
  grossesse: boolean;
};
type DroitRow = {
  code_organisme: string;
  numero_allocataire: string;
  mois: string;
  prestation: string;
  montant: number;
};
type DgfipRow = {
  reference_avis: string;
  role: string;
  nir: string | null;
  nom_naissance: string;
  prenoms: string;
  date_naissance: string;
  traits_key: string | null;
  lieu_naissance_cle: string | null;
  situation_famille: string;
  code_commune_insee: string | null;
  code_postal: string | null;
  adresse_l1: string | null;
  adresse_l4: string | null;
  adresse_l6: string | null;
};
type RevenuRow = {
  nir: string | null;
  reference_avis: string;
  annee_revenus: number;
  snapshot_date: string;
  revenu_fiscal_reference: number | null;
  revenu_imposable: number | null;
};
const REVENU_COLUMNS = [
  'nir',
  'reference_avis',
  'annee_revenus',
  'snapshot_date',
  'revenu_fiscal_reference',
  'revenu_imposable',
] as const;
type RessourceRow = {
  nir: string;
  /** Month → nature → net social amount of the month. */
  r: Record<string, Partial<Record<NatureRessource, number>>>;
};

/** Months of resources a run needs: enough for M-4..M-2 and M-3..M-1 of the claim month. */
export function resourceMonths(asOf: string): { from: string; to: string } {
  const m = monthOf(asOf);
  return { from: addMonths(m, -13), to: addMonths(m, -1) };
}

type StagingTable = 'caf_foyer' | 'caf_membre' | 'caf_droit' | 'dgfip_personne' | 'gipmds_ressource';

async function latestSnapshot(db: Kdb, table: StagingTable, asOf: string) {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('snapshot_date').as('d'))
    .where('snapshot_date', '<=', asOf)
    .executeTakeFirst();
  return (r?.d as string | null | undefined) ?? null;
}

/** The latest snapshot of each extract at a date (null: none yet). */
export interface SnapshotDates {
  readonly cafFoyers: string | null;
  readonly cafMembres: string | null;
  readonly cafDroits: string | null;
  readonly dgfip: string | null;
  readonly gipmds: string | null;
  /**
   * The imported files of each CAF and DGFiP snapshot above: a staging table holds a partition
   * per file, and naming the files has the planner read only their partitions.
   */
  readonly files: Readonly<Record<'cafFoyers' | 'cafMembres' | 'cafDroits' | 'dgfip', readonly number[]>>;
}

/**
 * Reads the snapshot dates once: a run reads them for its reference date (and the previous CAF
 * snapshot) and hands them to every batch, rather than scanning the staging tables per batch.
 */
export async function readSnapshotDates(db: Kdb, asOf: string): Promise<SnapshotDates> {
  const cafFoyers = await latestSnapshot(db, 'caf_foyer', asOf);
  const cafMembres = await latestSnapshot(db, 'caf_membre', asOf);
  const cafDroits = await latestSnapshot(db, 'caf_droit', asOf);
  const dgfip = await latestSnapshot(db, 'dgfip_personne', asOf);
  return {
    cafFoyers,
    cafMembres,
    cafDroits,
    dgfip,
    gipmds: await latestSnapshot(db, 'gipmds_ressource', asOf),
    files: {
      cafFoyers: await snapshotFiles(db, 'caf_foyer', cafFoyers),
      cafMembres: await snapshotFiles(db, 'caf_membre', cafMembres),
      cafDroits: await snapshotFiles(db, 'caf_droit', cafDroits),
      dgfip: await snapshotFiles(db, 'dgfip_personne', dgfip),
    },
  };
}

/**
 * The files a staging table's snapshot was imported from (its rows carry the file's extraction
 * date as `snapshot_date`), from the register of imports: none purged.
 */
async function snapshotFiles(db: Kdb, table: StagingTable, snapshot: string | null): Promise<number[]> {
  const extracts = EXTRACTS.filter((e) => e.table === table);
  if (!snapshot || extracts.length === 0) return [];
  const rows = await db
    .selectFrom('import_file')
    .select('id')
    .where('extracted_on', '=', snapshot)
    .where('purged_at', 'is', null)
    .where((eb) => eb.or(extracts.map((e) => eb.and([eb('agency', '=', e.agency), eb('extract', '=', e.extract)]))))
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Rows of these files only, when known (a snapshot always has some: `snapshotFiles`). */
function inFiles(files: readonly number[]) {
  return files.length > 0 ? sql<boolean>`import_id = any(${files}::int[])` : sql<boolean>`true`;
}

/**
 * The condition "this CAF row belongs to the range", organisme by organisme. A row comparison
 * `(organisme, numéro) between …` would select the same rows, but the planner cannot estimate
 * it (it guessed a quarter of the table for 750 cases of 100 000), and at a million households
 * that guess turns every batch's read into a scan of the whole extract. An equality on the
 * organisme and a range of numbers it estimates well; the (organisme, numéro) indexes apply.
 */
function inRange(range: CaseRange) {
  const [a, x] = range.from;
  const [b, y] = range.to;
  if (a === b)
    return sql<boolean>`(code_organisme = ${a} and numero_allocataire >= ${x} and numero_allocataire <= ${y})`;
  return sql<boolean>`((code_organisme = ${a} and numero_allocataire >= ${x})
    or (code_organisme > ${a} and code_organisme < ${b})
    or (code_organisme = ${b} and numero_allocataire <= ${y}))`;
}

/** A range of CAF cases, by (code_organisme, numero_allocataire), both ends included. */
export interface CaseRange {
  readonly from: readonly [string, string];
  readonly to: readonly [string, string];
}

/**
 * The CAF cases of the latest snapshot at `asOf`, cut into ranges of `size` cases, so that a run
 * reads, builds and evaluates a batch at a time (memory bounded by the batch, not the file). The
 * database numbers the cases and returns only the first and last key of each range.
 */
export async function caseRanges(db: Kdb, asOf: string, size: number, departement?: string): Promise<CaseRange[]> {
  const snapshot = await latestSnapshot(db, 'caf_foyer', asOf);
  if (!snapshot) return [];
  const bounds = await sql<{ a: string; b: string; rn: number }>`
    select a, b, rn from (
      select code_organisme as a, numero_allocataire as b,
        row_number() over (order by code_organisme, numero_allocataire) - 1 as rn,
        count(*) over () as n
      from caf_foyer where snapshot_date = ${snapshot} and ${inDepartement(departement)}) t
    where rn % ${size} = 0 or rn % ${size} = ${size - 1} or rn = n - 1
    order by rn`.execute(db);
  return pairUp(
    bounds.rows.map((r) => ({ key: [r.a, r.b] as const, rn: Number(r.rn) })),
    size,
  );
}

/**
 * The tax notices of the latest DGFiP snapshot at `asOf` none of whose members the CAF knows (at
 * its latest snapshot), in lists of `size`: the batches of the pass over the tax households the
 * CAF does not know. The anti-join runs once here, not once per batch.
 */
export async function avisBatches(db: Kdb, asOf: string, size: number, departement?: string): Promise<string[][]> {
  const snapshot = await latestSnapshot(db, 'dgfip_personne', asOf);
  if (!snapshot) return [];
  const membres = await latestSnapshot(db, 'caf_membre', asOf);
  const unknown = await sql<{ a: string }>`
    select distinct d.reference_avis as a from dgfip_personne d
    where d.snapshot_date = ${snapshot} and ${inDepartement(departement)}
      and not exists (
        select 1 from dgfip_personne o join caf_membre m on m.nir = o.nir
        where o.reference_avis = d.reference_avis and o.snapshot_date = d.snapshot_date
          and m.snapshot_date = ${membres ?? '0001-01-01'})
    order by 1`.execute(db);
  const out: string[][] = [];
  for (let i = 0; i < unknown.rows.length; i += size) out.push(unknown.rows.slice(i, i + size).map((r) => r.a));
  return out;
}

/**
 * The rows whose address lies in `departement` (the same rule as `departementOf`: the commune
 * code, else the postal code, starts with it), or every row without one. A run for one
 * département then reads only the batches that hold its households.
 */
function inDepartement(departement: string | undefined) {
  return departement
    ? sql<boolean>`coalesce(code_commune_insee, code_postal) like ${`${departement}%`}`
    : sql<boolean>`true`;
}

/** Pairs the first and last key of each range of `size` (a range may be its only row). */
function pairUp<K>(bounds: readonly { key: K; rn: number }[], size: number): { from: K; to: K }[] {
  const out: { from: K; to: K }[] = [];
  for (let i = 0; i < bounds.length; i++) {
    const first = bounds[i] as { key: K; rn: number };
    if (first.rn % size !== 0) continue;
    const next = bounds[i + 1];
    const last = next && Math.floor(next.rn / size) === Math.floor(first.rn / size) ? next : first;
    out.push({ from: first.key, to: last.key });
  }
  return out;
}

/**
 * Reads what the situations of `asOf` are made of (read step: SQL only). With a `range`, only
 * the CAF cases of that range and their members' resources and tax figures; without, every
 * household, the tax households unknown to the CAF included.
 */
export async function readSourceRows(
  db: Kdb,
  asOf: string,
  opts: {
    readonly range?: CaseRange;
    /** The tax notices of a batch of tax households the CAF does not know (`avisBatches`). */
    readonly avis?: readonly string[];
    /**
     * Households, members, addresses and deaths only, without benefits, resources and tax
     * figures: what the previous snapshot is read for (composition and address changes).
     */
    readonly compositionOnly?: boolean;
    /**
     * What life events are looked for in, and no more (the first read of a run that evaluates
     * only the households touched by one): resources from this month only, no tax figures.
     * `completeRows` then reads the rest for the households touched.
     */
    readonly eventsFrom?: string;
    /** The snapshot dates at `asOf`, when the caller read them once for all batches. */
    readonly snapshots?: SnapshotDates;
  } = {},
): Promise<SourceRows> {
  const snapshots = opts.snapshots ?? (await readSnapshotDates(db, asOf));
  const { cafFoyers: cafSnapshot, cafMembres: membresSnapshot, cafDroits: droitsSnapshot } = snapshots;
  const { dgfip: dgfipSnapshot, gipmds: gipmdsSnapshot } = snapshots;
  const { from, to } = resourceMonths(asOf);
  const mode = opts.range ? 'range' : opts.avis ? 'dgfip' : 'all';
  const range = opts.range;
  const foyersQ =
    cafSnapshot && mode !== 'dgfip'
      ? db
          .selectFrom('caf_foyer')
          .select([
            'code_organisme',
            'numero_allocataire',
            'situation_familiale',
            'date_situation',
            'statut_logement',
            'code_commune_insee',
            'code_postal',
            'commune_acheminement',
            'adresse_l1',
            'adresse_l2',
            'adresse_l3',
            'adresse_l4',
            'adresse_l5',
            'adresse_l6',
            'adresse_l7',
            'courriel',
            'telephone',
          ])
          .where('snapshot_date', '=', cafSnapshot)
          .where(inFiles(snapshots.files.cafFoyers))
          .$if(range !== undefined, (q) => q.where(inRange(range as CaseRange)))
          .orderBy('code_organisme')
          .orderBy('numero_allocataire')
          .execute()
      : [];
  const membresQ =
    membresSnapshot && mode !== 'dgfip'
      ? db
          .selectFrom('caf_membre')
          .select([
            'code_organisme',
            'numero_allocataire',
            'nir',
            'nom_naissance',
            'prenoms',
            'date_naissance',
            'traits_key',
            'lieu_naissance_cle',
            'role',
            'date_entree',
            'date_sortie',
            'nationalite',
            'titre_sejour_depuis',
            'etudiant',
            'grossesse',
          ])
          .where('snapshot_date', '=', membresSnapshot)
          .where(inFiles(snapshots.files.cafMembres))
          .$if(range !== undefined, (q) => q.where(inRange(range as CaseRange)))
          .orderBy('code_organisme')
          .orderBy('numero_allocataire')
          .orderBy('line_no')
          .execute()
      : [];
  const droitsQ =
    droitsSnapshot && mode !== 'dgfip' && !opts.compositionOnly
      ? db
          .selectFrom('caf_droit')
          .select(['code_organisme', 'numero_allocataire', 'mois', 'prestation', 'montant'])
          .where('snapshot_date', '=', droitsSnapshot)
          .where(inFiles(snapshots.files.cafDroits))
          .$if(range !== undefined, (q) => q.where(inRange(range as CaseRange)))
          // In a fixed order: the months and benefits are written (and hashed) in it.
          .orderBy('mois')
          .orderBy('prestation')
          .execute()
      : [];
  // Tax households: all of them, or (DGFiP-only pass) the notices of the batch, none of whose
  // members the CAF knows (`avisBatches`).
  const dgfipQ =
    dgfipSnapshot && mode !== 'range'
      ? db
          .selectFrom('dgfip_personne as d')
          .select([
            'd.reference_avis',
            'd.role',
            'd.nir',
            'd.nom_naissance',
            'd.prenoms',
            'd.date_naissance',
            'd.traits_key',
            'd.lieu_naissance_cle',
            'd.situation_famille',
            'd.code_commune_insee',
            'd.code_postal',
            'd.adresse_l1',
            'd.adresse_l4',
            'd.adresse_l6',
          ])
          .where('d.snapshot_date', '=', dgfipSnapshot)
          .where(inFiles(snapshots.files.dgfip))
          .$if(opts.avis !== undefined, (q) =>
            q.where(sql<boolean>`d.reference_avis = any(${opts.avis as readonly string[]}::text[])`),
          )
          .orderBy('d.reference_avis')
          .orderBy('d.line_no')
          .execute()
      : [];
  // The four extracts of the batch are read at once (on PostgreSQL each on its own connection),
  // then what depends on their persons: the server works while this process decides the
  // previous batch, instead of answering one query per turn of the event loop.
  const [foyers, membres, droits, dgfip] = await Promise.all([foyersQ, membresQ, droitsQ, dgfipQ]);
  // The persons whose resources and tax figures a batch needs (all of them without a batch).
  const nirs =
    mode === 'all' ? null : [...new Set((mode === 'range' ? membres : dgfip).flatMap((m) => (m.nir ? [m.nir] : [])))];
  const ressourcesQ =
    opts.compositionOnly || (nirs && nirs.length === 0)
      ? []
      : readRessources(db, asOf, nirs, opts.eventsFrom && opts.eventsFrom > from ? opts.eventsFrom : from, to);
  const revenusQ =
    opts.compositionOnly || opts.eventsFrom || (nirs && nirs.length === 0) ? [] : readRevenus(db, asOf, nirs);
  // Deaths are matched on civil-status traits (the INSEE file has no NIR), in batches.
  const keys = [...new Set([...membres, ...dgfip].map(traitsOf))];
  const decesQ = (async () => {
    const deces = new Map<string, Death[]>();
    for (let i = 0; i < keys.length; i += 20_000) {
      const found = await db
        .selectFrom('insee_deces')
        .select(['traits_key', 'date_deces', 'lieu_naissance_cle'])
        .where(sql<boolean>`traits_key = any(${keys.slice(i, i + 20_000)}::text[])`)
        .where('date_deces', '<=', asOf)
        .orderBy('date_deces')
        .execute();
      for (const d of found) {
        const known = deces.get(d.traits_key);
        const death = { date: d.date_deces, lieu: d.lieu_naissance_cle };
        if (known) known.push(death);
        else deces.set(d.traits_key, [death]);
      }
    }
    return deces;
  })();
  const [ressources, revenus, deces] = await Promise.all([ressourcesQ, revenusQ, decesQ]);
  return {
    deces,
    asOf,
    cafSnapshot,
    cafMembresSnapshot: membresSnapshot,
    cafDroitsSnapshot: droitsSnapshot,
    foyers,
    membres,
    droits,
    dgfipSnapshot,
    dgfip,
    gipmdsSnapshot,
    ressources,
    revenus,
  };
}

/**
 * Resources summed in the database by person, month and nature, one row per person: a payment
 * restated in a later file (same id_versement) counts in its latest version only (SOURCES.md
 * §7.3: the latest wins; within a file, the last line). The aggregates take no ORDER BY:
 * PostgreSQL 15 sorted each group's rows again for it, twice the time of these statements;
 * the order of the keys is set here instead (`resourcesByNir`), whatever the plan.
 */
export async function readRessources(
  db: Kdb,
  asOf: string,
  /** These persons' (null: everyone's). */
  nirs: readonly string[] | null,
  from: string,
  to: string,
): Promise<RessourceRow[]> {
  // Person by person, each person's rows fetched through the (nir, mois) index and summed on
  // their own: the planner misjudges how many rows a person has (its sample of a file sorted by
  // person sees few persons) and, given the batch as one set, chose at a million households to
  // scan the whole extract. Summed inside the lateral, a person's dozen rows are sorted alone,
  // rather than the batch's rows all together by five keys (a batch of 1 590 persons: 34 → 25 ms).
  // The months are inside the lateral: only their rows are fetched (a batch's read for life
  // events, five months of fourteen). Without a list (a read of every household, in tests), the
  // persons are those with resources in the months.
  const persons =
    nirs === null
      ? sql`(select distinct nir from gipmds_ressource
             where snapshot_date <= ${asOf} and mois >= ${from} and mois <= ${to})`
      : sql`unnest(${nirs}::text[])`;
  const r = await sql<RessourceRow>`
    select p.person as nir, agg.r
    from ${persons} as p(person) cross join lateral (
      select json_object_agg(mois, n) as r from (
        select mois, json_object_agg(nature, m) as n from (
          select mois, nature, sum(montant_net_social) as m from (
            select distinct on (mois, id_versement) mois, nature, montant_net_social
            from gipmds_ressource g
            where g.nir = p.person and g.snapshot_date <= ${asOf} and g.mois >= ${from} and g.mois <= ${to}
            order by mois, id_versement, snapshot_date desc, line_no desc) latest
          group by mois, nature) by_nature
        group by mois) by_month) agg
    where agg.r is not null`.execute(db);
  return r.rows;
}

/**
 * Every row of the notices these persons are on (dependants' rows carry no NIR): the notices
 * through the NIR index, then their rows through the notice index, each in one scan for the
 * whole batch (`listOf`): 14.7 → 9.3 ms a batch of 750 cases, 2.8 → 2.0–2.2 s of server CPU for
 * 100 000 households (a lateral lookup per person before). The same for the resources cost more
 * (4.7–4.9 → 5.1 s): their rows come back out of each person's order, to be sorted again.
 */
export async function readRevenus(
  db: Kdb,
  asOf: string,
  /** These persons' notices (null: every notice). */
  nirs: readonly string[] | null,
): Promise<RevenuRow[]> {
  if (nirs === null)
    return db.selectFrom('dgfip_personne').select(REVENU_COLUMNS).where('snapshot_date', '<=', asOf).execute();
  const r = await sql<RevenuRow>`
    select nir, reference_avis, annee_revenus, snapshot_date, revenu_fiscal_reference, revenu_imposable
    from dgfip_personne
    where reference_avis = any(array(select reference_avis from dgfip_personne where nir = any(${listOf(nirs)})))
      and snapshot_date <= ${asOf}`.execute(db);
  return r.rows;
}

/**
 * A batch's list of persons, for `column = any(…)`, as the planner should see it: a short list
 * of unknown length (an init plan), not a parameter whose length it knows. Given the length, it
 * multiplies it by the rows it expects per person, which it misjudges (its sample of a file
 * sorted by person sees few persons): at a million households it chose to scan the whole
 * extract for every batch. A short list has it use the index, which is right for a batch.
 */
function listOf(values: readonly string[]) {
  return sql`array(select unnest(${values}::text[]))`;
}

const ROLE_CAF: Record<string, RoleFoyer> = {
  ALLOCATAIRE: 'demandeur',
  CONJOINT: 'conjoint',
  ENFANT: 'enfant',
  AUTRE_A_CHARGE: 'autre_a_charge',
};
const ROLE_DGFIP: Record<string, RoleFoyer> = {
  DECLARANT_1: 'demandeur',
  DECLARANT_2: 'conjoint',
  PERSONNE_A_CHARGE: 'enfant',
};

/** A person's resources: month → nature → net social amount. */
type Ressources = Record<string, Partial<Record<NatureRessource, number>>>;

/**
 * Resources by NIR, months and natures in order: the keys of each object are sorted whatever
 * order the database aggregated them in, so that a situation's JSON, and its hash, stay the
 * same for the same inputs.
 */
export function resourcesByNir(rows: readonly RessourceRow[]): Map<string, Ressources> {
  const out = new Map<string, Ressources>();
  for (const row of rows)
    out.set(
      row.nir,
      inKeyOrder(row.r, (n) => inKeyOrder(n, (v) => v)),
    );
  return out;
}

/** `o` itself if its keys are in order (as they mostly come), else a copy with sorted keys. */
function inKeyOrder<T, U>(o: Record<string, T>, inner: (v: T) => U): Record<string, U> {
  const keys = Object.keys(o);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = (keys[i - 1] as string) < (keys[i] as string);
  const out: Record<string, U> = sorted ? (o as unknown as Record<string, U>) : {};
  for (const k of sorted ? keys : keys.sort()) out[k] = inner(o[k] as T);
  return out;
}

type RevenusFiscaux = NonNullable<Situation['revenusFiscaux']>;

/**
 * Tax figures of a household by income year: the sum over the distinct tax notices its members
 * appear on (an unmarried couple files two), each notice taken from its latest snapshot.
 */
function revenusOf(
  nirs: readonly string[],
  index: ReadonlyMap<string, readonly RevenuRow[]>,
  byAvis: ReadonlyMap<string, AvisFigures>,
): RevenusFiscaux {
  const avisByYear = new Map<number, Set<string>>();
  for (const nir of nirs)
    for (const r of index.get(nir) ?? [])
      getOrInit(avisByYear, r.annee_revenus, () => new Set<string>()).add(r.reference_avis);
  const out: Record<string, { revenuFiscalReference: number | null; revenuNetImposable: number | null }> = {};
  // Years in order, whatever the order of the rows: the situation is written (and hashed) in it.
  for (const [year, avis] of [...avisByYear].sort((a, b) => a[0] - b[0])) {
    let rfr: number | null = 0;
    let imposable: number | null = 0;
    for (const a of avis) {
      const f = byAvis.get(`${a}|${year}`);
      rfr = rfr === null || f?.rfr == null ? null : rfr + f.rfr;
      imposable = imposable === null || f?.imposable == null ? null : imposable + f.imposable;
    }
    out[String(year)] = { revenuFiscalReference: rfr, revenuNetImposable: imposable };
  }
  return out;
}

interface AvisFigures {
  snapshot: string;
  rfr: number | null;
  imposable: number | null;
}

function indexRevenus(rows: readonly RevenuRow[]) {
  const byNir = new Map<string, RevenuRow[]>();
  const byAvis = new Map<string, AvisFigures>();
  for (const r of rows) {
    if (r.nir) getOrInit(byNir, r.nir, () => []).push(r);
    const k = `${r.reference_avis}|${r.annee_revenus}`;
    const prev = byAvis.get(k);
    // The notice's figures sit on its declarants' rows; dependants' rows leave them empty.
    if (!prev || prev.snapshot < r.snapshot_date)
      byAvis.set(k, { snapshot: r.snapshot_date, rfr: r.revenu_fiscal_reference, imposable: r.revenu_imposable });
    else if (prev.snapshot === r.snapshot_date) {
      prev.rfr ??= r.revenu_fiscal_reference;
      prev.imposable ??= r.revenu_imposable;
    }
  }
  return { byNir, byAvis };
}

/** A person's civil-status key: as stored on import (rows imported before it was, computed here). */
function traitsOf(m: { traits_key: string | null; nom_naissance: string; prenoms: string; date_naissance: string }) {
  return m.traits_key ?? traitsKey(m.nom_naissance, m.prenoms, m.date_naissance);
}

export interface Death {
  readonly date: string;
  /** Birth-place key (`birthPlaceKey`), null when unknown. */
  readonly lieu: string | null;
}

/**
 * The death date of a person found in the INSEE file (no NIR there): same civil-status key and a
 * compatible birth place, so that a namesake born the same day elsewhere is not taken for them.
 */
function deathDateOf(
  deces: ReadonlyMap<string, readonly Death[]>,
  m: Parameters<typeof traitsOf>[0] & { lieu_naissance_cle: string | null },
): string | undefined {
  const found = deces.get(traitsOf(m));
  return found?.find((d) => placesCompatible(d.lieu, m.lieu_naissance_cle))?.date;
}

function departementOf(code: string | null): string | null {
  if (!code) return null;
  if (code.startsWith('97')) return code.slice(0, 3);
  return code.slice(0, 2);
}

function cleanLines(lines: (string | null)[]): string[] {
  return lines.filter((l): l is string => l !== null && l.trim() !== '');
}

/** The household key of a CAF case. */
const caseKey = (o: string, n: string) => `caf:${o}-${n}`;

/** The latest month of these resources (undefined: none). */
function lastMonthOf(ressources: readonly RessourceRow[]): string | undefined {
  let known: string | undefined;
  for (const r of ressources) for (const m in r.r) if (!known || m > known) known = m;
  return known;
}

/**
 * The rows of these households of a batch read for life events only (`eventsFrom`), completed
 * with what that read left out: every reference month of their resources and their tax figures.
 * The situations built from them are those a whole read of the batch gives, to the last field:
 * - the last month the GIP-MDS files tell about (`ressourcesConnuesJusqua`) is taken from the
 *   whole batch's first read, which holds the latest months of all its persons; only when that
 *   read found no resource at all are all the batch's persons read again, to find it;
 * - the CAF cases, members, benefits, tax households and deaths are the first read's rows.
 */
export async function completeRows(db: Kdb, rows: SourceRows, households: ReadonlySet<string>): Promise<SourceRows> {
  const inCase = (r: { code_organisme: string; numero_allocataire: string }) =>
    households.has(caseKey(r.code_organisme, r.numero_allocataire));
  const foyers = rows.foyers.filter(inCase);
  const membres = rows.membres.filter(inCase);
  const dgfip = rows.dgfip.filter((r) => households.has(`dgfip:${r.reference_avis}`));
  const nirsOf = (list: readonly { nir: string | null }[]) => [...new Set(list.flatMap((m) => (m.nir ? [m.nir] : [])))];
  const nirs = nirsOf([...membres, ...dgfip]);
  const known = lastMonthOf(rows.ressources);
  const { from, to } = resourceMonths(rows.asOf);
  const [ressources, revenus] = await Promise.all([
    nirs.length === 0 && known
      ? []
      : readRessources(db, rows.asOf, known ? nirs : nirsOf([...rows.membres, ...rows.dgfip]), from, to),
    nirs.length === 0 ? [] : readRevenus(db, rows.asOf, nirs),
  ]);
  const wanted = new Set(nirs);
  const last = known ?? lastMonthOf(ressources);
  return {
    ...rows,
    foyers,
    membres,
    droits: rows.droits.filter(inCase),
    dgfip,
    ressources: known ? ressources : ressources.filter((r) => wanted.has(r.nir)),
    revenus,
    ...(last ? { ressourcesConnuesJusqua: last } : {}),
  };
}

/**
 * Builds the situation of every household (pure). A household known to the CAF takes its
 * composition from the CAF case; a tax household none of whose members the CAF knows is
 * kept from the DGFiP, with its housing and benefits unknown.
 */
export function buildSituations(rows: SourceRows, pseudo: Pseudonymizer): Situation[] {
  const res = resourcesByNir(rows.ressources);
  // The last month the GIP-MDS files tell about: a later file may only restate earlier months
  // (SOURCES.md §7.3), so the files are taken together, not the latest alone.
  const known = rows.ressourcesConnuesJusqua ?? lastMonthOf(rows.ressources);
  const cafProv: Provenance | null = rows.cafSnapshot
    ? { agency: 'caf', extract: 'foyers', extractedOn: rows.cafSnapshot }
    : null;
  const gipProv: Provenance | null = rows.gipmdsSnapshot
    ? { agency: 'gipmds', extract: 'ressources', extractedOn: rows.gipmdsSnapshot }
    : null;
  const membresByCase = new Map<string, MembreRow[]>();
  for (const m of rows.membres) {
    const k = caseKey(m.code_organisme, m.numero_allocataire);
    getOrInit(membresByCase, k, () => []).push(m);
  }
  const droitsByCase = new Map<string, Record<string, Record<string, number>>>();
  for (const d of rows.droits) {
    const k = caseKey(d.code_organisme, d.numero_allocataire);
    const m = recordOrInit(
      getOrInit(droitsByCase, k, () => ({})),
      d.mois,
      (): Record<string, number> => ({}),
    );
    m[d.prestation] = (m[d.prestation] ?? 0) + d.montant;
  }
  const personKey = (nir: string | null, nom: string, prenoms: string, naissance: string) =>
    pseudo('P', nir ?? `${nom}|${prenoms}|${naissance}`);

  const situations: Situation[] = [];
  const cafNirs = new Set<string>();
  const revenus = indexRevenus(rows.revenus);
  for (const f of rows.foyers) {
    const key = caseKey(f.code_organisme, f.numero_allocataire);
    const persons: Person[] = (membresByCase.get(key) ?? []).map((m) => {
      if (m.nir) cafNirs.add(m.nir);
      const dateDeces = deathDateOf(rows.deces, m);
      return {
        key: personKey(m.nir, m.nom_naissance, m.prenoms, m.date_naissance),
        identite: { nir: m.nir, nom: m.nom_naissance, prenoms: m.prenoms },
        role: ROLE_CAF[m.role] ?? 'autre_a_charge',
        dateNaissance: m.date_naissance,
        dateEntree: m.date_entree,
        // A person leaves the household at death (INSEE file).
        ...(dateDeces ? { dateDeces } : {}),
        dateSortie: dateDeces ?? m.date_sortie,
        nationalite: m.nationalite as Person['nationalite'],
        titreSejourDepuis: m.titre_sejour_depuis,
        etudiant: m.etudiant,
        grossesse: m.grossesse,
        ressources: (m.nir && res.get(m.nir)) || {},
      };
    });
    const lines = cleanLines([
      f.adresse_l1,
      f.adresse_l2,
      f.adresse_l3,
      f.adresse_l4,
      f.adresse_l5,
      f.adresse_l6,
      f.adresse_l7,
    ]);
    const contacts: Contacts = {
      email: f.courriel,
      phone: f.telephone,
      postal:
        lines.length > 0 && f.statut_logement !== 'SANS_DOMICILE'
          ? { lines, codePostal: f.code_postal, commune: f.commune_acheminement }
          : null,
    };
    const provenance: Record<string, Provenance> = {};
    if (cafProv) {
      provenance.logement = cafProv;
      provenance.contacts = cafProv;
    }
    if (rows.cafMembresSnapshot)
      provenance.composition = { agency: 'caf', extract: 'membres', extractedOn: rows.cafMembresSnapshot };
    if (rows.cafDroitsSnapshot)
      provenance.prestations = { agency: 'caf', extract: 'droits', extractedOn: rows.cafDroitsSnapshot };
    if (gipProv) provenance.ressources = gipProv;
    const nirs = (membresByCase.get(key) ?? []).flatMap((m) => (m.nir ? [m.nir] : []));
    const revenusFiscaux = revenusOf(nirs, revenus.byNir, revenus.byAvis);
    if (Object.keys(revenusFiscaux).length > 0 && rows.dgfipSnapshot)
      provenance.revenusFiscaux = { agency: 'dgfip', extract: 'foyers', extractedOn: rows.dgfipSnapshot };
    situations.push({
      householdKey: key,
      source: 'caf',
      couple: f.situation_familiale === 'COUPLE',
      dateSituation: f.date_situation,
      logement: f.statut_logement as StatutLogement,
      codeCommune: f.code_commune_insee,
      departement: departementOf(f.code_commune_insee ?? f.code_postal),
      persons,
      prestations: droitsByCase.get(key) ?? {},
      contacts,
      provenance,
      revenusFiscaux,
      ...(known ? { ressourcesConnuesJusqua: known } : {}),
    });
  }

  // Tax households none of whose members is known to the CAF.
  const byAvis = new Map<string, DgfipRow[]>();
  for (const p of rows.dgfip) getOrInit(byAvis, p.reference_avis, () => []).push(p);
  const dgProv: Provenance | null = rows.dgfipSnapshot
    ? { agency: 'dgfip', extract: 'foyers', extractedOn: rows.dgfipSnapshot }
    : null;
  for (const [avis, members] of byAvis) {
    if (members.some((m) => m.nir && cafNirs.has(m.nir))) continue;
    const d1 = members.find((m) => m.role === 'DECLARANT_1') ?? members[0];
    if (!d1) continue;
    const lines = cleanLines([d1.adresse_l1, d1.adresse_l4, d1.adresse_l6]);
    situations.push({
      householdKey: `dgfip:${avis}`,
      source: 'dgfip',
      couple: members.some((m) => m.role === 'DECLARANT_2'),
      dateSituation: null,
      logement: null,
      codeCommune: d1.code_commune_insee,
      departement: departementOf(d1.code_commune_insee ?? d1.code_postal),
      persons: members.map((m) => {
        const dateDeces = deathDateOf(rows.deces, m);
        return {
          key: personKey(m.nir, m.nom_naissance, m.prenoms, m.date_naissance),
          identite: { nir: m.nir, nom: m.nom_naissance, prenoms: m.prenoms },
          role: ROLE_DGFIP[m.role] ?? 'enfant',
          dateNaissance: m.date_naissance,
          ...(dateDeces ? { dateDeces } : {}),
          dateEntree: null,
          dateSortie: dateDeces ?? null,
          nationalite: null,
          titreSejourDepuis: null,
          etudiant: false,
          grossesse: false,
          ressources: (m.nir && res.get(m.nir)) || {},
        };
      }),
      prestations: null,
      contacts: {
        email: null,
        phone: null,
        postal: lines.length ? { lines, codePostal: d1.code_postal, commune: null } : null,
      },
      provenance: dgProv ? { composition: dgProv, contacts: dgProv, ...(gipProv ? { ressources: gipProv } : {}) } : {},
    });
  }
  return situations;
}
