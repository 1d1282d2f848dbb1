import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { Channel, RightResult } from '../model.ts';
import { RIGHT_TEXTS } from './texts.ts';

export interface MessageInput {
  readonly rightId: string;
  readonly period: string;
  readonly amount: number;
  readonly result: RightResult;
  readonly reference: string;
}

/** Why we write: the legal basis, in plain words (CRPA L114-8, "dites-le-nous une fois"). */
const POURQUOI =
  "Nous vous écrivons parce que les administrations peuvent désormais partager les informations qu'elles ont déjà sur vous pour vous signaler un droit que vous ne demandez pas (article L114-8 du code des relations entre le public et l'administration).";

const compiled = new Map<Channel, Handlebars.TemplateDelegate>();

function template(channel: Channel): Handlebars.TemplateDelegate {
  let t = compiled.get(channel);
  if (!t) {
    const src = readFileSync(new URL(`./templates/${channel}.hbs`, import.meta.url), 'utf8');
    // Plain text out: nothing to HTML-escape; a missing value is an error, not a blank.
    t = Handlebars.compile(src, { noEscape: true, strict: true });
    compiled.set(channel, t);
  }
  return t;
}

/** Renders the message of a right for one channel: subject (empty for SMS) and body, in plain French. */
export function renderMessage(channel: Channel, m: MessageInput): { subject: string; body: string } {
  const texts = RIGHT_TEXTS[m.rightId];
  if (!texts) throw new Error(`Aucun texte de message pour le droit ${m.rightId}`);
  const body = template(channel)({
    pourquoi: POURQUOI,
    offre: texts.offre(m.amount, m.period, m.result),
    offreCourte: texts.offreCourte(m.amount, m.period, m.result),
    explication: m.result.explanation,
    reference: m.reference,
    decideur: texts.decideur,
    delai: texts.delai,
    signature: texts.signature,
  }).trim();
  return { subject: channel === 'sms' ? '' : texts.subject, body };
}
