import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashFileOffThread } from './hash-off-thread.ts';

const dir = mkdtempSync(join(tmpdir(), 'proactif-hash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('hashFileOffThread', () => {
  it('gives the SHA-256 of a file read in several pieces into one reused buffer, the last one partial', async () => {
    // 2.5 MB of varied bytes: two full 1 MB reads and a half one; a piece hashed twice, or a
    // stale end of the buffer hashed, changes the digest.
    const bytes = Buffer.alloc(2.5 * 1024 * 1024 + 7);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 11)) & 0xff;
    const path = join(dir, 'big.csv');
    writeFileSync(path, bytes);
    expect(await hashFileOffThread(path)).toBe(sha256(bytes));
  });

  it('gives the SHA-256 of an empty file, and of files asked one after the other', async () => {
    const empty = join(dir, 'empty.csv');
    const small = join(dir, 'small.csv');
    writeFileSync(empty, '');
    writeFileSync(small, 'a;b\n1;2\n');
    const [a, b] = await Promise.all([hashFileOffThread(empty), hashFileOffThread(small)]);
    expect(a).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(b).toBe(sha256(Buffer.from('a;b\n1;2\n')));
  });

  it('rejects for a file that does not exist', async () => {
    await expect(hashFileOffThread(join(dir, 'absent.csv'))).rejects.toThrow();
  });
});
