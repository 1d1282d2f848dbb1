/**
 * Paramètres de l'allocation de rentrée scolaire (ARS) — CSS L543-1, R543-1 s., D543-1 s.
 * Source : OpenFisca-France `prestations_sociales.prestations_familiales.education_presence_parentale.ars.*`
 * (noms abrégés en `ars.…`), recoupé avec RULES.md §5. Séries ouvertes en 2002 (passage à l'euro).
 * Montant par enfant = BMAF (common.bmaf) × taux de la tranche d'âge ; plafond valable pour l'année civile.
 */
import { series } from './series.ts';

/** Base du plafond de ressources (revenu net catégoriel N-2), sans majoration pour enfants (€/an). */
export const plafondRessources = series('ars.ars_plaf.plafond_ressources', [
  { from: '2002-07-01', value: 12415, ref: 'Arrêté du 29/04/2002' },
  { from: '2003-07-01', value: 12626, ref: 'Arrêté du 26/06/2003' },
  { from: '2004-07-01', value: 12866, ref: 'Arrêté du 16/07/2004' },
  { from: '2005-07-01', value: 13085, ref: 'Arrêté du 01/08/2005' },
  { from: '2006-07-01', value: 13307, ref: 'Arrêté du 17/07/2006' },
  { from: '2007-07-01', value: 16916, ref: 'Arrêté du 10/07/2007' },
  {
    from: '2008-10-10',
    value: 18947,
    ref: 'Décret 2008-1025 du 07/10/2008 ; Décret 2008-767 du 30/07/2008, art. 1 (modif art. D543-1)',
  },
  { from: '2009-01-01', value: 17170, ref: 'Arrêté du 31/12/2008' },
  { from: '2010-01-01', value: 17651, ref: 'Arrêté du 29/12/2009' },
  { from: '2011-01-01', value: 17669, ref: 'Arrêté du 30/12/2010' },
  { from: '2012-01-01', value: 17846, ref: 'Arrêté du 28/12/2011, art. 3' },
  { from: '2013-01-01', value: 18221, ref: 'Circulaire DSS/SD2B/2012/423' },
  { from: '2014-01-01', value: 18567, ref: 'Circulaire DSS/SD2B/2013/417' },
  { from: '2015-01-01', value: 18697, ref: 'Circulaire DSS/SD2B/2014/345' },
  { from: '2016-01-01', value: 18772, ref: 'Circulaire DSS/SD2B/2015/371 du 18/12/2015' },
  {
    from: '2018-01-01',
    value: 18810,
    ref: 'Article 4 ; Circulaire DSS/SD2B/2017/352 du 22/12/2017 ; Arrêté du 27/12/2017',
  },
  { from: '2019-01-01', value: 18998, ref: 'Arrêté du 21/12/2018, art. 4' },
  { from: '2020-01-01', value: 19302, ref: 'Arrêté du 20/12/2019, art. 4' },
  { from: '2021-01-01', value: 19476, ref: 'Arrêté du 14/12/2020, art. 5' },
  { from: '2022-01-01', value: 19515, ref: 'Arrêté du 16/12/2021, art. 4' },
  {
    from: '2023-01-01',
    value: 19827,
    ref: 'Article L543-1 du Code de la sécurité sociale ; Arrêté du 21/12/2022, art. 3',
  },
  {
    from: '2024-01-01',
    value: 20878,
    ref: 'Article L543-1 du Code de la sécurité sociale ; Arrêté du 22/12/2023, art. 3',
  },
  {
    from: '2025-01-01',
    value: 21880,
    ref: 'Article L543-1 du Code de la sécurité sociale ; Arrêté du 20/12/2024, art. 3',
  },
  {
    from: '2026-01-01',
    value: 22274,
    ref: 'Instruction interministérielle n° DSS/2B/2025/177 du 18/12/2025 — OpenFisca-France uniquement, à confirmer',
  },
]);

/** Majoration du plafond par enfant à charge (fraction de la base) : plafond = base × (1 + 0.3 × enfants). */
export const majorationPlafondParEnfant = series('ars.ars_plaf.majoration_par_enf_supp', [
  { from: '1986-07-01', value: 0.3, ref: 'Création Décret 85-1353 1985-12-17, art. 1' },
]);

/** Âge minimal de l'enfant, atteint avant le 1er février suivant la rentrée (années) ; tranche 6-10 ans. */
export const ageEntreePrimaire = series('ars.ars_cond.age_entree_primaire', [
  {
    from: '1974-08-14',
    value: 6,
    ref: 'Décret 74-706 du 13/08/1974, art. 2 ; Article R543-2 du Code de la sécurité sociale',
  },
]);

/** Âge à partir duquel s'applique le taux « collège » (11-14 ans). */
export const ageEntreeCollege = series('ars.ars_cond.age_entree_college', [
  {
    from: '2002-01-01',
    value: 11,
    ref: 'Article D543-1 du Code de la sécurité sociale ; Décret 2008-767 du 30/07/2008, art. 1 (modifie D543-1 du CSS)',
  },
]);

/** Âge à partir duquel s'applique le taux « lycée » (15-18 ans). */
export const ageEntreeLycee = series('ars.ars_cond.age_entree_lycee', [
  {
    from: '2002-01-01',
    value: 15,
    ref: 'Article D543-1 du Code de la sécurité sociale ; Décret 2008-767 du 30/07/2008, art. 1 (modifie D543-1 du CSS)',
  },
]);

/** L'enfant doit avoir moins de cet âge au 15 septembre de l'année de rentrée (années). */
export const ageSortieLycee = series('ars.ars_cond.age_sortie_lycee', [
  {
    from: '1990-09-05',
    value: 18,
    ref: 'Article R543-2 du Code de la sécurité sociale ; Décret 90-776 du 03/09/1990, art. 1 (modifie R543-2 du CSS)',
  },
]);

/** Montant par enfant de 6 à 10 ans, en fraction de la BMAF. */
export const tauxPrimaire = series('ars.ars_m.taux_primaire', [
  { from: '2001-08-01', value: 0.7322, ref: 'Décret 2001-719 du 31/07/2001, art. 1 (modif art. D543-1 du CSS)' },
  {
    from: '2008-08-03',
    value: 0.725,
    ref: 'Loi 2007-1786 du 19/12/2007, art. 93 (modif art. L543-1 du CSS) ; Décret 2008-767 du 31/07/2008, art. 1 (modif art. D543-1 du CSS)',
  },
  {
    from: '2012-08-01',
    value: 0.8972,
    ref: 'Article D543-1 du Code de la sécurité sociale ; Décret 2012-830 du 27/06/2012',
  },
]);

/** Montant par enfant de 11 à 14 ans, en fraction de la BMAF. */
export const tauxCollege = series('ars.ars_m.taux_college', [
  { from: '2001-08-01', value: 0.7322, ref: 'Décret 2001-719 du 31/07/2001, art. 1 (modif art. D543-1 du CSS)' },
  {
    from: '2008-08-03',
    value: 0.7649,
    ref: 'Loi 2007-1786 du 19/12/2007, art. 93 (modif art. L543-1 du CSS) ; Décret 2008-767 du 31/07/2008, art. 1 (modif art. D543-1 du CSS)',
  },
  {
    from: '2012-08-01',
    value: 0.9467,
    ref: 'Article D543-1 du Code de la sécurité sociale ; Décret 2012-830 du 27/06/2012',
  },
]);

/** Montant par enfant de 15 à 18 ans, en fraction de la BMAF. */
export const tauxLycee = series('ars.ars_m.taux_lycee', [
  { from: '2001-08-01', value: 0.7322, ref: 'Décret 2001-719 du 31/07/2001, art. 1 (modif art. D543-1 du CSS)' },
  {
    from: '2008-08-03',
    value: 0.7915,
    ref: 'Loi 2007-1786 du 19/12/2007, art. 93 (modif art. L543-1 du CSS) ; Décret 2008-767 du 31/07/2008, art. 1 (modif art. D543-1 du CSS)',
  },
  {
    from: '2012-08-01',
    value: 0.9795,
    ref: 'Article D543-1 du Code de la sécurité sociale ; Décret 2012-830 du 27/06/2012',
  },
]);

/** ARS différentielle : montant en dessous duquel rien n'est versé (€). */
export const montantMinimumVerse = series('ars.montant_minimum_verse', [
  {
    from: '2002-08-09',
    value: 15,
    ref: 'Article D543-2 du Code de la sécurité sociale ; Décret 2002-1060 du 07/08/2002, art. 2 (crée art. D543-2 du CSS)',
  },
]);

/** Majoration exceptionnelle par enfant, en fraction de la BMAF (rentrée 2020 seulement ; 0 sinon). */
export const tauxMajorationExceptionnelle = series('ars.ars_maj.taux_majoration_exceptionnelle', [
  // Aucune valeur OpenFisca avant 2020-08-06 : 0 (pas de majoration)
  {
    from: '2001-08-10',
    value: 0,
    ref: 'Pas de majoration exceptionnelle : OpenFisca-France ars.ars_maj.montant_majoration_exceptionnelle est null depuis le 2001-08-10',
  },
  { from: '2020-08-06', value: 0.2426, ref: 'Décret 2020-985 du 05/08/2020' },
  // null dans OpenFisca : modélisé par 0
  {
    from: '2021-08-01',
    value: 0,
    ref: 'Fin de la majoration exceptionnelle de 2020 (OpenFisca-France ars.ars_maj.taux_majoration_exceptionnelle)',
  },
]);

/**
 * Âge jusqu'auquel un enfant est à charge au sens des prestations familiales (moins de 20 ans) : il compte pour la
 * majoration du plafond même s'il n'ouvre pas droit à l'ARS (R543-5 renvoyant aux enfants à charge ; OpenFisca
 * `af_nbenf`).
 */
export const ageLimiteEnfantACharge = series('hors_openfisca.prestations_familiales.age_limite_enfant_a_charge', [
  {
    from: '2000-01-01',
    value: 20,
    ref: 'Articles L512-3 et R512-2 du Code de la sécurité sociale (enfant à charge jusqu’à 20 ans)',
  },
]);

/**
 * Âge de fin de l'obligation scolaire : au-delà, l'ARS n'est versée que sur justification de la scolarité ou de
 * l'apprentissage (R543-4). Apprécié, comme la tranche d'âge, au 31 décembre de l'année de la rentrée (pratique CAF).
 */
export const ageFinObligationScolaire = series('hors_openfisca.ars.age_fin_obligation_scolaire', [
  {
    from: '1959-01-06',
    value: 16,
    ref: "Article L131-1 du Code de l'éducation (instruction obligatoire jusqu'à 16 ans) ; article R543-4 du Code de la sécurité sociale",
  },
]);

/** Jour (MM-JJ) de l'année N+1 avant lequel l'enfant doit avoir 6 ans pour la rentrée de l'année N (R543-2). */
export const jourLimiteSixiemeAnniversaire = series('hors_openfisca.ars.jour_limite_sixieme_anniversaire', [
  { from: '1974-08-14', value: '02-01', ref: 'Article R543-2 du Code de la sécurité sociale (avant le 1er février)' },
]);

/** Jour (MM-JJ) de l'année N auquel l'enfant doit ne pas avoir atteint 18 ans révolus (R543-2). */
export const jourLimiteAgeMaximum = series('hors_openfisca.ars.jour_limite_age_maximum', [
  { from: '1990-09-05', value: '09-15', ref: 'Article R543-2 du Code de la sécurité sociale (au 15 septembre)' },
]);

/** Jour (MM-JJ) de l'année N auquel l'âge fixe la tranche de montant (D543-1). */
export const jourTrancheAge = series('hors_openfisca.ars.jour_tranche_age', [
  {
    from: '2008-08-03',
    value: '12-31',
    ref: "Article D543-1 du Code de la sécurité sociale (âge au 31 décembre de l'année civile de la rentrée)",
  },
]);

/** Jour (MM-JJ) de l'année N dont la BMAF fixe le montant : le taux est « applicable au 1er août » (D543-1). */
export const jourMontant = series('hors_openfisca.ars.jour_montant', [
  { from: '2008-08-03', value: '08-01', ref: 'Article D543-1 du Code de la sécurité sociale (applicable au 1er août)' },
]);

/**
 * Jour (MM-JJ) retenu pour « la charge au jour de la rentrée scolaire » (R543-1) : composition du foyer et enfants
 * à charge. La date réelle de rentrée varie d'une année à l'autre (début septembre) : convention proactif.
 */
export const jourRentree = series('hors_openfisca.ars.jour_rentree', [
  {
    from: '1974-08-14',
    value: '09-01',
    ref: 'Article R543-1 du Code de la sécurité sociale (charge au jour de la rentrée) — date conventionnelle retenue par proactif',
  },
]);

/**
 * Décalage de l'année des revenus : les ressources de référence sont celles de l'avant-dernière année (N-2) pour la
 * rentrée de l'année N (R532-3, R543-5).
 */
export const decalageAnneeRevenus = series('hors_openfisca.prestations_familiales.decalage_annee_revenus', [
  {
    from: '2000-01-01',
    value: 2,
    ref: "Article R532-3 du Code de la sécurité sociale (année civile de référence : l'avant-dernière année)",
  },
]);

/** Paramètres de l'ARS, par nom juridique. */
export const ars = {
  plafondRessources,
  majorationPlafondParEnfant,
  ageEntreePrimaire,
  ageEntreeCollege,
  ageEntreeLycee,
  ageSortieLycee,
  tauxPrimaire,
  tauxCollege,
  tauxLycee,
  montantMinimumVerse,
  tauxMajorationExceptionnelle,
  ageLimiteEnfantACharge,
  ageFinObligationScolaire,
  jourLimiteSixiemeAnniversaire,
  jourLimiteAgeMaximum,
  jourTrancheAge,
  jourMontant,
  jourRentree,
  decalageAnneeRevenus,
} as const;
