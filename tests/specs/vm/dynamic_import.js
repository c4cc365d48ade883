// import() inside vm code: no callback, the main context's loader, and callbacks without
// --experimental-vm-modules.
'use strict';
const vm = require('vm');
const { USE_MAIN_CONTEXT_DEFAULT_LOADER } = vm.constants;

(async () => {
  for (const [label, run] of [
    ['script', () => new vm.Script('import("fs")').runInThisContext()],
    ['new context', () => vm.runInNewContext('import("fs")')],
    ['compileFunction', () => vm.compileFunction('return import("fs")')()],
    ['callback without flag', () => new vm.Script('import("fs")', { importModuleDynamically() {} }).runInThisContext()],
    ['default loader', () => new vm.Script('import("path")', { importModuleDynamically: USE_MAIN_CONTEXT_DEFAULT_LOADER }).runInThisContext()],
    ['relative', () => new vm.Script('import("./fixtures/answer.mjs")', { filename: __filename, importModuleDynamically: USE_MAIN_CONTEXT_DEFAULT_LOADER }).runInThisContext()],
  ]) {
    try {
      const ns = await run();
      console.log(label, 'loaded', typeof ns.join, ns.answer);
    } catch (e) {
      console.log(label, e.name, e.code, e.message);
    }
  }
  console.log('plain import', (await import('./fixtures/answer.mjs')).answer);
})();
