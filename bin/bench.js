#!/usr/bin/env node
// npm run bench -- <name> [--households N] [...]: runs bench/<name>.ts, whose last output line is one JSON object.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

// Node's defaults, as `proactif` runs (see bin/proactif.js on the young generation).
const [name, ...args] = process.argv.slice(2);
const file = new URL(`../bench/${name}.ts`, import.meta.url);
if (!name || !existsSync(file)) {
  process.stderr.write(`usage : npm run bench -- <nom> --households N   (bancs : bench/*.ts)\n`);
  process.exit(2);
}
register();
const { main } = await import(file.href);
await main(args);
