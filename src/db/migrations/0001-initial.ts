import type { Kysely } from 'kysely';
import { execScript } from '../exec-script.ts';

/**
 * Staging tables hold the extracts as imported (one row per line, with its file and line),
 * so that every value keeps its provenance (agency, extraction date, file, line).
 * Decisions, outbox and dossiers are keyed so that a rerun never does twice what was done.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    create table setting (
      key text primary key,
      value text not null
    );

    create table import_file (
      id serial primary key,
      agency text not null,
      extract text not null,
      file_name text not null,
      sha256 text not null unique,
      extracted_on date not null,
      imported_at timestamptz not null default now(),
      rows_read integer not null,
      rows_accepted integer not null,
      rows_rejected integer not null
    );

    create table rejected_row (
      id bigserial primary key,
      import_id integer references import_file(id) on delete cascade,
      file_name text not null,
      line_no integer not null,
      field text,
      code text not null,
      reason text not null,
      raw text not null
    );
    create index rejected_row_import on rejected_row(import_id);

    create table caf_foyer (
      import_id integer not null references import_file(id) on delete cascade,
      snapshot_date date not null,
      line_no integer not null,
      regime text not null,
      code_organisme text not null,
      numero_allocataire text not null,
      situation_familiale text not null,
      date_situation date,
      adresse_l1 text, adresse_l2 text, adresse_l3 text, adresse_l4 text,
      adresse_l5 text, adresse_l6 text, adresse_l7 text,
      code_postal text,
      commune_acheminement text,
      code_commune_insee text,
      statut_logement text not null,
      quotient_familial integer,
      courriel text,
      telephone text
    );
    create index caf_foyer_case on caf_foyer(code_organisme, numero_allocataire, snapshot_date);

    create table caf_membre (
      import_id integer not null references import_file(id) on delete cascade,
      snapshot_date date not null,
      line_no integer not null,
      code_organisme text not null,
      numero_allocataire text not null,
      nir text,
      nir_statut text,
      nom_naissance text not null,
      nom_usage text,
      prenoms text not null,
      sexe text not null,
      date_naissance text not null,
      code_lieu_naissance text,
      role text not null,
      date_entree date,
      date_sortie date,
      nationalite text not null,
      titre_sejour_depuis date,
      etudiant boolean not null,
      grossesse boolean not null,
      garde_alternee boolean not null
    );
    create index caf_membre_case on caf_membre(code_organisme, numero_allocataire, snapshot_date);
    create index caf_membre_nir on caf_membre(nir);

    create table caf_droit (
      import_id integer not null references import_file(id) on delete cascade,
      snapshot_date date not null,
      line_no integer not null,
      code_organisme text not null,
      numero_allocataire text not null,
      mois text not null,
      prestation text not null,
      montant numeric(12,2) not null,
      majoration boolean,
      date_debut_droit date,
      statut text not null
    );
    create index caf_droit_case on caf_droit(code_organisme, numero_allocataire, mois);

    create table dgfip_personne (
      import_id integer not null references import_file(id) on delete cascade,
      snapshot_date date not null,
      line_no integer not null,
      reference_avis text not null,
      annee_revenus integer not null,
      numero_fiscal text,
      role text not null,
      nir text,
      nom_naissance text not null,
      nom_usage text,
      prenoms text not null,
      sexe text not null,
      date_naissance text not null,
      code_lieu_naissance text,
      situation_famille text not null,
      case_t boolean,
      date_evenement date,
      type_evenement text,
      nombre_parts numeric(5,2),
      nombre_personnes_charge integer,
      revenu_fiscal_reference integer,
      salaires integer,
      pensions integer,
      revenus_independants integer,
      revenus_fonciers integer,
      revenus_capitaux integer,
      adresse_l1 text, adresse_l2 text, adresse_l3 text, adresse_l4 text,
      adresse_l5 text, adresse_l6 text, adresse_l7 text,
      code_postal text,
      code_commune_insee text
    );
    create index dgfip_personne_avis on dgfip_personne(reference_avis, snapshot_date);
    create index dgfip_personne_nir on dgfip_personne(nir);

    create table gipmds_ressource (
      import_id integer not null references import_file(id) on delete cascade,
      snapshot_date date not null,
      line_no integer not null,
      nir text not null,
      mois text not null,
      id_versement text not null,
      source text not null,
      nature text not null,
      declarant_siret text,
      date_versement date,
      montant_net_social numeric(12,2) not null,
      statut text not null
    );
    create index gipmds_ressource_nir on gipmds_ressource(nir, mois);

    create table beneficiaire (
      import_id integer not null references import_file(id) on delete cascade,
      snapshot_date date not null,
      line_no integer not null,
      payeur text not null,
      droit text not null,
      nir text,
      nom_naissance text,
      prenoms text,
      sexe text,
      date_naissance text,
      code_lieu_naissance text,
      numero_dossier text,
      est_beneficiaire boolean not null,
      avec_majoration boolean,
      avec_participation boolean,
      date_debut_droit date,
      date_fin_droit date,
      statut text not null,
      date_effet_statut date
    );
    create index beneficiaire_nir on beneficiaire(nir, droit);

    create table decision (
      id bigserial primary key,
      household_key text not null,
      pseudonym text not null,
      right_id text not null,
      period text not null,
      status text not null,
      exclusion text,
      amount numeric(12,2),
      explanation jsonb not null,
      message text not null,
      inputs_hash text not null,
      rules_version text not null,
      decided_at timestamptz not null default now(),
      superseded_at timestamptz,
      unique (household_key, right_id, period, inputs_hash, rules_version)
    );
    create index decision_current on decision(household_key, right_id, period) where superseded_at is null;

    create table notification (
      id bigserial primary key,
      decision_id bigint not null references decision(id),
      household_key text not null,
      pseudonym text not null,
      right_id text not null,
      period text not null,
      channel text not null,
      recipient text not null,
      subject text not null,
      body text not null,
      status text not null default 'queued',
      queued_at timestamptz not null default now(),
      unique (household_key, right_id, period)
    );

    create table dossier (
      id bigserial primary key,
      decision_id bigint not null references decision(id),
      household_key text not null,
      pseudonym text not null,
      right_id text not null,
      period text not null,
      payload jsonb not null,
      file_path text,
      written_at timestamptz not null default now(),
      unique (household_key, right_id, period)
    );
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    drop table dossier;
    drop table notification;
    drop table decision;
    drop table beneficiaire;
    drop table gipmds_ressource;
    drop table dgfip_personne;
    drop table caf_droit;
    drop table caf_membre;
    drop table caf_foyer;
    drop table rejected_row;
    drop table import_file;
    drop table setting;
  `,
  );
}
