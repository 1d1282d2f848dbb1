import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FieldIssue } from './extract.ts';

interface Commune {
  readonly code: string;
  readonly nom: string;
  readonly codesPostaux?: readonly string[];
}

/** Per commune code, its postal codes as ` 75001 75002 ` (compact: one string, not a Set). */
let cache: { communes: Map<string, string>; postaux: Set<string> } | null = null;

/**
 * The official geography (COG communes, municipal arrondissements, delegated and associated
 * communes, with their postal codes), from Etalab's @etalab/decoupage-administratif; loaded once.
 */
function geography() {
  if (!cache) {
    // Read, not required: require() would keep the whole parsed file (tens of MB) in its cache.
    const file = createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/data/communes.json');
    const communes = JSON.parse(readFileSync(file, 'utf8')) as Commune[];
    const byCode = new Map<string, Set<string>>();
    const postaux = new Set<string>();
    for (const c of communes) {
      const codes = byCode.get(c.code) ?? new Set<string>();
      byCode.set(c.code, codes);
      for (const p of c.codesPostaux ?? []) {
        codes.add(p);
        postaux.add(p);
      }
    }
    const compact = new Map<string, string>();
    for (const [code, codes] of byCode) compact.set(code, codes.size ? ` ${[...codes].join(' ')} ` : '');
    cache = { communes: compact, postaux };
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
  if (codeCommune && served === undefined)
    out.push({
      field: 'code_commune_insee',
      code: 'COG_INCONNU',
      reason: `code commune « ${codeCommune} » absent du code officiel géographique`,
    });
  if (codePostal && !g.postaux.has(codePostal))
    out.push({ field: 'code_postal', code: 'CODE_POSTAL_INCONNU', reason: `code postal « ${codePostal} » inconnu` });
  else if (codePostal && served !== undefined && served !== '' && !served.includes(` ${codePostal} `))
    out.push({
      field: 'code_postal',
      code: 'ADRESSE_INCOHERENTE',
      reason: `le code postal ${codePostal} ne dessert pas la commune ${codeCommune}`,
    });
  return out;
}
