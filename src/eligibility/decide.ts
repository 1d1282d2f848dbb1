import type { Decision } from '../model.ts';
import type { Pseudonymizer } from '../pseudonym.ts';
import { RIGHTS } from '../rules/registry.ts';
import type { RightDefinition } from '../rules/right.ts';
import { addFunnel, type EligibilityInputs, type Funnel, funnelOf, planDecisions } from './evaluate.ts';
import { type DecisionRow, encodeDecision } from './store.ts';

/** What deciding one batch needs: for each right, the households to decide and what the exclusions know. */
export interface DecideRequest {
  readonly asOf: string;
  readonly rulesVersion: string;
  readonly pseudo: Pseudonymizer;
  readonly rights: readonly (EligibilityInputs & { readonly id: RightDefinition['id'] })[];
}

/** A decided batch: what to count, what to write, and the decisions that lead to a letter or a dossier. */
export interface DecidedBatch {
  readonly rights: readonly {
    readonly id: RightDefinition['id'];
    readonly funnel: Funnel;
    /** The eligible decisions (notifications and dossiers are planned from them). */
    readonly eligible: readonly Decision[];
  }[];
  /** Every decision, encoded for the store. */
  readonly rows: readonly DecisionRow[];
  /** The pseudonymised situations the decisions were made on, as rows for the store, by hash. */
  readonly situations: ReadonlyMap<string, Uint8Array>;
}

/** Decides every right of a batch (pure: the rules, the exclusions, the encoding of what to store). */
export function decideBatch(req: DecideRequest): DecidedBatch {
  const rights: DecidedBatch['rights'][number][] = [];
  const rows: DecisionRow[] = [];
  const situations = new Map<string, Uint8Array>();
  for (const r of req.rights) {
    const plan = planDecisions(r, RIGHTS[r.id], req.asOf, req.pseudo, req.rulesVersion);
    for (const d of plan.decisions) {
      rows.push(encodeDecision(d));
      if (!situations.has(d.situationHash)) situations.set(d.situationHash, d.situationRow);
    }
    rights.push({
      id: r.id,
      funnel: funnelOf(plan),
      eligible: plan.decisions.filter((d) => d.result.status === 'eligible'),
    });
  }
  return { rights, rows, situations };
}

/** Decided parts of one batch (slices of its households, right by right) as one decided batch. */
export function mergeDecided(parts: readonly DecidedBatch[]): DecidedBatch {
  const rights = new Map<RightDefinition['id'], { funnel: Funnel; eligible: Decision[] }>();
  const situations = new Map<string, Uint8Array>();
  for (const p of parts) {
    for (const r of p.rights) {
      const acc = rights.get(r.id);
      if (!acc) {
        rights.set(r.id, { funnel: { ...r.funnel, excluded: { ...r.funnel.excluded } }, eligible: [...r.eligible] });
        continue;
      }
      addFunnel(acc.funnel, r.funnel);
      acc.eligible.push(...r.eligible);
    }
    for (const [hash, row] of p.situations) if (!situations.has(hash)) situations.set(hash, row);
  }
  return {
    rights: [...rights].map(([id, r]) => ({ id, funnel: r.funnel, eligible: r.eligible })),
    rows: parts.flatMap((p) => p.rows),
    situations,
  };
}
