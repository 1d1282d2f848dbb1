import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { readLineTexts, UnreadableFileError } from './read.ts';

const dir = mkdtempSync(join(tmpdir(), 'proactif-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function linesOf(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const b of readLineTexts(path, false, 1000)) out.push(...b.texts);
  return out;
}

// Lines of 1 to 4 bytes per character, of lengths that do not divide 32 kB: the text is decoded
// in pieces of at most 32 kB, and some cuts fall inside a character.
const lines = Array.from({ length: 6000 }, (_, i) => `${i};Lætitia d’Œuf ${'é’😀'.repeat(i % 7)};€${i % 13}`);

describe('readLineTexts decodes text in pieces without cutting a character', () => {
  it('reads back every line of a UTF-8 file of 300 kB', async () => {
    const path = join(dir, 'utf8.jsonl');
    writeFileSync(path, `${lines.join('\n')}\n`);
    expect(await linesOf(path)).toEqual(lines);
  });

  it('reads back every line of a windows-1252 file (€ and ’ as single bytes)', async () => {
    const latin = lines.map((l) => l.replace(/😀/g, 'x'));
    const path = join(dir, 'cp1252.jsonl');
    writeFileSync(path, iconv.encode(`${latin.join('\r\n')}\r\n`, 'win1252'));
    expect(await linesOf(path)).toEqual(latin);
  });
});

describe('readLineTexts on a file without line breaks', () => {
  it('refuses it past a million characters rather than holding it whole as one line', async () => {
    const path = join(dir, 'cr-only.jsonl');
    writeFileSync(path, '{"a":1}\r'.repeat(200_000));
    await expect(linesOf(path)).rejects.toThrow(UnreadableFileError);
  });
});
