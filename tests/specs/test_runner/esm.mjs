// node:test from ESM: the default export, the named exports, and a test's location as
// a file: URL.
import test, { describe, it, mock, before } from 'node:test';
import * as namespace from 'node:test';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

console.log(Object.keys(namespace));
console.log(namespace.default === test, typeof describe, typeof it, typeof before, mock === test.mock);
const reporters = await import('node:test/reporters');
console.log(Object.keys(reporters));

const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const child = spawnSync(process.execPath, [`${dir}esm_child.mjs`], { encoding: 'utf8' });
console.log(child.status);
console.log(child.stdout.replace(/duration_ms:? [\d.e+-]+/g, 'duration_ms *')
  .split(dir).join('<fixtures>/')
  .split('\n').filter((line) => !/^\s+(at )?(async )?\S*.*(node:|<anonymous>|index \d)/.test(line) || line.includes('<fixtures>'))
  .join('\n'));
