// vm.measureMemory (an isolate-wide estimate in rnode): the result shapes.
'use strict';
const vm = require('vm');

function shape(r) {
  return typeof r.jsMemoryEstimate === 'number' && r.jsMemoryRange.length === 2 &&
    r.jsMemoryRange.every((n) => typeof n === 'number');
}

// Keep the loop alive while V8 measures.
const keepAlive = setTimeout(() => {}, 5000);
(async () => {
  const summary = await vm.measureMemory({ execution: 'eager' });
  console.log(Object.keys(summary), shape(summary.total));
  const detailed = await vm.measureMemory({ mode: 'detailed', execution: 'eager' });
  console.log(Object.keys(detailed), shape(detailed.total), shape(detailed.current), detailed.other);
  console.log(vm.measureMemory({ mode: 'summary', execution: 'eager' }) instanceof Promise);
  clearTimeout(keepAlive);
})();
