import { Worker } from 'node:worker_threads';
import type { ExtractSpec } from './extract.ts';
import type { RawRecord } from './read.ts';
import { EXTRACTS } from './registry.ts';
import { type BatchContext, type BatchResult, validateBatch } from './validate-batch.ts';

/**
 * Validates batches of records, in worker threads when asked (the main thread then only reads
 * the file and feeds COPY: both cores busy), or inline. Results come back in submission order.
 */
export interface Validator {
  submit(records: RawRecord[]): Promise<BatchResult>;
  close(): Promise<void>;
}

export function inlineValidator(spec: ExtractSpec<never>, c: BatchContext): Validator {
  return { submit: async (records) => validateBatch(spec, c, records), close: async () => {} };
}

export function workerValidator(spec: ExtractSpec<never>, c: BatchContext, workers: number): Validator {
  const specIndex = EXTRACTS.indexOf(spec);
  const pending = new Map<number, { resolve: (r: BatchResult) => void; reject: (e: Error) => void }>();
  let failed: Error | null = null;
  const pool = Array.from({ length: workers }, () => {
    // Bounded heaps: the worker holds a few batches at a time, never the file.
    const w = new Worker(new URL('./validate-worker.mjs', import.meta.url), {
      workerData: { specIndex, context: c },
      resourceLimits: { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: 256 },
    });
    w.on('message', (m: { seq: number; result: BatchResult }) => {
      pending.get(m.seq)?.resolve(m.result);
      pending.delete(m.seq);
    });
    w.on('error', (e) => {
      failed = e;
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    });
    return w;
  });
  let seq = 0;
  return {
    submit(records) {
      if (failed) return Promise.reject(failed);
      const n = seq++;
      const worker = pool[n % pool.length] as Worker;
      return new Promise((resolve, reject) => {
        pending.set(n, { resolve, reject });
        worker.postMessage({ seq: n, records });
      });
    },
    async close() {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}
