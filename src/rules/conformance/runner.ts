import { existsSync } from 'node:fs';
import { ProactifError } from '../../errors.ts';
import type { RightResult } from '../../model.ts';
import { addMonths } from '../dates.ts';
import type { RightDefinition } from '../right.ts';
import { computedBenefit, DIVERGENCE_PPA_PARAMETERS, divergence, openFiscaReading } from './checks.ts';
import { expectationsFor, InputError, type NormalizedInput, normalizeInputs, personalExpectations } from './inputs.ts';
import type { OpenFiscaTest } from './loader.ts';
import { ASSERTED_INPUTS, type MappedHousehold, mapHousehold, type RightId, YEAR_TOTALS } from './mapper.ts';
import { OUTPUTS, type OutputSpec } from './outputs.ts';
import { formatPeriod, isCalendarYear, isSingleMonth, type Period, yearOf } from './period.ts';
import { show, toBoolean, toNumber } from './values.ts';

/** One comparison: a test, an output variable, a period. */
export interface CheckResult {
  /** Stable id: file, test name, variable, period. */
  readonly id: string;
  readonly right: RightId;
  readonly file: string;
  readonly name: string;
  readonly variable: string;
  readonly period: string;
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly expected?: number | boolean;
  readonly got?: number | boolean | string;
  readonly reason?: string;
  /** Documented mappings the comparison relied on. */
  readonly notes: readonly string[];
}

/** Returns a right's definition, or the reason it cannot be compared. */
export type RightsProvider = (id: RightId) => Promise<RightDefinition | string>;

export interface RunFilters {
  readonly right?: RightId;
  /** Only periods from this year on. */
  readonly since?: number;
}

/**
 * Loads `src/rules/rights/<id>.ts` and its export `<id>Right`, when the module exists: rights
 * being written are compared as soon as they land.
 */
export const loadRightModule: RightsProvider = async (id) => {
  const url = new URL(`../rights/${id}.ts`, import.meta.url);
  if (!existsSync(url)) return 'droit non implémenté';
  try {
    const mod = (await import(url.href)) as Record<string, unknown>;
    const right = mod[`${id}Right`] as RightDefinition | undefined;
    if (!right || typeof right.evaluate !== 'function') return `droit non implémenté (export ${id}Right absent)`;
    return right;
  } catch (e) {
    return `droit non chargeable : ${(e as Error).message.split('\n')[0]}`;
  }
};

/** Month at which a yearly right is evaluated: the ARS of year N is the August payment for the rentrée N. */
const YEARLY_RIGHT_MONTH = '08';

/** Minimal tolerance, in euros: amounts are compared to the cent (OpenFisca keeps unrounded values). */
export const CENT_FLOOR = 0.005;

export function withinMargin(got: number, expected: number, absolute: number | null, relative: number | null): boolean {
  const diff = Math.abs(got - expected);
  const eps = 1e-9;
  if (diff <= eps) return true;
  let ok = diff <= Math.max(absolute ?? 0, CENT_FLOOR) + eps;
  if (relative !== null) {
    const rel = diff <= Math.max(Math.abs(relative * expected), CENT_FLOOR) + eps;
    ok = absolute === null ? rel : ok && rel;
  }
  return ok;
}

function checkId(file: string, name: string, variable: string, period: string): string {
  return `${file}::${name}::${variable}::${period}`;
}

/** The months to evaluate for an output on a period, or the reason the period does not fit. */
function monthsFor(spec: OutputSpec, p: Period): string[] | string {
  if (spec.unit === 'year') {
    if (!isCalendarYear(p)) return `période ${formatPeriod(p)} incompatible avec une variable annuelle`;
    return [`${p.start.slice(0, 4)}-${YEARLY_RIGHT_MONTH}`];
  }
  if (isSingleMonth(p)) return [p.start];
  if (isCalendarYear(p) && spec.yearSum) return Array.from({ length: 12 }, (_, i) => addMonths(p.start, i));
  return `période ${formatPeriod(p)} incompatible avec une variable mensuelle`;
}

/**
 * The input months a check may read, for issues limited to some months: 13 months back from each month evaluated
 * (the C2S reads M-13..M-2 in law, M-12..M-1 for OpenFisca; the RSA and the PPA at most M-4..M; the ASPA M-12..M-1);
 * for a yearly right (ARS), its year and the two before (the net taxable income of N-2).
 */
function monthsRead(spec: OutputSpec, p: Period): Set<string> {
  const out = new Set<string>();
  const months = monthsFor(spec, p);
  if (typeof months === 'string') return out;
  for (const m of months) {
    if (spec.unit === 'year') {
      const first = `${Number(m.slice(0, 4)) - 2}-01`;
      for (let i = 0; i < 36; i++) out.add(addMonths(first, i));
    } else for (let i = -13; i <= 0; i++) out.add(addMonths(m, i));
  }
  return out;
}

interface Household {
  readonly label: string;
  readonly mapped: MappedHousehold | null;
  readonly famille: string;
}

function households(test: OpenFiscaTest): { list: Household[]; error: string | null } {
  let worlds: NormalizedInput[];
  try {
    worlds = normalizeInputs(test);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { list: [{ label: '', mapped: null, famille: '' }], error: `entrée illisible : ${e.message}` };
  }
  const list: Household[] = [];
  const total = worlds.reduce((t, w) => t + w.familles.length, 0);
  worlds.forEach((w, wi) => {
    for (const f of w.familles) {
      const label = total === 1 ? '' : worlds.length > 1 ? String(wi) : f.id;
      const key = `conformance:${test.file}#${test.index}${label ? `:${label}` : ''}`;
      const { expectations } = expectationsFor(test, f.id, list.length, total);
      const asserted = expectations.filter((e) => ASSERTED_INPUTS.has(e.variable) || YEAR_TOTALS.has(e.variable));
      list.push({ label, mapped: mapHousehold(w, f, key, asserted, personalExpectations(test)), famille: f.id });
    }
  });
  return { list, error: null };
}

function unknownParameter(e: unknown): string | null {
  if (!(e instanceof ProactifError) || e.kind !== 'unknown_parameter') return null;
  const m = /Paramètre (\S+)/.exec(e.message);
  return `paramètre sans valeur à cette date${m ? ` : ${m[1]}` : ''}`;
}

/** Runs the comparisons of a list of tests. */
export async function runTests(
  tests: readonly OpenFiscaTest[],
  provider: RightsProvider = loadRightModule,
  filters: RunFilters = {},
): Promise<CheckResult[]> {
  const rights = new Map<RightId, RightDefinition | string>();
  const rightOf = async (id: RightId) => {
    let r = rights.get(id);
    if (r === undefined) {
      r = await provider(id);
      rights.set(id, r);
    }
    return r;
  };
  const results: CheckResult[] = [];
  for (const test of tests) {
    const { list, error } = households(test);
    for (let index = 0; index < list.length; index++) {
      const h = list[index] as Household;
      const { expectations, problems } = expectationsFor(test, h.famille, index, list.length);
      const suffix = h.label ? `[${h.label}]` : '';
      for (const prob of problems) {
        const spec = OUTPUTS[prob.variable];
        if (!spec || (filters.right && spec.right !== filters.right)) continue;
        if (filters.since !== undefined && yearOf(test.period) < filters.since) continue;
        const variable = `${prob.variable}${suffix}`;
        const period = formatPeriod(test.period);
        results.push({
          id: checkId(test.file, test.name, variable, period),
          right: spec.right,
          file: test.file,
          name: test.name,
          variable,
          period,
          status: 'skipped',
          reason: prob.reason,
          notes: [],
        });
      }
      for (const e of expectations) {
        const spec = OUTPUTS[e.variable];
        if (!spec) continue;
        if (filters.right && spec.right !== filters.right) continue;
        if (filters.since !== undefined && yearOf(e.period) < filters.since) continue;
        const variable = `${e.variable}${suffix}`;
        const period = formatPeriod(e.period);
        const base = {
          id: checkId(test.file, test.name, variable, period),
          right: spec.right,
          file: test.file,
          name: test.name,
          variable,
          period,
        };
        const skip = (reason: string, notes: readonly string[] = []): CheckResult => ({
          ...base,
          status: 'skipped',
          reason,
          notes,
        });
        const expected = spec.type === 'boolean' ? toBoolean(e.value) : toNumber(e.value);
        if (expected === null) {
          results.push(skip(`valeur attendue illisible « ${show(e.value)} »`));
          continue;
        }
        if (error || !h.mapped) {
          results.push(skip(error ?? 'entrée illisible'));
          continue;
        }
        const mapped = h.mapped;
        const read = monthsRead(spec, e.period);
        const issue = mapped.issues.find(
          (i) => (!i.rights || i.rights.includes(spec.right)) && (!i.months || [...i.months].some((m) => read.has(m))),
        );
        if (issue) {
          results.push(skip(issue.reason));
          continue;
        }
        const right = await rightOf(spec.right);
        if (typeof right === 'string') {
          results.push(skip(right));
          continue;
        }
        const months = monthsFor(spec, e.period);
        if (typeof months === 'string') {
          results.push(skip(months));
          continue;
        }
        const given = mapped.inputMonths(e.variable);
        const overlap =
          spec.unit === 'year'
            ? [...given].some((g) => g.startsWith(`${yearOf(e.period)}-`))
            : months.some((m) => given.has(m));
        if (overlap) {
          results.push(skip(`sortie fournie en entrée : ${e.variable}`));
          continue;
        }
        results.push(evaluateCheck(base, spec, right, mapped, months, expected, test));
      }
    }
  }
  return results;
}

function evaluateCheck(
  base: Omit<CheckResult, 'status' | 'notes'>,
  spec: OutputSpec,
  right: RightDefinition,
  mapped: MappedHousehold,
  months: readonly string[],
  expected: number | boolean,
  test: OpenFiscaTest,
): CheckResult {
  const variable = base.variable.replace(/\[.*\]$/, '');
  const notes = () => [...mapped.notes].sort();
  let total = 0;
  let flag: boolean | null = null;
  // Our amount under OpenFisca's reading of the parameters, where that reading may differ (null otherwise).
  let theirs: number | null = null;
  for (const m of months) {
    const reason = computedBenefit(mapped, spec.right, m, variable) ?? divergence(mapped, spec.right, variable, m);
    if (reason) return { ...base, status: 'skipped', reason, notes: notes() };
    let result: RightResult;
    try {
      result = right.evaluate(mapped.situationAt(m), `${m}-01`);
    } catch (e) {
      const param = unknownParameter(e);
      if (param) return { ...base, status: 'skipped', reason: param, notes: notes() };
      return { ...base, status: 'failed', expected, got: `erreur : ${(e as Error).message}`, notes: notes() };
    }
    const v = spec.read(result);
    if (typeof v === 'string') return { ...base, status: 'skipped', reason: v, notes: notes() };
    if (typeof v === 'boolean') flag = v;
    else total += v;
    const alt = openFiscaReading(spec.right, mapped.situationAt(m), m);
    const w = alt ? spec.read(alt) : v;
    if (typeof w === 'number' && typeof v === 'number') theirs = (theirs ?? 0) + w;
  }
  if (
    theirs !== null &&
    !withinMargin(
      Math.round(theirs * 1e6) / 1e6,
      Math.round(total * 1e6) / 1e6,
      test.absoluteErrorMargin,
      test.relativeErrorMargin,
    )
  )
    return { ...base, status: 'skipped', reason: DIVERGENCE_PPA_PARAMETERS, notes: notes() };
  if (spec.type === 'boolean') {
    const got = flag === true;
    return { ...base, status: got === expected ? 'passed' : 'failed', expected, got, notes: notes() };
  }
  const got = Math.round(total * 1e6) / 1e6;
  const ok = withinMargin(got, expected as number, test.absoluteErrorMargin, test.relativeErrorMargin);
  return { ...base, status: ok ? 'passed' : 'failed', expected, got, notes: notes() };
}
