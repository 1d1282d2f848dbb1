import type { Decision, Situation } from '../model.ts';
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
  /**
   * Keep the eligible decisions (default): letters and dossiers are planned from them. Without
   * them, a decision's objects are garbage as soon as its row is encoded.
   */
  readonly keepEligible?: boolean;
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

/**
 * A batch decided piece by piece (a right's households a slice at a time), so that the caller
 * may let other work run in between: the funnels, eligible decisions, rows and situations add
 * up as if the batch had been decided at once.
 */
export class BatchDecider {
  private readonly rights = new Map<RightDefinition['id'], { funnel: Funnel; eligible: Decision[] }>();
  private readonly rows: DecisionRow[] = [];
  private readonly situations = new Map<string, Uint8Array>();

  constructor(private readonly req: Omit<DecideRequest, 'rights'>) {}

  /** Decides one right for some of the batch's households (pure: the rules, the exclusions, the encoding). */
  add(right: DecideRequest['rights'][number], situations: readonly Situation[] = right.situations): void {
    const { asOf, pseudo, rulesVersion } = this.req;
    const plan = planDecisions({ ...right, situations }, RIGHTS[right.id], asOf, pseudo, rulesVersion);
    for (const d of plan.decisions) {
      this.rows.push(encodeDecision(d));
      if (!this.situations.has(d.situationHash)) this.situations.set(d.situationHash, d.situationRow);
    }
    const funnel = funnelOf(plan);
    const acc = this.rights.get(right.id);
    const eligible =
      this.req.keepEligible === false ? [] : plan.decisions.filter((d) => d.result.status === 'eligible');
    if (!acc) this.rights.set(right.id, { funnel, eligible });
    else {
      addFunnel(acc.funnel, funnel);
      acc.eligible.push(...eligible);
    }
  }

  /** What was decided, right by right in the order they were first added. */
  result(): DecidedBatch {
    return {
      rights: [...this.rights].map(([id, r]) => ({ id, funnel: r.funnel, eligible: r.eligible })),
      rows: this.rows,
      situations: this.situations,
    };
  }
}

/** Decides every right of a batch at once (pure). */
export function decideBatch(req: DecideRequest): DecidedBatch {
  const decider = new BatchDecider(req);
  for (const r of req.rights) decider.add(r);
  return decider.result();
}
