import { describe, expect, it } from 'vitest';
import { resourcesByNir } from './situation.ts';

describe('resourcesByNir', () => {
  it('nests the rows (person, month, nature) into month → nature → amount, in the order of the rows', () => {
    const rows = [
      { nir: '185057800608436', mois: '2025-06', nature: 'PENSION_RETRAITE', m: 1251.21 },
      { nir: '185057800608436', mois: '2025-06', nature: 'SALAIRE', m: 300 },
      { nir: '185057800608436', mois: '2025-07', nature: 'PENSION_RETRAITE', m: 1270.93 },
      { nir: '290017500123456', mois: '2025-07', nature: 'ALLOCATION_CHOMAGE', m: 812.4 },
    ] as const;
    const byNir = resourcesByNir(rows);
    expect([...byNir.keys()]).toEqual(['185057800608436', '290017500123456']);
    // The JSON (hashed with the situation) follows the order of the rows: months, then natures.
    expect(JSON.stringify(byNir.get('185057800608436'))).toBe(
      '{"2025-06":{"PENSION_RETRAITE":1251.21,"SALAIRE":300},"2025-07":{"PENSION_RETRAITE":1270.93}}',
    );
    expect(byNir.get('290017500123456')).toEqual({ '2025-07': { ALLOCATION_CHOMAGE: 812.4 } });
  });

  it('gives nothing for no rows', () => {
    expect(resourcesByNir([]).size).toBe(0);
  });
});
