// codeGeneration / contextCodeGeneration: eval and wasm can be disallowed per context.
'use strict';
const vm = require('vm');

const WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

function check(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e.name, e.message);
  }
}

const open = vm.createContext({ WASM });
check('eval allowed', () => vm.runInContext('eval("1 + 1")', open));
check('wasm allowed', () => vm.runInContext('new WebAssembly.Module(WASM) instanceof WebAssembly.Module', open));

const noStrings = vm.createContext({}, { codeGeneration: { strings: false } });
check('eval', () => vm.runInContext('eval("1")', noStrings));
check('Function', () => vm.runInContext('new Function("return 1")()', noStrings));
check('EvalError realm', () => {
  const EvalErr = vm.runInContext('EvalError', noStrings);
  try {
    vm.runInContext('eval("x")', noStrings);
  } catch (e) {
    return [e instanceof EvalErr, e instanceof EvalError];
  }
});

const noWasm = vm.createContext({ WASM }, { codeGeneration: { wasm: false } });
check('wasm', () => vm.runInContext('new WebAssembly.Module(WASM)', noWasm));
check('eval still allowed', () => vm.runInContext('eval("2")', noWasm));
check('runInNewContext strings', () => vm.runInNewContext('eval("x")', {}, { contextCodeGeneration: { strings: false } }));
check('runInNewContext wasm', () => vm.runInNewContext('new WebAssembly.Module(WASM)', { WASM }, { contextCodeGeneration: { wasm: false } }));
check('main context unaffected', () => eval('3') + new WebAssembly.Module(WASM).constructor.name);
