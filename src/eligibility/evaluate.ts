import { createHash } from 'node:crypto';
import { CopyRowWriter } from '../db/copy-format.ts';
import type { Decision, ExclusionReason, Situation } from '../model.ts';
import { hasContactChannel } from '../notify/channels.ts';
import type { Pseudonymizer } from '../pseudonym.ts';
import { monthOf } from '../rules/dates.ts';
import type { RightDefinition } from '../rules/right.ts';

export interface EligibilityInputs {
  readonly situations: readonly Situation[];
  /** Does this household already receive the right? */
  readonly alreadyReceives: (householdKey: string) => boolean;
  /** Other reasons not to write (opposition, recent invitation, right closed recently). */
  readonly contactExclusion?: (householdKey: string) => ExclusionReason | undefined;
}

export interface DecisionPlan {
  readonly rightId: string;
  readonly period: string;
  readonly decisions: readonly Decision[];
}

/** A situation without names and NIR, as kept with a decision (data minimisation). */
export function withoutIdentity(s: Situation): Situation {
  return {
    ...s,
    persons: s.persons.map((p) => ({ ...p, identite: { nir: null, nom: '', prenoms: '' } })),
    contacts: { email: null, phone: null, postal: null },
  };
}

/** Where situations' rows are written as bytes (see `CopyRowWriter`). */
const situationRows = new CopyRowWriter();

/**
 * The pseudonymised situation (as JSON, ready to store), its hash and the household's pseudonym,
 * computed once per situation object: every right of a run shares them.
 */
const minimised = new WeakMap<
  Situation,
  { row: Uint8Array; hash: string; pseudonym: string; inputsHash: [string?, string?] }
>();
function minimise(s: Situation, pseudo: Pseudonymizer) {
  let m = minimised.get(s);
  if (!m) {
    const inputs = withoutIdentity(s);
    // The hash covers every value of the situation, identity and contacts included (a new
    // address is new input), but not the dates of the extracts they came from: a new snapshot
    // with the same values for a household changes nothing for it.
    const values = JSON.stringify({ ...inputs, provenance: undefined });
    const hash = createHash('sha256')
      .update(values)
      .update(JSON.stringify([s.persons.map((p) => p.identite), s.contacts]))
      .digest('hex')
      .slice(0, 32);
    // The stored JSON: the same values, and where they came from. Encoded now, it waits for the
    // store outside the heap (the garbage collector does not copy it from batch to batch).
    const json = `${values.slice(0, -1)},"provenance":${JSON.stringify(inputs.provenance)}}`;
    const row = situationRows.row([hash, json]);
    m = { row, hash, pseudonym: pseudo('F', s.householdKey), inputsHash: [] };
    minimised.set(s, m);
  }
  return m;
}

/** The hash of what a decision is made on: the situation, and whether the right is already paid (once per situation and case). */
function hashInputs(m: ReturnType<typeof minimise>, already: boolean): string {
  const i = already ? 1 : 0;
  m.inputsHash[i] ??= createHash('sha256').update(`${m.hash}|${already}`).digest('hex').slice(0, 32);
  return m.inputsHash[i];
}

/**
 * Evaluates one right for every household and decides who to invite (pure). Exclusions apply
 * to eligible households: already receiving the right, or no way at all to reach them (kept
 * for a manual follow-up list rather than dropped).
 */
export function planDecisions(
  inputs: EligibilityInputs,
  right: RightDefinition,
  asOf: string,
  pseudo: Pseudonymizer,
  rulesVersion: string,
): DecisionPlan {
  const period = monthOf(asOf);
  const decisions = inputs.situations.map((s): Decision => {
    const result = right.evaluate(s, asOf);
    const already = inputs.alreadyReceives(s.householdKey);
    const m = minimise(s, pseudo);
    let exclusion: ExclusionReason | null = null;
    const adults = s.persons.filter((p) => p.role === 'demandeur' || p.role === 'conjoint');
    // Nobody is written to after their death (INSEE file): whatever the result.
    if (adults.length > 0 && adults.every((p) => p.dateDeces !== undefined && p.dateDeces <= asOf))
      exclusion = 'decede';
    else if (result.status === 'eligible') {
      if (already) exclusion = 'deja_beneficiaire';
      else if (inputs.contactExclusion?.(s.householdKey)) exclusion = inputs.contactExclusion(s.householdKey) ?? null;
      else if (!hasContactChannel(s.contacts, s.departement)) exclusion = 'sans_canal_de_contact';
    }
    return {
      householdKey: s.householdKey,
      pseudonym: m.pseudonym,
      rightId: right.id,
      period,
      result,
      exclusion,
      inputsHash: hashInputs(m, already),
      rulesVersion,
      situationRow: m.row,
      situationHash: m.hash,
    };
  });
  return { rightId: right.id, period, decisions };
}

/** The exclusion reasons, in French, for operators. */
export const EXCLUSION_LABELS: Readonly<Record<ExclusionReason, string>> = {
  deja_beneficiaire: 'déjà bénéficiaires',
  droit_clos_recemment: 'droit clos récemment',
  invite_recemment: 'déjà invités récemment',
  opposition: 'ne souhaitent pas être contactés',
  sans_canal_de_contact: 'aucun moyen de contact (suivi manuel)',
  decede: 'décédés (fichier INSEE)',
};

export interface Funnel {
  households: number;
  eligible: number;
  notEligible: number;
  undetermined: number;
  excluded: Record<ExclusionReason, number>;
  toInvite: number;
}

/** Adds the counts of `f` to `into` (the funnels of several batches, or slices of one). */
export function addFunnel(into: Funnel, f: Funnel): void {
  into.households += f.households;
  into.eligible += f.eligible;
  into.notEligible += f.notEligible;
  into.undetermined += f.undetermined;
  into.toInvite += f.toInvite;
  for (const k of Object.keys(into.excluded) as ExclusionReason[]) into.excluded[k] += f.excluded[k];
}

/** No household excluded, for any reason. */
export const emptyExcluded = (): Record<ExclusionReason, number> => ({
  deja_beneficiaire: 0,
  droit_clos_recemment: 0,
  invite_recemment: 0,
  opposition: 0,
  sans_canal_de_contact: 0,
  decede: 0,
});

/** Counts a plan: households → eligible → excluded by reason → to invite. */
export function funnelOf(plan: DecisionPlan): Funnel {
  const f: Funnel = {
    households: plan.decisions.length,
    eligible: 0,
    notEligible: 0,
    undetermined: 0,
    excluded: emptyExcluded(),
    toInvite: 0,
  };
  for (const d of plan.decisions) {
    if (d.exclusion === 'decede') {
      f.excluded.decede++;
      continue;
    }
    if (d.result.status === 'eligible') {
      f.eligible++;
      if (d.exclusion) f.excluded[d.exclusion]++;
      else f.toInvite++;
    } else if (d.result.status === 'not_eligible') f.notEligible++;
    else f.undetermined++;
  }
  return f;
}
