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

  defineValue('global', globalThis);
  defineValue('process', process);

  const timers = requireBuiltin('timers');
  for (const name of ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
    'setImmediate', 'clearImmediate']) {
    defineValue(name, timers[name]);
  }
  defineValue('queueMicrotask', requireBuiltin('internal/process/task_queues').queueMicrotask);

  // internal/console keeps the inspector-only methods of V8's own console object, so V8's
  // object is back in place while the Node console is being built.
  const v8Console = globalThis.console;
  defineLazy('console', () => {
    defineValue('console', v8Console);
    return requireBuiltin('internal/console').createGlobalConsole();
  });
  defineLazy('Buffer', () => requireBuiltin('buffer').Buffer);
  defineLazy('atob', () => requireBuiltin('buffer').atob);
  defineLazy('btoa', () => requireBuiltin('buffer').btoa);
  defineLazy('Blob', () => requireBuiltin('buffer').Blob);
  defineLazy('File', () => requireBuiltin('buffer').File);
  defineLazy('URL', () => requireBuiltin('internal/url').URL);
  defineLazy('URLSearchParams', () => requireBuiltin('internal/url').URLSearchParams);
  defineLazy('TextEncoder', () => requireBuiltin('internal/encoding').TextEncoder);
  defineLazy('TextDecoder', () => requireBuiltin('internal/encoding').TextDecoder);
  defineLazy('AbortController', () => requireBuiltin('internal/abort_controller').AbortController);
  defineLazy('AbortSignal', () => requireBuiltin('internal/abort_controller').AbortSignal);
  defineLazy('Event', () => requireBuiltin('internal/event_target').Event);
  defineLazy('EventTarget', () => requireBuiltin('internal/event_target').EventTarget);
  defineLazy('CustomEvent', () => requireBuiltin('internal/event_target').CustomEvent);
  defineLazy('DOMException', () => requireBuiltin('internal/domexception').DOMException);
  defineLazy('structuredClone', () => requireBuiltin('internal/structured_clone').structuredClone);
  defineLazy('performance', () => requireBuiltin('internal/perf').performance);
  defineLazy('navigator', () => requireBuiltin('internal/perf').navigator);
}

module.exports = { setupGlobals };
