import { cafDroits, cafFoyers, cafMembres } from './caf/schema.ts';
import { dgfipFoyers } from './dgfip/schema.ts';
import type { ExtractSpec } from './extract.ts';
import { gipmdsRessources } from './gipmds/schema.ts';
import { inseeDeces } from './insee/schema.ts';
import { beneficiaires } from './payeurs/schema.ts';

/** Every extract proactif reads. */
export const EXTRACTS: readonly ExtractSpec<never>[] = [
  cafFoyers,
  cafMembres,
  cafDroits,
  dgfipFoyers,
  gipmdsRessources,
  beneficiaires,
  inseeDeces,
] as unknown as ExtractSpec<never>[];
