import type { Channel, Decision, Situation } from '../model.ts';
import { contactChannels } from './channels.ts';
import { renderMessage } from './render.ts';

export interface PlannedNotification {
  readonly householdKey: string;
  readonly pseudonym: string;
  readonly rightId: string;
  readonly period: string;
  readonly channel: Channel;
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
}

/**
 * One notification per household to invite (eligible, not excluded), on its best channel
 * (pure: the situations give the contacts, nothing is read or sent here).
 */
export function planNotifications(
  decisions: readonly Decision[],
  situations: ReadonlyMap<string, Situation>,
): PlannedNotification[] {
  const out: PlannedNotification[] = [];
  for (const d of decisions) {
    if (d.result.status !== 'eligible' || d.exclusion) continue;
    const s = situations.get(d.householdKey);
    if (!s) continue;
    const best = contactChannels(s.contacts, s.departement)[0];
    if (!best) continue;
    const { subject, body } = renderMessage(best.channel, {
      rightId: d.rightId,
      period: d.period,
      amount: d.result.amount,
      result: d.result,
      reference: d.pseudonym,
    });
    out.push({
      householdKey: d.householdKey,
      pseudonym: d.pseudonym,
      rightId: d.rightId,
      period: d.period,
      channel: best.channel,
      recipient: best.recipient,
      subject,
      body,
    });
  }
  return out;
}
