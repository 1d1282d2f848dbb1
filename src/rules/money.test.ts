import { describe, expect, it } from 'vitest';
import { euros, roundCents, truncCents } from './money.ts';

describe('money', () => {
  it('rounds half-up to the cent despite binary noise', () => {
    expect(roundCents(646.52 * 1.8)).toBe(1163.74); // 1163.736
    expect(roundCents(0.165 * 1163.736)).toBe(192.02); // 192.01644
    expect(roundCents(1.005)).toBe(1.01); // 1.00499999… in binary
    expect(roundCents(2.675)).toBe(2.68);
  });
  it('truncates where the law truncates', () => {
    expect(truncCents(12411.44 / 12)).toBe(1034.28);
  });
  it('writes amounts the French way', () => {
    expect(euros(1163.74)).toBe('1 163,74 €');
    expect(euros(6)).toBe('6,00 €');
  });
});

describe('money edge cases', () => {
  it('rounds an exact third of a cent sum correctly', () => {
    expect(roundCents((5.52 + 6.52 + 5.96) / 3)).toBe(6);
    expect(roundCents(-0.005)).toBe(-0.01);
    expect(roundCents(1357.692)).toBe(1357.69);
  });
  it('writes negative and large amounts', () => {
    expect(euros(-12.5)).toBe('-12,50 €');
    expect(euros(1234567.891)).toBe('1 234 567,89 €');
    expect(euros(0.004)).toBe('0,00 €');
  });
});
