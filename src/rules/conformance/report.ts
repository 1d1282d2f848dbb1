import { readFileSync, writeFileSync } from 'node:fs';
import { ProactifError } from '../../errors.ts';
import { DIVERGENCE_PREFIX } from './checks.ts';
import type { LoadProblem } from './loader.ts';
import { RIGHT_IDS, type RightId } from './mapper.ts';
import { rightOfVariable } from './outputs.ts';
import type { CheckResult, RunFilters } from './runner.ts';

export interface RightCounts {
  passed: number;
  failed: number;
  skipped: number;
}

export interface Failure {
  readonly file: string;
  readonly name: string;
  readonly variable: string;
  readonly period: string;
  readonly expected: number | boolean | null;
  readonly got: number | boolean | string | null;
}

export interface Skip {
  readonly file: string;
  readonly name: string;
  readonly reason: string;
}

/** The `--json` report: exactly these three keys. */
export interface ConformanceSummary {
  readonly rights: Record<RightId, RightCounts>;
  readonly failures: Failure[];
  readonly skips: Skip[];
}

/** Counts per right (one per test, output variable and period), failures, and skips (one per test and reason). */
export function summarize(checks: readonly CheckResult[]): ConformanceSummary {
  const rights = Object.fromEntries(RIGHT_IDS.map((r) => [r, { passed: 0, failed: 0, skipped: 0 }])) as Record<
    RightId,
    RightCounts
  >;
  const failures: Failure[] = [];
  const skips: Skip[] = [];
  const seen = new Set<string>();
  for (const c of checks) {
    rights[c.right][c.status]++;
    if (c.status === 'failed')
      failures.push({
        file: c.file,
        name: c.name,
        variable: c.variable,
        period: c.period,
        expected: c.expected ?? null,
        got: c.got ?? null,
      });
    if (c.status === 'skipped') {
      const reason = c.reason ?? 'sans motif';
      const key = `${c.file}\u0000${c.name}\u0000${reason}`;
      if (!seen.has(key)) {
        seen.add(key);
        skips.push({ file: c.file, name: c.name, reason });
      }
    }
  }
  return { rights, failures, skips };
}

/** Skip reasons with their number of checks, most frequent first. */
export function skipReasons(checks: readonly CheckResult[], right?: RightId): [string, number][] {
  const counts = new Map<string, number>();
  for (const c of checks)
    if (c.status === 'skipped' && (!right || c.right === right))
      counts.set(c.reason ?? 'sans motif', (counts.get(c.reason ?? 'sans motif') ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Share of the checks run (passed or failed), and the most that could run while following the law. */
export interface ExecutionShare {
  readonly total: number;
  readonly run: number;
  /** Skipped for a documented divergence between the law and OpenFisca (RULES §7.3): never comparable. */
  readonly divergences: number;
  /** (total − divergences) / total: the share of checks that could ever be run without following OpenFisca. */
  readonly ceiling: number;
}

export function executionShare(checks: readonly CheckResult[]): ExecutionShare {
  const total = checks.length;
  const run = checks.filter((c) => c.status !== 'skipped').length;
  const divergences = checks.filter((c) => c.status === 'skipped' && c.reason?.startsWith(DIVERGENCE_PREFIX)).length;
  return { total, run, divergences, ceiling: total === 0 ? 1 : (total - divergences) / total };
}

const percent = (x: number): string => `${(Math.round(x * 1000) / 10).toFixed(1).replace('.', ',')} %`;

/** Documented mappings with the number of compared (passed or failed) checks that used them. */
export function notesUsed(checks: readonly CheckResult[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const c of checks) if (c.status !== 'skipped') for (const n of c.notes) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

function fmt(v: number | boolean | string | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return String(Math.round(v * 10000) / 10000);
  return String(v);
}

export interface TextReportInput {
  readonly dir: string;
  readonly files: number;
  readonly tests: number;
  readonly problems: readonly LoadProblem[];
  readonly checks: readonly CheckResult[];
  readonly filters: RunFilters;
  /** Also list every skipped test. */
  readonly details: boolean;
}

/** The report for operators, in French. */
export function textReport(r: TextReportInput): string[] {
  const s = summarize(r.checks);
  const lines: string[] = [];
  const scope = [r.filters.right ? `droit ${r.filters.right}` : '', r.filters.since ? `depuis ${r.filters.since}` : '']
    .filter(Boolean)
    .join(', ');
  lines.push(`proactif conformance — cas de test OpenFisca-France lus dans ${r.dir}`);
  lines.push(
    `  ${r.files} fichiers, ${r.tests} tests${r.problems.length ? `, ${r.problems.length} illisibles` : ''}${scope ? ` (${scope})` : ''}`,
  );
  lines.push('  une vérification = un test × une variable de sortie × une période ; montants comparés au centime près');
  lines.push('  (plancher de 0,005 €) ou avec la marge absolue / relative du test');
  lines.push('');
  lines.push('  droit     réussis   échoués   ignorés');
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const id of r.filters.right ? [r.filters.right] : RIGHT_IDS) {
    const c = s.rights[id];
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
    lines.push(
      `  ${id.padEnd(8)}${String(c.passed).padStart(8)}${String(c.failed).padStart(10)}${String(c.skipped).padStart(10)}`,
    );
  }
  lines.push(
    `  ${'total'.padEnd(8)}${String(total.passed).padStart(8)}${String(total.failed).padStart(10)}${String(total.skipped).padStart(10)}`,
  );

  const share = executionShare(r.checks);
  if (share.total > 0) {
    lines.push('');
    lines.push(
      `  comparées : ${share.run} sur ${share.total} (${percent(share.run / share.total)}) ; ignorées pour une divergence documentée entre le droit et OpenFisca : ${share.divergences} (${percent(share.divergences / share.total)}),`,
    );
    lines.push(`  soit au plus ${percent(share.ceiling)} de vérifications comparables en suivant le droit`);
  }

  if (s.failures.length) {
    lines.push('');
    lines.push(`Échecs (${s.failures.length}) :`);
    for (const f of s.failures)
      lines.push(
        `  ${f.file} — « ${f.name} » — ${f.variable} ${f.period} : attendu ${fmt(f.expected)}, obtenu ${fmt(f.got)}`,
      );
  }

  lines.push('');
  lines.push('Vérifications ignorées, par motif :');
  for (const id of RIGHT_IDS) {
    const reasons = skipReasons(r.checks, id);
    if (reasons.length === 0) continue;
    lines.push(`  ${id}`);
    for (const [reason, n] of reasons) lines.push(`  ${String(n).padStart(6)}  ${reason}`);
  }

  const notes = notesUsed(r.checks);
  if (notes.length) {
    lines.push('');
    lines.push('Correspondances documentées utilisées (vérifications comparées) :');
    for (const [note, n] of notes) lines.push(`  ${String(n).padStart(6)}  ${note}`);
  }

  if (r.problems.length) {
    lines.push('');
    lines.push(`Fichiers ou tests illisibles (${r.problems.length}) :`);
    for (const p of r.problems) lines.push(`  ${p.file}${p.name ? ` — « ${p.name} »` : ''} : ${p.reason}`);
  }

  if (r.details && s.skips.length) {
    lines.push('');
    lines.push(`Tests ignorés (${s.skips.length}) :`);
    for (const k of s.skips) lines.push(`  ${k.file} — « ${k.name} » : ${k.reason}`);
  }
  return lines;
}

/** The ids of the passing checks, kept to detect regressions. */
export interface Baseline {
  readonly passing: readonly string[];
}

const BASELINE_COMMENT =
  'Vérifications de conformité OpenFisca qui passent (fichier::test::variable::période). Régénérer avec : node bin/proactif.js conformance ../shared/conformance/openfisca --write-baseline conformance-baseline.json';

export function baselineOf(checks: readonly CheckResult[]): Baseline {
  return {
    passing: checks
      .filter((c) => c.status === 'passed')
      .map((c) => c.id)
      .sort(),
  };
}

export function writeBaseline(path: string, checks: readonly CheckResult[]): number {
  const b = baselineOf(checks);
  writeFileSync(path, `${JSON.stringify({ comment: BASELINE_COMMENT, passing: b.passing }, null, 2)}\n`);
  return b.passing.length;
}

export function readBaseline(path: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ProactifError('configuration', `référence de conformité ${path} illisible : ${(e as Error).message}`, {
      cause: e,
    });
  }
  const passing = (raw as { passing?: unknown })?.passing;
  if (!Array.isArray(passing) || !passing.every((x) => typeof x === 'string'))
    throw new ProactifError('configuration', `référence de conformité ${path} : liste « passing » attendue`);
  return { passing };
}

export interface Regression {
  readonly id: string;
  readonly status: 'failed' | 'skipped' | 'absent';
  readonly detail: string;
}

function inScope(id: string, filters: RunFilters): boolean {
  const parts = id.split('::');
  const variable = parts[parts.length - 2] ?? '';
  const period = parts[parts.length - 1] ?? '';
  const right = rightOfVariable(variable);
  if (filters.right && right !== filters.right) return false;
  const year = Number(/\d{4}/.exec(period)?.[0] ?? 0);
  if (filters.since !== undefined && year < filters.since) return false;
  return true;
}

/** Checks passing in the baseline that now fail or are no longer run (within the run's filters). */
export function regressions(baseline: Baseline, checks: readonly CheckResult[], filters: RunFilters): Regression[] {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const out: Regression[] = [];
  for (const id of baseline.passing) {
    if (!inScope(id, filters)) continue;
    const c = byId.get(id);
    if (!c) out.push({ id, status: 'absent', detail: "n'est plus exécuté (test ou variable introuvable)" });
    else if (c.status === 'failed')
      out.push({ id, status: 'failed', detail: `attendu ${fmt(c.expected)}, obtenu ${fmt(c.got)}` });
    else if (c.status === 'skipped')
      out.push({ id, status: 'skipped', detail: `désormais ignoré : ${c.reason ?? ''}` });
  }
  return out;
}
