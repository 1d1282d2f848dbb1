import { createHash } from 'node:crypto';
import { parameters } from './parameters/index.ts';

/**
 * The version of the rules a decision was made with: the code version plus a digest of every
 * parameter value, so that a new legal value makes decisions re-evaluate.
 */
export const RULES_VERSION = `0.1.0+${createHash('sha256').update(JSON.stringify(parameters)).digest('hex').slice(0, 12)}`;
