import { describe, expect, it } from 'vitest';
import type { Decision } from '../model.ts';
import { planDecisionWrites, type RecordedDecision } from './store.ts';

const decision = (householdKey: string, inputsHash: string, rightId = 'rsa') =>
  ({ householdKey, rightId, period: '2025-09', inputsHash, rulesVersion: 'v1' }) as unknown as Decision;
const onRecord = (
  id: number,
  household_key: string,
  inputs_hash: string,
  current: boolean,
  right_id = 'rsa',
): RecordedDecision => ({ id, household_key, right_id, period: '2025-09', inputs_hash, rules_version: 'v1', current });

describe('what to write for a plan of decisions', () => {
  it('nothing on record: every decision is inserted', () => {
    const w = planDecisionWrites([decision('a', 'h1'), decision('b', 'h2')], []);
    expect(w.insert.map((d) => d.householdKey)).toEqual(['a', 'b']);
    expect([w.supersede, w.revive, w.kept.size]).toEqual([[], [], 0]);
  });

  it('same inputs and rules as the current decision: nothing written, its id kept', () => {
    const d = decision('a', 'h1');
    const w = planDecisionWrites([d], [onRecord(7, 'a', 'h1', true)]);
    expect(w.insert).toEqual([]);
    expect(w.supersede).toEqual([]);
    expect(w.kept.get(d)).toBe(7);
  });

  it('changed inputs: a new decision, the current one superseded; other rights and households untouched', () => {
    const w = planDecisionWrites(
      [decision('a', 'h2'), decision('a', 'c1', 'c2s'), decision('b', 'h3')],
      [onRecord(7, 'a', 'h1', true), onRecord(8, 'a', 'c1', true, 'c2s'), onRecord(9, 'b', 'h3', true)],
    );
    expect(w.insert.map((d) => `${d.householdKey} ${d.inputsHash}`)).toEqual(['a h2']);
    expect(w.supersede).toEqual([7]);
    expect(w.revive).toEqual([]);
  });

  it('inputs back to an earlier state: the old decision is current again, the newer one superseded', () => {
    const d = decision('a', 'h1');
    const w = planDecisionWrites([d], [onRecord(7, 'a', 'h1', false), onRecord(12, 'a', 'h2', true)]);
    expect(w.insert).toEqual([]);
    expect(w.revive).toEqual([7]);
    expect(w.supersede).toEqual([12]);
    expect(w.kept.get(d)).toBe(7);
  });

  it('the same household twice for one right and period in a plan: the first only', () => {
    const w = planDecisionWrites([decision('a', 'h1'), decision('a', 'h2')], []);
    expect(w.insert.map((d) => d.inputsHash)).toEqual(['h1']);
  });
});
