import type { AgencyId, RightResult, Situation } from '../model.ts';

/** A life event kind that can call for a re-check of a right. */
export type LifeEventKind =
  | 'anniversaire_25_ans'
  | 'naissance'
  | 'grossesse'
  | 'separation'
  | 'deces_conjoint'
  | 'baisse_ressources'
  | 'fin_allocation_chomage'
  | 'age_scolaire'
  | 'age_aspa'
  | 'demenagement'
  | 'fin_de_droit';

/** The declaration of a right: data about it, plus its evaluation as a pure function. */
export interface RightDefinition {
  readonly id: 'rsa' | 'ppa' | 'c2s' | 'aspa' | 'ars';
  readonly title: string;
  readonly legalReferences: readonly string[];
  /** Who holds the right. */
  readonly unit: 'personne' | 'foyer';
  /** Period of the amount. */
  readonly amountPeriod: 'mois' | 'an';
  readonly recheckOn: readonly LifeEventKind[];
  /** The inputs it needs and which agency holds them. */
  readonly inputs: readonly { readonly name: string; readonly heldBy: readonly AgencyId[] }[];
  /** Pure: no I/O, no clock — the reference date is given. */
  evaluate(situation: Situation, asOf: string): RightResult;
}
