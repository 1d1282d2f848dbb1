import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { ByMonth, NatureRessource, Person, RightResult, Situation } from '../model.ts';
import { addMonths, monthOf } from './dates.ts';

/**
 * Worked examples of a right, written as data (fixtures/rights/<right>.yaml): a compact
 * situation, the reference date, the expected result, and the computation written out.
 */

const amounts = z.record(z.string(), z.number());
const personSchema = z.object({
  role: z.enum(['demandeur', 'conjoint', 'enfant', 'autre_a_charge']),
  dateNaissance: z.string(),
  nationalite: z.enum(['FR', 'UE_EEE_SUISSE', 'HORS_UE']).default('FR'),
  titreSejourDepuis: z.string().nullable().default(null),
  etudiant: z.boolean().default(false),
  grossesse: z.boolean().default(false),
  dateEntree: z.string().nullable().default(null),
  dateSortie: z.string().nullable().default(null),
  /** Resources by month `YYYY-MM` and nature. */
  ressources: z.record(z.string(), amounts).default({}),
  /** The same resources every month of the 24 before the reference date (added to `ressources`). */
  ressourcesChaqueMois: amounts.optional(),
  ressourcesBrutes: z.record(z.string(), amounts).optional(),
  ressourcesBrutesChaqueMois: amounts.optional(),
  heuresRsaJeuneRemplies: z.boolean().optional(),
  inapte: z.boolean().optional(),
  tauxIncapacite: z.number().optional(),
  scolarise: z.boolean().optional(),
});

export const caseSchema = z.object({
  name: z.string(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The computation written out by hand, for the reader. */
  computation: z.string().optional(),
  situation: z.object({
    source: z.enum(['caf', 'dgfip']).default('caf'),
    regime: z.enum(['CNAF', 'MSA']).optional(),
    moisDeReference: z.enum(['M-3..M-1', 'M-4..M-2']).optional(),
    couple: z.boolean().default(false),
    dateSituation: z.string().nullable().default(null),
    logement: z
      .enum(['LOCATAIRE', 'PROPRIETAIRE', 'ACCEDANT', 'HEBERGE_GRATUIT', 'SANS_DOMICILE'])
      .nullable()
      .default('LOCATAIRE'),
    departement: z.string().nullable().default('75'),
    isolementRecent: z.boolean().optional(),
    ressourcesConnuesJusqua: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .optional(),
    alsaceMoselle: z.boolean().optional(),
    revenusFiscaux: z
      .record(
        z.string(),
        z.object({ revenuFiscalReference: z.number().nullable(), revenuNetImposable: z.number().nullable() }),
      )
      .optional(),
    persons: z.array(personSchema).min(1),
    /** CAF benefits by month and code (AF, APL, ASF…). */
    prestations: z.record(z.string(), amounts).default({}),
    /** The same benefits every month of the 24 before the reference date. */
    prestationsChaqueMois: amounts.optional(),
  }),
  expected: z.object({
    status: z.enum(['eligible', 'not_eligible', 'undetermined']),
    amount: z.number().optional(),
    /** Codes of the unmet conditions (not_eligible). */
    reasons: z.array(z.string()).optional(),
    /** Allowed difference in euros (default 0: exact to the cent). */
    margin: z.number().optional(),
    /** Other figures of the result's details to check, e.g. `{ type: participation }`. */
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  }),
});
export type RightCase = z.infer<typeof caseSchema>;
type CasePerson = z.infer<typeof personSchema>;

function monthsBefore(asOf: string, n: number): string[] {
  const m = monthOf(asOf);
  return Array.from({ length: n }, (_, i) => addMonths(m, i - n));
}

function spread(
  byMonth: Record<string, Record<string, number>> | undefined,
  every: Record<string, number> | undefined,
  months: string[],
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  if (every) for (const m of months) out[m] = { ...every };
  for (const [m, v] of Object.entries(byMonth ?? {})) out[m] = { ...(out[m] ?? {}), ...v };
  return out;
}

/** The situation a case describes, with neutral defaults for what it does not say. */
export function caseSituation(c: RightCase): Situation {
  const months = monthsBefore(c.asOf, 24);
  const s = c.situation;
  const persons: Person[] = s.persons.map((p: CasePerson, i) => {
    const person: Person = {
      key: `P${i + 1}`,
      identite: { nir: null, nom: `PERSONNE ${i + 1}`, prenoms: 'EXEMPLE' },
      role: p.role,
      dateNaissance: p.dateNaissance,
      dateEntree: p.dateEntree,
      dateSortie: p.dateSortie,
      nationalite: p.nationalite,
      titreSejourDepuis: p.titreSejourDepuis,
      etudiant: p.etudiant,
      grossesse: p.grossesse,
      ressources: spread(p.ressources, p.ressourcesChaqueMois, months) as ByMonth<
        Partial<Record<NatureRessource, number>>
      >,
      ...(p.ressourcesBrutes || p.ressourcesBrutesChaqueMois
        ? {
            ressourcesBrutes: spread(p.ressourcesBrutes, p.ressourcesBrutesChaqueMois, months) as ByMonth<
              Partial<Record<NatureRessource, number>>
            >,
          }
        : {}),
      ...(p.heuresRsaJeuneRemplies === undefined ? {} : { heuresRsaJeuneRemplies: p.heuresRsaJeuneRemplies }),
      ...(p.inapte === undefined ? {} : { inapte: p.inapte }),
      ...(p.tauxIncapacite === undefined ? {} : { tauxIncapacite: p.tauxIncapacite }),
      ...(p.scolarise === undefined ? {} : { scolarise: p.scolarise }),
    };
    return person;
  });
  return {
    householdKey: 'cas',
    source: s.source,
    ...(s.regime ? { regime: s.regime } : {}),
    ...(s.moisDeReference ? { moisDeReference: s.moisDeReference } : {}),
    ...(s.isolementRecent === undefined ? {} : { isolementRecent: s.isolementRecent }),
    ...(s.ressourcesConnuesJusqua ? { ressourcesConnuesJusqua: s.ressourcesConnuesJusqua } : {}),
    ...(s.alsaceMoselle === undefined ? {} : { alsaceMoselle: s.alsaceMoselle }),
    ...(s.revenusFiscaux ? { revenusFiscaux: s.revenusFiscaux } : {}),
    couple: s.couple,
    dateSituation: s.dateSituation,
    logement: s.logement,
    codeCommune: null,
    departement: s.departement,
    persons,
    prestations: s.source === 'caf' ? spread(s.prestations, s.prestationsChaqueMois, months) : null,
    contacts: { email: null, phone: null, postal: null },
    provenance: {},
  };
}

/** Reads a case file (a YAML list of cases), validated. */
export function readCases(path: string): RightCase[] {
  const raw = parse(readFileSync(path, 'utf8'));
  return z.array(caseSchema).parse(raw);
}

/** Compares a result with a case's expectation; returns the differences in words (empty: passed). */
export function compareCase(c: RightCase, r: RightResult): string[] {
  const diffs: string[] = [];
  const e = c.expected;
  if (r.status !== e.status) diffs.push(`statut ${r.status} au lieu de ${e.status}`);
  if (e.amount !== undefined) {
    const got = r.status === 'eligible' ? r.amount : 0;
    if (Math.abs(got - e.amount) > (e.margin ?? 0) + 1e-9) diffs.push(`montant ${got} au lieu de ${e.amount}`);
  }
  if (e.reasons) {
    const got = r.status === 'not_eligible' ? r.reasons.map((x) => x.code).sort() : [];
    if (JSON.stringify(got) !== JSON.stringify([...e.reasons].sort()))
      diffs.push(`raisons ${got.join(',')} au lieu de ${e.reasons.join(',')}`);
  }
  if (e.details) {
    const d = 'details' in r ? (r.details as Record<string, unknown>) : {};
    for (const [k, v] of Object.entries(e.details))
      if (d[k] !== v) diffs.push(`${k} = ${String(d[k])} au lieu de ${String(v)}`);
  }
  return diffs;
}
