/**
 * Paramètres de la prime d'activité (PPA) — CSS L841-1 s., D843-1 s.
 * Source : OpenFisca-France `prestations_sociales.solidarite_insertion.minima_sociaux.ppa.*`
 * (noms de séries abrégés en `ppa.…`), recoupé avec RULES.md §2. La prime existe depuis le 2016-01-01.
 * Montants en euros par mois ; taux en fraction ; seuils de bonification en multiples du Smic horaire brut.
 */
import { heuresPlafondPacNonScolaire, revenuPlafondPacNonScolaire } from './common.ts';
import {
  ageLimiteEnfantMajorationIsolement as ageLimiteEnfantMajorationIsolementRsa,
  ageLimitePersonneACharge as ageLimitePersonneAChargeRsa,
  delaiMajorationIsolement as delaiMajorationIsolementRsa,
  dureeTitreSejourNonEee as dureeTitreSejourNonEeeRsa,
  forfaitAsfOrphelinPartiel,
} from './rsa.ts';
import { series } from './series.ts';

/** Montant forfaitaire de base de la prime d'activité, personne seule (€/mois). */
export const montantDeBase = series('ppa.pa_m.montant_de_base', [
  {
    from: '2016-01-01',
    value: 524.16,
    ref: 'Décret 2015-1710 du 21/12/2015, art. 1 ; Décret 2015-1710 du 21/12/2015, art. 2 (crée art. D843-1 du CSS)',
  },
  { from: '2016-04-01', value: 524.68, ref: 'Décret 2016-536 du 27/04/2016, art. 1' },
  { from: '2017-04-01', value: 526.25, ref: 'Décret 2017-740 du 04/05/2017, art. 1' },
  { from: '2018-04-01', value: 531.51, ref: 'Décret 2018-323 du 03/05/2018, art. 1' },
  { from: '2018-08-01', value: 551.51, ref: 'Décret 2018-836 du 03/10/2018, art. 1 et 2' },
  { from: '2020-04-01', value: 553.16, ref: 'Décret 2020-491 du 29/04/2020, art. 1' },
  { from: '2021-04-01', value: 553.71, ref: 'Décret 2021-528 du 29/04/2021, art. 1' },
  { from: '2022-04-01', value: 563.68, ref: 'Décret 2022-701 du 26/04/2022, art. 1' },
  { from: '2022-07-01', value: 586.23, ref: 'LOI n° 2022-1158 du 16/08/2022, art. 9' },
  { from: '2023-04-01', value: 595.25, ref: 'Décret n° 2023-343 du 4 mai 2023, article 1' },
  {
    from: '2024-04-01',
    value: 622.63,
    ref: 'Décret n° 2024-403 du 1er mai 2024, article 1 ; Article L842-3 du code de la sécurité sociale',
  },
  { from: '2025-04-01', value: 633.21, ref: 'Décret n° 2025-294 du 29 mars 2025, art. 1' },
  {
    from: '2026-04-01',
    value: 638.28,
    ref: 'Décret n° 2026-222 du 30 mars 2026, art. 2 — OpenFisca-France uniquement, à confirmer',
  },
]);

/** Majoration du montant forfaitaire pour la 2e personne du foyer (fraction du montant de base). */
export const tauxDeuxiemePersonne = series('ppa.pa_m.majoration_montant_maximal.couples_seul_avec_enfant', [
  {
    from: '2016-01-01',
    value: 0.5,
    ref: 'Article D843-1 du Code de la sécurité sociale (crée art. D843-1 du CSS) ; Décret 2015-1710 du 21/12/2015, art. 2',
  },
]);

/** Majoration pour la 3e personne et, pour un couple, la 4e (fraction du montant de base). */
export const tauxPersonneSupplementaire = series('ppa.pa_m.majoration_montant_maximal.couple_1_enfant_2e_enfant', [
  {
    from: '2016-01-01',
    value: 0.3,
    ref: 'Article D843-1 du Code de la sécurité sociale ; Décret 2015-1710 du 21/12/2015, art. 2 (crée art. D843-1 du CSS)',
  },
]);

/** Majoration par personne à charge à partir de la 3e (fraction du montant de base). */
export const tauxTroisiemePersonneACharge = series('ppa.pa_m.majoration_montant_maximal.par_enfant_supplementaire', [
  {
    from: '2016-01-01',
    value: 0.4,
    ref: 'Article D843-1 du Code de la sécurité sociale ; Décret 2015-1710 du 21/12/2015, art. 2 (crée art. D843-1 du CSS)',
  },
]);

/** Parent isolé ou femme enceinte isolée : montant forfaitaire majoré = base × (ce taux + tauxMajorationIsolementParEnfant × enfants). */
export const tauxMajorationIsolement = series('ppa.pa_m.majoration_isolement.femmes_enceintes', [
  {
    from: '2016-01-01',
    value: 1.28412,
    ref: 'Article D843-1 du code de la sécurité sociale ; Décret 2015-1710 du 21/12/2015, art. 2 (crée art. D843-1 du CSS)',
  },
]);

/** Parent isolé : supplément par enfant à charge (fraction du montant de base). */
export const tauxMajorationIsolementParEnfant = series('ppa.pa_m.majoration_isolement.par_enfant_charge', [
  {
    from: '2016-01-01',
    value: 0.42804,
    ref: 'Article D843-1 du code de la sécurité sociale ; Décret 2015-1710 du 21/12/2015, art. 2 (crée art. D843-1 du CSS)',
  },
]);

/** Pente α : part des revenus professionnels du foyer ajoutée au montant forfaitaire (0.62, puis 0.61 au 2018-08-01, puis 0.5985 au 2025-04-01). */
export const tauxRevenusActivite = series('ppa.pa_m.majoration_ressources_revenus_activite', [
  {
    from: '2016-01-01',
    value: 0.62,
    ref: 'Article D843-3 du code de la sécurité sociale ; Décret 2015-1710 du 21/12/2015, art. 2 (crée art. D843-1 du CSS)',
  },
  {
    from: '2018-08-01',
    value: 0.61,
    ref: 'Article D843-3 du code de la sécurité sociale ; Décret 2018-836 du 03/10/2018, art. 2',
  },
  // OpenFisca cite ici le décret 2018-836 (art. 1) ; RULES.md nomme le décret 2025-292 : suivi de RULES.md
  {
    from: '2025-04-01',
    value: 0.5985,
    ref: 'Décret n° 2025-292 du 29 mars 2025 (RULES.md §2.2) ; Article D843-3 du code de la sécurité sociale',
  },
]);

/** Bonification individuelle : revenus d'activité mensuels à partir desquels elle est due, en multiple du Smic horaire brut (59 h). */
export const seuilBonification = series('ppa.pa_m.bonification.seuil_bonification', [
  {
    from: '2016-01-01',
    value: 59,
    ref: 'Article D843-2 du Code de la sécurité sociale ; Décret 2015-1710 du 21/12/2015, art. 2 (crée art. D843-2 du CSS)',
  },
]);

/** Bonification individuelle : revenus à partir desquels elle est maximale, en multiple du Smic horaire brut (95 h, 120 h au 2018-10-01, 138 h au 2026-04-01). */
export const seuilBonificationMaximale = series('ppa.pa_m.bonification.seuil_max_bonification', [
  {
    from: '2016-01-01',
    value: 95,
    ref: 'Décret 2015-1710 du 21/12/2015, art. 2 (crée art. D843-1 du CSS) ; Article D843-2 du Code de la sécurité sociale',
  },
  {
    from: '2018-10-01',
    value: 120,
    ref: 'Article D843-2 du Code de la sécurité sociale ; Décret nº2018-1197 du 21/12/2018',
  },
  {
    from: '2026-04-01',
    value: 138,
    ref: 'Article D843-2 du Code de la sécurité sociale ; Décret 2026-222 du 30 mars 2026, art. 1 — OpenFisca-France uniquement, à confirmer',
  },
]);

/** Montant maximal de la bonification individuelle, en fraction du montant de base (arrondi au centime après multiplication). */
export const tauxBonificationMaximale = series('ppa.pa_m.bonification.taux_bonification_max', [
  {
    from: '2016-01-01',
    value: 0.12782,
    ref: 'Article D843-2 du Code de la sécurité sociale ; Décret 2015-1710 du 21/12/2015, art. 2 (crée art. D843-1 du CSS)',
  },
  {
    from: '2018-10-01',
    value: 0.29101,
    ref: 'Article D843-2 du Code de la sécurité sociale ; Décret nº2018-1197 du 21/12/2018',
  },
  {
    from: '2026-04-01',
    value: 0.377,
    ref: 'Article D843-2 du Code de la sécurité sociale ; Décret 2026-222 du 30 mars 2026, art. 1 — OpenFisca-France uniquement, à confirmer',
  },
]);

/** Forfait logement, foyer d'une personne : fraction du montant forfaitaire d'une personne. */
export const tauxForfaitLogement1Personne = series('ppa.pa_fl.taux_forfait_logement.foyer_1_personne', [
  { from: '2016-01-01', value: 0.12, ref: 'Article R844-3 du Code de la sécurité sociale' },
]);

/** Forfait logement, foyer de deux personnes : fraction du montant forfaitaire de deux personnes. */
export const tauxForfaitLogement2Personnes = series('ppa.pa_fl.taux_forfait_logement.foyer_2_personnes', [
  { from: '2016-01-01', value: 0.16, ref: 'Article R844-3 du Code de la sécurité sociale' },
]);

/** Forfait logement, foyer de trois personnes ou plus : fraction du montant forfaitaire de trois personnes. */
export const tauxForfaitLogement3PersonnesOuPlus = series('ppa.pa_fl.taux_forfait_logement.foyer_3_personnes', [
  { from: '2016-01-01', value: 0.165, ref: 'Article R844-3 du Code de la sécurité sociale' },
]);

/** Seuil de versement (€/mois) : une prime inférieure n'est pas versée. */
export const montantMinimumVerse = series('ppa.pa_m.montant_minimum_verse', [
  {
    from: '2015-10-01',
    value: 15,
    ref: 'Article D843-1 du Code de la sécurité sociale ; Décret 2015-1710 du 21/12/2015, art. 2 ; Article D846-2 du Code de la sécurité sociale',
  },
]);

/** Âge minimal d'au moins un membre du foyer (années). Daté 2015-10-01 dans OpenFisca pour les calculs trimestriels de janvier 2016. */
export const ageMinimum = series('ppa.pa_cond.age_min', [
  {
    from: '2015-10-01',
    value: 18,
    ref: "Article L842-2 du Code de la sécurité sociale ; Loi n°2015-994 du 17/08/2015 relative au dialogue social et à l'emploi, article 57",
  },
]);

/** Revenus d'activité mensuels (en multiple du Smic horaire brut) au-delà desquels l'AAH de la personne est traitée comme un revenu d'activité. */
export const seuilAahActivite = series('ppa.pa_cond.seuil_aah_activite', [
  {
    from: '2015-10-01',
    value: 29,
    ref: 'Article D843-4 du code de la sécurité sociale (créé en 2018) ; Article L842-8 du code de la sécurité sociale',
  },
]);

/**
 * Élèves, étudiants, apprentis et stagiaires : éligibles seulement si, chaque mois de référence, leurs revenus
 * d'activité dépassent tauxPlancherApprenant × heuresPlancherApprenant × Smic horaire brut (0.55 × 169 h).
 * Mêmes séries que `common.revenuPlafondPacNonScolaire` et `common.heuresPlafondPacNonScolaire`.
 */
export const tauxPlancherApprenant = revenuPlafondPacNonScolaire;
/** Nombre d'heures du Smic mensuel retenu pour le plancher des apprenants (169 h). */
export const heuresPlancherApprenant = heuresPlafondPacNonScolaire;

/**
 * Indemnités journalières maladie / accident du travail : comptées en revenus professionnels pendant ce nombre de
 * premiers mois de l'arrêt de travail, en autres ressources ensuite. Pas de paramètre OpenFisca (constante du code
 * `rsa_indemnites_journalieres_activite`).
 */
export const moisIndemnitesJournalieresActivite = series('hors_openfisca.ppa.indemnites_journalieres.mois_activite', [
  {
    // Read in each reference month: the first prime, due for January 2016, looks at October–December 2015.
    from: '2015-10-01',
    value: 3,
    ref: "Article R844-1 du code de la sécurité sociale (décret 2015-1709 du 21 décembre 2015 : IJ des trois premiers mois suivant l'arrêt de travail, mois de référence des primes dues à partir de janvier 2016) ; RULES.md §1.5 et §2.2",
  },
]);

/**
 * Personnes à charge : âge en dessous duquel elles comptent dans le foyer (25 ans). D843-1 CSS (« enfants ou
 * personnes de moins de vingt-cinq ans à charge ») : même limite que le RSA, même série.
 */
export const ageLimitePersonneACharge = ageLimitePersonneAChargeRsa;

/**
 * Majoration pour isolement : la personne isolée s'entend comme pour le RSA (L842-7 CSS renvoie à la situation
 * d'isolement du RSA, CASF L262-9 et R262-2) : fenêtre de 18 mois après l'événement, ou plus jeune enfant de moins de 3 ans.
 * Mêmes séries que le RSA.
 */
export const delaiMajorationIsolement = delaiMajorationIsolementRsa;
/** Majoration pour isolement « longue » : jusqu'aux 3 ans du plus jeune enfant (même série que le RSA). */
export const ageLimiteEnfantMajorationIsolement = ageLimiteEnfantMajorationIsolementRsa;

/** Étranger hors EEE : ancienneté minimale du titre de séjour autorisant à travailler, 5 ans (L842-2 2° CSS, comme le RSA). */
export const dureeTitreSejourNonEee = dureeTitreSejourNonEeeRsa;

/**
 * Allocation de soutien familial comptée dans les ressources au forfait de 22,5 % de la BMAF par enfant (au plus
 * l'ASF versée). OpenFisca applique à la prime d'activité le forfait du RSA (`rsa_forfait_asf`) : même série.
 */
export const forfaitAsfParEnfant = forfaitAsfOrphelinPartiel;

/** Paramètres de la prime d'activité, par nom juridique. */
export const ppa = {
  montantDeBase,
  tauxDeuxiemePersonne,
  tauxPersonneSupplementaire,
  tauxTroisiemePersonneACharge,
  tauxMajorationIsolement,
  tauxMajorationIsolementParEnfant,
  tauxRevenusActivite,
  seuilBonification,
  seuilBonificationMaximale,
  tauxBonificationMaximale,
  tauxForfaitLogement1Personne,
  tauxForfaitLogement2Personnes,
  tauxForfaitLogement3PersonnesOuPlus,
  montantMinimumVerse,
  ageMinimum,
  seuilAahActivite,
  tauxPlancherApprenant,
  heuresPlancherApprenant,
  moisIndemnitesJournalieresActivite,
  ageLimitePersonneACharge,
  delaiMajorationIsolement,
  ageLimiteEnfantMajorationIsolement,
  dureeTitreSejourNonEee,
  forfaitAsfParEnfant,
} as const;
