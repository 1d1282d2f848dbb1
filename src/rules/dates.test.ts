import { describe, expect, it } from 'vitest';
import { addMonths } from './dates.ts';

describe('addMonths', () => {
  it('moves across years, backwards and forwards', () => {
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2025-09', -13)).toBe('2024-08');
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2025-03', 24)).toBe('2027-03');
    expect(addMonths('2025-03', 0)).toBe('2025-03');
  });

  it('gives the same month asked twice, and beyond the months it keeps', () => {
    for (let i = 0; i < 2; i++) {
      expect(addMonths('2025-05', -24)).toBe('2023-05');
      expect(addMonths('2025-05', -25)).toBe('2023-04');
      expect(addMonths('2025-05', 120)).toBe('2035-05');
      expect(addMonths('2025-05', -600)).toBe('1975-05');
    }
  });

  it('counts every offset from −30 to 30 months like a calendar', () => {
    for (let n = -30; n <= 30; n++) {
      const total = 2025 * 12 + 6 + n; // June 2025 (month index 6 counted from 1) + n
      const y = Math.floor((total - 1) / 12);
      const m = ((total - 1) % 12) + 1;
      expect(addMonths('2025-06', n)).toBe(`${y}-${String(m).padStart(2, '0')}`);
    }
  });
});
