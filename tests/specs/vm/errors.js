// Argument validation errors of the vm module.
'use strict';
const vm = require('vm');

function check(label, fn) {
  try {
    fn();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

check('createContext string', () => vm.createContext('nope'));
check('createContext null', () => vm.createContext(null));
check('createContext options', () => vm.createContext({}, 1));
check('name', () => vm.createContext({}, { name: 1 }));
check('origin', () => vm.createContext({}, { origin: 1 }));
check('codeGeneration', () => vm.createContext({}, { codeGeneration: null }));
check('codeGeneration.strings', () => vm.createContext({}, { codeGeneration: { strings: 0 } }));
check('codeGeneration.wasm', () => vm.createContext({}, { codeGeneration: { wasm: 'no' } }));
check('microtaskMode', () => vm.createContext({}, { microtaskMode: 'never' }));
check('runInContext {}', () => vm.runInContext('1', {}));
check('runInContext 0', () => vm.runInContext('1', 0));
check('Script.runInContext', () => new vm.Script('1').runInContext([]));
check('isContext', () => vm.isContext('x'));
check('timeout 0', () => vm.runInThisContext('1', { timeout: 0 }));
check('timeout string', () => vm.runInThisContext('1', { timeout: '1' }));
check('timeout float', () => vm.runInThisContext('1', { timeout: 1.5 }));
check('displayErrors', () => vm.runInThisContext('1', { displayErrors: 1 }));
check('breakOnSigint', () => vm.runInThisContext('1', { breakOnSigint: 'y' }));
check('run options', () => new vm.Script('1').runInThisContext(null));
check('filename', () => new vm.Script('1', { filename: 1 }));
check('lineOffset', () => new vm.Script('1', { lineOffset: 1.5 }));
check('columnOffset', () => new vm.Script('1', { columnOffset: 2 ** 31 }));
check('cachedData', () => new vm.Script('1', { cachedData: 'data' }));
check('produceCachedData', () => new vm.Script('1', { produceCachedData: 1 }));
check('importModuleDynamically', () => new vm.Script('1', { importModuleDynamically: 'x' }));
check('script options', () => new vm.Script('1', 5));
check('contextName', () => vm.runInNewContext('1', {}, { contextName: 5 }));
check('contextOrigin', () => vm.runInNewContext('1', {}, { contextOrigin: 5 }));
check('contextCodeGeneration', () => vm.runInNewContext('1', {}, { contextCodeGeneration: 5 }));
check('contextCodeGeneration.wasm', () => vm.runInNewContext('1', {}, { contextCodeGeneration: { wasm: 1 } }));
check('ctx microtaskMode', () => vm.runInNewContext('1', {}, { microtaskMode: 5 }));
check('runInNewContext null', () => vm.runInNewContext('1', null, 'x.js'));
check('compileFunction code', () => vm.compileFunction(5));
check('compileFunction params', () => vm.compileFunction('', 'a'));
check('compileFunction params[0]', () => vm.compileFunction('', [1]));
check('compileFunction options', () => vm.compileFunction('', [], null));
check('compileFunction parsingContext', () => vm.compileFunction('', [], { parsingContext: {} }));
check('compileFunction contextExtensions', () => vm.compileFunction('', [], { contextExtensions: {} }));
check('compileFunction contextExtensions[0]', () => vm.compileFunction('', [], { contextExtensions: [1] }));
check('compileFunction lineOffset', () => vm.compileFunction('', [], { lineOffset: -2147483649 }));
check('compileFunction cachedData', () => vm.compileFunction('', [], { cachedData: 'x' }));
check('compileFunction syntax', () => vm.compileFunction('return ('));
check('measureMemory null', () => vm.measureMemory(null));
check('measureMemory mode', () => vm.measureMemory({ mode: 'everything' }));
check('measureMemory execution', () => vm.measureMemory({ execution: 'lazy' }));
check('toString throws', () => new vm.Script({ toString() { throw new Error('from toString'); } }));
check('getter throws', () => new vm.Script('', { get filename() { throw new Error('xyz'); } }));
