// SHA-256 of files, on a thread of its own (see hash-off-thread.ts). Plain JavaScript: it needs
// no TypeScript loader, and starts in a few milliseconds. One file at a time, in the order asked:
// the file to be imported first is not slowed down by the ones after it.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parentPort } from 'node:worker_threads';

let queue = Promise.resolve();
parentPort?.on('message', ({ seq, path }) => {
  queue = queue.then(async () => {
    try {
      const h = createHash('sha256');
      for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) h.update(chunk);
      parentPort?.postMessage({ seq, sha256: h.digest('hex') });
    } catch (e) {
      parentPort?.postMessage({ seq, error: e instanceof Error ? e.message : String(e) });
    }
  });
});
