import type { Provenance, RightResult, Situation } from '../model.ts';
import { ageAt } from '../rules/dates.ts';
import { euros } from '../rules/money.ts';
import { RIGHTS } from '../rules/registry.ts';

export interface StoredDecision {
  readonly pseudonym: string;
  readonly right_id: string;
  readonly period: string;
  readonly status: string;
  readonly exclusion: string | null;
  readonly amount: number | null;
  readonly explanation: unknown;
  readonly inputs: unknown;
  readonly decided_at: string;
  readonly rules_version: string;
  readonly inputs_hash: string;
}

const ROLE: Record<string, string> = {
  demandeur: 'demandeur',
  conjoint: 'conjoint(e)',
  enfant: 'enfant',
  autre_a_charge: 'autre personne à charge',
};
const EXCLUSION: Record<string, string> = {
  deja_beneficiaire: 'déjà bénéficiaire du droit : pas de message',
  sans_canal_de_contact: 'aucun moyen de le joindre : liste de suivi manuel',
};

const prov = (p: Provenance | undefined) =>
  p ? `[${p.agency.toUpperCase()}, extrait ${p.extract} du ${p.extractedOn}]` : '[provenance inconnue]';

/**
 * A decision in French for an operator (pure): result, amount, reasons, and every input with
 * its provenance. Persons appear by role and age, never by name, unless `identity` is given.
 */
export function explainDecision(d: StoredDecision, identity?: ReadonlyMap<string, string>): string[] {
  const r = d.explanation as RightResult;
  const s = d.inputs as Situation | null;
  const title = RIGHTS[d.right_id as keyof typeof RIGHTS]?.title ?? d.right_id;
  const lines = [`${title} — foyer ${d.pseudonym}, période ${d.period}`];
  const status = { eligible: 'éligible', not_eligible: 'non éligible', undetermined: 'indéterminé' }[r.status];
  lines.push(
    `  Décision : ${status}${d.amount !== null ? `, ${euros(d.amount)}` : ''}${d.exclusion ? ` — exclu : ${EXCLUSION[d.exclusion] ?? d.exclusion}` : ''}`,
  );
  lines.push(`  ${r.explanation}`);
  if (r.status === 'eligible')
    for (const b of r.breakdown) lines.push(`    ${b.label.padEnd(45)} ${euros(b.amount).padStart(12)}`);
  if (r.status === 'not_eligible')
    for (const c of r.reasons) lines.push(`    condition non remplie (${c.code}) : ${c.message}`);
  if (r.status === 'undetermined') lines.push(`    manque : ${r.missing.join(' ; ')}`);
  if (s) {
    lines.push('  Données utilisées :');
    const at = `${d.period}-01`;
    lines.push(
      `    composition ${prov(s.provenance.composition)} : ${s.couple ? 'couple' : 'personne seule'}${s.dateSituation ? ` depuis le ${s.dateSituation}` : ''}`,
    );
    for (const p of s.persons) {
      const who = identity?.get(p.key) ?? p.key;
      lines.push(
        `      ${ROLE[p.role] ?? p.role} ${who}, ${ageAt(p.dateNaissance, at)} ans${p.grossesse ? ', grossesse' : ''}${p.etudiant ? ', étudiant(e)' : ''}${p.nationalite && p.nationalite !== 'FR' ? `, nationalité ${p.nationalite}` : ''}`,
      );
      for (const [m, byNature] of Object.entries(p.ressources).sort()) {
        const parts = Object.entries(byNature).map(([n, v]) => `${n.toLowerCase()} ${euros(v as number)}`);
        if (parts.length) lines.push(`        ${m} ${prov(s.provenance.ressources)} ${parts.join(', ')}`);
      }
    }
    lines.push(
      `    logement ${prov(s.provenance.logement)} : ${s.logement ?? 'inconnu'}${s.departement ? `, département ${s.departement}` : ''}`,
    );
    for (const [m, p] of Object.entries(s.prestations ?? {}).sort()) {
      const parts = Object.entries(p).map(([k, v]) => `${k} ${euros(v)}`);
      if (parts.length) lines.push(`    prestations ${m} ${prov(s.provenance.prestations)} : ${parts.join(', ')}`);
    }
    for (const [y, f] of Object.entries(s.revenusFiscaux ?? {}))
      lines.push(
        `    revenus ${y} ${prov(s.provenance.revenusFiscaux)} : revenu fiscal de référence ${f.revenuFiscalReference ?? 'inconnu'} €, revenu net imposable ${f.revenuNetImposable ?? 'inconnu'} €`,
      );
  }
  lines.push(
    `  Décidé le ${d.decided_at.slice(0, 19)} avec les règles ${d.rules_version} (données ${d.inputs_hash.slice(0, 12)})`,
  );
  return lines;
}
