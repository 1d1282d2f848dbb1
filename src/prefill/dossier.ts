import { z } from 'zod';

/** The pre-filled dossier a citizen checks, corrects and validates (one per household, right, period). */
export const dossierSchema = z.object({
  version: z.literal(1),
  reference: z.string(),
  droit: z.string(),
  periode: z.string(),
  montantEstime: z.number(),
  foyer: z.object({
    enCouple: z.boolean(),
    personnes: z.array(
      z.object({
        role: z.enum(['demandeur', 'conjoint', 'enfant', 'autre_a_charge']),
        nom: z.string(),
        prenoms: z.string(),
        dateNaissance: z.string(),
        nir: z.string().nullable(),
      }),
    ),
  }),
  logement: z.object({ statut: z.string().nullable() }),
  ressources: z.array(z.object({ mois: z.string(), personne: z.string(), nature: z.string(), montant: z.number() })),
  adresse: z.array(z.string()),
  provenance: z.record(z.string(), z.object({ agency: z.string(), extract: z.string(), extractedOn: z.string() })),
});
export type Dossier = z.infer<typeof dossierSchema>;
