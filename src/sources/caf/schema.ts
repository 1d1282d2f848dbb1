import { z } from 'zod';
import { columnReader, concatIssues, type ExtractSpec, type FieldIssue } from '../extract.ts';
import {
  amount,
  birthDate,
  flagON,
  month,
  oneOf,
  optCodeCommune,
  optCodeLieuNaissance,
  optFlagON,
  optFrDate,
  optNir,
  optNonNegativeInteger,
  optOneOf,
  optText,
  text,
  textUpper,
} from '../fields.ts';
import { addressDoubts, birthPlaceDoubts, birthPlaceKey } from '../geography.ts';
import { nirTraitsDoubts, traitsKey } from '../identity.ts';

const adresse = {
  adresse_l1: optText,
  adresse_l2: optText,
  adresse_l3: optText,
  adresse_l4: optText,
  adresse_l5: optText,
  adresse_l6: optText,
  adresse_l7: optText,
};

export const STATUTS_LOGEMENT = ['LOCATAIRE', 'PROPRIETAIRE', 'ACCEDANT', 'HEBERGE_GRATUIT', 'SANS_DOMICILE'] as const;
export type StatutLogement = (typeof STATUTS_LOGEMENT)[number];

/** caf_foyers: one row per CAF/MSA case (dossier allocataire). SOURCES.md §7.1. */
export const cafFoyerSchema = z.object({
  regime: oneOf(['CNAF', 'MSA'], 'régime'),
  code_organisme: text,
  numero_allocataire: text,
  situation_familiale: oneOf(['ISOLE', 'COUPLE'], 'situation familiale'),
  date_situation: optFrDate,
  ...adresse,
  code_postal: optCodeCommune,
  commune_acheminement: optText,
  code_commune_insee: optCodeCommune,
  statut_logement: oneOf(STATUTS_LOGEMENT, 'statut de logement'),
  quotient_familial: optNonNegativeInteger,
  qf_mois: z.string(),
  qf_mois_calcul: z.string(),
  courriel: optText,
  telephone: optText,
});
export type CafFoyerRecord = z.output<typeof cafFoyerSchema>;

const foyerColumns = [
  'regime',
  'code_organisme',
  'numero_allocataire',
  'situation_familiale',
  'date_situation',
  'adresse_l1',
  'adresse_l2',
  'adresse_l3',
  'adresse_l4',
  'adresse_l5',
  'adresse_l6',
  'adresse_l7',
  'code_postal',
  'commune_acheminement',
  'code_commune_insee',
  'statut_logement',
  'quotient_familial',
  'courriel',
  'telephone',
] as const;

const readFoyer = columnReader<CafFoyerRecord>(foyerColumns);

export const cafFoyers: ExtractSpec<CafFoyerRecord> = {
  agency: 'caf',
  prefix: /^caf_foyers$/,
  extract: 'foyers',
  format: 'csv',
  columns: Object.keys(cafFoyerSchema.shape),
  schema: cafFoyerSchema,
  check: (r, ctx) =>
    r.date_situation && r.date_situation > ctx.extractedOn
      ? [
          {
            field: 'date_situation',
            code: 'DATE_FUTURE',
            reason: "date de situation postérieure à la date d'extraction",
          },
        ]
      : [],
  key: ['code_organisme', 'numero_allocataire'],
  warn: (r) => addressDoubts(r.code_postal, r.code_commune_insee),
  table: 'caf_foyer',
  tableColumns: foyerColumns,
  toRows: (r) => [readFoyer(r)],
};

export const ROLES_CAF = ['ALLOCATAIRE', 'CONJOINT', 'ENFANT', 'AUTRE_A_CHARGE'] as const;
export const NATIONALITES = ['FR', 'UE_EEE_SUISSE', 'HORS_UE'] as const;

/** caf_membres: one row per person of a case. SOURCES.md §7.1. */
export const cafMembreSchema = z.object({
  numero_allocataire: text,
  code_organisme: text,
  nir: optNir,
  nir_statut: optOneOf(['CERTIFIE', 'NON_CERTIFIE', 'PROVISOIRE'], 'statut du NIR'),
  nom_naissance: text,
  nom_usage: optText,
  prenoms: text,
  sexe: oneOf(['M', 'F'], 'sexe'),
  date_naissance: birthDate,
  code_lieu_naissance: optCodeLieuNaissance,
  role: oneOf(ROLES_CAF, 'rôle'),
  date_entree: optFrDate,
  date_sortie: optFrDate,
  nationalite: oneOf(NATIONALITES, 'nationalité'),
  titre_sejour_depuis: optFrDate,
  etudiant: flagON,
  grossesse: flagON,
  garde_alternee: flagON,
});
export type CafMembreRecord = z.output<typeof cafMembreSchema>;

const membreColumns = Object.keys(cafMembreSchema.shape) as (keyof CafMembreRecord)[];

/** A birth after the extraction date, or an exit before the entry, cannot be right. */
export function checkBirthNotFuture(birth: string, extractedOn: string, field = 'date_naissance'): FieldIssue[] {
  return birth.replace(/-00/g, '-01') > extractedOn
    ? [{ field, code: 'DATE_FUTURE', reason: "date de naissance postérieure à la date d'extraction" }]
    : [];
}

const readMembre = columnReader<CafMembreRecord>(membreColumns);

export const cafMembres: ExtractSpec<CafMembreRecord> = {
  agency: 'caf',
  prefix: /^caf_membres$/,
  extract: 'membres',
  format: 'csv',
  columns: membreColumns,
  schema: cafMembreSchema,
  check: (r, ctx) => [
    ...checkBirthNotFuture(r.date_naissance, ctx.extractedOn),
    ...(r.date_sortie && r.date_entree && r.date_sortie < r.date_entree
      ? [{ field: 'date_sortie', code: 'DATE_INCOHERENTE', reason: "date de sortie antérieure à la date d'entrée" }]
      : []),
  ],
  key: ['code_organisme', 'numero_allocataire', 'nir'],
  table: 'caf_membre',
  warn: (r) =>
    concatIssues(
      nirTraitsDoubts(r.nir, r.sexe, r.date_naissance),
      birthPlaceDoubts(r.code_lieu_naissance, r.date_naissance),
    ),
  // Written by the server, not read back: a file with many such cases costs this process nothing.
  warnAfterLoad: async (db, importId, fileName) => {
    const r = await db
      .insertInto('import_warning')
      .columns(['import_id', 'file_name', 'line_no', 'field', 'code', 'reason'])
      .expression(
        db
          .selectFrom('caf_membre as m')
          .select((eb) => [
            'm.import_id',
            eb.val(fileName).as('file_name'),
            'm.line_no',
            eb.val('role').as('field'),
            eb.val('DEUX_ALLOCATAIRES').as('code'),
            eb.val('role : deux allocataires dans le même dossier').as('reason'),
          ])
          .where('m.import_id', '=', importId)
          .where('m.role', '=', 'ALLOCATAIRE')
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom('caf_membre as o')
                .select('o.line_no')
                .whereRef('o.import_id', '=', 'm.import_id')
                .whereRef('o.code_organisme', '=', 'm.code_organisme')
                .whereRef('o.numero_allocataire', '=', 'm.numero_allocataire')
                .where('o.role', '=', 'ALLOCATAIRE')
                .whereRef('o.line_no', '<>', 'm.line_no'),
            ),
          ),
      )
      .executeTakeFirst();
    const n = Number(r.numInsertedOrUpdatedRows ?? 0);
    return n ? { DEUX_ALLOCATAIRES: n } : {};
  },
  tableColumns: [...membreColumns, 'traits_key', 'lieu_naissance_cle'],
  toRows: (r) => {
    const row = readMembre(r);
    row.push(
      traitsKey(r.nom_naissance, r.prenoms, r.date_naissance),
      birthPlaceKey(r.code_lieu_naissance, r.date_naissance),
    );
    return [row];
  },
};

export const STATUTS_DROIT = ['EN_COURS', 'SUSPENDU', 'CLOS'] as const;

/** caf_droits: one row per case, benefit and month paid. SOURCES.md §7.1. */
export const cafDroitSchema = z.object({
  numero_allocataire: text,
  code_organisme: text,
  mois: month,
  prestation: textUpper,
  // A negative amount is the recovery of an overpayment: legitimate here.
  montant: amount({ allowNegative: true }),
  majoration: optFlagON,
  date_debut_droit: optFrDate,
  statut: oneOf(STATUTS_DROIT, 'statut'),
});
export type CafDroitRecord = z.output<typeof cafDroitSchema>;
const droitColumns = Object.keys(cafDroitSchema.shape) as (keyof CafDroitRecord)[];

const readDroit = columnReader<CafDroitRecord>(droitColumns);

export const cafDroits: ExtractSpec<CafDroitRecord> = {
  agency: 'caf',
  prefix: /^caf_droits$/,
  extract: 'droits',
  format: 'csv',
  columns: droitColumns,
  schema: cafDroitSchema,
  table: 'caf_droit',
  tableColumns: droitColumns,
  toRows: (r) => [readDroit(r)],
};
