import { ProactifError } from '../errors.ts';

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  /** Finished, but some rows were rejected (see the quarantine table). */
  rejectedRows: 3,
} as const;

/** The one place that turns an error into a message for the operator and an exit code. */
export function describeError(e: unknown): { code: number; message: string } {
  if (e instanceof ProactifError) {
    const code = e.kind === 'usage' ? EXIT.usage : EXIT.failure;
    const hint =
      e.kind === 'database'
        ? ' Vérifiez DATABASE_URL (ou le dossier PROACTIF_DATA_DIR) et relancez.'
        : e.kind === 'source_format'
          ? ' Corrigez ou faites renvoyer le fichier, puis relancez : rien de ce fichier n’a été importé.'
          : '';
    return { code, message: `${e.message}.${hint}`.replace(/\.\./g, '.') };
  }
  const err = e as { code?: string; message?: string };
  if (err?.code === 'commander.helpDisplayed' || err?.code === 'commander.version')
    return { code: EXIT.ok, message: '' };
  if (typeof err?.code === 'string' && err.code.startsWith('commander.')) return { code: EXIT.usage, message: '' };
  if (err?.code === 'ENOENT') return { code: EXIT.failure, message: `Fichier ou dossier introuvable : ${err.message}` };
  return { code: EXIT.failure, message: `Erreur inattendue : ${err?.message ?? String(e)}` };
}
