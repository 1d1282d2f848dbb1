import { z } from 'zod';
import { STATUTS_DROIT } from '../caf/schema.ts';
import type { ExtractSpec, FieldIssue } from '../extract.ts';
import {
  field,
  flagON,
  oneOf,
  optCodeLieuNaissance,
  optFlagON,
  optFrDate,
  optNir,
  optOneOf,
  optText,
  Refusal,
  textUpper,
} from '../fields.ts';
import { birthPlaceDoubts, birthPlaceKey } from '../geography.ts';
import { traitsKey } from '../identity.ts';

const optBirth = field((s) => {
  const t = s.trim();
  if (t === '') return null;
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t);
  if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  return new Refusal('DATE_INVALIDE', `date de naissance « ${t} » invalide`);
});

/** beneficiaires_<payeur>: who currently receives which right. SOURCES.md §7.4. */
export const beneficiaireSchema = z.object({
  payeur: oneOf(['CAF', 'MSA', 'CNAM', 'CNAV'], 'payeur'),
  droit: textUpper,
  nir: optNir,
  nom_naissance: optText,
  prenoms: optText,
  sexe: optOneOf(['M', 'F'], 'sexe'),
  date_naissance: optBirth,
  code_lieu_naissance: optCodeLieuNaissance,
  numero_dossier: optText,
  est_beneficiaire: flagON,
  avec_majoration: optFlagON,
  avec_participation: optFlagON,
  aeeh_statut: optText,
  date_debut_droit: optFrDate,
  date_fin_droit: optFrDate,
  statut: oneOf(STATUTS_DROIT, 'statut'),
  date_effet_statut: optFrDate,
});
export type BeneficiaireRecord = z.output<typeof beneficiaireSchema>;

const tableColumns = [
  'payeur',
  'droit',
  'nir',
  'nom_naissance',
  'prenoms',
  'sexe',
  'date_naissance',
  'code_lieu_naissance',
  'numero_dossier',
  'est_beneficiaire',
  'avec_majoration',
  'avec_participation',
  'date_debut_droit',
  'date_fin_droit',
  'statut',
  'date_effet_statut',
] as const;

export const beneficiaires: ExtractSpec<BeneficiaireRecord> = {
  agency: 'payeurs',
  prefix: /^beneficiaires_(caf|msa|cnam|cnav)$/i,
  extract: 'beneficiaires',
  format: 'csv',
  columns: Object.keys(beneficiaireSchema.shape),
  schema: beneficiaireSchema,
  check: (r) => {
    const issues: FieldIssue[] = [];
    if (!r.nir && !(r.nom_naissance && r.prenoms && r.date_naissance))
      issues.push({
        field: 'nir',
        code: 'IDENTITE_MANQUANTE',
        reason: 'ni NIR ni traits d’état civil : personne introuvable',
      });
    if (r.est_beneficiaire && r.statut === 'CLOS')
      issues.push({
        field: 'statut',
        code: 'STATUT_CONTRADICTOIRE',
        reason: 'bénéficiaire déclaré (O) mais droit clos',
      });
    return issues;
  },
  key: ['payeur', 'droit', 'nir'],
  table: 'beneficiaire',
  warn: (r) => birthPlaceDoubts(r.code_lieu_naissance, r.date_naissance ?? ''),
  tableColumns: [...tableColumns, 'traits_key', 'lieu_naissance_cle'],
  toRows: (r) => [
    [
      ...tableColumns.map((c) => r[c]),
      r.nom_naissance && r.prenoms && r.date_naissance ? traitsKey(r.nom_naissance, r.prenoms, r.date_naissance) : null,
      birthPlaceKey(r.code_lieu_naissance, r.date_naissance),
    ],
  ],
};
