import { Worker } from 'node:worker_threads';
import type { ExtractSpec } from './extract.ts';
import { type TextBatch, UnreadableFileError } from './read.ts';
import { EXTRACTS } from './registry.ts';
import { type BatchContext, type BatchResult, validateBatch } from './validate-batch.ts';

/**
 * Validates batches of records, in worker threads when asked (the main thread then only reads
 * the file and feeds COPY: every core busy), or inline. Results come back in submission order
 * when awaited in that order.
 */
export interface Validator {
  submit(batch: TextBatch): Promise<BatchResult>;
}

export function inlineValidator(spec: ExtractSpec<never>, c: BatchContext): Validator {
  return { submit: async (batch) => validateBatch(spec, c, batch) };
}

type Pending = { resolve: (r: BatchResult) => void; reject: (e: Error) => void };

interface Pool {
  readonly workers: Worker[];
  readonly pending: Map<number, Pending>;
  busy: number;
  seq: number;
}

let pool: Pool | null = null;

/**
 * The worker threads, started once per process and kept for the next files (starting one costs
 * about 0.3 s): they keep the process alive only while a batch is in flight.
 */
function workerPool(size: number): Pool {
  if (pool && pool.workers.length === size) return pool;
  if (pool) for (const w of pool.workers) void w.terminate();
  const p: Pool = { workers: [], pending: new Map(), busy: 0, seq: 0 };
  const fail = (e: Error) => {
    for (const r of p.pending.values()) r.reject(e);
    p.pending.clear();
    if (pool === p) pool = null;
    for (const w of p.workers) void w.terminate();
  };
  for (let i = 0; i < size; i++) {
    // Bounded heaps: a worker holds a few batches at a time, never the file.
    const w = new Worker(new URL('./validate-worker.mjs', import.meta.url), {
      resourceLimits: { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 256 },
    });
    w.unref();
    w.on('message', (m: { seq: number; result?: BatchResult; error?: string; unreadable?: boolean }) => {
      const r = p.pending.get(m.seq);
      p.pending.delete(m.seq);
      if (p.pending.size === 0) for (const x of p.workers) x.unref();
      if (!r) return;
      if (m.result) r.resolve(m.result);
      else r.reject(m.unreadable ? new UnreadableFileError(m.error) : new Error(m.error));
    });
    w.on('error', fail);
    w.on('exit', (code) => {
      if (p.pending.size) fail(new Error(`fil de validation arrêté (code ${code})`));
    });
    p.workers.push(w);
  }
  pool = p;
  return p;
}

/** Validation in `workers` threads, batches dealt in turn. */
export function workerValidator(spec: ExtractSpec<never>, context: BatchContext, workers: number): Validator {
  const specIndex = EXTRACTS.indexOf(spec);
  return {
    submit(batch) {
      const p = workerPool(workers);
      const n = p.seq++;
      const worker = p.workers[n % p.workers.length] as Worker;
      if (p.pending.size === 0) for (const x of p.workers) x.ref();
      return new Promise((resolve, reject) => {
        p.pending.set(n, { resolve, reject });
        worker.postMessage({ seq: n, specIndex, context, batch });
      });
    },
  };
}
