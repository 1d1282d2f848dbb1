import type { ColumnType, Generated, Kysely } from 'kysely';

/** Dates travel as ISO strings (`YYYY-MM-DD`), never as JS Dates: no time-zone shifts. */
type IsoDate = string;
type Timestamp = ColumnType<string, string | undefined, string>;
type Json<T = unknown> = ColumnType<T, string, string>;

interface Provenance {
  import_id: number;
  snapshot_date: IsoDate;
  line_no: number;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface ImportFileTable {
  id: Generated<number>;
  agency: string;
  extract: string;
  file_name: string;
  sha256: string;
  extracted_on: IsoDate;
  imported_at: Timestamp;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  purged_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RejectedRowTable {
  id: Generated<number>;
  import_id: number | null;
  file_name: string;
  line_no: number;
  field: string | null;
  code: string;
  reason: string;
  raw: string;
}

type Address = {
  adresse_l1: string | null;
  adresse_l2: string | null;
  adresse_l3: string | null;
  adresse_l4: string | null;
  adresse_l5: string | null;
  adresse_l6: string | null;
  adresse_l7: string | null;
};

export interface CafFoyerTable extends Provenance, Address {
  regime: string;
  code_organisme: string;
  numero_allocataire: string;
  situation_familiale: string;
  date_situation: IsoDate | null;
  code_postal: string | null;
  commune_acheminement: string | null;
  code_commune_insee: string | null;
  statut_logement: string;
  quotient_familial: number | null;
  courriel: string | null;
  telephone: string | null;
}

export interface CafMembreTable extends Provenance {
  code_organisme: string;
  numero_allocataire: string;
  nir: string | null;
  nir_statut: string | null;
  nom_naissance: string;
  nom_usage: string | null;
  prenoms: string;
  sexe: string;
  /** Partial dates allowed (`1975-03-00`). */
  date_naissance: string;
  code_lieu_naissance: string | null;
  role: string;
  date_entree: IsoDate | null;
  date_sortie: IsoDate | null;
  nationalite: string;
  titre_sejour_depuis: IsoDate | null;
  etudiant: boolean;
  grossesse: boolean;
  garde_alternee: boolean;
  traits_key: string | null;
  /** The birth place as the COG names it today (`birthPlaceKey`); null when unknown or imported before 0014. */
  lieu_naissance_cle: string | null;
}

export interface CafDroitTable extends Provenance {
  code_organisme: string;
  numero_allocataire: string;
  mois: string;
  prestation: string;
  montant: number;
  majoration: boolean | null;
  date_debut_droit: IsoDate | null;
  statut: string;
}

export interface DgfipPersonneTable extends Provenance, Address {
  reference_avis: string;
  annee_revenus: number;
  numero_fiscal: string | null;
  role: string;
  nir: string | null;
  nom_naissance: string;
  nom_usage: string | null;
  prenoms: string;
  sexe: string;
  date_naissance: string;
  code_lieu_naissance: string | null;
  situation_famille: string;
  case_t: boolean | null;
  date_evenement: IsoDate | null;
  type_evenement: string | null;
  nombre_parts: number | null;
  nombre_personnes_charge: number | null;
  revenu_fiscal_reference: number | null;
  revenu_imposable: number | null;
  revenu_brut_global: number | null;
  montant_impot: number | null;
  salaires: number | null;
  pensions: number | null;
  revenus_independants: number | null;
  revenus_fonciers: number | null;
  revenus_capitaux: number | null;
  code_postal: string | null;
  code_commune_insee: string | null;
  traits_key: string | null;
  /** The birth place as the COG names it today (`birthPlaceKey`); null when unknown or imported before 0014. */
  lieu_naissance_cle: string | null;
}

export interface GipmdsRessourceTable extends Provenance {
  nir: string;
  mois: string;
  id_versement: string;
  source: string;
  nature: string;
  declarant_siret: string | null;
  date_versement: IsoDate | null;
  montant_net_social: number;
  statut: string;
}

export interface BeneficiaireTable extends Provenance {
  payeur: string;
  droit: string;
  nir: string | null;
  nom_naissance: string | null;
  prenoms: string | null;
  sexe: string | null;
  date_naissance: string | null;
  code_lieu_naissance: string | null;
  numero_dossier: string | null;
  est_beneficiaire: boolean;
  avec_majoration: boolean | null;
  avec_participation: boolean | null;
  date_debut_droit: IsoDate | null;
  date_fin_droit: IsoDate | null;
  statut: string;
  date_effet_statut: IsoDate | null;
  traits_key: string | null;
  /** The birth place as the COG names it today (`birthPlaceKey`); null when unknown or imported before 0014. */
  lieu_naissance_cle: string | null;
}

export interface DecisionTable {
  id: Generated<number>;
  household_key: string;
  pseudonym: string;
  right_id: string;
  period: string;
  status: string;
  exclusion: string | null;
  amount: number | null;
  explanation: Json;
  /** Older decisions kept their inputs here; newer ones point to situation_snapshot. */
  inputs: Json | null;
  situation_hash: string | null;
  inputs_hash: string;
  rules_version: string;
  decided_at: Timestamp;
  superseded_at: string | null;
}

export interface NotificationTable {
  id: Generated<number>;
  decision_id: number;
  household_key: string;
  pseudonym: string;
  right_id: string;
  period: string;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  status: ColumnType<string, string | undefined, string>;
  queued_at: Timestamp;
}

export interface DossierTable {
  id: Generated<number>;
  decision_id: number;
  household_key: string;
  pseudonym: string;
  right_id: string;
  period: string;
  payload: Json;
  file_path: string | null;
  written_at: Timestamp;
}

export interface LifeEventTable {
  id: Generated<number>;
  household_key: string;
  pseudonym: string;
  kind: string;
  event_date: IsoDate;
  /** Who or what it is about (a person's pseudonymous key, a right): part of the event's identity. */
  subject: string;
  detected_on: IsoDate;
  data: Json;
  rights: Json<string[]>;
}

export interface EligibilityRunTable {
  id: Generated<number>;
  right_id: string;
  as_of: IsoDate;
  full_run: boolean;
  households: number;
  ran_at: Timestamp;
}

export interface InseeDecesTable extends Provenance {
  nom: string;
  prenoms: string;
  sexe: string;
  date_naissance: string;
  code_lieu_naissance: string | null;
  date_deces: IsoDate;
  code_lieu_deces: string | null;
  numero_acte: string | null;
  /** Normalised birth name | first given name | birth date, for matching without a NIR. */
  traits_key: string;
  /** The birth place as the COG names it today (`birthPlaceKey`); null when unknown or imported before 0014. */
  lieu_naissance_cle: string | null;
}

export interface PersonTable {
  id: Generated<number>;
  nir: string | null;
  traits_key: string;
  /** The birth place as the COG names it today (`birthPlaceKey`); null when unknown or imported before 0014. */
  lieu_naissance_cle: string | null;
  built_on: IsoDate;
}

export interface PersonValueTable {
  person_id: number;
  field: string;
  value: string | null;
  agency: string;
  extract: string;
  extracted_on: IsoDate;
}

export interface PersonSnapshotTable {
  agency: string;
  /** `membres`, `foyers`, `beneficiaires_<payer>`: as in `person_value`. */
  extract: string;
  extracted_on: IsoDate;
  /** The newest file of that date read. */
  import_id: number;
  resolved_on: IsoDate;
}

export interface IdentityConflictTable {
  id: Generated<number>;
  kind: string;
  nir: string;
  traits_key: string;
  detail: Json;
  detected_on: IsoDate;
}

export interface OppositionTable {
  household_key: string;
  /** A right's id, or '*' for every right. */
  right_id: string;
  since: IsoDate;
  recorded_at: Timestamp;
}

export interface ImportWarningTable {
  id: Generated<number>;
  import_id: number;
  file_name: string;
  line_no: number;
  field: string | null;
  code: string;
  reason: string;
}

export interface SituationSnapshotTable {
  hash: string;
  inputs: Json;
  created_at: Timestamp;
}

/** Every table of proactif, as kysely sees it. */
export interface Database {
  setting: SettingTable;
  import_file: ImportFileTable;
  rejected_row: RejectedRowTable;
  caf_foyer: CafFoyerTable;
  caf_membre: CafMembreTable;
  caf_droit: CafDroitTable;
  dgfip_personne: DgfipPersonneTable;
  gipmds_ressource: GipmdsRessourceTable;
  beneficiaire: BeneficiaireTable;
  decision: DecisionTable;
  notification: NotificationTable;
  dossier: DossierTable;
  life_event: LifeEventTable;
  eligibility_run: EligibilityRunTable;
  insee_deces: InseeDecesTable;
  person: PersonTable;
  person_value: PersonValueTable;
  person_snapshot: PersonSnapshotTable;
  identity_conflict: IdentityConflictTable;
  opposition: OppositionTable;
  import_warning: ImportWarningTable;
  situation_snapshot: SituationSnapshotTable;
}

export type Kdb = Kysely<Database>;
