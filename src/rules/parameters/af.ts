/**
 * Allocations familiales (CSS L521-1 s., D521-1 s.) : taux en fraction de la BMAF, majoration pour âge, âge limite,
 * modulation selon les ressources de l'année N-2 (depuis le 1er juillet 2015). Ne sert qu'à la conformance, pour
 * calculer les AF qu'un cas de test ne donne pas (OpenFisca les calcule) : proactif lit les AF versées.
 * Plafonds recoupés avec les barèmes IPP repris par OpenFisca-France (`…af.af_cond_ress.*`) et les arrêtés cités.
 */
import { series } from './series.ts';

/** AF pour deux enfants à charge : 32 % de la BMAF (CSS D521-1 I). */
export const tauxDeuxEnfants = series('prestations_sociales.prestations_familiales.af.af_cm.taux.enf2', [
  {
    from: '1986-01-01',
    value: 0.32,
    ref: 'CSS art. D521-1 (décret 86-150 du 30 janvier 1986) : 32 % pour deux enfants',
  },
]);

/** AF par enfant à charge à partir du troisième : 41 % de la BMAF (CSS D521-1 I). */
export const tauxEnfantSupplementaire = series('prestations_sociales.prestations_familiales.af.af_cm.taux.enf3', [
  {
    from: '1986-01-01',
    value: 0.41,
    ref: 'CSS art. D521-1 (décret 86-150 du 30 janvier 1986) : 41 % par enfant à partir du troisième',
  },
]);

/** Majoration pour âge par enfant de 14 ans ou plus, sauf l'aîné d'une famille de deux enfants : 16 % de la BMAF. */
export const tauxMajorationAge = series(
  'prestations_sociales.prestations_familiales.af.af_maj.majoration_enfants.taux_selon_age.taux_de_la_tranche_2',
  [
    {
      from: '2008-05-01',
      value: 0.16,
      ref: 'CSS art. D521-2 et L521-3 (décret 2008-409 du 28 avril 2008 : majoration unique à 14 ans)',
    },
  ],
);

/** Âge jusqu'auquel un enfant ouvre droit aux AF (enfant à charge, CSS L512-3 2°, R512-2). */
export const ageLimite = series('prestations_sociales.prestations_familiales.af.age_limite', [
  { from: '1999-07-01', value: 20, ref: 'CSS art. R512-2 (décret 99-571 du 2 juillet 1999) : 20 ans' },
]);

/**
 * Plafond de ressources de base de la première tranche des AF modulées (revenu net catégoriel de l'année N-2), majoré
 * par enfant à charge (`majorationPlafondParEnfant`) : sous ce plafond, montant plein (CSS D521-1 I 1°). Chaque arrêté
 * le fixe pour une année civile : une valeur ne vaut que pour l'année de sa date (2015 : à partir du 1er juillet) ;
 * les années suivantes ne sont pas décrites ici (voir allocations-familiales.ts).
 */
export const plafondTranche1Base = series(
  'prestations_sociales.prestations_familiales.af.af_cond_ress.plafond_tranche_1_base',
  [
    { from: '2015-07-01', value: 55950, ref: 'Décret 2015-611 du 3 juin 2015 (CSS D521-1, D521-3)' },
    { from: '2016-01-01', value: 56174, ref: 'Arrêté du 8 décembre 2015, art. 1' },
    { from: '2017-01-01', value: 56174, ref: 'Inchangé en 2017 : circulaire DSS/SD2B/2016/396 du 21 décembre 2016' },
    { from: '2018-01-01', value: 56286, ref: 'Arrêté du 27 décembre 2017, art. 1' },
    { from: '2019-01-01', value: 56849, ref: 'Arrêté du 21 décembre 2018, art. 1' },
    { from: '2020-01-01', value: 57759, ref: 'Arrêté du 20 décembre 2019, art. 1 ; instruction DSS/SD2B/2019/261' },
    { from: '2021-01-01', value: 58279, ref: 'Arrêté du 14 décembre 2020, art. 1 I' },
  ],
);

/** Majoration du plafond de la première tranche par enfant à charge. */
export const majorationPlafondParEnfant = series(
  'prestations_sociales.prestations_familiales.af.af_cond_ress.majoration_plafond_par_enfant_supplementaire',
  [
    { from: '2015-07-01', value: 5595, ref: 'Décret 2015-611 du 3 juin 2015 (CSS D521-3)' },
    { from: '2016-01-01', value: 5617, ref: 'Arrêté du 8 décembre 2015, art. 1' },
    { from: '2017-01-01', value: 5617, ref: 'Inchangé en 2017 : circulaire DSS/SD2B/2016/396 du 21 décembre 2016' },
    { from: '2018-01-01', value: 5628, ref: 'Arrêté du 27 décembre 2017, art. 1' },
    { from: '2019-01-01', value: 5684, ref: 'Arrêté du 21 décembre 2018, art. 1' },
    { from: '2020-01-01', value: 5775, ref: 'Arrêté du 20 décembre 2019, art. 1' },
    { from: '2021-01-01', value: 5827, ref: 'Arrêté du 14 décembre 2020, art. 1 I' },
  ],
);

/** Modulation des AF selon les ressources (1) ou montant unique (0). */
export const modulation = series('hors_openfisca.af.modulation', [
  { from: '1986-01-01', value: 0, ref: 'CSS art. L521-1 (AF sans condition de ressources)' },
  { from: '2015-07-01', value: 1, ref: 'Loi 2014-1554 du 22 décembre 2014, art. 85 ; décret 2015-611 du 3 juin 2015' },
]);

/** Paramètres des allocations familiales, par nom juridique. */
export const af = {
  tauxDeuxEnfants,
  tauxEnfantSupplementaire,
  tauxMajorationAge,
  ageLimite,
  plafondTranche1Base,
  majorationPlafondParEnfant,
  modulation,
} as const;
