/**
 * Impôt sur le revenu : déduction forfaitaire de 10 % pour frais professionnels sur les traitements et salaires (CGI
 * art. 83 3°), plafonnée par personne, par année de revenus. Ne sert qu'à majorer un revenu net imposable ou un RFR
 * que le cas de test ne donne pas (conformance) : proactif lit les chiffres des avis d'impôt.
 */
import { series } from './series.ts';

/** Taux de la déduction forfaitaire pour frais professionnels. */
export const deductionFraisProfessionnelsTaux = series(
  'impot_revenu.calcul_revenus_imposables.deductions.abatpro.taux',
  [{ from: '2000-01-01', value: 0.1, ref: 'CGI art. 83 3° (déduction forfaitaire de 10 %)' }],
);

/**
 * Plafond de la déduction par personne, pour les revenus de l'année de la date. CGI art. 83 3° : les limites sont
 * révisées chaque année dans la même proportion que la limite supérieure de la première tranche du barème (art. 197),
 * que relève l'article 2 de chaque loi de finances ; un décret met ensuite à jour le montant codifié. Valeurs
 * recoupées avec le barème IPP repris par OpenFisca-France (`…deductions.abatpro.max`) et par le calcul
 * (12 502 € pour 2018 × 1,01 × 1,002 × 1,014 × 1,054 × 1,048 × 1,018, arrondi chaque année à l'euro).
 */
export const deductionFraisProfessionnelsPlafond = series(
  'impot_revenu.calcul_revenus_imposables.deductions.abatpro.max',
  [
    {
      from: '2019-01-01',
      value: 12627,
      ref: 'CGI art. 83 3°, relevé comme la 1re tranche du barème (+1 %, loi 2019-1479 de finances pour 2020, art. 2 : revenus 2019)',
    },
    {
      from: '2020-01-01',
      value: 12652,
      ref: 'CGI art. 83 3°, relevé comme la 1re tranche du barème (+0,2 %, loi 2020-1721 de finances pour 2021, art. 2 : revenus 2020)',
    },
    {
      from: '2021-01-01',
      value: 12829,
      ref: 'CGI art. 83 3°, relevé comme la 1re tranche du barème (+1,4 %, loi 2021-1900 de finances pour 2022, art. 2 : revenus 2021)',
    },
    {
      from: '2022-01-01',
      value: 13522,
      ref: 'CGI art. 83 3°, relevé comme la 1re tranche du barème (+5,4 %, loi 2022-1726 de finances pour 2023, art. 2 : revenus 2022) ; montant codifié par le décret 2023-422 du 31 mai 2023, art. 1',
    },
    {
      from: '2023-01-01',
      value: 14171,
      ref: 'CGI art. 83 3°, relevé comme la 1re tranche du barème (+4,8 %, loi 2023-1322 de finances pour 2024, art. 2 : revenus 2023) ; montant codifié par le décret 2024-496 du 30 mai 2024, art. 1',
    },
    {
      from: '2024-01-01',
      value: 14426,
      ref: 'CGI art. 83 3°, relevé comme la 1re tranche du barème (+1,8 %, loi 2025-127 de finances pour 2025, art. 2 : revenus 2024)',
    },
  ],
);

/** Paramètres fiscaux, par nom juridique. */
export const fiscal = { deductionFraisProfessionnelsTaux, deductionFraisProfessionnelsPlafond } as const;
