import { describe, expect, it } from 'vitest';
import { resourcesByNir } from './situation.ts';

describe('resourcesByNir', () => {
  it('puts months and natures in order, whatever order the database aggregated them in', () => {
    // As json_object_agg may give them: months and natures in any order.
    const byNir = resourcesByNir([
      {
        nir: '185057800608436',
        r: {
          '2025-07': { PENSION_RETRAITE: 1270.93 },
          '2025-06': { SALAIRE: 300, PENSION_RETRAITE: 1251.21 },
        },
      },
      { nir: '290017500123456', r: { '2025-07': { ALLOCATION_CHOMAGE: 812.4 } } },
    ]);
    expect([...byNir.keys()]).toEqual(['185057800608436', '290017500123456']);
    // The JSON (hashed with the situation) has its keys in order: months, then natures.
    expect(JSON.stringify(byNir.get('185057800608436'))).toBe(
      '{"2025-06":{"PENSION_RETRAITE":1251.21,"SALAIRE":300},"2025-07":{"PENSION_RETRAITE":1270.93}}',
    );
    expect(byNir.get('290017500123456')).toEqual({ '2025-07': { ALLOCATION_CHOMAGE: 812.4 } });
  });

  it('gives the same JSON for keys already in order', () => {
    const r = { '2025-06': { PENSION_RETRAITE: 1, SALAIRE: 2 }, '2025-07': { SALAIRE: 3 } };
    const json = JSON.stringify(r);
    expect(JSON.stringify(resourcesByNir([{ nir: 'x', r }]).get('x'))).toBe(json);
  });
});
