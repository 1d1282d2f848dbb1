import type { NatureRessource } from '../../model.ts';

/**
 * What the conformance mapper does with each OpenFisca input variable. A variable missing
 * from this table is "not modelled": the case is skipped when its value is not OpenFisca's
 * neutral default (0, false), never silently ignored.
 */
export type EntityKind = 'individu' | 'famille' | 'menage' | 'foyer_fiscal';

export type VariableUse =
  /** A person's monthly net resource of this nature. */
  | { readonly to: 'ressource'; readonly nature: NatureRessource }
  /** A benefit already paid, by month, under a CAF code of `Situation.prestations`. */
  | { readonly to: 'prestation'; readonly code: string }
  /**
   * A gross or taxable form of a net resource: used only where the test also gives the net
   * amount (OpenFisca then reads the net given); a month without the net is not modelled for
   * `rights` (OpenFisca derives the net from it). `brute` also feeds the gross resources.
   */
  | {
      readonly to: 'brut';
      readonly net: string;
      readonly brute?: NatureRessource;
      readonly rights?: readonly ('rsa' | 'ppa' | 'c2s' | 'aspa' | 'ars')[];
      /**
       * The net is derived by our model where the test does not give it: gross wage of a private employee, gross
       * unemployment benefit (CSG and CRDS by the RFR of year N-2, SMIC floor), pension of a household exempt by its
       * RFR of year N-2 (net = gross).
       */
      readonly derive?: 'salaire_prive' | 'chomage' | 'retraite';
    }
  /** Read by the mapper itself (identity, flags, housing, reference months…). */
  | { readonly to: 'special' }
  /** Cannot change any checked output: accepted and not used (the reason says why). */
  | { readonly to: 'ignore'; readonly why: string }
  /** An intermediate result of OpenFisca imposed as an input: the case is skipped. */
  | { readonly to: 'forced' };

export interface VariableSpec {
  readonly entity: EntityKind;
  readonly use: VariableUse;
}

const res = (nature: NatureRessource): VariableSpec => ({ entity: 'individu', use: { to: 'ressource', nature } });
const prest = (entity: EntityKind, code: string): VariableSpec => ({ entity, use: { to: 'prestation', code } });
const brut = (
  net: string,
  brute?: NatureRessource,
  rights?: readonly ('rsa' | 'ppa' | 'c2s' | 'aspa' | 'ars')[],
  derive?: 'salaire_prive' | 'chomage' | 'retraite',
): VariableSpec => ({
  entity: 'individu',
  use: { to: 'brut', net, ...(brute ? { brute } : {}), ...(rights ? { rights } : {}), ...(derive ? { derive } : {}) },
});
const special = (entity: EntityKind): VariableSpec => ({ entity, use: { to: 'special' } });
const ignore = (entity: EntityKind, why: string): VariableSpec => ({ entity, use: { to: 'ignore', why } });
const forced = (entity: EntityKind): VariableSpec => ({ entity, use: { to: 'forced' } });

const SALARY_SETTINGS =
  "décrit l'emploi pour les cotisations patronales ou des cas particuliers : sans effet sur le salaire net d'un salarié du privé non cadre (seul cas dérivé du brut)";
const HOUSING_AID_SETTINGS =
  "ne sert qu'au calcul de l'aide au logement par OpenFisca : l'aide doit être donnée en entrée, sinon le cas est exclu (prestation calculée par OpenFisca)";

export const VARIABLES: Readonly<Record<string, VariableSpec>> = {
  // Net monthly resources (montant net social).
  salaire_net: res('SALAIRE'),
  remuneration_apprenti: res('SALAIRE'),
  indemnites_chomage_partiel: res('SALAIRE'),
  chomage_net: res('ALLOCATION_CHOMAGE'),
  allocation_securisation_professionnelle: res('ALLOCATION_CHOMAGE'),
  ass: res('ALLOCATION_CHOMAGE'),
  retraite_nette: res('PENSION_RETRAITE'),
  pensions_invalidite: res('PENSION_INVALIDITE'),
  indemnites_journalieres: res('INDEMNITES_JOURNALIERES'),
  indemnites_journalieres_maladie: res('INDEMNITES_JOURNALIERES'),
  indemnites_journalieres_maternite: res('INDEMNITES_JOURNALIERES'),
  indemnites_journalieres_paternite: res('INDEMNITES_JOURNALIERES'),
  indemnites_journalieres_adoption: res('INDEMNITES_JOURNALIERES'),
  indemnites_journalieres_accident_travail: res('INDEMNITES_JOURNALIERES'),
  indemnites_journalieres_maladie_professionnelle: res('INDEMNITES_JOURNALIERES'),
  pensions_alimentaires_percues: res('PENSION_ALIMENTAIRE'),
  prestation_compensatoire: res('PENSION_ALIMENTAIRE'),

  // Gross and taxable forms (see 'brut').
  retraite_brute: brut('retraite_nette', 'PENSION_RETRAITE', ['rsa', 'ppa', 'c2s'], 'retraite'),
  salaire_de_base: brut('salaire_net', 'SALAIRE', ['rsa', 'ppa', 'c2s'], 'salaire_prive'),
  traitement_indiciaire_brut: brut('salaire_net'),
  salaire_imposable: brut('salaire_net'),
  chomage_brut: brut('chomage_net', 'ALLOCATION_CHOMAGE', undefined, 'chomage'),
  chomage_imposable: brut('chomage_net', undefined, undefined, 'chomage'),
  allocation_retour_emploi: brut('chomage_net', 'ALLOCATION_CHOMAGE', undefined, 'chomage'),
  retraite_imposable: brut('retraite_nette', undefined, undefined, 'retraite'),

  // Benefits already paid (CAF codes of Situation.prestations).
  aide_logement: prest('famille', 'AL'),
  aides_logement: prest('famille', 'AL'),
  apl: prest('famille', 'APL'),
  alf: prest('famille', 'ALF'),
  als: prest('famille', 'ALS'),
  af: prest('famille', 'AF'),
  af_base: special('famille'),
  cf: prest('famille', 'CF'),
  asf: prest('famille', 'ASF'),
  paje_base: prest('famille', 'PAJE_BASE'),
  paje_clca: prest('famille', 'PAJE_CLCA'),
  paje_prepare: prest('famille', 'PAJE_PREPARE'),
  aah: prest('individu', 'AAH'),
  asi: prest('individu', 'ASI'),
  aspa: prest('famille', 'ASPA'),
  rsa: prest('famille', 'RSA'),
  ppa: prest('famille', 'PPA'),

  // Persons.
  date_naissance: special('individu'),
  age: special('individu'),
  age_en_mois: special('individu'),
  enceinte: special('individu'),
  etudiant: special('individu'),
  activite: special('individu'),
  nationalite: special('individu'),
  ressortissant_eee: special('individu'),
  duree_possession_titre_sejour: special('individu'),
  taux_incapacite: special('individu'),
  inapte_travail: special('individu'),
  handicap: special('individu'),
  rsa_jeune_condition_heures_travail_remplie: special('individu'),
  // OpenFisca computes the ASS from it: taken from the ASS the test asserts per person, or the case is skipped.
  ass_precondition_remplie: special('individu'),
  salarie_regime_alsace_moselle: special('individu'),
  // Read to derive a net wage from salaire_de_base (private employee, part-time ceiling).
  categorie_salarie: special('individu'),
  contrat_de_travail: special('individu'),
  heures_remunerees_volume: special('individu'),
  scolarite: special('individu'),
  rempli_obligation_scolaire: special('individu'),
  enfant_a_charge: special('individu'),
  // Capital and property (RSA: actual income, flat value of non-productive assets, CASF R132-1 via R262-6).
  revenus_capital: special('individu'),
  revenus_locatifs: special('individu'),
  valeur_locative_immo_non_loue: special('individu'),
  valeur_locative_terrains_non_loues: special('individu'),
  livret_a: special('individu'),
  epargne_revenus_non_imposables: special('individu'),
  statut_marital: ignore(
    'individu',
    'le couple se lit dans la composition de la famille (deux parents), comme le fait OpenFisca pour en_couple ; le statut marital ne joue que sur l’impôt',
  ),
  contrat_de_travail_type: ignore('individu', SALARY_SETTINGS),
  contrat_duree_determinee_type: ignore('individu', SALARY_SETTINGS),
  effectif_entreprise: ignore('individu', SALARY_SETTINGS),
  depcom_entreprise: ignore('individu', SALARY_SETTINGS),
  quotite_de_travail: ignore('individu', SALARY_SETTINGS),
  secteur_activite_employeur: ignore('individu', SALARY_SETTINGS),
  taches_salarie_type: ignore('individu', SALARY_SETTINGS),
  regime_securite_sociale: ignore('individu', SALARY_SETTINGS),
  allegement_general_mode_recouvrement: ignore('individu', SALARY_SETTINGS),
  allegement_cotisation_maladie_mode_recouvrement: ignore('individu', SALARY_SETTINGS),
  allegement_cotisation_allocations_familiales_mode_recouvrement: ignore('individu', SALARY_SETTINGS),
  choix_exoneration_cotisations_employeur_agricole: ignore('individu', SALARY_SETTINGS),
  exposition_accident: ignore('individu', SALARY_SETTINGS),
  ratio_alternants: ignore('individu', SALARY_SETTINGS),

  // Families.
  rsa_isolement_recent: special('famille'),
  departement_experimentation_rsa: special('famille'),
  en_couple: special('famille'),
  maries: ignore('famille', 'mariage ou non : le couple se lit dans la composition de la famille (deux parents)'),
  proprietaire_proche_famille: ignore('famille', HOUSING_AID_SETTINGS),
  acs: ignore(
    'famille',
    "ancienne aide à la complémentaire santé (ACS) : ni une ressource ni une condition d'aucun des droits comparés",
  ),
  ars: ignore(
    'famille',
    "l'ARS n'est une ressource d'aucun droit comparé (R262-11, C2S) ; si elle est aussi attendue en sortie, la comparaison est exclue",
  ),

  // Dwelling.
  statut_occupation_logement: special('menage'),
  depcom: special('menage'),
  loyer: special('menage'),
  participation_frais: special('menage'),
  residence_guadeloupe: special('menage'),
  residence_martinique: special('menage'),
  residence_guyane: special('menage'),
  residence_reunion: special('menage'),
  residence_mayotte: special('menage'),
  zone_apl: ignore('menage', HOUSING_AID_SETTINGS),
  coloc: ignore('menage', HOUSING_AID_SETTINGS),
  logement_chambre: ignore('menage', HOUSING_AID_SETTINGS),
  logement_conventionne: ignore('menage', HOUSING_AID_SETTINGS),

  // Tax households.
  rfr: special('foyer_fiscal'),
  rni: special('foyer_fiscal'),
  revenu_net_imposable: special('foyer_fiscal'),
  depcom_foyer: ignore('foyer_fiscal', "commune du foyer fiscal : ne sert qu'aux impôts locaux"),
  maries_ou_pacses: ignore('foyer_fiscal', 'statut du foyer fiscal : ne joue que sur l’impôt'),

  // OpenFisca's intermediate results imposed as inputs: the case no longer tests the formula.
  rsa_eligibilite: forced('famille'),
  rsa_eligibilite_tns: forced('famille'),
  rsa_montant: forced('famille'),
  rsa_non_calculable: forced('famille'),
  rsa_majore_eligibilite: forced('famille'),
  rsa_forfait_asf: forced('famille'),
  rsa_nb_enfants: forced('famille'),
  rsa_base_ressources: forced('famille'),
  rsa_base_ressources_minima_sociaux: forced('famille'),
  rsa_base_ressources_prestations_familiales: forced('famille'),
  ppa_eligibilite: special('famille'),
  ppa_mois_demande: forced('famille'),
  asi_aspa_base_ressources_individu: forced('individu'),
  aspa_eligibilite: forced('individu'),
  cmu_c: forced('famille'),
  cmu_nb_pac: forced('famille'),
  css_cmu_forfait_logement_base: forced('famille'),
  css_cmu_forfait_logement_al: forced('famille'),
  af_nbenf: forced('famille'),
  cf_non_majore_avant_cumul: forced('famille'),
  aide_logement_base_ressources: forced('famille'),
  aide_logement_montant_brut: forced('famille'),
  minima_sociaux: forced('famille'),
  cheque_energie_unites_consommation: forced('menage'),
};

/** Role keys of each group entity (not variables). */
export const ROLE_KEYS: Readonly<Record<Exclude<EntityKind, 'individu'>, readonly string[]>> = {
  famille: ['parents', 'enfants'],
  menage: ['personne_de_reference', 'conjoint', 'enfants', 'autres'],
  foyer_fiscal: ['declarants', 'personnes_a_charge'],
};

/** Top-level test keys that are not inputs of the computation. */
export const NON_INPUT_TEST_KEYS = ['name', 'description', 'keywords', 'max_spiral_loops', 'reforms', 'extensions'];

/** The entity of a variable in a flat input (unknown variables are put on the person). */
export function entityOf(variable: string): EntityKind {
  return VARIABLES[variable]?.entity ?? 'individu';
}
