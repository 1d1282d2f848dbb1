import type { z } from 'zod';
import { FIELD_PARSERS, Refusal } from './fields.ts';

/**
 * A fast path derived from a zod schema, for the rows that pass: it calls the field functions
 * the schema is built from (fields.ts) and builds the same output, without zod's bookkeeping
 * (about 3× cheaper per row). It never decides a refusal: on any doubt it answers `NOT_FAST`
 * and the caller runs the zod schema itself, which explains every issue. A schema with parts
 * it does not know (refinements, other transforms) gets no fast path at all.
 */
export const NOT_FAST: unique symbol = Symbol('not fast');
export type FastParse = (input: unknown) => unknown;

interface Def {
  type?: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  checks?: readonly unknown[];
  catchall?: unknown;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

const cache = new WeakMap<z.ZodType, FastParse | null>();

/** The fast path of a schema, or null when the schema has parts it does not know. */
export function fastParser(schema: z.ZodType): FastParse | null {
  let f = cache.get(schema);
  if (f === undefined) {
    f = compile(schema);
    cache.set(schema, f);
  }
  return f;
}

function compile(s: z.ZodType): FastParse | null {
  const parse = FIELD_PARSERS.get(s);
  if (parse)
    return (v) => {
      if (typeof v !== 'string') return NOT_FAST;
      const r = parse(v);
      return r instanceof Refusal ? NOT_FAST : r;
    };
  const d = defOf(s);
  if (d.checks?.length) return null;
  switch (d.type) {
    case 'string':
      return (v) => (typeof v === 'string' ? v : NOT_FAST);
    case 'optional': {
      const inner = d.innerType && compile(d.innerType);
      return inner ? (v) => (v === undefined ? undefined : inner(v)) : null;
    }
    case 'array': {
      const element = d.element && compile(d.element);
      if (!element) return null;
      return (v) => {
        if (!Array.isArray(v)) return NOT_FAST;
        const out = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          const x = element(v[i]);
          if (x === NOT_FAST) return NOT_FAST;
          out[i] = x;
        }
        return out;
      };
    }
    case 'object': {
      if (!d.shape || d.catchall !== undefined) return null;
      const keys: string[] = [];
      const parsers: FastParse[] = [];
      for (const [k, v] of Object.entries(d.shape)) {
        const f = compile(v);
        if (!f) return null;
        keys.push(k);
        parsers.push(f);
      }
      // The reader of an object is generated as code with the keys written out: property reads
      // and writes at fixed names are monomorphic, where a loop over the keys is megamorphic
      // (GIP-MDS lines: the fast path twice as fast). The keys come from the schema, never
      // from the data, and are written as JSON string literals.
      const body = keys
        .map((k, i) => {
          const key = JSON.stringify(k);
          return `const x${i} = p[${i}](input[${key}]); if (x${i} === NF) return NF;`;
        })
        .join('\n');
      const assign = keys
        .map((k, i) => `if (x${i} !== undefined || ${JSON.stringify(k)} in input) out[${JSON.stringify(k)}] = x${i};`)
        .join('\n');
      return new Function(
        'p',
        'NF',
        `return (input) => {
          if (typeof input !== 'object' || input === null || Array.isArray(input)) return NF;
          ${body}
          const out = {};
          ${assign}
          return out;
        };`,
      )(parsers, NOT_FAST) as FastParse;
    }
    default:
      return null;
  }
}

/** A JSON string with no escape and no control character: its text is its value. */
const PLAIN_STRING = '"([^"\\\\\\u0000-\\u001f]*)"';
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** What a JSON line reader needs of one field of an object: its key, and how to read its value. */
interface LineField {
  readonly key: string;
  readonly optional: boolean;
  /** An array of objects, read element by element; else a plain string. */
  readonly elements: RegExp | null;
  readonly elementFields: readonly LineField[] | null;
}

/**
 * A reader of JSON lines in the compact form exports write (no white space between tokens,
 * keys in the schema's order, strings without escapes), for a schema made of strings and
 * arrays of objects of strings: the line is matched by regular expressions derived from the
 * schema, and the object JSON.parse would give is built from the matched strings, about three
 * times faster than JSON.parse (GIP-MDS). Any other line (another order, white space, an
 * escape, an unknown key, a number…) gives null, and the caller takes JSON.parse. When it gives
 * an object, it is the one JSON.parse gives: same keys, same strings, same arrays.
 */
export function compactJsonReader(schema: z.ZodType): ((raw: string) => Record<string, unknown> | null) | null {
  let f = readerCache.get(schema);
  if (f === undefined) {
    f = compileReader(schema);
    readerCache.set(schema, f);
  }
  return f;
}

const readerCache = new WeakMap<z.ZodType, ((raw: string) => Record<string, unknown> | null) | null>();

function lineFields(s: z.ZodType, nested: boolean): LineField[] | null {
  const d = defOf(s);
  if (d.type !== 'object' || !d.shape || d.catchall !== undefined || d.checks?.length) return null;
  const out: LineField[] = [];
  for (const [key, v] of Object.entries(d.shape)) {
    const vd = defOf(v);
    const optional = !FIELD_PARSERS.has(v) && vd.type === 'optional' && !vd.checks?.length;
    const t = optional ? (vd.innerType as z.ZodType) : v;
    const td = defOf(t);
    if (FIELD_PARSERS.has(t) || (td.type === 'string' && !td.checks?.length)) {
      out.push({ key, optional, elements: null, elementFields: null });
      continue;
    }
    // One level of arrays of objects (the payments of a GIP-MDS line).
    if (nested || optional || td.type !== 'array' || td.checks?.length || !td.element) return null;
    const fields = lineFields(td.element, true);
    if (!fields) return null;
    out.push({ key, optional, elements: new RegExp(`${objectPattern(fields)}(,|$)`, 'y'), elementFields: fields });
  }
  // A leading comma would be needed before the second key when the first is absent: not read here.
  return out.length > 0 && !out[0]?.optional ? out : null;
}

function objectPattern(fields: readonly LineField[]): string {
  const parts = fields.map((f, i) => {
    const value = f.elements ? '\\[(.*)\\]' : PLAIN_STRING;
    const part = `${i === 0 ? '' : ','}${escapeRegExp(JSON.stringify(f.key))}:${value}`;
    return f.optional ? `(?:${part})?` : part;
  });
  return `\\{${parts.join('')}\\}`;
}

type Builder = (m: RegExpExecArray) => Record<string, unknown> | null;

/**
 * The builder of the object of matched groups `m[1..]`, one per field (absent optional fields
 * left out), generated with the keys written out as in `compile` (monomorphic stores); arrays
 * are read element by element, each followed by a comma and another element, or by the end.
 */
function builder(fields: readonly LineField[]): Builder {
  const arrays = fields.map((f) => {
    if (!f.elements) return null;
    const re = f.elements;
    const element = builder(f.elementFields as LineField[]);
    const sep = (f.elementFields as LineField[]).length + 1;
    return (v: string): Record<string, unknown>[] | null => {
      const items: Record<string, unknown>[] = [];
      re.lastIndex = 0;
      while (re.lastIndex < v.length) {
        const e = re.exec(v);
        if (!e) return null;
        items.push(element(e) as Record<string, unknown>);
        if (e[sep] === '') return items;
        if (re.lastIndex === v.length) return null;
      }
      return items;
    };
  });
  const body = fields
    .map((f, i) => {
      const key = JSON.stringify(f.key);
      return f.elements
        ? `v = m[${i + 1}]; if (v !== undefined) { const a = arrays[${i}](v); if (a === null) return null; o[${key}] = a; }`
        : `v = m[${i + 1}]; if (v !== undefined) o[${key}] = v;`;
    })
    .join('\n');
  return new Function('arrays', `return (m) => { const o = {}; let v; ${body} return o; };`)(arrays) as Builder;
}

function compileReader(schema: z.ZodType): ((raw: string) => Record<string, unknown> | null) | null {
  const fields = lineFields(schema, false);
  if (!fields) return null;
  const line = new RegExp(`^${objectPattern(fields)}$`, 's');
  const build = builder(fields);
  return (raw) => {
    const m = line.exec(raw);
    return m ? build(m) : null;
  };
}
