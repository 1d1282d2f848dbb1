import type { OpenFiscaTest } from './loader.ts';
import { type Period, PeriodError, parsePeriod } from './period.ts';
import type { Series } from './series.ts';
import { type EntityKind, entityOf, ROLE_KEYS } from './variables.ts';

/**
 * The two input shapes of OpenFisca tests brought to one: persons and group entities, each
 * with its variables as series of (period, value). A flat input is one person alone in one
 * family, one dwelling and one tax household; a flat input whose values are lists describes
 * several such persons side by side (one "world" each).
 */
export type Vars = Record<string, Series>;

export interface PersonInput {
  readonly id: string;
  readonly vars: Vars;
}

export interface GroupInput {
  readonly id: string;
  readonly roles: Readonly<Record<string, readonly string[]>>;
  readonly vars: Vars;
}

export interface NormalizedInput {
  readonly flat: boolean;
  readonly persons: readonly PersonInput[];
  readonly familles: readonly GroupInput[];
  readonly menages: readonly GroupInput[];
  readonly foyers: readonly GroupInput[];
}

export class InputError extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value, or a mapping period → value, as a series (a plain value applies to the test period). */
export function toSeries(value: unknown, testPeriod: Period, variable: string): Series {
  if (!isRecord(value)) return [{ period: testPeriod, value }];
  const keys = Object.keys(value);
  if (keys.length === 0) return [];
  return keys.map((k) => {
    let period: Period;
    try {
      period = parsePeriod(k);
    } catch (e) {
      if (e instanceof PeriodError) throw new InputError(`${variable} : ${e.message}`);
      throw e;
    }
    return { period, value: value[k] };
  });
}

const ENTITY_KEYS: Record<string, { kind: Exclude<EntityKind, 'individu'>; single: boolean }> = {
  familles: { kind: 'famille', single: false },
  famille: { kind: 'famille', single: true },
  menages: { kind: 'menage', single: false },
  menage: { kind: 'menage', single: true },
  foyers_fiscaux: { kind: 'foyer_fiscal', single: false },
  foyer_fiscal: { kind: 'foyer_fiscal', single: true },
};

function ids(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v.map(String);
  return [String(v)];
}

function group(id: string, body: unknown, kind: Exclude<EntityKind, 'individu'>, period: Period): GroupInput {
  if (!isRecord(body)) throw new InputError(`${kind} « ${id} » : objet attendu`);
  const roles: Record<string, string[]> = {};
  const vars: Vars = {};
  for (const [k, v] of Object.entries(body)) {
    if (ROLE_KEYS[kind].includes(k)) roles[k] = ids(v);
    else vars[k] = toSeries(v, period, k);
  }
  return { id, roles, vars };
}

/** Whether an input is written with entities (`individus`, `familles`…). */
export function hasEntities(input: Readonly<Record<string, unknown>>): boolean {
  return 'individus' in input || Object.keys(input).some((k) => k in ENTITY_KEYS);
}

/**
 * Splits a flat input whose values are lists (one element per person) into one flat input per
 * person; an input without lists is returned alone.
 */
export function splitFlat(input: Readonly<Record<string, unknown>>): Record<string, unknown>[] {
  let n = 1;
  const lengths = (v: unknown) => {
    if (Array.isArray(v)) n = Math.max(n, v.length);
    else if (isRecord(v)) for (const x of Object.values(v)) if (Array.isArray(x)) n = Math.max(n, x.length);
  };
  for (const v of Object.values(input)) lengths(v);
  if (n === 1)
    return [Object.fromEntries(Object.entries(input).map(([k, v]) => [k, Array.isArray(v) ? v[0] : unwrap(v, 0)]))];
  const pick = (v: unknown, i: number): unknown => {
    if (!Array.isArray(v)) return v;
    if (v.length === 1) return v[0];
    if (v.length !== n) throw new InputError(`listes de longueurs différentes (${v.length} et ${n})`);
    return v[i];
  };
  return Array.from({ length: n }, (_, i) =>
    Object.fromEntries(
      Object.entries(input).map(([k, v]) => [
        k,
        isRecord(v) ? Object.fromEntries(Object.entries(v).map(([p, x]) => [p, pick(x, i)])) : pick(v, i),
      ]),
    ),
  );
}

function unwrap(v: unknown, i: number): unknown {
  if (!isRecord(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([p, x]) => [p, Array.isArray(x) ? x[i] : x]));
}

/** A flat input (already split): one person alone in each group entity. */
function normalizeFlat(input: Readonly<Record<string, unknown>>, period: Period): NormalizedInput {
  const person: Vars = {};
  const famille: Vars = {};
  const menage: Vars = {};
  const foyer: Vars = {};
  for (const [k, v] of Object.entries(input)) {
    const target = { individu: person, famille, menage, foyer_fiscal: foyer }[entityOf(k)];
    target[k] = toSeries(v, period, k);
  }
  const id = 'individu';
  return {
    flat: true,
    persons: [{ id, vars: person }],
    familles: [{ id: 'famille', roles: { parents: [id] }, vars: famille }],
    menages: [{ id: 'menage', roles: { personne_de_reference: [id] }, vars: menage }],
    foyers: [{ id: 'foyer_fiscal', roles: { declarants: [id] }, vars: foyer }],
  };
}

function normalizeEntities(input: Readonly<Record<string, unknown>>, period: Period): NormalizedInput {
  const persons: PersonInput[] = [];
  const groups: Record<Exclude<EntityKind, 'individu'>, GroupInput[]> = { famille: [], menage: [], foyer_fiscal: [] };
  for (const [key, body] of Object.entries(input)) {
    if (key === 'individus') {
      if (!isRecord(body)) throw new InputError('« individus » : objet attendu');
      for (const [id, vars] of Object.entries(body)) {
        if (vars !== null && !isRecord(vars)) throw new InputError(`individu « ${id} » : objet attendu`);
        const v: Vars = {};
        for (const [name, value] of Object.entries(vars ?? {})) v[name] = toSeries(value, period, name);
        persons.push({ id, vars: v });
      }
      continue;
    }
    const e = ENTITY_KEYS[key];
    if (!e) throw new InputError(`clé « ${key} » hors des entités (individus, familles, menages, foyers_fiscaux)`);
    if (e.single) groups[e.kind].push(group(key, body, e.kind, period));
    else {
      if (!isRecord(body)) throw new InputError(`« ${key} » : objet attendu`);
      for (const [id, g] of Object.entries(body)) groups[e.kind].push(group(id, g, e.kind, period));
    }
  }
  const known = new Set(persons.map((p) => p.id));
  for (const kind of ['famille', 'menage', 'foyer_fiscal'] as const)
    for (const g of groups[kind])
      for (const members of Object.values(g.roles))
        for (const id of members)
          if (!known.has(id)) throw new InputError(`${kind} « ${g.id} » : personne inconnue « ${id} »`);
  // OpenFisca puts a person left out of every family in a family of his/her own.
  const inFamily = new Set(groups.famille.flatMap((g) => Object.values(g.roles).flat()));
  for (const p of persons)
    if (!inFamily.has(p.id)) groups.famille.push({ id: `famille de ${p.id}`, roles: { parents: [p.id] }, vars: {} });
  return { flat: false, persons, familles: groups.famille, menages: groups.menage, foyers: groups.foyer_fiscal };
}

/** The "worlds" of a test: one normalized input each (several only for a flat input with lists). */
export function normalizeInputs(test: OpenFiscaTest): NormalizedInput[] {
  if (hasEntities(test.input)) return [normalizeEntities(test.input, test.period)];
  return splitFlat(test.input).map((i) => normalizeFlat(i, test.period));
}

/** One expected value: variable, period, value, and which family it is about. */
export interface Expectation {
  readonly variable: string;
  readonly period: Period;
  readonly value: unknown;
}

/**
 * The expected values of a test for one family: flat outputs (a list holds one value per
 * family, or per world for a split flat input) and outputs written per entity
 * (`familles: {id: {rsa: …}}`). `index`/`count` locate the family among all families of all
 * worlds. A value that cannot be attributed is returned as an error string.
 */
export function expectationsFor(
  test: OpenFiscaTest,
  familleId: string,
  index: number,
  count: number,
): { expectations: Expectation[]; problems: { variable: string; reason: string }[] } {
  const expectations: Expectation[] = [];
  const problems: { variable: string; reason: string }[] = [];
  const pick = (variable: string, v: unknown): unknown => {
    if (!Array.isArray(v)) return v;
    if (v.length === count) return v[index];
    if (v.length > 0 && v.every((x) => JSON.stringify(x) === JSON.stringify(v[0]))) return v[0];
    problems.push({ variable, reason: `valeurs attendues par personne (${v.length}) non rapportables à la famille` });
    return undefined;
  };
  const add = (variable: string, raw: unknown) => {
    let series: Series;
    try {
      series = toSeries(raw, test.period, variable);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push({ variable, reason: e.message });
      return;
    }
    for (const e of series) {
      const value = pick(variable, e.value);
      if (value !== undefined) expectations.push({ variable, period: e.period, value });
    }
  };
  for (const [k, v] of Object.entries(test.output)) {
    if (k === 'familles' && isRecord(v)) {
      const mine = v[familleId];
      if (isRecord(mine)) for (const [name, raw] of Object.entries(mine)) add(name, raw);
      continue;
    }
    if (k in ENTITY_KEYS || k === 'individus') continue;
    add(k, v);
  }
  return { expectations, problems };
}

/** The per-person expected values of a test (`output: {individus: {id: {ass: …}}}`), by person id. */
export function personalExpectations(test: OpenFiscaTest): Map<string, Expectation[]> {
  const out = new Map<string, Expectation[]>();
  const individus = test.output.individus;
  if (!isRecord(individus)) return out;
  for (const [id, vars] of Object.entries(individus)) {
    if (!isRecord(vars)) continue;
    const list: Expectation[] = [];
    for (const [variable, raw] of Object.entries(vars)) {
      try {
        for (const e of toSeries(raw, test.period, variable))
          if (!Array.isArray(e.value)) list.push({ variable, period: e.period, value: e.value });
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
      }
    }
    out.set(id, list);
  }
  return out;
}
