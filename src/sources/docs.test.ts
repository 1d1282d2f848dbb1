import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractsMarkdown } from './docs.ts';

describe('docs/extracts.md', () => {
  it('is what the schemas generate (run `npm run docs` after changing a schema)', () => {
    const committed = readFileSync(new URL('../../docs/extracts.md', import.meta.url), 'utf8');
    expect(committed).toBe(extractsMarkdown());
  });
  it('documents every column with what it accepts', () => {
    const md = extractsMarkdown();
    expect(md).toContain('| `nir` | NIR : 15 caractères');
    expect(md).toContain(
      '| `statut_logement` | une valeur parmi : LOCATAIRE, PROPRIETAIRE, ACCEDANT, HEBERGE_GRATUIT, SANS_DOMICILE |',
    );
    expect(md).toContain('Each element of `ressources`:');
  });
});
