import type { NatureRessource, Person, Situation } from '../model.ts';
import { addMonths, ageAt, endOfMonth, monthOf } from '../rules/dates.ts';
import { ars } from '../rules/parameters/ars.ts';
import { aspa } from '../rules/parameters/aspa.ts';
import { rsa } from '../rules/parameters/rsa.ts';
import { valueAt } from '../rules/parameters/series.ts';
import type { LifeEventKind, RightDefinition } from '../rules/right.ts';
import { referenceMonths } from '../rules/rights/rsa.ts';

/** A life event or renewal trigger of one household, with the data that showed it. */
export interface LifeEvent {
  readonly householdKey: string;
  readonly kind: LifeEventKind;
  /** The day it happened (or will: a right's end date). */
  readonly date: string;
  readonly data: Readonly<Record<string, string | number | boolean | null>>;
  /** Ids of the rights that call for a re-check on this kind of event. */
  readonly rights: readonly string[];
}

/** A right of a household that ends on a known date (payers' lists), for renewal triggers. */
export interface RightEnd {
  readonly householdKey: string;
  readonly droit: string;
  readonly dateFin: string;
}

export interface DetectionWindow {
  /** Events strictly after this date… */
  readonly since: string;
  /** …and up to this one (the reference date). */
  readonly asOf: string;
  /** Renewal horizon: rights ending within this many months after `asOf` (default 4, C2S renewal 2–4 months ahead). */
  readonly renewalMonths?: number;
  /** A fall of resources by at least this share between two reference quarters (default 1/3). */
  readonly resourceDrop?: number;
}

/** The day a person reaches `age` (a partial birth date counts from its latest possible day). */
function birthday(p: Person, age: number): string {
  const b = p.dateNaissance;
  const y = String(Number(b.slice(0, 4)) + age).padStart(4, '0');
  const m = b.slice(5, 7) === '00' ? '12' : b.slice(5, 7);
  const d = b.slice(8, 10) === '00' || b.slice(5, 7) === '00' ? endOfMonth(`${y}-${m}`).slice(8, 10) : b.slice(8, 10);
  // 29 February in a common year: the birthday is the 1st of March.
  const last = endOfMonth(`${y}-${m}`).slice(8, 10);
  return d > last ? `${y}-03-01` : `${y}-${m}-${d}`;
}

function householdResources(s: Situation, months: readonly string[]): number {
  let t = 0;
  for (const p of s.persons)
    for (const m of months) {
      const byNature = p.ressources[m];
      if (!byNature) continue;
      for (const k in byNature) t += Math.max(0, byNature[k as NatureRessource] ?? 0);
    }
  return t / months.length;
}

/**
 * The earliest month whose resources `detectEvents` looks at for this window: the first month of
 * the previous reference quarter (a fall of resources), or two months before the window (the end
 * of unemployment benefit), whichever comes first, for every way of counting reference months. A
 * run that evaluates only the households touched by an event reads no earlier resources to find them.
 */
export function earliestResourceMonth(w: Pick<DetectionWindow, 'since' | 'asOf'>): string {
  const months = [addMonths(monthOf(w.since), -2)];
  for (const claim of [monthOf(w.since), monthOf(w.asOf)])
    for (const rule of [undefined, 'M-3..M-1', 'M-4..M-2'] as const) months.push(referenceMonths(claim, rule)[0]);
  return months.sort()[0] as string;
}

const inWindow = (d: string, w: DetectionWindow) => d > w.since && d <= w.asOf;

/**
 * Detects the events of each household between two snapshots and dates (pure). `previous`
 * holds the situations of the previous snapshot, by household; a household absent from it
 * is new, and only date-based events are looked for.
 */
export function detectEvents(
  current: readonly Situation[],
  previous: ReadonlyMap<string, Situation>,
  rightEnds: readonly RightEnd[],
  rights: readonly RightDefinition[],
  w: DetectionWindow,
): LifeEvent[] {
  const recheck = (kind: LifeEventKind) => rights.filter((r) => r.recheckOn.includes(kind)).map((r) => r.id);
  const out: LifeEvent[] = [];
  const push = (householdKey: string, kind: LifeEventKind, date: string, data: LifeEvent['data']) =>
    out.push({ householdKey, kind, date, data, rights: recheck(kind) });

  // Legal ages, as in force at the reference date.
  const AGE_RSA = valueAt(rsa.ageMinimumAllocataire, w.asOf);
  const AGE_ASPA = valueAt(aspa.ageMinimum, w.asOf);
  const AGE_SCOLAIRE = valueAt(ars.ageEntreePrimaire, w.asOf);
  for (const s of current) {
    const prev = previous.get(s.householdKey);
    for (const p of s.persons) {
      const adult = p.role === 'demandeur' || p.role === 'conjoint';
      if (adult) {
        const b25 = birthday(p, AGE_RSA);
        if (inWindow(b25, w)) push(s.householdKey, 'anniversaire_25_ans', b25, { personne: p.key });
        const b65 = birthday(p, AGE_ASPA);
        if (inWindow(b65, w)) push(s.householdKey, 'age_aspa', b65, { personne: p.key });
      } else {
        // A child reaching 6 by the next 1 February opens the ARS of the coming rentrée.
        const b6 = birthday(p, AGE_SCOLAIRE);
        const horizon = `${Number(w.asOf.slice(0, 4)) + (w.asOf.slice(5, 7) >= '09' ? 1 : 0)}-01-31`;
        if (b6 > w.since && b6 <= horizon && ageAt(p.dateNaissance, w.asOf) < AGE_SCOLAIRE + 1)
          push(s.householdKey, 'age_scolaire', b6, { personne: p.key });
      }
    }
    // Death of a partner (INSEE file): the survivor's rights change (RSA majoration, ASPA single ceiling).
    const adults = s.persons.filter((p) => p.role === 'demandeur' || p.role === 'conjoint');
    for (const p of adults)
      if (p.dateDeces && inWindow(p.dateDeces, w) && adults.some((o) => o !== p && !o.dateDeces))
        push(s.householdKey, 'deces_conjoint', p.dateDeces, { personne: p.key });
    if (prev) {
      const before = new Set(prev.persons.map((p) => p.key));
      for (const p of s.persons)
        if ((p.role === 'enfant' || p.role === 'autre_a_charge') && !before.has(p.key)) {
          const d = p.dateEntree && p.dateEntree > w.since ? p.dateEntree : w.asOf;
          push(s.householdKey, 'naissance', d, { personne: p.key });
        }
      if (prev.couple && !s.couple)
        push(s.householdKey, 'separation', s.dateSituation ?? w.asOf, { avant: 'COUPLE', apres: 'ISOLE' });
      if (!prev.persons.some((p) => p.grossesse) && s.persons.some((p) => p.grossesse))
        push(s.householdKey, 'grossesse', w.asOf, {});
      if (prev.departement && s.departement && prev.departement !== s.departement)
        push(s.householdKey, 'demenagement', w.asOf, { avant: prev.departement, apres: s.departement });
    }
    // End of unemployment benefit: paid one month, not the next. Monthly resources arrive a month
    // or two late, so the two months before the window are looked at too (events are stored once).
    for (const p of s.persons) {
      let m = addMonths(monthOf(w.since), -2);
      const last = monthOf(w.asOf);
      while (m < last) {
        const next = addMonths(m, 1);
        const had = (p.ressources[m]?.ALLOCATION_CHOMAGE ?? 0) > 0;
        const has = (p.ressources[next]?.ALLOCATION_CHOMAGE ?? 0) > 0;
        if (had && !has && next in p.ressources)
          push(s.householdKey, 'fin_allocation_chomage', `${next}-01`, { personne: p.key, dernierMois: m });
        m = next;
      }
    }
    // Fall of resources between the reference quarter of the previous run and this one.
    const nowMonths = referenceMonths(monthOf(w.asOf), s.moisDeReference);
    const thenMonths = referenceMonths(monthOf(w.since), s.moisDeReference);
    const before = householdResources(s, thenMonths);
    const after = householdResources(s, nowMonths);
    if (before > 0 && after <= before * (1 - (w.resourceDrop ?? 1 / 3)) && nowMonths[0] !== thenMonths[0])
      push(s.householdKey, 'baisse_ressources', `${nowMonths[0]}-01`, {
        moyenneAvant: Math.round(before * 100) / 100,
        moyenneApres: Math.round(after * 100) / 100,
      });
  }
  const horizon = `${addMonths(monthOf(w.asOf), w.renewalMonths ?? 4)}-01`;
  for (const e of rightEnds)
    if (e.dateFin > w.asOf && e.dateFin <= horizon)
      out.push({
        householdKey: e.householdKey,
        kind: 'fin_de_droit',
        date: e.dateFin,
        data: { droit: e.droit },
        rights: [e.droit.toLowerCase()],
      });
  return out;
}
