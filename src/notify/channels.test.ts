import { describe, expect, it } from 'vitest';
import type { Contacts } from '../model.ts';
import { contactChannels, hasContactChannel } from './channels.ts';

const postal = {
  lines: ['M. CLAUDE MARTIN', '12 RUE DES LILAS', '93200 SAINT-DENIS'],
  codePostal: '93200',
  commune: 'SAINT-DENIS',
};
const none: Contacts = { email: null, phone: null, postal: null };

describe('contact channels', () => {
  it('lists email, then SMS to a mobile, then the postal letter', () => {
    const c: Contacts = { email: ' claude.martin@example.fr ', phone: '06 12 34 56 78', postal };
    expect(contactChannels(c, '93').map((x) => [x.channel, x.recipient])).toEqual([
      ['email', 'claude.martin@example.fr'],
      ['sms', '+33612345678'],
      ['courrier', postal.lines.join('\n')],
    ]);
  });

  it.each([
    ['La Réunion', '974', '0692 12 34 56', '+262692123456'],
    ['Mayotte', '976', '0639 01 23 45', '+262639012345'],
    ['Saint-Pierre-et-Miquelon', '975', '55 12 34', '+508551234'],
    ['Saint-Barthélemy', '977', '0690 00 12 34', '+590690001234'],
    ['Saint-Martin', '978', '0690 00 12 34', '+590690001234'],
  ])('reads a mobile in %s in its own numbering region', (_, departement, phone, e164) => {
    expect(contactChannels({ ...none, phone }, departement)).toEqual([{ channel: 'sms', recipient: e164 }]);
    // Read as a metropolitan number, it is not a mobile (or not valid at all).
    expect(contactChannels({ ...none, phone }, '93')).toEqual([]);
  });

  // Each case: the contacts, then whether some channel reaches the household.
  const cases: [string, Contacts, boolean][] = [
    ['nothing at all', none, false],
    ['a landline only (no SMS)', { ...none, phone: '01 45 67 89 10' }, false],
    ['a malformed email only', { ...none, email: 'claude.martin@' }, false],
    ['an address with no line', { ...none, postal: { ...postal, lines: [] } }, false],
    ['a mobile only', { ...none, phone: '07 81 23 45 67' }, true],
    ['an email only', { ...none, email: 'c.martin@example.org' }, true],
    ['a postal address only', { ...none, postal }, true],
    ['a landline and an address', { ...none, phone: '01 45 67 89 10', postal }, true],
  ];
  it.each(cases)(
    'says whether a household can be reached, as the full list of channels does: %s',
    (_, c, reachable) => {
      expect(hasContactChannel(c, '93')).toBe(reachable);
      expect(contactChannels(c, '93').length > 0).toBe(reachable);
    },
  );
});
