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
