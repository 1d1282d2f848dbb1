import type { NatureRessource, Person, Situation, StatutLogement } from '../src/model.ts';
import { addMonths, monthOf } from '../src/rules/dates.ts';

/** A small seeded PRNG (mulberry32): the same seed gives the same households. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LOGEMENTS: StatutLogement[] = [
  'LOCATAIRE',
  'LOCATAIRE',
  'LOCATAIRE',
  'PROPRIETAIRE',
  'ACCEDANT',
  'HEBERGE_GRATUIT',
];

/**
 * Generated situations for benchmarks: household sizes, ages, incomes varying over 14 months,
 * housing aid and family benefits in plausible proportions.
 */
export function generateSituations(n: number, asOf: string, seed = 1): Situation[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const year = Number(asOf.slice(0, 4));
  const months = Array.from({ length: 14 }, (_, i) => addMonths(monthOf(asOf), i - 14));
  const out: Situation[] = [];
  for (let h = 0; h < n; h++) {
    const couple = rnd() < 0.4;
    const children = Math.floor(rnd() * rnd() * 5);
    const persons: Person[] = [];
    const adult = (role: 'demandeur' | 'conjoint', i: number): Person => {
      const age = 18 + Math.floor(rnd() * 70);
      const works = age < 65 && rnd() < 0.55;
      const wage = works ? 200 + rnd() * 2200 : 0;
      const nature: NatureRessource = age >= 65 ? 'PENSION_RETRAITE' : rnd() < 0.15 ? 'ALLOCATION_CHOMAGE' : 'SALAIRE';
      const ressources: Record<string, Partial<Record<NatureRessource, number>>> = {};
      for (const m of months) {
        const amount =
          nature === 'SALAIRE'
            ? wage * (0.8 + rnd() * 0.4)
            : nature === 'PENSION_RETRAITE'
              ? 700 + rnd() * 900
              : 600 + rnd() * 500;
        if (nature !== 'SALAIRE' || works) ressources[m] = { [nature]: Math.round(amount * 100) / 100 };
      }
      return {
        key: `H${h}P${i}`,
        identite: { nir: null, nom: 'X', prenoms: 'Y' },
        role,
        dateNaissance: `${year - age}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-15`,
        dateEntree: null,
        dateSortie: null,
        nationalite: rnd() < 0.9 ? 'FR' : rnd() < 0.5 ? 'UE_EEE_SUISSE' : 'HORS_UE',
        titreSejourDepuis: rnd() < 0.5 ? `${year - 8}-01-01` : `${year - 2}-01-01`,
        etudiant: age < 26 && rnd() < 0.3,
        grossesse: false,
        ressources,
      };
    };
    persons.push(adult('demandeur', 0));
    if (couple) persons.push(adult('conjoint', 1));
    for (let c = 0; c < children; c++)
      persons.push({
        key: `H${h}C${c}`,
        identite: { nir: null, nom: 'X', prenoms: 'Z' },
        role: 'enfant',
        dateNaissance: `${year - Math.floor(rnd() * 20)}-06-01`,
        dateEntree: null,
        dateSortie: null,
        nationalite: 'FR',
        titreSejourDepuis: null,
        etudiant: false,
        grossesse: false,
        ressources: {},
        scolarise: true,
      });
    const logement = pick(LOGEMENTS);
    const al = logement === 'LOCATAIRE' && rnd() < 0.5 ? 50 + Math.floor(rnd() * 300) : 0;
    const prestations: Record<string, Record<string, number>> = {};
    for (const m of months) {
      const p: Record<string, number> = {};
      if (al) p.APL = al;
      if (children >= 2) p.AF = 150 * (children - 1);
      prestations[m] = p;
    }
    out.push({
      householdKey: `bench:${h}`,
      source: 'caf',
      couple,
      dateSituation: `${year - 3}-01-01`,
      logement,
      codeCommune: '75056',
      departement: '75',
      persons,
      prestations,
      contacts: { email: null, phone: null, postal: null },
      provenance: {},
      revenusFiscaux: {
        [String(year - 2)]: {
          revenuFiscalReference: Math.floor(rnd() * 40000),
          revenuNetImposable: Math.floor(rnd() * 40000),
        },
      },
    });
  }
  return out;
}
