/**
 * Paramètres légaux datés des droits calculés par proactif (RSA, prime d'activité, C2S, ASPA, ARS) et paramètres
 * communs. Chaque paramètre est une `Series` : lire sa valeur à une date avec `valueAt(serie, 'AAAA-MM-JJ')`,
 * sa référence légale avec `entryAt`.
 */
import { af } from './af.ts';
import { ars } from './ars.ts';
import { aspa } from './aspa.ts';
import { c2s } from './c2s.ts';
import { common } from './common.ts';
import { fiscal } from './fiscal.ts';
import { ppa } from './ppa.ts';
import { remplacement } from './remplacement.ts';
import { rsa } from './rsa.ts';
import { salaire } from './salaire.ts';

export { af } from './af.ts';
export { ars } from './ars.ts';
export { aspa } from './aspa.ts';
export { c2s, type PlafondsC2S } from './c2s.ts';
export { common } from './common.ts';
export { fiscal } from './fiscal.ts';
export { ppa } from './ppa.ts';
export { remplacement } from './remplacement.ts';
export { rsa } from './rsa.ts';
export { salaire } from './salaire.ts';
export { type Dated, entryAt, type Series, series, valueAt } from './series.ts';

/** Tous les paramètres, groupés par droit. */
export const parameters = { rsa, ppa, c2s, aspa, ars, af, common, salaire, remplacement, fiscal } as const;
