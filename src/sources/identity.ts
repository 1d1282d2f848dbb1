const NORMAL_NAME = /^[A-Z]+(?: [A-Z]+)*$/;

/**
 * Civil-status traits normalised for matching (SOURCES.md §8 #17–18): upper case, no accents,
 * hyphens and apostrophes as spaces, single spaces. The original spelling is kept elsewhere for letters.
 */
export function normaliseName(s: string): string {
  // Most names already are upper-case ASCII words single-spaced: what the steps below give back.
  if (NORMAL_NAME.test(s)) return s;
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

/**
 * Doubts between a NIR and the declared traits (SOURCES.md §8 #7): the first digit gives the
 * sex (1 man, 2 woman), digits 2–3 the year of birth. Temporary numbers (7/8) say nothing.
 */
export function nirTraitsDoubts(nir: string | null, sexe: string, dateNaissance: string) {
  const out: { field: string; code: string; reason: string }[] = [];
  if (!nir || !/^[12]/.test(nir)) return out;
  const sex = nir[0] === '1' ? 'M' : 'F';
  if (sexe !== sex)
    out.push({
      field: 'sexe',
      code: 'NIR_SEXE_INCOHERENT',
      reason: `le NIR indique le sexe ${sex}, la colonne ${sexe}`,
    });
  if (dateNaissance.slice(2, 4) !== nir.slice(1, 3))
    out.push({
      field: 'date_naissance',
      code: 'NIR_ANNEE_INCOHERENTE',
      reason: "l'année de naissance ne correspond pas à celle du NIR",
    });
  return out;
}
