import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FieldIssue } from './extract.ts';

interface CogEntry {
  readonly code: string;
  readonly type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  readonly codesPostaux?: readonly string[];
  readonly chefLieu?: string;
  readonly commune?: string;
  readonly anciensCodes?: readonly string[];
}

/**
 * Etalab's @etalab/decoupage-administratif communes, read once for the two indexes below and
 * let go: read, not required (require() would keep the parsed file, tens of MB, in its cache).
 */
function withCog(): void {
  const file = createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/data/communes.json');
  const cog = JSON.parse(readFileSync(file, 'utf8')) as CogEntry[];
  cache = postalIndex(cog);
  places = placeIndexOf(cog);
}

/** Per commune code, its postal codes as ` 75001 75002 ` (compact: one string, not a Set). */
let cache: { communes: Map<string, string>; postaux: Set<string> } | null = null;

/**
 * The official geography (COG communes, municipal arrondissements, delegated and associated
 * communes, with their postal codes), from Etalab's @etalab/decoupage-administratif.
 */
function geography() {
  if (!cache) withCog();
  return cache as NonNullable<typeof cache>;
}

function postalIndex(communes: readonly CogEntry[]) {
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
  return { communes: compact, postaux };
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

/**
 * Per COG code, current or former, the birth-place key of the commune it names today (`index`);
 * apart (`before1968`), the former codes of Seine and Seine-et-Oise that the 1968 reorganisation
 * gave to communes now in another département: they name a birth place only before 1968 (after,
 * `75015` is the postal code of Paris 15e, not Bry-sur-Marne).
 */
let places: { index: Map<string, string>; before1968: Map<string, string> } | null = null;

/**
 * The COG's history as @etalab/decoupage-administratif gives it: each current commune with the
 * codes it held or absorbed (`anciensCodes`: mergers, Corsica's 20 → 2A/2B in 1976, the 1968
 * renumbering of Seine and Seine-et-Oise into 75, 78, 91–95), delegated and associated communes
 * with their chef-lieu, and the municipal arrondissements of Paris, Lyon and Marseille.
 */
function placeIndex() {
  if (!places) withCog();
  return places as NonNullable<typeof places>;
}

function placeIndexOf(cog: readonly CogEntry[]) {
  const index = new Map<string, string>();
  const before1968 = new Map<string, string>();
  const put = (code: string, k: string) => {
    if (!index.has(code)) index.set(code, k);
  };
  for (const c of cog) if (c.type === 'commune-actuelle') put(c.code, `F${c.code}`);
  for (const c of cog) {
    if (c.type === 'arrondissement-municipal' && c.commune) put(c.code, `F${c.commune}.${c.code}`);
    else if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu)
      put(c.code, `F${c.chefLieu}`);
  }
  for (const c of cog)
    if (c.type === 'commune-actuelle')
      for (const a of c.anciensCodes ?? [])
        if ((a.startsWith('75') || a.startsWith('78')) && !c.code.startsWith(a.slice(0, 2)))
          before1968.set(a, `F${c.code}`);
        else put(a, `F${c.code}`);
  return { index, before1968 };
}

const FRANCE_UNKNOWN = 'F';
const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/;
const COUNTRY_CODE = /^99\d{3}$/;

/**
 * The key a birth place is matched on: `F` + the code of the commune the COG names today (a
 * former code, a delegated commune or a municipal arrondissement leads to the same commune; an
 * arrondissement adds its own code: `F75056.75115`), `F` for France without a known commune
 * (`99100`, a code the COG never held, or not at that birth date), the country's code
 * (`99350`), null when unknown. Each key is a prefix of the more precise keys it is compatible
 * with (`placesCompatible`). SOURCES.md §1.2: agencies may hold the code in force at the birth
 * or today's, so codes are compared through the COG's history, never as strings. Short: it is
 * written with every person of every extract.
 */
export function birthPlaceKey(code: string | null, dateNaissance: string | null): string | null {
  if (!code || maghrebBefore1968(code, dateNaissance)) return null;
  const { index, before1968 } = placeIndex();
  const known =
    index.get(code) ?? (dateNaissance !== null && dateNaissance < '1968' ? before1968.get(code) : undefined);
  if (known !== undefined) return known;
  if (COUNTRY_CODE.test(code)) return code === '99100' ? FRANCE_UNKNOWN : code;
  return COMMUNE_CODE.test(code) ? FRANCE_UNKNOWN : null;
}

/**
 * SOURCES.md §1.2: a birth in Algeria, Morocco or Tunisia before independence may carry the
 * NIR's départements 91–94, 95, 96 rather than a country code. No département 91–95 existed
 * before 1968 and none 96 ever: such a code (for a birth before 1968, or 96 at any date) may be
 * a commune of Île-de-France written with today's code or a birth in the Maghreb. Unknown, then.
 */
function maghrebBefore1968(code: string, dateNaissance: string | null): boolean {
  if (code.startsWith('96')) return true;
  const d = code.slice(0, 2);
  return d >= '91' && d <= '95' && dateNaissance !== null && dateNaissance < '1968';
}

/**
 * Whether two birth places may be the same (keys from `birthPlaceKey`): an unknown place
 * matches any; otherwise one key must contain the other (Paris and Paris 15e, France and Lyon).
 * Lyon and Marseille, or Lyon and Morocco, are two persons.
 */
export function placesCompatible(a: string | null, b: string | null): boolean {
  return a === null || b === null || a.startsWith(b) || b.startsWith(a);
}

/**
 * Doubts about a birth-place code (SOURCES.md §8 #21–23): a code the COG never held (a postal
 * code, for instance), or département 20 for a birth after Corsica's division on 1 January 1976.
 * Warnings: the birth place is a declared trait, not needed for a right; the row stays.
 */
export function birthPlaceDoubts(code: string | null, dateNaissance: string): FieldIssue[] {
  if (!code) return [];
  const { index, before1968 } = placeIndex();
  if (index.has(code))
    return code.startsWith('20') && dateNaissance.slice(0, 4) >= '1976'
      ? [
          {
            field: 'code_lieu_naissance',
            code: 'LIEU_NAISSANCE_CORSE_20',
            reason: `code ${code} (département 20) pour une naissance après le 1er janvier 1976 : la Corse est divisée en 2A et 2B depuis`,
          },
        ]
      : [];
  if (COUNTRY_CODE.test(code) || (before1968.has(code) && dateNaissance < '1968')) return [];
  return [
    {
      field: 'code_lieu_naissance',
      code: 'LIEU_NAISSANCE_INCONNU',
      reason: `code de lieu de naissance « ${code} » absent du code officiel géographique à cette date, actuel ou ancien (un code postal ?)`,
    },
  ];
}
