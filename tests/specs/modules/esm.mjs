// ESM: packages with conditions, CJS named exports, JSON with attributes, dynamic import,
// import.meta, builtins.
import { kind } from 'pkg';
import cjs, { alpha, beta, gamma } from './fixtures/esm/named.cjs';
import data from './fixtures/data.json' with { type: 'json' };
import { join } from 'node:path';
import path from 'path';
import { basename } from 'path';
console.log(kind, alpha, beta, gamma, cjs);
console.log(data, join('a', 'b'), typeof path.resolve);
console.log(basename(import.meta.url), basename(import.meta.filename), basename(import.meta.dirname));
console.log(basename(import.meta.resolve('./fixtures/a.js')));
const dyn = await import('./fixtures/a.js');
console.log(dyn.default.name, dyn.name);
try { await import('./nope.mjs'); } catch (e) { console.log(e.code); }
try { await import('./fixtures/data.json'); } catch (e) { console.log(e.code); }
try { await import('pkg/private'); } catch (e) { console.log(e.code); }
