#!/usr/bin/env node
// npm run bench -- <name> [--households N] [...]: runs bench/<name>.ts, whose last output line is one JSON object.
import { existsSync } from 'node:fs';
import v8 from 'node:v8';
import { register } from 'tsx/esm/api';

// A batch process allocates many short-lived objects (parsed rows, situations): a larger young
// generation spends far less time in garbage collection (import of monthly resources: −20 %).
v8.setFlagsFromString('--max-semi-space-size=32');

const [name, ...args] = process.argv.slice(2);
const file = new URL(`../bench/${name}.ts`, import.meta.url);
if (!name || !existsSync(file)) {
  process.stderr.write(`usage : npm run bench -- <nom> --households N   (bancs : bench/*.ts)\n`);
  process.exit(2);
}
register();
const { main } = await import(file.href);
await main(args);
