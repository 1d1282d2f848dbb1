/**
 * Paramètres de la complémentaire santé solidaire (C2S, ex-CMU-C et ACS avant le 2019-11-01) — CSS L861-1 s., R861-1 s.
 * Source : OpenFisca-France `prestations_sociales.solidarite_insertion.minima_sociaux.cs.*` (noms abrégés en `cs.…`),
 * recoupé avec RULES.md §3. Plafonds et forfaits en euros par an ; participations en euros par mois et par personne.
 */
import { series } from './series.ts';

/** Plafonds de ressources annuels publiés, par taille du foyer (€/an). */
export interface PlafondsC2S {
  readonly p1: number;
  readonly p2: number;
  readonly p3: number;
  readonly p4: number;
  readonly parPersonneSupplementaire: number;
}

/** Plafond annuel de ressources pour une personne seule, C2S gratuite (ex-CMU-C, même série avant 2019-11-01), métropole (€/an). */
export const plafondBase = series('cs.cmu.plafond_base', [
  { from: '2003-07-01', value: 6798, ref: 'OpenFisca-France cs.cmu.plafond_base (sans référence datée)' },
  { from: '2004-07-01', value: 6913.57, ref: 'OpenFisca-France cs.cmu.plafond_base (sans référence datée)' },
  { from: '2005-07-01', value: 7045.97, ref: 'OpenFisca-France cs.cmu.plafond_base (sans référence datée)' },
  { from: '2006-07-01', value: 7178.79, ref: 'OpenFisca-France cs.cmu.plafond_base (sans référence datée)' },
  { from: '2007-07-01', value: 7272.1, ref: 'OpenFisca-France cs.cmu.plafond_base (sans référence datée)' },
  { from: '2008-07-01', value: 7446.64, ref: 'OpenFisca-France cs.cmu.plafond_base (sans référence datée)' },
  { from: '2009-07-01', value: 7521.11, ref: 'OpenFisca-France cs.cmu.plafond_base (sans référence datée)' },
  { from: '2010-07-01', value: 7611.36, ref: 'OpenFisca-France cs.cmu.plafond_base (sans référence datée)' },
  { from: '2011-07-01', value: 7771.2, ref: 'OpenFisca-France cs.cmu.plafond_base (sans référence datée)' },
  { from: '2012-07-01', value: 7934.9, ref: 'OpenFisca-France cs.cmu.plafond_base (sans référence datée)' },
  { from: '2013-07-01', value: 8592.96, ref: 'OpenFisca-France cs.cmu.plafond_base (sans référence datée)' },
  { from: '2014-07-01', value: 8644.52, ref: 'OpenFisca-France cs.cmu.plafond_base (sans référence datée)' },
  { from: '2016-04-01', value: 8653.16, ref: 'OpenFisca-France cs.cmu.plafond_base (sans référence datée)' },
  { from: '2017-04-01', value: 8723, ref: 'OpenFisca-France cs.cmu.plafond_base (sans référence datée)' },
  { from: '2018-04-01', value: 8810.23, ref: 'OpenFisca-France cs.cmu.plafond_base (sans référence datée)' },
  { from: '2019-04-01', value: 8951, ref: 'Arrêté du 20/03/2019, art. 1' },
  { from: '2021-04-01', value: 9041, ref: 'Arrêté du 29/03/2021, art. 1' },
  { from: '2022-04-01', value: 9203, ref: 'OpenFisca-France cs.cmu.plafond_base (sans référence datée)' },
  { from: '2022-07-01', value: 9571, ref: 'Loi n° 2022-1158 du 16/08/2022 — OpenFisca-France uniquement, à confirmer' },
  {
    from: '2023-04-01',
    value: 9719,
    ref: 'Article L861-1, 1° du Code de la Sécurité sociale ; Décret n° 2023-236 31/03/2023 ; Arrêté du 30/03/2023',
  },
  { from: '2024-04-01', value: 10166, ref: 'Arrêté du 26/03/2024, art. 1' },
  // Absent d'OpenFisca-France (dernière valeur 2024-04-01) : valeur publiée retenue selon RULES.md
  { from: '2025-04-01', value: 10339, ref: 'Plafond publié au 1er avril 2025 (RULES.md §3.2 ; barème EFL 2025-2026)' },
]);

/** Majoration du plafond pour la 2e personne du foyer (fraction du plafond de base). */
export const coefficientDeuxiemePersonne = series('cs.cmu.coeff_p2', [
  { from: '2000-01-01', value: 0.5, ref: 'Article R861-3 du Code de la sécurité sociale' },
]);

/** Majoration du plafond pour chacune des 3e et 4e personnes. */
export const coefficientTroisiemeEtQuatriemePersonne = series('cs.cmu.coeff_p3_p4', [
  { from: '2000-01-01', value: 0.3, ref: 'Article R861-3 du Code de la sécurité sociale' },
]);

/** Majoration du plafond par personne à partir de la 5e. */
export const coefficientCinquiemePersonneEtPlus = series('cs.cmu.coeff_p5_plus', [
  { from: '2000-01-01', value: 0.4, ref: 'Article R861-3 du Code de la sécurité sociale' },
]);

/** Majoration du plafond en Guadeloupe, Martinique, Guyane et à La Réunion : plafond DOM = plafond × (1 + majorationDom) = × 1.113. */
export const majorationDom = series('cs.cmu.majoration_dom', [
  { from: '2000-01-01', value: 0.113, ref: 'Circulaire 33-2019 3.' },
]);

/** C2S avec participation (ex-ACS) : plafond = plafond C2S gratuite × (1 + majorationPlafondParticipation) = × 1.35 depuis 2012. */
export const majorationPlafondParticipation = series('cs.acs.majoration_plafond_acs', [
  { from: '2005-01-01', value: 0.15, ref: 'Article L861-1 du Code de la sécurité sociale' },
  { from: '2007-01-01', value: 0.2, ref: 'OpenFisca-France cs.acs.majoration_plafond_acs (sans référence datée)' },
  { from: '2011-01-01', value: 0.3, ref: 'OpenFisca-France cs.acs.majoration_plafond_acs (sans référence datée)' },
  { from: '2012-01-01', value: 0.35, ref: 'OpenFisca-France cs.acs.majoration_plafond_acs (sans référence datée)' },
  { from: '2019-10-01', value: 0.35, ref: 'Article L861-1 2. du Code de la sécurité sociale' },
]);

/** Âge en dessous duquel une personne à charge compte dans le foyer C2S (années). */
export const ageLimitePersonneACharge = series('cs.cmu.age_limite_pac', [
  { from: '2000-01-01', value: 25, ref: 'Article R861-2 du Code de la sécurité sociale' },
]);

/** Abattement sur les revenus d'activité d'un membre au chômage indemnisé, en formation ou en arrêt longue durée (fraction). */
export const abattementChomage = series('cs.cmu.abattement_chomage', [
  // Référence recopiée telle quelle d'OpenFisca (article du code de la construction) : douteuse, à vérifier (R861-8 CSS ?)
  { from: '2000-01-01', value: 0.3, ref: "Article R822-13 du Code de la construction et de l'habitation" },
]);

/** Abattement mensuel sur l'AAH comptée en ressources (€/mois). */
export const abattementAah = series('cs.css.abattements.aah', [
  // No deduction before the 2021 instruction: the minimum benefit counted in full (OpenFisca's formula before 2021-04).
  {
    from: '2000-01-01',
    value: 0,
    ref: 'Articles R861-4 et R861-8 du Code de la sécurité sociale (ressources prises en compte sans abattement)',
  },
  {
    from: '2021-04-01',
    value: 68,
    ref: 'Bulletin officiel Santé - Protection sociale - Solidarité n° 2021/6 du 16 avril 2021 - Instruction interministérielle N° DSS/SD2A/2021/71 du 30 mars 2021',
  },
]);

/** Abattement mensuel sur l'ASI, personne seule (€/mois). */
export const abattementAsiPersonneSeule = series('cs.css.abattements.asi.personne_seule', [
  // No deduction before the 2021 instruction: the minimum benefit counted in full (OpenFisca's formula before 2021-04).
  {
    from: '2000-01-01',
    value: 0,
    ref: 'Articles R861-4 et R861-8 du Code de la sécurité sociale (ressources prises en compte sans abattement)',
  },
  {
    from: '2021-04-01',
    value: 49,
    ref: 'Bulletin officiel Santé - Protection sociale - Solidarité n° 2021/6 du 16 avril 2021 - Instruction interministérielle N° DSS/SD2A/2021/71 du 30 mars 2021',
  },
]);

/** Abattement mensuel sur l'ASI, couple dont les deux membres la perçoivent (€/mois). */
export const abattementAsiCouple = series('cs.css.abattements.asi.couple', [
  // No deduction before the 2021 instruction: the minimum benefit counted in full (OpenFisca's formula before 2021-04).
  {
    from: '2000-01-01',
    value: 0,
    ref: 'Articles R861-4 et R861-8 du Code de la sécurité sociale (ressources prises en compte sans abattement)',
  },
  {
    from: '2021-04-01',
    value: 86,
    ref: 'Bulletin officiel Santé - Protection sociale - Solidarité n° 2021/6 du 16 avril 2021 - Instruction interministérielle N° DSS/SD2A/2021/71 du 30 mars 2021',
  },
]);

/** Abattement mensuel sur l'ASPA/ASV, personne seule (€/mois). */
export const abattementAspaPersonneSeule = series('cs.css.abattements.aspa_asv.personne_seule', [
  // No deduction before the 2021 instruction: the minimum benefit counted in full (OpenFisca's formula before 2021-04).
  {
    from: '2000-01-01',
    value: 0,
    ref: 'Articles R861-4 et R861-8 du Code de la sécurité sociale (ressources prises en compte sans abattement)',
  },
  {
    from: '2021-04-01',
    value: 71,
    ref: 'Bulletin officiel Santé - Protection sociale - Solidarité n° 2021/6 du 16 avril 2021 - Instruction interministérielle N° DSS/SD2A/2021/71 du 30 mars 2021',
  },
]);

/** Abattement mensuel sur l'ASPA/ASV, couple (€/mois). */
export const abattementAspaCouple = series('cs.css.abattements.aspa_asv.couple', [
  // No deduction before the 2021 instruction: the minimum benefit counted in full (OpenFisca's formula before 2021-04).
  {
    from: '2000-01-01',
    value: 0,
    ref: 'Articles R861-4 et R861-8 du Code de la sécurité sociale (ressources prises en compte sans abattement)',
  },
  {
    from: '2021-04-01',
    value: 110,
    ref: 'Bulletin officiel Santé - Protection sociale - Solidarité n° 2021/6 du 16 avril 2021 - Instruction interministérielle N° DSS/SD2A/2021/71 du 30 mars 2021',
  },
]);

/** Forfait logement ajouté aux ressources, avec aide au logement, foyer d'une personne (fraction du RSA d'une personne, plafonné à l'AL perçue). */
export const tauxForfaitLogementAvecAl1Personne = series('cs.css.forfait_logement_avec_al.taux_1p', [
  // Valeurs antérieures au 2019-11-01 : OpenFisca-France cs.cmu.forfait_logement_avec_al.taux_1p
  { from: '2000-01-01', value: 0.12, ref: 'Article R861-7 du Code de la sécurité sociale' },
  {
    from: '2019-11-01',
    value: 0.12,
    ref: 'LOI n° 2018-1203 du 22 décembre 2018 de financement de la sécurité sociale pour 2019 ; Article R861-7 du Code de la sécurité sociale',
  },
]);

/** Forfait logement ajouté aux ressources, avec aide au logement, foyer de deux personnes (fraction du RSA de deux personnes, plafonné à l'AL perçue). */
export const tauxForfaitLogementAvecAl2Personnes = series('cs.css.forfait_logement_avec_al.taux_2p', [
  // Valeurs antérieures au 2019-11-01 : OpenFisca-France cs.cmu.forfait_logement_avec_al.taux_2p
  { from: '2000-01-01', value: 0.14, ref: 'Article R861-7 du Code de la sécurité sociale' },
  { from: '2008-01-01', value: 0.16, ref: 'Article R861-7 du Code de la sécurité sociale' },
  {
    from: '2019-11-01',
    value: 0.16,
    ref: 'LOI n° 2018-1203 du 22 décembre 2018 de financement de la sécurité sociale pour 2019 ; Article R861-7 du Code de la sécurité sociale',
  },
]);

/** Forfait logement ajouté aux ressources, avec aide au logement, foyer de trois personnes ou plus (fraction du RSA de trois personnes, plafonné à l'AL perçue). */
export const tauxForfaitLogementAvecAl3PersonnesOuPlus = series('cs.css.forfait_logement_avec_al.taux_3p_plus', [
  // Valeurs antérieures au 2019-11-01 : OpenFisca-France cs.cmu.forfait_logement_avec_al.taux_3p_plus
  { from: '2000-01-01', value: 0.14, ref: 'Article R861-7 du Code de la sécurité sociale' },
  { from: '2008-01-01', value: 0.165, ref: 'Article R861-7 du Code de la sécurité sociale' },
  {
    from: '2019-11-01',
    value: 0.165,
    ref: 'LOI n° 2018-1203 du 22 décembre 2018 de financement de la sécurité sociale pour 2019 ; Article R861-7 du Code de la sécurité sociale',
  },
]);

/** Forfait logement ajouté aux ressources, propriétaire ou logé gratuitement sans aide au logement, foyer d'une personne (fraction du RSA d'une personne). */
export const tauxForfaitLogementSansAl1Personne = series('cs.css.forfait_logement_sans_al.taux_1p', [
  // Valeurs antérieures au 2019-11-01 : OpenFisca-France cs.cmu.forfait_logement_sans_al.taux_1p
  { from: '2000-01-01', value: 0.12, ref: 'Article R861-5 du Code de la sécurité sociale' },
  {
    from: '2019-11-01',
    value: 0.12,
    ref: 'LOI n° 2018-1203 du 22 décembre 2018 de financement de la sécurité sociale pour 2019 ; Article R861-5 du Code de la sécurité sociale',
  },
]);

/** Forfait logement ajouté aux ressources, propriétaire ou logé gratuitement sans aide au logement, foyer de deux personnes (fraction du RSA de deux personnes). */
export const tauxForfaitLogementSansAl2Personnes = series('cs.css.forfait_logement_sans_al.taux_2p', [
  // Valeurs antérieures au 2019-11-01 : OpenFisca-France cs.cmu.forfait_logement_sans_al.taux_2p
  { from: '2000-01-01', value: 0.14, ref: 'Article R861-5 du Code de la sécurité sociale' },
  {
    from: '2019-11-01',
    value: 0.14,
    ref: 'LOI n° 2018-1203 du 22 décembre 2018 de financement de la sécurité sociale pour 2019 ; Article R861-5 du Code de la sécurité sociale',
  },
]);

/** Forfait logement ajouté aux ressources, propriétaire ou logé gratuitement sans aide au logement, foyer de trois personnes ou plus (fraction du RSA de trois personnes). */
export const tauxForfaitLogementSansAl3PersonnesOuPlus = series('cs.css.forfait_logement_sans_al.taux_3p_plus', [
  // Valeurs antérieures au 2019-11-01 : OpenFisca-France cs.cmu.forfait_logement_sans_al.taux_3p_plus
  { from: '2000-01-01', value: 0.14, ref: 'Article R861-5 du Code de la sécurité sociale' },
  {
    from: '2019-11-01',
    value: 0.14,
    ref: 'LOI n° 2018-1203 du 22 décembre 2018 de financement de la sécurité sociale pour 2019 ; Article R861-5 du Code de la sécurité sociale',
  },
]);

/**
 * C2S avec participation : montant mensuel par personne couverte, hors Alsace-Moselle, selon l'âge au 1er janvier
 * de l'année d'ouverture du droit (€/mois). OpenFisca n'a pas de référence : texte nommé par RULES.md.
 */
export const montantParticipationFrance = {
  /** moins de 30 ans */
  moins30Ans: series('cs.css.montant.france.cmu_moins_30_ans', [
    {
      from: '2019-11-01',
      value: 8,
      ref: "Arrêté fixant la participation financière à la C2S (valeurs inchangées depuis le 01/11/2019, reprises par l'arrêté du 29/12/2023, RULES.md §3.3)",
    },
  ]),
  /** 30 à 49 ans */
  de30a49Ans: series('cs.css.montant.france.cmu_30_49_ans', [
    {
      from: '2019-11-01',
      value: 14,
      ref: "Arrêté fixant la participation financière à la C2S (valeurs inchangées depuis le 01/11/2019, reprises par l'arrêté du 29/12/2023, RULES.md §3.3)",
    },
  ]),
  /** 50 à 59 ans */
  de50a59Ans: series('cs.css.montant.france.cmu_50_59_ans', [
    {
      from: '2019-11-01',
      value: 21,
      ref: "Arrêté fixant la participation financière à la C2S (valeurs inchangées depuis le 01/11/2019, reprises par l'arrêté du 29/12/2023, RULES.md §3.3)",
    },
  ]),
  /** 60 à 69 ans */
  de60a69Ans: series('cs.css.montant.france.cmu_60_69_ans', [
    {
      from: '2019-11-01',
      value: 25,
      ref: "Arrêté fixant la participation financière à la C2S (valeurs inchangées depuis le 01/11/2019, reprises par l'arrêté du 29/12/2023, RULES.md §3.3)",
    },
  ]),
  /** 70 ans et plus */
  plus69Ans: series('cs.css.montant.france.cmu_plus_69_ans', [
    {
      from: '2019-11-01',
      value: 30,
      ref: "Arrêté fixant la participation financière à la C2S (valeurs inchangées depuis le 01/11/2019, reprises par l'arrêté du 29/12/2023, RULES.md §3.3)",
    },
  ]),
} as const;

/**
 * C2S avec participation : montant mensuel par personne couverte, régime local d'Alsace-Moselle, selon l'âge au 1er janvier
 * de l'année d'ouverture du droit (€/mois). OpenFisca n'a pas de référence : texte nommé par RULES.md.
 */
export const montantParticipationAlsaceMoselle = {
  /** moins de 30 ans */
  moins30Ans: series('cs.css.montant.alsace_moselle.cmu_moins_30_ans', [
    {
      from: '2019-11-01',
      value: 2.8,
      ref: "Arrêté fixant la participation financière à la C2S (valeurs inchangées depuis le 01/11/2019, reprises par l'arrêté du 29/12/2023, RULES.md §3.3)",
    },
  ]),
  /** 30 à 49 ans */
  de30a49Ans: series('cs.css.montant.alsace_moselle.cmu_30_49_ans', [
    {
      from: '2019-11-01',
      value: 4.9,
      ref: "Arrêté fixant la participation financière à la C2S (valeurs inchangées depuis le 01/11/2019, reprises par l'arrêté du 29/12/2023, RULES.md §3.3)",
    },
  ]),
  /** 50 à 59 ans */
  de50a59Ans: series('cs.css.montant.alsace_moselle.cmu_50_59_ans', [
    {
      from: '2019-11-01',
      value: 7.3,
      ref: "Arrêté fixant la participation financière à la C2S (valeurs inchangées depuis le 01/11/2019, reprises par l'arrêté du 29/12/2023, RULES.md §3.3)",
    },
  ]),
  /** 60 à 69 ans */
  de60a69Ans: series('cs.css.montant.alsace_moselle.cmu_60_69_ans', [
    {
      from: '2019-11-01',
      value: 8.7,
      ref: "Arrêté fixant la participation financière à la C2S (valeurs inchangées depuis le 01/11/2019, reprises par l'arrêté du 29/12/2023, RULES.md §3.3)",
    },
  ]),
  /** 70 ans et plus */
  plus69Ans: series('cs.css.montant.alsace_moselle.cmu_plus_69_ans', [
    {
      from: '2019-11-01',
      value: 10.5,
      ref: "Arrêté fixant la participation financière à la C2S (valeurs inchangées depuis le 01/11/2019, reprises par l'arrêté du 29/12/2023, RULES.md §3.3)",
    },
  ]),
} as const;

/** Plafonds publiés, C2S gratuite, métropole (€/an). Référence pour comparer : ils partent de la base non arrondie et peuvent différer de 1 € de plafondBase × coefficients. */
export const plafondsPublies = series<PlafondsC2S>('hors_openfisca.cs.plafonds_publies.gratuite.metropole', [
  {
    from: '2023-04-01',
    value: { p1: 9719, p2: 14578, p3: 17494, p4: 20409, parPersonneSupplementaire: 3887 },
    ref: "Plafonds publiés (RULES.md §3.2), base fixée par l'arrêté du 30/03/2023 ; Décret n° 2023-236 du 31/03/2023",
  },
  {
    from: '2024-04-01',
    value: { p1: 10166, p2: 15249, p3: 18298, p4: 21348, parPersonneSupplementaire: 4066 },
    ref: "Plafonds publiés (RULES.md §3.2), base fixée par l'arrêté du 26/03/2024, art. 1",
  },
  // Absents d'OpenFisca-France : valeurs publiées retenues selon RULES.md
  {
    from: '2025-04-01',
    value: { p1: 10339, p2: 15508, p3: 18609, p4: 21711, parPersonneSupplementaire: 4135 },
    ref: 'Plafonds publiés au 1er avril 2025 (RULES.md §3.2 ; barème EFL 2025-2026)',
  },
]);

/** Plafonds publiés, C2S avec participation, métropole (€/an). */
export const plafondsPubliesParticipation = series<PlafondsC2S>(
  'hors_openfisca.cs.plafonds_publies.participation.metropole',
  [
    {
      from: '2023-04-01',
      value: { p1: 13120, p2: 19680, p3: 23616, p4: 27553, parPersonneSupplementaire: 5248 },
      ref: "Plafonds publiés (RULES.md §3.2), base fixée par l'arrêté du 30/03/2023 ; Décret n° 2023-236 du 31/03/2023",
    },
    {
      from: '2024-04-01',
      value: { p1: 13724, p2: 20586, p3: 24703, p4: 28820, parPersonneSupplementaire: 5490 },
      ref: "Plafonds publiés (RULES.md §3.2), base fixée par l'arrêté du 26/03/2024, art. 1",
    },
    // Absents d'OpenFisca-France : valeurs publiées retenues selon RULES.md
    {
      from: '2025-04-01',
      value: { p1: 13957, p2: 20936, p3: 25123, p4: 29311, parPersonneSupplementaire: 5583 },
      ref: 'Plafonds publiés au 1er avril 2025 (RULES.md §3.2 ; barème EFL 2025-2026)',
    },
  ],
);

/** Plafonds publiés, C2S gratuite, Guadeloupe, Martinique, Guyane, La Réunion (€/an). `null` : pas de valeur publiée connue, calculer plafondBase × coefficients × (1 + majorationDom). */
export const plafondsPubliesDom = series<PlafondsC2S | null>('hors_openfisca.cs.plafonds_publies.gratuite.dom', [
  {
    from: '2024-04-01',
    value: { p1: 11315, p2: 16972, p3: 20366, p4: 23760, parPersonneSupplementaire: 4526 },
    ref: "Plafonds DOM publiés (RULES.md §3.2), base fixée par l'arrêté du 26/03/2024, art. 1",
  },
  // null plutôt que de prolonger silencieusement les plafonds 2024
  {
    from: '2025-04-01',
    value: null,
    ref: 'Plafonds DOM 2025 non publiés dans les sources (RULES.md : base non arrondie × 1.113, ≈ 11 507 € pour 1 personne, à confirmer)',
  },
]);

/** Plafonds publiés, C2S avec participation, DOM (€/an). `null` : pas de valeur publiée connue. */
export const plafondsPubliesDomParticipation = series<PlafondsC2S | null>(
  'hors_openfisca.cs.plafonds_publies.participation.dom',
  [
    {
      from: '2024-04-01',
      value: { p1: 15275, p2: 22912, p3: 27494, p4: 32077, parPersonneSupplementaire: 6110 },
      ref: "Plafonds DOM publiés (RULES.md §3.2), base fixée par l'arrêté du 26/03/2024, art. 1",
    },
    // null plutôt que de prolonger silencieusement les plafonds 2024
    {
      from: '2025-04-01',
      value: null,
      ref: 'Plafonds DOM 2025 non publiés dans les sources (RULES.md : base non arrondie × 1.113, ≈ 11 507 € pour 1 personne, à confirmer)',
    },
  ],
);

// --- Séries ajoutées pour le calcul du droit (src/rules/rights/c2s.ts), absentes d'OpenFisca ---

/**
 * Décalage (en mois) entre le mois de la demande M et le dernier mois de la période de référence de 12 mois :
 * M-12..M-1 avant 2022, M-13..M-2 depuis (R861-8 modifié). OpenFisca garde M-12..M-1.
 */
export const periodeReferenceDernierMois = series('hors_openfisca.cs.periode_reference.decalage_dernier_mois', [
  {
    from: '2000-01-01',
    value: 1,
    ref: 'Article R861-8 du Code de la sécurité sociale (douze mois civils précédant la demande)',
  },
  {
    from: '2022-01-01',
    value: 2,
    ref: 'Décret n° 2021-1642 (JO du 15/12/2021), art. 1, en vigueur le 01/01/2022 (R861-8 : du treizième au deuxième mois civil précédant la demande)',
  },
]);

/** Nombre de mois de la période de référence des ressources. */
export const periodeReferenceNombreDeMois = series('hors_openfisca.cs.periode_reference.nombre_de_mois', [
  { from: '2000-01-01', value: 12, ref: 'Article R861-8 du Code de la sécurité sociale (période de douze mois)' },
]);

/** Durée du droit à la C2S (mois), à renouveler ensuite. */
export const dureeDuDroitMois = series('hors_openfisca.cs.duree_du_droit_mois', [
  { from: '2000-01-01', value: 12, ref: 'Article L861-5 du Code de la sécurité sociale (droit attribué pour un an)' },
]);

/**
 * Départements où le plafond est majoré de `majorationDom` : ceux de l'article L751-1 CSS (Guadeloupe, Guyane,
 * Martinique, La Réunion, Saint-Barthélemy, Saint-Martin ; codes INSEE). Mayotte (976) n'en fait pas partie.
 */
export const departementsMajorationDom = series<readonly string[]>(
  'hors_openfisca.cs.cmu.departements_majoration_dom',
  [
    {
      from: '2000-01-01',
      value: ['971', '972', '973', '974', '977', '978'],
      ref: "Article D861-1 du Code de la sécurité sociale (départements mentionnés à l'article L751-1)",
    },
  ],
);

/**
 * Présomption de droit à la C2S avec participation des bénéficiaires de l'ASPA : nombre de mois avant la demande
 * sans revenus d'activité exigés. `null` : pas de présomption (avant le 1er avril 2022).
 */
export const presomptionAspaMoisSansActivite = series<number | null>(
  'hors_openfisca.cs.presomption_aspa.mois_sans_activite',
  [
    {
      from: '2000-01-01',
      value: null,
      ref: "Pas de présomption de droit pour les bénéficiaires de l'ASPA avant le 01/04/2022",
    },
    {
      from: '2022-04-01',
      value: 3,
      ref: 'Article L861-2 du Code de la sécurité sociale (LFSS pour 2022, loi n° 2021-1754) et article R861-11, présomption en vigueur le 01/04/2022 (RULES.md §3.1)',
    },
  ],
);

/**
 * Âges (au 1er janvier de l'année d'ouverture du droit) à partir desquels s'appliquent les montants de participation
 * des tranches 30-49, 50-59, 60-69 et 70 ans et plus (en dessous du premier : tranche « moins de 30 ans »).
 */
export const montantParticipationSeuilsAge = series<{
  readonly de30a49Ans: number;
  readonly de50a59Ans: number;
  readonly de60a69Ans: number;
  readonly plus69Ans: number;
}>('hors_openfisca.cs.css.montant.seuils_age', [
  {
    from: '2019-11-01',
    value: { de30a49Ans: 30, de50a59Ans: 50, de60a69Ans: 60, plus69Ans: 70 },
    ref: "Arrêté fixant la participation financière à la C2S : tranches d'âge au 1er janvier (RULES.md §3.3)",
  },
]);

/** Paramètres de la C2S, par nom juridique. */
export const c2s = {
  plafondBase,
  coefficientDeuxiemePersonne,
  coefficientTroisiemeEtQuatriemePersonne,
  coefficientCinquiemePersonneEtPlus,
  majorationDom,
  majorationPlafondParticipation,
  ageLimitePersonneACharge,
  abattementChomage,
  abattementAah,
  abattementAsiPersonneSeule,
  abattementAsiCouple,
  abattementAspaPersonneSeule,
  abattementAspaCouple,
  tauxForfaitLogementAvecAl1Personne,
  tauxForfaitLogementAvecAl2Personnes,
  tauxForfaitLogementAvecAl3PersonnesOuPlus,
  tauxForfaitLogementSansAl1Personne,
  tauxForfaitLogementSansAl2Personnes,
  tauxForfaitLogementSansAl3PersonnesOuPlus,
  montantParticipationFrance,
  montantParticipationAlsaceMoselle,
  plafondsPublies,
  plafondsPubliesParticipation,
  plafondsPubliesDom,
  plafondsPubliesDomParticipation,
  periodeReferenceDernierMois,
  periodeReferenceNombreDeMois,
  dureeDuDroitMois,
  departementsMajorationDom,
  presomptionAspaMoisSansActivite,
  montantParticipationSeuilsAge,
} as const;
