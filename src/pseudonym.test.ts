import { describe, expect, it } from 'vitest';
import { makePseudonymizer } from './pseudonym.ts';

describe('pseudonyms', () => {
  // Values computed once with Node's createHmac('sha256', key) on the key as text: pseudonyms
  // already stored (decisions, events, letters) must stay what they were.
  it('are the HMAC-SHA256 of the identifier under the installation key, as stored so far', () => {
    const pseudo = makePseudonymizer('0f1e2d3c');
    expect(pseudo('F', 'caf:931-1234567')).toBe('F-1rQIXMiTNVbq');
    expect(pseudo('P', '1850799351012|MARTIN|CLAUDE')).toBe('P-9Wm9DM-QOJwg');
  });

  it('differ from one installation key to another', () => {
    expect(makePseudonymizer('a')('F', 'caf:931-1234567')).not.toBe(makePseudonymizer('b')('F', 'caf:931-1234567'));
  });
});
