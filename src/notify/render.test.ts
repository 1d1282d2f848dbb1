import { describe, expect, it } from 'vitest';
import type { Channel, RightResult } from '../model.ts';
import { renderMessage } from './render.ts';

const result = (amount: number): RightResult => ({
  status: 'eligible',
  amount,
  period: '2025-09',
  breakdown: [],
  explanation: 'Vous vivez seul(e) et vos ressources de mai à juillet 2025 ont été en moyenne de 0,00 € par mois.',
  details: {},
});

describe.each(['rsa', 'ppa', 'c2s', 'aspa', 'ars'])('messages for %s', (rightId) => {
  it.each(['email', 'sms', 'courrier'] as Channel[])(
    'renders on %s in plain French, with the amount and the reference',
    (channel) => {
      const m = renderMessage(channel, {
        rightId,
        period: '2025-09',
        amount: 646.52,
        result: result(646.52),
        reference: 'F-abc',
      });
      expect(m.body).toContain('646,52 €');
      expect(m.body).toContain('F-abc');
      expect(m.body).not.toMatch(/undefined|NaN|\{\{/);
      if (channel === 'sms') {
        expect(m.subject).toBe('');
        // Two SMS at most (GSM-7 concatenated: 306 characters).
        expect(m.body.length).toBeLessThanOrEqual(306);
      } else {
        expect(m.subject.length).toBeGreaterThan(10);
        expect(m.body).toContain('L114-8');
      }
    },
  );
});

describe('free C2S', () => {
  it('says the complémentaire is free rather than "0,00 € per month"', () => {
    const m = renderMessage('email', {
      rightId: 'c2s',
      period: '2025-09',
      amount: 0,
      result: result(0),
      reference: 'F-abc',
    });
    expect(m.body).toContain('gratuite');
    expect(m.body).not.toContain('0,00 € par mois pour tout le foyer');
  });
});
