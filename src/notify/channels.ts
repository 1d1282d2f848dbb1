import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Channel, Contacts } from '../model.ts';

/**
 * Overseas départements and collectivités have their own numbering regions (SOURCES.md §5):
 * 0692… in La Réunion is RE, not FR; Saint-Pierre-et-Miquelon's six-digit numbers are PM;
 * Saint-Barthélemy and Saint-Martin (COG 977, 978) share +590 with Guadeloupe.
 */
const REGION_BY_DEPARTEMENT: Record<string, CountryCode> = {
  '971': 'GP',
  '972': 'MQ',
  '973': 'GF',
  '974': 'RE',
  '975': 'PM',
  '976': 'YT',
  '977': 'BL',
  '978': 'MF',
};

/** A plausible email address (one @, a dot in the domain, no spaces). */
export function usableEmail(email: string | null): string | null {
  const e = email?.trim();
  return e && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(e) ? e : null;
}

/** A mobile number in E.164 that can receive an SMS, or null (landline, garbage). */
export function mobileNumber(phone: string | null, departement: string | null): string | null {
  if (!phone?.trim()) return null;
  const region = (departement && REGION_BY_DEPARTEMENT[departement]) || 'FR';
  const n = parsePhoneNumberFromString(phone, region);
  if (!n?.isValid()) return null;
  const t = n.getType();
  return t === 'MOBILE' || t === 'FIXED_LINE_OR_MOBILE' ? n.number : null;
}

export interface ContactChoice {
  readonly channel: Channel;
  readonly recipient: string;
}

/** Channels already worked out for a household's contacts (every right of a run asks again). */
const known = new WeakMap<Contacts, { departement: string | null; channels: readonly ContactChoice[] }>();

/** The channels a household can be reached by, best first: email, SMS, then postal letter. */
export function contactChannels(c: Contacts, departement: string | null): readonly ContactChoice[] {
  const k = known.get(c);
  if (k && k.departement === departement) return k.channels;
  const channels = computeChannels(c, departement);
  known.set(c, { departement, channels });
  return channels;
}

/**
 * Whether a household can be reached at all (the funnel's `sans_canal_de_contact`), the cheapest
 * test first: a postal address, a usable email, and only then the phone number, whose parsing
 * is what costs (a run asks for every eligible household and right).
 */
export function hasContactChannel(c: Contacts, departement: string | null): boolean {
  if (c.postal && c.postal.lines.length > 0) return true;
  if (usableEmail(c.email)) return true;
  return contactChannels(c, departement).length > 0;
}

function computeChannels(c: Contacts, departement: string | null): ContactChoice[] {
  const out: ContactChoice[] = [];
  const email = usableEmail(c.email);
  if (email) out.push({ channel: 'email', recipient: email });
  const mobile = mobileNumber(c.phone, departement);
  if (mobile) out.push({ channel: 'sms', recipient: mobile });
  if (c.postal && c.postal.lines.length > 0) {
    out.push({ channel: 'courrier', recipient: [...c.postal.lines].join('\n') });
  }
  return out;
}
