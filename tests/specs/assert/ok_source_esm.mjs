// assert.ok() source messages from an ES module (file: URL call sites).
import assert from 'assert';
try { assert.ok(1 > 2); } catch (e) { console.log(JSON.stringify(e.message)); }
try { assert(typeof 1 === 'string', undefined); } catch (e) { console.log(JSON.stringify(e.message)); }
