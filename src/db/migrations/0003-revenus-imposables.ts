import type { Kysely } from 'kysely';
import { execScript } from '../exec-script.ts';

/** Net taxable income of a tax household: the ARS resource test reads it (year N-2). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `alter table dgfip_personne add column revenu_imposable integer;
     alter table dgfip_personne add column revenu_brut_global integer;
     alter table dgfip_personne add column montant_impot integer;`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `alter table dgfip_personne drop column revenu_imposable;
     alter table dgfip_personne drop column revenu_brut_global;
     alter table dgfip_personne drop column montant_impot;`,
  );
}
