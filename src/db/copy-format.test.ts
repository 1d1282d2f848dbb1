import { describe, expect, it } from 'vitest';
import { CopyRowWriter, copyLine } from './copy-format.ts';

const ROWS: unknown[][] = [
  ['caf:011-0034350', 'F-abc', 'rsa', '2025-09', 'eligible', null, 851.2],
  ['x', { explanation: "Vous pourriez recevoir environ 851,20 € par mois (« majoré »), l'ARS", n: 3 }],
  ['tab\there', 'line\nbreak', 'back\\slash', { q: 'a "quoted" word' }, true],
  ['', null, 0],
];

describe('CopyRowWriter', () => {
  it('writes each row as the UTF-8 bytes of its COPY text line', () => {
    const w = new CopyRowWriter();
    for (const r of ROWS) expect(Buffer.from(w.row(r)).toString('utf8')).toBe(copyLine(r));
  });

  it('keeps earlier rows intact when a new chunk starts, also for a row larger than a chunk', () => {
    const w = new CopyRowWriter(16);
    const long = ['é'.repeat(40), '€'.repeat(10)];
    const rows = [...ROWS, long, ...ROWS].map((r) => [r, w.row(r)] as const);
    for (const [values, bytes] of rows) expect(Buffer.from(bytes).toString('utf8')).toBe(copyLine(values));
  });
});
