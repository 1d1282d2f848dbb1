/**
 * The types that pass between the stages: a household's situation (from the sources),
 * a right's result (from the rules), a decision (from eligibility), notifications and
 * dossiers (from notify and prefill). Stages import these, never each other's internals.
 */

export type AgencyId = 'caf' | 'dgfip' | 'gipmds' | 'payeurs';

/** Where a value comes from: the agency, the extract, its extraction date. */
export interface Provenance {
  readonly agency: AgencyId;
  readonly extract: string;
  readonly extractedOn: string;
}

export type Nationalite = 'FR' | 'UE_EEE_SUISSE' | 'HORS_UE';
export type StatutLogement = 'LOCATAIRE' | 'PROPRIETAIRE' | 'ACCEDANT' | 'HEBERGE_GRATUIT' | 'SANS_DOMICILE';
export type RoleFoyer = 'demandeur' | 'conjoint' | 'enfant' | 'autre_a_charge';
/**
 * Natures of monthly resources, all net amounts ("montant net social" where GIP-MDS declares
 * them). The first six come from GIP-MDS (DSN/PASRAU); the others from other holders
 * (URSSAF/DGFiP for self-employment, CAF/DGFiP for alimony, DGFiP for capital income).
 */
export type NatureRessource =
  | 'SALAIRE'
  | 'ALLOCATION_CHOMAGE'
  | 'INDEMNITES_JOURNALIERES'
  | 'PENSION_RETRAITE'
  | 'PENSION_INVALIDITE'
  | 'AUTRE_REVENU_REMPLACEMENT'
  | 'REVENU_INDEPENDANT'
  | 'PENSION_ALIMENTAIRE'
  | 'REVENU_CAPITAL';

/** Natures counted as professional (activity) income. */
export const NATURES_ACTIVITE: readonly NatureRessource[] = ['SALAIRE', 'REVENU_INDEPENDANT'];

/** Monthly amounts by month `YYYY-MM`. */
export type ByMonth<T> = Readonly<Record<string, T>>;

export interface Person {
  /** A stable internal key (pseudonymous: never the NIR itself). */
  readonly key: string;
  /** Identity as the agency holds it: used to pre-fill a dossier, never logged. */
  readonly identite: { readonly nir: string | null; readonly nom: string; readonly prenoms: string };
  readonly role: RoleFoyer;
  /** ISO date, possibly partial (`1975-03-00`, `1990-00-00`). */
  readonly dateNaissance: string;
  /** Date the person joined / left the household (ISO), when known. */
  readonly dateEntree: string | null;
  readonly dateSortie: string | null;
  /** Date of death (INSEE file), when the person has died: he or she left the household that day. */
  readonly dateDeces?: string;
  /** Unknown (null) when the agency does not hold it (DGFiP). */
  readonly nationalite: Nationalite | null;
  readonly titreSejourDepuis: string | null;
  readonly etudiant: boolean;
  readonly grossesse: boolean;
  /** Monthly "montant net social" by month and nature (GIP-MDS), net of restatements. */
  readonly ressources: ByMonth<Partial<Record<NatureRessource, number>>>;
  /** Gross monthly amounts where a right needs them (ASPA counts gross pensions), when known. */
  readonly ressourcesBrutes?: ByMonth<Partial<Record<NatureRessource, number>>>;
  /** RSA jeune actif: 3 214 hours worked in the 3 years before the claim (DSN history), when known. */
  readonly heuresRsaJeuneRemplies?: boolean;
  /** Recognised unfit for work (inaptitude) or incapacity rate (0–1), for the ASPA before 65. */
  readonly inapte?: boolean;
  readonly tauxIncapacite?: number;
  /** Enrolled in school or apprenticeship (ARS for 16–18-year-olds); unknown when absent. */
  readonly scolarise?: boolean;
}

export interface PostalAddress {
  readonly lines: readonly string[];
  readonly codePostal: string | null;
  readonly commune: string | null;
}

export interface Contacts {
  readonly email: string | null;
  readonly phone: string | null;
  readonly postal: PostalAddress | null;
}

/** What is known of a household at a reference date, each part with its provenance. */
export interface Situation {
  /** `caf:<organisme>-<numero>` or `dgfip:<reference_avis>`. */
  readonly householdKey: string;
  readonly source: 'caf' | 'dgfip';
  /** The payer of family benefits: the MSA switched to M-4..M-2 reference months later than the CAF. */
  readonly regime?: 'CNAF' | 'MSA';
  /**
   * Explicit RSA/PPA reference-month rule when the payer says which applies (an experiment
   * département in 2024-10..2025-02, an MSA claimant not yet switched). Absent: the law's
   * default for the claim date (décret 2025-185).
   */
  readonly moisDeReference?: 'M-3..M-1' | 'M-4..M-2';
  /** Isolation (separation, death, birth) in the last 18 months, when the payer says so. */
  readonly isolementRecent?: boolean;
  /**
   * The last month for which monthly resources are known (`YYYY-MM`, the GIP-MDS file's latest
   * month): a month up to it with nothing declared means no income, a later one is unknown.
   */
  readonly ressourcesConnuesJusqua?: string;
  /** Alsace-Moselle local health scheme (C2S participation amounts). */
  readonly alsaceMoselle?: boolean;
  /** Yearly tax figures of the household by income year `YYYY` (DGFiP). */
  readonly revenusFiscaux?: Readonly<
    Record<string, { readonly revenuFiscalReference: number | null; readonly revenuNetImposable: number | null }>
  >;
  readonly couple: boolean;
  /** Since when the family situation holds (start of isolation for an ISOLE case). */
  readonly dateSituation: string | null;
  /** Unknown (null) when the CAF does not know the household. */
  readonly logement: StatutLogement | null;
  readonly codeCommune: string | null;
  readonly departement: string | null;
  readonly persons: readonly Person[];
  /** CAF benefits paid by month and benefit code (AF, APL, ASF…); null when unknown to the CAF. */
  readonly prestations: ByMonth<Readonly<Record<string, number>>> | null;
  readonly contacts: Contacts;
  readonly provenance: Readonly<Record<string, Provenance>>;
}

/** One line of a computation, for operators (and the explanation to citizens). */
export interface BreakdownLine {
  readonly label: string;
  readonly amount: number;
}

export interface UnmetCondition {
  readonly code: string;
  /** Plain French for the citizen and the operator. */
  readonly message: string;
  readonly values?: Readonly<Record<string, string | number | boolean | null>>;
}

export type RightResult =
  | {
      readonly status: 'eligible';
      /** Monthly (or yearly, per the right's unit) amount, in euros, rounded to the cent once. */
      readonly amount: number;
      readonly period: string;
      readonly breakdown: readonly BreakdownLine[];
      readonly explanation: string;
      readonly details: Readonly<Record<string, unknown>>;
    }
  | {
      readonly status: 'not_eligible';
      readonly period: string;
      readonly reasons: readonly UnmetCondition[];
      readonly explanation: string;
      readonly details: Readonly<Record<string, unknown>>;
    }
  | {
      readonly status: 'undetermined';
      readonly period: string;
      readonly missing: readonly string[];
      readonly explanation: string;
    };

export type ExclusionReason =
  | 'deja_beneficiaire'
  | 'droit_clos_recemment'
  | 'invite_recemment'
  | 'opposition'
  | 'sans_canal_de_contact'
  | 'decede';

/** A household's decision for one right and period, as stored. */
export interface Decision {
  readonly householdKey: string;
  readonly pseudonym: string;
  readonly rightId: string;
  readonly period: string;
  readonly result: RightResult;
  readonly exclusion: ExclusionReason | null;
  readonly inputsHash: string;
  readonly rulesVersion: string;
  /**
   * The situation it was made on, without names or NIR (persons keep their pseudonymous key), as
   * the store's row (hash and JSON, COPY text format, UTF-8): encoded once per situation and
   * shared by the rights, as bytes outside the JavaScript heap until written.
   */
  readonly situationRow: Uint8Array;
  /** Hash of `inputs`: the situation is stored once under it, shared by the rights and reruns. */
  readonly situationHash: string;
}

export type Channel = 'email' | 'sms' | 'courrier';
