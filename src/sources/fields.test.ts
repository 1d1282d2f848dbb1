import { describe, expect, it } from 'vitest';
import { amount } from './fields.ts';

describe('amounts', () => {
  const signed = amount({ allowNegative: true });
  const positive = amount();
  it('reads a decimal comma, a sign, thousands separators and a euro sign', () => {
    expect(signed.parse('1234,56')).toBe(1234.56);
    expect(signed.parse('-12,5')).toBe(-12.5);
    expect(signed.parse('0')).toBe(0);
    expect(signed.parse('3198,61')).toBe(3198.61);
    expect(signed.parse('1 234,56 €')).toBe(1234.56);
    expect(signed.parse('1.234,56')).toBe(1234.56);
  });
  it('refuses a comma with no digit on one side, two commas, a lone sign, an empty field', () => {
    for (const s of [',5', '12,', '1,2,3', '-', '', '12a']) expect(signed.safeParse(s).success, s).toBe(false);
  });
  it('refuses a negative amount where none is admitted, with its own code', () => {
    const r = positive.safeParse('-3,10');
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('MONTANT_NEGATIF');
  });
});
