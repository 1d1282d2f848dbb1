import { z } from 'zod';
import { checkBirthNotFuture } from '../caf/schema.ts';
import { columnReader, concatIssues, type ExtractSpec } from '../extract.ts';
import {
  birthDate,
  field,
  oneOf,
  optAmount,
  optCodeCommune,
  optCodeLieuNaissance,
  optFlagON,
  optFrDate,
  optInteger,
  optNir,
  optOneOf,
  optText,
  Refusal,
  text,
} from '../fields.ts';
import { addressDoubts, birthPlaceDoubts, birthPlaceKey } from '../geography.ts';
import { nirTraitsDoubts, traitsKey } from '../identity.ts';

const year = field((s) => {
  const t = s.trim();
  if (/^\d{4}$/.test(t)) return Number(t);
  return new Refusal('ANNEE_INVALIDE', `année « ${t} » invalide (AAAA)`);
});

/** dgfip_foyers: one row per person of a tax household (avis d'imposition). SOURCES.md §7.2. */
export const dgfipFoyerSchema = z.object({
  reference_avis: text,
  annee_revenus: year,
  annee_impots: year,
  numero_fiscal: optText,
  role: oneOf(['DECLARANT_1', 'DECLARANT_2', 'PERSONNE_A_CHARGE'], 'rôle fiscal'),
  nir: optNir,
  nom_naissance: text,
  nom_usage: optText,
  prenoms: text,
  sexe: oneOf(['M', 'F'], 'sexe'),
  date_naissance: birthDate,
  code_lieu_naissance: optCodeLieuNaissance,
  situation_famille: oneOf(['M', 'O', 'C', 'D', 'V'], 'situation de famille'),
  case_t: optFlagON,
  date_evenement: optFrDate,
  type_evenement: optOneOf(['MARIAGE', 'PACS', 'DIVORCE', 'DECES'], "type d'événement"),
  situation_partielle: optFlagON,
  nombre_parts: optAmount(),
  nombre_personnes_charge: optInteger,
  revenu_fiscal_reference: optInteger,
  revenu_brut_global: optInteger,
  revenu_imposable: optInteger,
  montant_impot: optInteger,
  salaires: optInteger,
  pensions: optInteger,
  revenus_independants: optInteger,
  revenus_fonciers: optInteger,
  revenus_capitaux: optInteger,
  adresse_l1: optText,
  adresse_l4: optText,
  adresse_l6: optText,
  code_postal: optCodeCommune,
  code_commune_insee: optCodeCommune,
});
export type DgfipFoyerRecord = z.output<typeof dgfipFoyerSchema>;

const tableColumns = [
  'reference_avis',
  'annee_revenus',
  'numero_fiscal',
  'role',
  'nir',
  'nom_naissance',
  'nom_usage',
  'prenoms',
  'sexe',
  'date_naissance',
  'code_lieu_naissance',
  'situation_famille',
  'case_t',
  'date_evenement',
  'type_evenement',
  'nombre_parts',
  'nombre_personnes_charge',
  'revenu_fiscal_reference',
  'revenu_imposable',
  'revenu_brut_global',
  'montant_impot',
  'salaires',
  'pensions',
  'revenus_independants',
  'revenus_fonciers',
  'revenus_capitaux',
  'adresse_l1',
  'adresse_l4',
  'adresse_l6',
  'code_postal',
  'code_commune_insee',
] as const;

const readColumns = columnReader<DgfipFoyerRecord>(tableColumns);

export const dgfipFoyers: ExtractSpec<DgfipFoyerRecord> = {
  agency: 'dgfip',
  prefix: /^dgfip_foyers$/,
  extract: 'foyers',
  format: 'csv',
  columns: Object.keys(dgfipFoyerSchema.shape),
  schema: dgfipFoyerSchema,
  check: (r, ctx) => checkBirthNotFuture(r.date_naissance, ctx.extractedOn),
  key: ['reference_avis', 'nir'],
  table: 'dgfip_personne',
  warn: (r) =>
    concatIssues(
      concatIssues(
        nirTraitsDoubts(r.nir, r.sexe, r.date_naissance),
        birthPlaceDoubts(r.code_lieu_naissance, r.date_naissance),
      ),
      addressDoubts(r.code_postal, r.code_commune_insee),
    ),
  tableColumns: [...tableColumns, 'traits_key', 'lieu_naissance_cle'],
  toRows: (r) => {
    const row = readColumns(r);
    row.push(
      traitsKey(r.nom_naissance, r.prenoms, r.date_naissance),
      birthPlaceKey(r.code_lieu_naissance, r.date_naissance),
    );
    return [row];
  },
};
