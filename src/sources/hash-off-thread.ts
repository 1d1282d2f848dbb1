import { Worker } from 'node:worker_threads';

type Pending = { resolve: (sha256: string) => void; reject: (e: Error) => void };

let worker: { thread: Worker; pending: Map<number, Pending>; seq: number } | null = null;

/**
 * `hashFile` on a thread of its own: when files are imported one after another, the next
 * file's hash is computed on the other core while this thread reads and validates the current
 * one (0.8 s of this thread's time for the 1 GB of 100 000 households). The thread is started
 * on first use and keeps the process alive only while a hash is in flight.
 */
export function hashFileOffThread(path: string): Promise<string> {
  if (!worker) {
    const thread = new Worker(new URL('./hash-worker.mjs', import.meta.url), {
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 16 },
    });
    const w = { thread, pending: new Map<number, Pending>(), seq: 0 };
    const fail = (e: Error) => {
      for (const p of w.pending.values()) p.reject(e);
      w.pending.clear();
      if (worker === w) worker = null;
      void thread.terminate();
    };
    thread.on('message', (m: { seq: number; sha256?: string; error?: string }) => {
      const p = w.pending.get(m.seq);
      w.pending.delete(m.seq);
      if (w.pending.size === 0) thread.unref();
      if (m.sha256) p?.resolve(m.sha256);
      else p?.reject(new Error(m.error ?? 'empreinte impossible'));
    });
    thread.on('error', fail);
    thread.on('exit', (code) => fail(new Error(`fil de calcul d'empreinte arrêté (code ${code})`)));
    worker = w;
  }
  const w = worker;
  const seq = w.seq++;
  if (w.pending.size === 0) w.thread.ref();
  return new Promise((resolve, reject) => {
    w.pending.set(seq, { resolve, reject });
    w.thread.postMessage({ seq, path });
  });
}
