import { z } from 'zod';
import type { ExtractSpec } from '../extract.ts';
import { birthPlaceKey } from '../geography.ts';
import { traitsKey } from '../identity.ts';

/**
 * INSEE's public file of deaths ("fichier des personnes décédées"), fixed width, one line per
 * death (SOURCES.md §7.6): 1–80 `NOM*PRENOMS/`, 81 sex (1/2), 82–89 birth date AAAAMMJJ (00 for
 * unknown parts), 90–94 birth place (COG), 95–124 birth commune, 125–154 birth country,
 * 155–162 death date AAAAMMJJ, 163–167 death place (COG), 168–176 death certificate number.
 */
export const INSEE_LAYOUT = {
  nom_prenoms: [0, 80],
  sexe: [80, 81],
  date_naissance: [81, 89],
  code_lieu_naissance: [89, 94],
  commune_naissance: [94, 124],
  pays_naissance: [124, 154],
  date_deces: [154, 162],
  code_lieu_deces: [162, 167],
  numero_acte: [167, 176],
} as const;

function issue(ctx: z.core.$RefinementCtx, code: string, message: string) {
  ctx.addIssue({ code: 'custom', message, params: { code } });
  return z.NEVER;
}

const ymd = (partial: boolean) =>
  z.string().transform((s, ctx) => {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s.trim());
    if (!m) return issue(ctx, 'DATE_INVALIDE', `date « ${s.trim()} » invalide (AAAAMMJJ)`);
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (partial && (mo === 0 || d === 0) && mo <= 12) return `${m[1]}-${m[2]}-${m[3]}`;
    const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    if (mo < 1 || mo > 12 || d < 1 || d > days) return issue(ctx, 'DATE_INVALIDE', `date « ${s.trim()} » impossible`);
    return `${m[1]}-${m[2]}-${m[3]}`;
  });

export const deathSchema = z
  .object({
    nom_prenoms: z.string().transform((s, ctx) => {
      const m = /^([^*]+)\*([^/]*)\/?\s*$/.exec(s.trim());
      if (!m) return issue(ctx, 'NOM_ILLISIBLE', 'nom et prénoms attendus sous la forme NOM*PRENOMS/');
      return { nom: (m[1] as string).trim(), prenoms: (m[2] as string).trim() };
    }),
    sexe: z
      .string()
      .transform((s, ctx) =>
        s === '1' ? 'M' : s === '2' ? 'F' : issue(ctx, 'VALEUR_INCONNUE', `sexe « ${s} » : 1 ou 2 attendu`),
      ),
    date_naissance: ymd(true),
    code_lieu_naissance: z.string().transform((s) => s.trim() || null),
    commune_naissance: z.string().transform((s) => s.trim() || null),
    pays_naissance: z.string().transform((s) => s.trim() || null),
    date_deces: ymd(false),
    code_lieu_deces: z.string().transform((s) => s.trim() || null),
    numero_acte: z.string().transform((s) => s.trim() || null),
  })
  .superRefine((r, ctx) => {
    if (r.date_deces < r.date_naissance.replace(/-00/g, '-01'))
      ctx.addIssue({
        code: 'custom',
        path: ['date_deces'],
        message: 'décès antérieur à la naissance',
        params: { code: 'DATE_INCOHERENTE' },
      });
  });
export type DeathRecord = z.output<typeof deathSchema>;

const tableColumns = [
  'nom',
  'prenoms',
  'sexe',
  'date_naissance',
  'code_lieu_naissance',
  'date_deces',
  'code_lieu_deces',
  'numero_acte',
  'traits_key',
  'lieu_naissance_cle',
] as const;

export const inseeDeces: ExtractSpec<DeathRecord> = {
  agency: 'insee',
  prefix: /^insee_deces$/,
  extract: 'deces',
  format: 'fixed',
  columns: Object.keys(INSEE_LAYOUT),
  schema: deathSchema as unknown as z.ZodType<DeathRecord>,
  check: (r, ctx) =>
    r.date_deces > ctx.extractedOn
      ? [{ field: 'date_deces', code: 'DATE_FUTURE', reason: "décès postérieur à la date d'extraction" }]
      : [],
  key: ['numero_acte', 'code_lieu_deces', 'date_deces'],
  table: 'insee_deces',
  tableColumns,
  toRows: (r) => [
    [
      r.nom_prenoms.nom,
      r.nom_prenoms.prenoms,
      r.sexe,
      r.date_naissance,
      r.code_lieu_naissance,
      r.date_deces,
      r.code_lieu_deces,
      r.numero_acte,
      traitsKey(r.nom_prenoms.nom, r.nom_prenoms.prenoms, r.date_naissance),
      birthPlaceKey(r.code_lieu_naissance, r.date_naissance),
    ],
  ],
};
