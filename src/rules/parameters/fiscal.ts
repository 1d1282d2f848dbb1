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

/** Plafond de la déduction par personne, pour les revenus de l'année de la date. */
export const deductionFraisProfessionnelsPlafond = series(
  'impot_revenu.calcul_revenus_imposables.deductions.abatpro.max',
  [
    {
      from: '2019-01-01',
      value: 12627,
      ref: 'CGI art. 83 3° (loi 2019-1479 de finances pour 2020, art. 2 : revenus 2019)',
    },
    {
      from: '2020-01-01',
      value: 12652,
      ref: 'CGI art. 83 3° (loi 2020-1721 de finances pour 2021, art. 2 : revenus 2020)',
    },
    {
      from: '2021-01-01',
      value: 12829,
      ref: 'CGI art. 83 3° (loi 2021-1900 de finances pour 2022, art. 2 : revenus 2021)',
    },
    {
      from: '2022-01-01',
      value: 13522,
      ref: 'CGI art. 83 3° (loi 2022-1726 de finances pour 2023, art. 2 : revenus 2022)',
    },
    {
      from: '2023-01-01',
      value: 14171,
      ref: 'CGI art. 83 3° (loi 2023-1322 de finances pour 2024, art. 2 : revenus 2023)',
    },
    {
      from: '2024-01-01',
      value: 14426,
      ref: 'CGI art. 83 3° (loi 2025-127 de finances pour 2025, art. 2 : revenus 2024)',
    },
  ],
);

/** Paramètres fiscaux, par nom juridique. */
export const fiscal = { deductionFraisProfessionnelsTaux, deductionFraisProfessionnelsPlafond } as const;
