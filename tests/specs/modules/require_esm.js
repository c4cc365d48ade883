// require() of an ES module is ERR_REQUIRE_ESM in Node 21; import() from CJS works.
try { require('./node_modules/pkg/lib/esm.mjs'); } catch (e) { console.log(e.code); }
import('./node_modules/pkg/lib/esm.mjs').then((ns) => console.log(ns.kind));
