// SHA-256 of files, on a thread of its own (see hash-off-thread.ts). Plain JavaScript: it needs
// no TypeScript loader, and starts in a few milliseconds. One file at a time, in the order asked:
// the file to be imported first is not slowed down by the ones after it.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';

// One buffer, read into again and again: a stream's fresh 1 MB buffer per read left up to 50 MB
// of dead buffers in this idle thread's heap (its garbage collector hardly ever runs), counted in
// the process's peak memory.
const buffer = Buffer.allocUnsafe(1024 * 1024);

async function hash(path) {
  const h = createHash('sha256');
  const file = await open(path, 'r');
  try {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      h.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
  return h.digest('hex');
}

let queue = Promise.resolve();
parentPort?.on('message', ({ seq, path }) => {
  queue = queue.then(async () => {
    try {
      parentPort?.postMessage({ seq, sha256: await hash(path) });
    } catch (e) {
      parentPort?.postMessage({ seq, error: e instanceof Error ? e.message : String(e) });
    }
  });
});
