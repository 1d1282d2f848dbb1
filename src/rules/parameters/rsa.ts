/**
 * Paramètres du revenu de solidarité active (RSA) — CASF L262-1 s., R262-1 s.
 * Source : OpenFisca-France `prestations_sociales.solidarite_insertion.minima_sociaux.rsa.*`
 * (noms de séries abrégés en `rsa.…`), recoupé avec RULES.md §1.
 * Montants en euros par mois ; taux en fraction (0.5 = 50 %) ; âges en années.
 */
import { series } from './series.ts';

/** Montant forfaitaire de base du RSA pour une personne seule (€/mois, métropole et DOM hors Mayotte). */
export const montantDeBase = series('rsa.rsa_m.montant_de_base_du_rsa', [
  { from: '2009-06-01', value: 454.63, ref: 'Décret 2009-404 du 15/04/2009' },
  { from: '2010-01-01', value: 460.09, ref: 'Décret 2010-54 du 15/01/2010' },
  { from: '2011-01-01', value: 466.99, ref: 'Décret 2011-230 du 01/03/2011' },
  { from: '2012-01-01', value: 474.93, ref: 'Décret 2011-2040 du 28/12/2011' },
  { from: '2013-01-01', value: 483.24, ref: 'Décret 2012-1488 du 28/12/2012' },
  { from: '2013-09-01', value: 492.9, ref: 'Décret 2013-793 du 30/08/2013' },
  { from: '2014-01-01', value: 499.31, ref: 'Décret 2013-1263 du 27/12/2013' },
  { from: '2014-09-01', value: 509.3, ref: 'Décret 2014-1127 du 03/10/2014' },
  { from: '2015-01-01', value: 513.88, ref: 'Décret 2014-1589 du 23/12/2014' },
  { from: '2015-09-01', value: 524.16, ref: 'Décret 2015-1231 du 06/10/2015' },
  { from: '2016-04-01', value: 524.68, ref: 'Décret 2016-538 du 27/04/2016' },
  { from: '2016-09-01', value: 535.17, ref: 'Décret 2016-1276 du 29/09/2016' },
  { from: '2017-04-01', value: 536.78, ref: 'Décret 2017-739 du 04/05/2017' },
  { from: '2017-09-01', value: 545.48, ref: 'Décret 2017-739 du 04/05/2017, art. 1' },
  { from: '2018-04-01', value: 550.93, ref: 'Décret 2018-324 du 03/05/2018, art. 1' },
  { from: '2019-04-01', value: 559.74, ref: 'Décret 2019-400 du 02/05/2019, art. 1' },
  { from: '2020-04-01', value: 564.78, ref: 'Décret 2020-490 du 29/04/2020, art. 1' },
  {
    from: '2021-04-01',
    value: 565.34,
    ref: 'Décret 2021-530 du 29/04/2021, art. 1 ; Article 1 du Décret 2021-530 du 29/04/2021',
  },
  { from: '2022-04-01', value: 575.52, ref: 'Décret n° 2022-699 du 26/04/2022, art. 1' },
  { from: '2022-07-01', value: 598.54, ref: 'LOI n° 2022-1158 du 16/08/2022, art. 9' },
  { from: '2023-04-01', value: 607.75, ref: 'Décret n° 2023-340 du 4 mai 2023, article 1' },
  { from: '2024-04-01', value: 635.71, ref: 'Décret n° 2024-396 du 29/04/2024, article 1' },
  { from: '2025-04-01', value: 646.52, ref: 'Décret n° 2025-293 du 29 mars 2025, art. 1' },
  {
    from: '2026-04-01',
    value: 651.69,
    ref: 'Décret n° 2026-220 du 30 mars 2026, art. 1 — OpenFisca-France uniquement, à confirmer',
  },
]);

/** Majoration du montant forfaitaire pour la 2e personne du foyer (couple ou parent + 1 enfant), en fraction du montant de base. */
export const tauxDeuxiemePersonne = series('rsa.rsa_maj.maj_montant_max.couples_celibataire_avec_enfant', [
  {
    from: '2009-06-01',
    value: 0.5,
    ref: 'Décret 2009-404 du 15/04/2009, art. 2 (modif art. R262-1 du CASF) ; Article D843-1 du Code de la sécurité sociale',
  },
]);

/** Majoration pour la 3e personne et, pour un couple, la 4e (en fraction du montant de base). */
export const tauxPersonneSupplementaire = series('rsa.rsa_maj.maj_montant_max.couple_1_enfant_ou_2e_enfant', [
  {
    from: '2009-06-01',
    value: 0.3,
    ref: 'Décret 2009-404 du 15/04/2009, art. 2 (modif art. R262-1 du CASF) ; Article D843-1 du Code de la sécurité sociale',
  },
]);

/** Majoration par personne à charge à partir de la 3e (4e personne d'un parent seul, 5e et suivantes d'un couple), en fraction du montant de base. */
export const tauxTroisiemePersonneACharge = series('rsa.rsa_maj.maj_montant_max.par_enfant_supplementaire', [
  {
    from: '2009-06-01',
    value: 0.4,
    ref: 'Décret 2009-404 du 15/04/2009, art. 2 (modif art. R262-1 du CASF) ; Article D843-1 du Code de la sécurité sociale',
  },
]);

/** RSA majoré (parent isolé ou femme enceinte isolée) : montant forfaitaire majoré = base × (ce taux + tauxMajorationIsolementParEnfant × enfants). 1.284 avant 2016, 1.28412 ensuite. */
export const tauxMajorationIsolement = series('rsa.rsa_maj.majoration_isolement_en_base_rsa.femmes_enceintes', [
  { from: '2009-06-01', value: 1.284, ref: 'Décret 2009-404 du 15/04/2009, art. 2 (modif art. R262-1 du CASF)' },
  {
    from: '2016-01-01',
    value: 1.28412,
    ref: 'Décret 2015-1710 du 21/12/2015, art. 2 (crée art. D843-1 du CSS) ; Article D843-1 du Code de la sécurité sociale',
  },
]);

/** RSA majoré : supplément par enfant à charge (fraction du montant de base). 0.428 avant 2016, 0.42804 ensuite. */
export const tauxMajorationIsolementParEnfant = series(
  'rsa.rsa_maj.majoration_isolement_en_base_rsa.par_enfant_a_charge',
  [
    { from: '2009-06-01', value: 0.428, ref: 'Décret 2009-404 du 15/04/2009, art. 2 (modif art. R262-1 du CASF)' },
    {
      from: '2016-01-01',
      value: 0.42804,
      ref: 'Décret 2015-1710 du 21/12/2015, art. 2 (crée art. D843-1 du CSS) ; Article D843-1 du Code de la sécurité sociale',
    },
  ],
);

/** Durée de la majoration pour isolement « courte » : nombre de mensualités (mois), R262-2 CASF. */
export const dureeMajorationIsolement = series('rsa.rsa_cond.majoration_isolement.duree_du_droit', [
  {
    from: '2009-06-01',
    value: 12,
    ref: "Loi 2008-1249 du 01/12/2008, art. 3 (modif art. L262-4 du CASF) ; Décret 2009-404 du 15/04/2009, art. 2 (modif art. R262-2 du CASF) ; Article R262-2 du Code de l'action sociale et des familles",
  },
]);

/** Fenêtre (en mois) suivant le fait générateur de l'isolement dans laquelle les 12 mensualités de majoration sont servies. Pas de paramètre OpenFisca. */
export const delaiMajorationIsolement = series('hors_openfisca.rsa.rsa_cond.majoration_isolement.delai_du_droit', [
  {
    from: '2009-06-01',
    value: 18,
    ref: "Article R262-2 du Code de l'action sociale et des familles (12 mois dans les 18 mois suivant l'événement) — RULES.md §1.3",
  },
]);

/** Majoration pour isolement « longue » : versée jusqu'aux 3 ans du plus jeune enfant (âge en années). */
export const ageLimiteEnfantMajorationIsolement = series('rsa.rsa_cond.majoration_isolement.age_limite_enfant', [
  {
    from: '2009-06-01',
    value: 3,
    ref: "Loi 2008-1249 du 01/12/2008, art. 3 (modif art. L262-4 du CASF) ; Décret 2009-404 du 15/04/2009, art. 2 (modif art. R262-2 du CASF) ; Article R262-2 du Code de l'action sociale et des familles",
  },
]);

/** Forfait logement, foyer d'une personne : fraction du montant forfaitaire (non majoré) d'une personne. */
export const tauxForfaitLogement1Personne = series('rsa.rsa_fl.forfait_logement.taux_1_personne', [
  {
    from: '2009-06-01',
    value: 0.12,
    ref: "Article R262-9 1. du Code de l'action sociale et des familles ; Décret 2009-404 du 15/04/2009, art. 2 (modif art. R262-9 et R262-10 du CASF)",
  },
]);

/** Forfait logement, foyer de deux personnes : fraction du montant forfaitaire de deux personnes. */
export const tauxForfaitLogement2Personnes = series('rsa.rsa_fl.forfait_logement.taux_2_personnes', [
  {
    from: '2009-06-01',
    value: 0.16,
    ref: "Article R262-9 2. du Code de l'action sociale et des familles ; Décret 2009-404 du 15/04/2009, art. 2 (modif art. R262-9 et R262-10 du CASF)",
  },
]);

/** Forfait logement, foyer de trois personnes ou plus : fraction du montant forfaitaire de trois personnes. */
export const tauxForfaitLogement3PersonnesOuPlus = series('rsa.rsa_fl.forfait_logement.taux_3_personnes_ou_plus', [
  {
    from: '2009-06-01',
    value: 0.165,
    ref: "Article R262-9 3. du Code de l'action sociale et des familles ; Décret 2009-404 du 15/04/2009, art. 2 (modif art. R262-9 et R262-10 du CASF)",
  },
]);

/** Seuil de versement (€) : un RSA mensuel inférieur n'est pas versé (6,00 € est versé). */
export const montantMinimumVerse = series('rsa.rsa_maj.montant_minimum_verse', [
  {
    from: '2009-06-01',
    value: 6,
    ref: "Décret 2009-404 du 15/04/2009, art. 2 (modif art. R262-1 du CASF) ; Article R262-39 du Code de l'action sociale et des familles",
  },
]);

/** Âge minimal du demandeur (ou de son conjoint) sans enfant à charge ni grossesse (années). */
export const ageMinimumAllocataire = series('rsa.rsa_cond.age_minimum_allocataire', [
  {
    from: '2009-06-01',
    value: 25,
    ref: "Loi 2008-1249 du 01/12/2008, art. 3 (modif art. L262-4 du CASF) ; Décret 2009-404 du 15/04/2009, art. 2 (modif art. R262-2 du CASF) ; Article L262-4 1. du Code de l'action sociale et des familles",
  },
]);

/** Nombre d'enfants (nés ou à naître) qui lève la condition d'âge. */
export const nombreMinimalEnfants = series('rsa.rsa_cond.nombre_minimal_enfants', [
  {
    from: '2009-06-01',
    value: 1,
    ref: "Loi 2008-1249 du 01/12/2008, art. 3 (modif art. L262-4 du CASF) ; Décret 2009-404 du 15/04/2009, art. 2 (modif art. R262-2 du CASF) ; Article L262-4 1. du Code de l'action sociale et des familles",
  },
]);

/** Âge en dessous duquel une personne à charge compte dans le foyer RSA (années). */
export const ageLimitePersonneACharge = series('rsa.rsa_cond.age_pac', [
  { from: '1977-10-01', value: 25, ref: "Art. R262-3 du Code de l'action sociale et des familles" },
]);

/** RSA jeune actif : âge minimal (années). Paramètre à 0 dans OpenFisca avant 2010 (dispositif inexistant) : série ouverte au 2010-01-01. */
export const ageMinimumRsaJeune = series('rsa.rsa_cond.age_min_rsa_jeune', [
  { from: '2010-01-01', value: 18, ref: "Article L262-7-1 du Code de l'action sociale et des familles" },
]);

/** RSA jeune actif : âge au-delà duquel la condition d'âge générale suffit (années). */
export const ageMaximumRsaJeune = series('rsa.rsa_cond.age_max_rsa_jeune', [
  { from: '2010-01-01', value: 25, ref: "Article L262-7-1 du Code de l'action sociale et des familles" },
]);

/** RSA jeune actif : heures d'activité requises dans les 3 ans précédant la demande (2 × 1 607 h). */
export const heuresActiviteRsaJeune = series('rsa.rsa_cond.rsa_jeune_en_heure', [
  {
    from: '2010-09-01',
    value: 3214,
    ref: "Décret 2010-961 du 25/08/2010, art. 1 (crée art. D262-25-1 du CASF) ; Article D262-25-1 du Code de l'action sociale et des familles ; Article L3122-4 du Code du travail ; Article L3121-41 du code du travail",
  },
]);

/** Ressortissant EEE/Suisse : durée de résidence préalable en France, en années (0.25 = 3 mois). */
export const dureeResidenceEee = series('rsa.rsa_cond.duree_min_titre_sejour.eee', [
  {
    from: '2009-06-01',
    value: 0.25,
    ref: "Loi 2008-1249 du 01/12/2008, art. 3 (modif art. L262-4 du CASF) ; Décret 2009-404 du 15/04/2009, art. 2 (modif art. R262-2 du CASF) ; Article R262-5 du Code de l'action sociale et des familles",
  },
]);

/** Étranger hors EEE : ancienneté minimale du titre de séjour autorisant à travailler (années). */
export const dureeTitreSejourNonEee = series('rsa.rsa_cond.duree_min_titre_sejour.non_eee', [
  {
    from: '2009-06-01',
    value: 5,
    ref: "Loi 2008-1249 du 01/12/2008, art. 3 (modif art. L262-4 du CASF) ; Décret 2009-404 du 15/04/2009, art. 2 (modif art. R262-2 du CASF) ; Article L262-4 2. du Code de l'action sociale et des familles",
  },
]);

/** Forfait d'allocation de soutien familial compté dans les ressources, enfant orphelin de père et de mère (fraction de la BMAF, par enfant). */
export const forfaitAsfOrphelinTotal = series('rsa.rsa_maj.forfait_asf.taux1', [
  {
    from: '2014-04-01',
    value: 0.3,
    ref: "Décret n°2014-554 du 27 mai 2014 - art. 1 ; Article R262-10-1 du code de l'action sociale et des familles",
  },
]);

/** Forfait d'ASF compté dans les ressources, orphelin d'un parent ou assimilé (pension alimentaire non versée…) (fraction de la BMAF, par enfant). */
export const forfaitAsfOrphelinPartiel = series('rsa.rsa_maj.forfait_asf.taux2', [
  {
    from: '2014-04-01',
    value: 0.225,
    ref: "Décret n°2014-554 du 27 mai 2014 - art. 1 ; Article R262-10-1 du code de l'action sociale et des familles",
  },
]);

/** Capitaux non productifs / épargne à revenus non imposables : revenu annuel forfaitaire (fraction du capital). */
export const tauxInteretForfaitaireEpargneNonImposable = series(
  'rsa.rsa_cond.patrimoine.taux_interet_forfaitaire_epargne_non_imposable',
  [{ from: '2009-01-01', value: 0.03, ref: 'CASF art. R132-1, applicable au RSA par R262-6 (2e alinéa)' }],
);

/** Immeubles bâtis non loués : part de la valeur locative comptée en ressources. */
export const abattementValeurLocativeImmoNonLoue = series(
  'rsa.rsa_cond.patrimoine.abattement_valeur_locative_immo_non_loue',
  [{ from: '2009-01-01', value: 0.5, ref: 'CASF art. R132-1, applicable au RSA par R262-6 (2e alinéa)' }],
);

/** Terrains non bâtis non loués : part de la valeur locative comptée en ressources. */
export const abattementValeurLocativeTerrainsNonLoues = series(
  'rsa.rsa_cond.patrimoine.abattement_valeur_locative_terrains_non_loues',
  [{ from: '2009-01-01', value: 0.8, ref: 'CASF art. R132-1, applicable au RSA par R262-6 (2e alinéa)' }],
);

/** Ancien « RSA activité » : part des revenus d'activité ajoutée au montant forfaitaire (0.62 jusqu'au 2015-12-31 ; remplacé par la prime d'activité au 2016-01-01, null dans OpenFisca, modélisé par 0). Même historique que `rsa.rsa_maj.majoration_ressources_revenus_activite`. */
export const penteRsaActivite = series('rsa.rsa_m.pente', [
  { from: '2009-06-01', value: 0.62, ref: 'Décret 2009-404 du 15/04/2009 - art. 2' },
  // null dans OpenFisca : modélisé par 0
  {
    from: '2016-01-01',
    value: 0,
    ref: "Décret n°2015-1710 du 21/12/2015 - art. 3 ; RSA activité remplacé par la prime d'activité",
  },
]);

/**
 * Décalage des mois de référence : le trimestre de référence finit ce nombre de mois avant le mois
 * de la demande ou du réexamen, moins deux (3 → M-3..M-1 ; 4 → M-4..M-2).
 */
export const decalageMoisDeReference = series('hors_openfisca.rsa.mois_de_reference.decalage', [
  { from: '2009-06-01', value: 3, ref: 'CASF R262-4 (trimestre civil précédant la demande)' },
  {
    from: '2025-03-01',
    value: 4,
    ref: 'Décret 2025-185 du 26/02/2025 (mois M-4 à M-2, ressources pré-remplies par le montant net social)',
  },
]);

/** Paramètres du RSA, par nom juridique. */
export const rsa = {
  montantDeBase,
  tauxDeuxiemePersonne,
  tauxPersonneSupplementaire,
  tauxTroisiemePersonneACharge,
  tauxMajorationIsolement,
  tauxMajorationIsolementParEnfant,
  dureeMajorationIsolement,
  delaiMajorationIsolement,
  ageLimiteEnfantMajorationIsolement,
  tauxForfaitLogement1Personne,
  tauxForfaitLogement2Personnes,
  tauxForfaitLogement3PersonnesOuPlus,
  montantMinimumVerse,
  ageMinimumAllocataire,
  nombreMinimalEnfants,
  ageLimitePersonneACharge,
  ageMinimumRsaJeune,
  ageMaximumRsaJeune,
  heuresActiviteRsaJeune,
  dureeResidenceEee,
  dureeTitreSejourNonEee,
  forfaitAsfOrphelinTotal,
  forfaitAsfOrphelinPartiel,
  tauxInteretForfaitaireEpargneNonImposable,
  abattementValeurLocativeImmoNonLoue,
  abattementValeurLocativeTerrainsNonLoues,
  penteRsaActivite,
  decalageMoisDeReference,
} as const;
