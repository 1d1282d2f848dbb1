import { describe, expect, it } from 'vitest';
import { generateSituations } from '../../bench/situations.ts';
import { makePseudonymizer } from '../pseudonym.ts';
import { BatchDecider, type DecideRequest, decideBatch } from './decide.ts';

describe('a batch decided in slices', () => {
  const asOf = '2025-09-01';
  const situations = generateSituations(600, asOf, 7);
  const request = (ids: DecideRequest['rights'][number]['id'][], from = 0, to = situations.length): DecideRequest => ({
    asOf,
    rulesVersion: 'test',
    pseudo: makePseudonymizer('k'),
    rights: ids.map((id) => ({
      id,
      situations: situations.slice(from, to),
      // Households whose key ends in 3 already receive the right: exclusions count in the funnel.
      alreadyReceives: (k: string) => k.endsWith('3'),
    })),
  });

  it('gives the same funnels, eligible decisions, rows and situations as deciding it at once', () => {
    const whole = decideBatch(request(['rsa', 'c2s']));
    const decider = new BatchDecider(request([]));
    const [rsa, c2s] = request(['rsa', 'c2s']).rights;
    if (!rsa || !c2s) throw new Error('two rights expected');
    decider.add(rsa, situations.slice(0, 250));
    decider.add(rsa, situations.slice(250, 600));
    decider.add(c2s, situations.slice(0, 100));
    decider.add(c2s, situations.slice(100, 600));
    const merged = decider.result();
    expect(merged.rights.map((r) => r.id)).toEqual(['rsa', 'c2s']);
    expect(merged.rights.map((r) => r.funnel)).toEqual(whole.rights.map((r) => r.funnel));
    expect(merged.rights[0]?.funnel.households).toBe(600);
    expect(merged.rights.map((r) => r.eligible.map((d) => d.householdKey))).toEqual(
      whole.rights.map((r) => r.eligible.map((d) => d.householdKey)),
    );
    expect(merged.rows.map((r) => Buffer.from(r.row).toString())).toEqual(
      whole.rows.map((r) => Buffer.from(r.row).toString()),
    );
    expect([...merged.situations.keys()]).toEqual([...whole.situations.keys()]);
  });
});
