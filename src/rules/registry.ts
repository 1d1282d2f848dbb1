import type { RightDefinition } from './right.ts';
import { arsRight } from './rights/ars.ts';
import { aspaRight } from './rights/aspa.ts';
import { c2sRight } from './rights/c2s.ts';
import { ppaRight } from './rights/ppa.ts';
import { rsaRight } from './rights/rsa.ts';

/** Every right proactif computes, by id. */
export const RIGHTS: Readonly<Record<RightDefinition['id'], RightDefinition>> = {
  rsa: rsaRight,
  ppa: ppaRight,
  c2s: c2sRight,
  aspa: aspaRight,
  ars: arsRight,
};
