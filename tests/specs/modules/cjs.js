// CommonJS: cycles, JSON, packages with exports conditions, require.resolve, cache, errors.
const path = require('path');
const a = require('./fixtures/a');
console.log(a, require('./fixtures/b').sawPartialA);
console.log(require('./fixtures/data.json'));
console.log(require('pkg'), require('pkg/feature'));
console.log(path.relative(__dirname, require.resolve('pkg')));
console.log(require.resolve('fs'), require.resolve('node:fs'));
console.log(require.cache[require.resolve('./fixtures/a')].loaded);
console.log(require.main === module, typeof module.paths, path.basename(__filename), path.basename(__dirname));
try { require('pkg/private'); } catch (e) { console.log(e.code); }
try { require('./nope'); } catch (e) { console.log(e.code, e.message.split('\n')[0]); }
try { require('node:nope'); } catch (e) { console.log(e.code); }
const { createRequire, builtinModules, isBuiltin } = require('module');
const req = createRequire(__filename);
console.log(req('./fixtures/data.json').value, builtinModules.includes('fs'), isBuiltin('node:path'), isBuiltin('nope'));
