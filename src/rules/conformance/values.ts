/**
 * Values of the OpenFisca YAML tests: numbers, booleans, strings (enums, dates, commune codes)
 * and arithmetic strings such as `'200 * 12'` or `'(10881.75 - 8000)/12'`, which OpenFisca
 * evaluates as numbers.
 */

/**
 * Evaluates an arithmetic string (+ − × ÷, parentheses, unary minus, decimals); null when the
 * text is not such an expression. No `eval`: a small recursive-descent parser.
 */
export function evalArithmetic(text: string): number | null {
  // YAML 1.1 (PyYAML, which OpenFisca uses) allows `_` between digits: `72_000`.
  const s = text.replace(/\s+/g, '').replace(/(?<=\d)_(?=\d)/g, '');
  if (s === '' || !/^[0-9.+\-*/()eE]+$/.test(s)) return null;
  // A date (`1980-01-01`) is not a subtraction: OpenFisca reads it as a date.
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(s)) return null;
  let i = 0;
  const peek = () => s[i];
  function number(): number | null {
    const m = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(s.slice(i));
    if (!m) return null;
    i += m[0].length;
    return Number(m[0]);
  }
  function factor(): number | null {
    const c = peek();
    if (c === '-' || c === '+') {
      i++;
      const v = factor();
      return v === null ? null : c === '-' ? -v : v;
    }
    if (c === '(') {
      i++;
      const v = expr();
      if (v === null || peek() !== ')') return null;
      i++;
      return v;
    }
    return number();
  }
  function term(): number | null {
    let v = factor();
    while (v !== null && (peek() === '*' || peek() === '/')) {
      const op = s[i++];
      const w = factor();
      if (w === null) return null;
      v = op === '*' ? v * w : v / w;
    }
    return v;
  }
  function expr(): number | null {
    let v = term();
    while (v !== null && (peek() === '+' || peek() === '-')) {
      const op = s[i++];
      const w = term();
      if (w === null) return null;
      v = op === '+' ? v + w : v - w;
    }
    return v;
  }
  const v = expr();
  return v !== null && i === s.length && Number.isFinite(v) ? v : null;
}

/** A number from a YAML value: numbers, booleans (1/0), arithmetic strings; null otherwise. */
export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return evalArithmetic(v);
  return null;
}

/** A boolean from a YAML value: booleans, 0/1, `'true'`/`'false'`; null otherwise. */
export function toBoolean(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (t === 'true') return true;
    if (t === 'false') return false;
    const n = evalArithmetic(t);
    return n === null ? null : n !== 0;
  }
  return null;
}

/**
 * Whether a value is OpenFisca's neutral default for an unknown variable: 0, false, an empty
 * text, an arithmetic string worth 0, or a list of such values. Used to accept inputs the
 * mapper does not know when they cannot change anything.
 */
export function isNeutral(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (Array.isArray(v)) return v.every(isNeutral);
  if (typeof v === 'boolean') return v === false;
  if (typeof v === 'number') return v === 0;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '' || t.toLowerCase() === 'false') return true;
    const n = evalArithmetic(t);
    return n === 0;
  }
  return false;
}

/** A short text of a value, for reasons and reports. */
export function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v) ?? String(v);
}
