import { createRequire } from 'node:module';
import type { FieldIssue } from './extract.ts';

interface Commune {
  readonly code: string;
  readonly nom: string;
  readonly codesPostaux?: readonly string[];
}

let cache: { communes: Map<string, ReadonlySet<string>>; postaux: Set<string> } | null = null;

/**
 * The official geography (COG communes, municipal arrondissements, delegated and associated
 * communes, with their postal codes), from Etalab's @etalab/decoupage-administratif; loaded once.
 */
function geography() {
  if (!cache) {
    const communes = createRequire(import.meta.url)('@etalab/decoupage-administratif/data/communes.json') as Commune[];
    const byCode = new Map<string, ReadonlySet<string>>();
    const postaux = new Set<string>();
    for (const c of communes) {
      const codes = new Set([...(byCode.get(c.code) ?? []), ...(c.codesPostaux ?? [])]);
      byCode.set(c.code, codes);
      for (const p of c.codesPostaux ?? []) postaux.add(p);
    }
    cache = { communes: byCode, postaux };
  }
  return cache;
}

/**
 * Doubts about an address's codes (SOURCES.md §8 #21, #48): an unknown commune code, an unknown
 * postal code, or a postal code that does not serve the commune. Warnings: the letter may still
 * reach the household, and codes change over time.
 */
export function addressDoubts(codePostal: string | null, codeCommune: string | null): FieldIssue[] {
  const g = geography();
  const out: FieldIssue[] = [];
  const served = codeCommune ? g.communes.get(codeCommune) : undefined;
  if (codeCommune && !served)
    out.push({
      field: 'code_commune_insee',
      code: 'COG_INCONNU',
      reason: `code commune « ${codeCommune} » absent du code officiel géographique`,
    });
  if (codePostal && !g.postaux.has(codePostal))
    out.push({ field: 'code_postal', code: 'CODE_POSTAL_INCONNU', reason: `code postal « ${codePostal} » inconnu` });
  else if (codePostal && served && served.size > 0 && !served.has(codePostal))
    out.push({
      field: 'code_postal',
      code: 'ADRESSE_INCOHERENTE',
      reason: `le code postal ${codePostal} ne dessert pas la commune ${codeCommune}`,
    });
  return out;
}
