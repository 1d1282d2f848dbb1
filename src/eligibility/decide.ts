import type { Decision, ExclusionReason, Situation } from '../model.ts';
import { RIGHTS } from '../rules/registry.ts';
import type { RightDefinition } from '../rules/right.ts';
import { type Funnel, funnelOf, planDecisions } from './evaluate.ts';
import { type DecisionRow, encodeDecision } from './store.ts';

/**
 * What deciding one batch needs, as plain data: the situations, their pseudonyms, and for each
 * right the households to decide and what the exclusions already know about them.
 */
export interface DecideRequest {
  readonly asOf: string;
  readonly rulesVersion: string;
  readonly situations: readonly Situation[];
  /** The households' pseudonyms, in the order of `situations`. */
  readonly pseudonyms: readonly string[];
  readonly rights: readonly {
    readonly id: RightDefinition['id'];
    /** Indexes in `situations` of the households to decide (all of them in a full run). */
    readonly targets: readonly number[];
    /** By index in `situations`: the household already receives the right. */
    readonly already: readonly boolean[];
    /** By index in `situations`: another reason not to write (opposition, recent invitation…). */
    readonly contact: readonly (ExclusionReason | null)[];
  }[];
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
  /** The pseudonymised situations the decisions were made on, as JSON, by hash. */
  readonly situations: readonly (readonly [string, string])[];
}

/** Decides every right of a batch (pure: the rules, the exclusions, the encoding of what to store). */
export function decideBatch(req: DecideRequest): DecidedBatch {
  const pseudonymOf = new Map<string, string>();
  req.situations.forEach((s, i) => {
    pseudonymOf.set(s.householdKey, req.pseudonyms[i] as string);
  });
  const indexOf = new Map<string, number>(req.situations.map((s, i) => [s.householdKey, i]));
  const at = (key: string) => indexOf.get(key) as number;
  const rights: DecidedBatch['rights'][number][] = [];
  const rows: DecisionRow[] = [];
  const situations = new Map<string, string>();
  for (const r of req.rights) {
    const plan = planDecisions(
      {
        situations: r.targets.map((i) => req.situations[i] as Situation),
        alreadyReceives: (k) => r.already[at(k)] === true,
        contactExclusion: (k) => r.contact[at(k)] ?? undefined,
      },
      RIGHTS[r.id],
      req.asOf,
      (_kind, key) => pseudonymOf.get(key) as string,
      req.rulesVersion,
    );
    for (const d of plan.decisions) {
      rows.push(encodeDecision(d));
      if (!situations.has(d.situationHash)) situations.set(d.situationHash, d.inputsJson ?? JSON.stringify(d.inputs));
    }
    rights.push({
      id: r.id,
      funnel: funnelOf(plan),
      eligible: plan.decisions.filter((d) => d.result.status === 'eligible'),
    });
  }
  return { rights, rows, situations: [...situations] };
}
