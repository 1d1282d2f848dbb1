import { writeFileSync } from 'node:fs';
import { extractsMarkdown } from '../src/sources/docs.ts';

writeFileSync(new URL('../docs/extracts.md', import.meta.url), extractsMarkdown());
process.stdout.write('docs/extracts.md écrit\n');
