import { z } from 'zod';
import type { ExtractSpec } from '../extract.ts';
import { amount, month, nir, oneOf, optFrDate, optText, text } from '../fields.ts';

/** A data-quality threshold (not a legal value): monthly amounts above it are flagged. */
const MONTANT_MENSUEL_ATYPIQUE = 10_000;

export const NATURES_RESSOURCE = [
  'SALAIRE',
  'ALLOCATION_CHOMAGE',
  'INDEMNITES_JOURNALIERES',
  'PENSION_RETRAITE',
  'PENSION_INVALIDITE',
  'AUTRE_REVENU_REMPLACEMENT',
] as const;
export type NatureRessource = (typeof NATURES_RESSOURCE)[number];

/** One payment of the "dispositif ressources mensuelles" (DSN or PASRAU). */
const ressourceSchema = z.object({
  id_versement: text,
  source: oneOf(['DSN', 'PASRAU'], 'source'),
  nature: oneOf(NATURES_RESSOURCE, 'nature de ressource'),
  declarant_siret: optText,
  date_versement: optFrDate,
  periode_debut: optFrDate.optional(),
  periode_fin: optFrDate.optional(),
  // Negative amounts are legitimate regularisations (SOURCES.md §7.3).
  montant_net_social: amount({ allowNegative: true }),
  montant_net_fiscal: z.string().optional(),
  statut: oneOf(['NORMAL', 'ANNULE_REMPLACE'], 'statut'),
});

/** gipmds_ressources: one JSON line per person and payment month. SOURCES.md §7.3. */
export const gipmdsLineSchema = z.object({
  nir,
  mois: month,
  ressources: z.array(ressourceSchema),
});
export type GipmdsLine = z.output<typeof gipmdsLineSchema>;

const tableColumns = [
  'nir',
  'mois',
  'id_versement',
  'source',
  'nature',
  'declarant_siret',
  'date_versement',
  'montant_net_social',
  'statut',
] as const;

export const gipmdsRessources: ExtractSpec<GipmdsLine> = {
  agency: 'gipmds',
  prefix: /^gipmds_ressources$/,
  extract: 'ressources',
  format: 'jsonl',
  columns: ['nir', 'mois', 'ressources'],
  schema: gipmdsLineSchema,
  // A monthly amount above this is far more likely a yearly figure in the wrong column (§8 #28).
  warn: (l) =>
    l.ressources
      .filter((r) => Math.abs(r.montant_net_social) > MONTANT_MENSUEL_ATYPIQUE)
      .map((r) => ({
        field: 'ressources.montant_net_social',
        code: 'MONTANT_ATYPIQUE',
        reason: `montant mensuel de ${r.montant_net_social} € : montant annuel déclaré comme mensuel ?`,
      })),
  table: 'gipmds_ressource',
  tableColumns,
  toRows: (l) =>
    l.ressources.map((r) => [
      l.nir,
      l.mois,
      r.id_versement,
      r.source,
      r.nature,
      r.declarant_siret,
      r.date_versement,
      r.montant_net_social,
      r.statut,
    ]),
};
