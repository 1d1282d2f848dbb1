import { parentPort } from 'node:worker_threads';
import { type TextBatch, UnreadableFileError } from './read.ts';
import { EXTRACTS } from './registry.ts';
import { type BatchContext, validateBatch } from './validate-batch.ts';

/** A worker thread validating batches of records (see validate-pool.ts). */
parentPort?.on('message', (m: { seq: number; specIndex: number; context: BatchContext; batch: TextBatch }) => {
  try {
    const spec = EXTRACTS[m.specIndex];
    if (!spec) throw new Error(`extrait n° ${m.specIndex} inconnu`);
    const result = validateBatch(spec, m.context, m.batch);
    // The COPY bytes move to the main thread without a copy.
    parentPort?.postMessage({ seq: m.seq, result }, [result.copy.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort?.postMessage({ seq: m.seq, error: (e as Error).message, unreadable: e instanceof UnreadableFileError });
  }
});
