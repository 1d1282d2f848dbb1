import type { Decision, Situation } from '../model.ts';
import type { Dossier } from './dossier.ts';

export interface PlannedDossier {
  readonly householdKey: string;
  readonly pseudonym: string;
  readonly rightId: string;
  readonly period: string;
  readonly payload: Dossier;
}

/**
 * A dossier for every eligible household not already receiving the right — those without a
 * contact channel too, for the agent who follows them up (pure).
 */
export function planDossiers(
  decisions: readonly Decision[],
  situations: ReadonlyMap<string, Situation>,
): PlannedDossier[] {
  const out: PlannedDossier[] = [];
  for (const d of decisions) {
    if (d.result.status !== 'eligible' || d.exclusion === 'deja_beneficiaire') continue;
    const s = situations.get(d.householdKey);
    if (!s) continue;
    const months = (d.result.details.referenceMonths as string[] | undefined) ?? [];
    const ressources: Dossier['ressources'] = [];
    s.persons.forEach((p, i) => {
      for (const m of months)
        for (const [nature, montant] of Object.entries(p.ressources[m] ?? {}))
          if (montant !== undefined) ressources.push({ mois: m, personne: String(i + 1), nature, montant });
    });
    out.push({
      householdKey: d.householdKey,
      pseudonym: d.pseudonym,
      rightId: d.rightId,
      period: d.period,
      payload: {
        version: 1,
        reference: d.pseudonym,
        droit: d.rightId,
        periode: d.period,
        montantEstime: d.result.amount,
        foyer: {
          enCouple: s.couple,
          personnes: s.persons.map((p) => ({
            role: p.role,
            nom: p.identite.nom,
            prenoms: p.identite.prenoms,
            dateNaissance: p.dateNaissance,
            nir: p.identite.nir,
          })),
        },
        logement: { statut: s.logement },
        ressources,
        adresse: s.contacts.postal ? [...s.contacts.postal.lines] : [],
        provenance: { ...s.provenance },
      },
    });
  }
  return out;
}
