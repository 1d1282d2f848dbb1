import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { Channel } from '../model.ts';

export interface MessageValues {
  readonly montant: string;
  readonly mois: string;
  readonly explication: string;
  readonly reference: string;
}

/** Why we write: the legal basis, in plain words (CRPA L114-8, "dites-le-nous une fois"). */
const POURQUOI =
  "Nous vous écrivons parce que les administrations peuvent désormais partager les informations qu'elles ont déjà sur vous pour vous signaler un droit que vous ne demandez pas (article L114-8 du code des relations entre le public et l'administration).";
const SIGNATURE = 'Le service RSA de votre département';

const compiled = new Map<string, Handlebars.TemplateDelegate>();

function template(right: string, channel: Channel): Handlebars.TemplateDelegate {
  const key = `${right}.${channel}`;
  let t = compiled.get(key);
  if (!t) {
    const src = readFileSync(new URL(`./templates/${key}.hbs`, import.meta.url), 'utf8');
    // Plain text out: nothing to HTML-escape.
    t = Handlebars.compile(src, { noEscape: true, strict: true });
    compiled.set(key, t);
  }
  return t;
}

const SUBJECTS: Record<string, string> = {
  rsa: 'Vous pourriez avoir droit au RSA : votre demande est déjà pré-remplie',
};

/** Renders the message of a right for one channel: subject (empty for SMS) and body. */
export function renderMessage(
  right: string,
  channel: Channel,
  values: MessageValues,
): { subject: string; body: string } {
  const body = template(right, channel)({ ...values, pourquoi: POURQUOI, signature: SIGNATURE }).trim();
  return { subject: channel === 'sms' ? '' : (SUBJECTS[right] ?? ''), body };
}
