/**
 * NIR (numéro d'inscription au répertoire, « numéro de sécurité sociale »): 13 characters
 * and a 2-digit key = 97 − (number mod 97), Corsica 2A/2B read as 19/18 for the computation.
 */
export type NirCheck =
  | { ok: true; nir: string; temporary: boolean; keyComputed: boolean }
  | { ok: false; code: 'NIR_FORMAT' | 'NIR_CLE'; message: string };

const DIGITS_13 = /^\d{13}$/;

/** The key of a 13-character NIR body (Corsica letters substituted). */
export function nirKey(body13: string): number {
  // 13 digits stay below 2^53: exact as a double, no BigInt needed. Corsica only has letters.
  if (DIGITS_13.test(body13)) return 97 - (Number(body13) % 97);
  const digits = body13.replace(/^(.{5})2A/i, '$119').replace(/^(.{5})2B/i, '$118');
  if (DIGITS_13.test(digits)) return 97 - (Number(digits) % 97);
  return 97 - Number(BigInt(digits) % 97n);
}

/** Normalises (spaces, dots, dashes, lower-case Corsica) and checks a NIR. */
export function checkNir(raw: string): NirCheck {
  // The common case, 15 digits as written, is read without normalising (same result, 5× cheaper).
  const first = raw.charCodeAt(0);
  if (raw.length === 15 && ((first >= 49 && first <= 52) || first === 55 || first === 56) && allDigits(raw)) {
    const key = 97 - (Number(raw.slice(0, 13)) % 97);
    if ((raw.charCodeAt(13) - 48) * 10 + raw.charCodeAt(14) - 48 !== key)
      return { ok: false, code: 'NIR_CLE', message: 'la clé du NIR ne correspond pas au numéro (erreur de saisie ?)' };
    return { ok: true, nir: raw, temporary: first === 55 || first === 56, keyComputed: false };
  }
  const s = raw.replace(/[\s.-]/g, '').toUpperCase();
  if (!/^[1-478][0-9]{4}(?:[0-9]{2}|2A|2B)[0-9]{6}(?:[0-9]{2})?$/.test(s))
    return { ok: false, code: 'NIR_FORMAT', message: 'le NIR doit compter 15 caractères (13 chiffres et la clé)' };
  const body = s.slice(0, 13);
  const key = nirKey(body);
  const temporary = s[0] === '7' || s[0] === '8';
  if (s.length === 13) return { ok: true, nir: body + String(key).padStart(2, '0'), temporary, keyComputed: true };
  if (Number(s.slice(13)) !== key)
    return { ok: false, code: 'NIR_CLE', message: 'la clé du NIR ne correspond pas au numéro (erreur de saisie ?)' };
  return { ok: true, nir: s, temporary, keyComputed: false };
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
