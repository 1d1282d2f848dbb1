/**
 * Civil-status traits normalised for matching (SOURCES.md §8 #17–18): upper case, no accents,
 * hyphens and apostrophes as spaces, single spaces. The original spelling is kept elsewhere for letters.
 */
export function normaliseName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[-'’.]/g, ' ')
    .replace(/[^A-Z ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first given name, normalised (INSEE and payers list all given names, agencies sometimes one). */
export function firstGivenName(prenoms: string): string {
  return normaliseName(prenoms).split(' ')[0] ?? '';
}

/** The key a person is matched on when there is no NIR: birth name, first given name, birth date. */
export function traitsKey(nomNaissance: string, prenoms: string, dateNaissance: string): string {
  return `${normaliseName(nomNaissance).replace(/ /g, '')}|${firstGivenName(prenoms)}|${dateNaissance}`;
}
