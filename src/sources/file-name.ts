import type { ExtractSpec } from './extract.ts';
import { EXTRACTS } from './registry.ts';

export interface ExtractFileName {
  readonly spec: ExtractSpec<never>;
  /** Extraction date, ISO. */
  readonly extractedOn: string;
  readonly gzip: boolean;
}

/**
 * Reads `<agence>_<extrait>_<AAAAMMJJ>.<csv|jsonl>[.gz]`. Returns an operator-readable
 * reason when the name does not say which extract it is or of which date.
 */
export function parseExtractFileName(baseName: string): ExtractFileName | { error: string } {
  const m = /^(.+)_(\d{8})\.(csv|jsonl|txt)(\.gz)?$/i.exec(baseName);
  if (!m)
    return {
      error: 'nom de fichier sans date : attendu <agence>_<extrait>_<AAAAMMJJ>.csv ou .jsonl (éventuellement .gz)',
    };
  const [, stem = '', ymd = '', ext = '', gz] = m;
  const spec = EXTRACTS.find((s) => s.prefix.test(stem));
  if (!spec)
    return {
      error: `extrait « ${stem} » inconnu (connus : caf_foyers, caf_membres, caf_droits, dgfip_foyers, gipmds_ressources, beneficiaires_<payeur>, insee_deces)`,
    };
  const expected = spec.format === 'fixed' ? 'txt' : spec.format;
  if (expected !== ext.toLowerCase()) return { error: `l'extrait ${stem} est attendu au format ${expected}` };
  const iso = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso)
    return { error: `date ${ymd} du nom de fichier invalide` };
  return { spec, extractedOn: iso, gzip: Boolean(gz) };
}
