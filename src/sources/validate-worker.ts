import { parentPort, workerData } from 'node:worker_threads';
import type { RawRecord } from './read.ts';
import { EXTRACTS } from './registry.ts';
import { type BatchContext, validateBatch } from './validate-batch.ts';

/** A worker thread validating batches of records for one file (see validate-pool.ts). */
const { specIndex, context } = workerData as { specIndex: number; context: BatchContext };
const spec = EXTRACTS[specIndex];
if (!spec) throw new Error(`extrait n° ${specIndex} inconnu`);
parentPort?.on('message', (m: { seq: number; records: RawRecord[] }) => {
  parentPort?.postMessage({ seq: m.seq, result: validateBatch(spec, context, m.records) });
});
