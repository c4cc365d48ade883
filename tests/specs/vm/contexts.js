// Contextified objects: property forwarding between a sandbox and its context's global.
'use strict';
const vm = require('vm');

const sandbox = { x: 3, nested: { n: 1 } };
const ctx = vm.createContext(sandbox);
console.log(ctx === sandbox, vm.isContext(sandbox), vm.isContext({}));
console.log(vm.runInContext('x + nested.n', ctx));
vm.runInContext('y = 4; var z = 5; function f() { return 6; }', ctx);
console.log(sandbox.y, sandbox.z, typeof sandbox.f, Object.keys(sandbox));
vm.runInContext('this.w = 7', ctx);
console.log(sandbox.w);
sandbox.fromOutside = 'hi';
console.log(vm.runInContext('fromOutside', ctx));

// The context's global is not the sandbox, but references to the sandbox read as the global.
const global = vm.runInContext('this', ctx);
console.log(global === sandbox, vm.runInContext('globalThis === this', ctx));
sandbox.self = sandbox;
console.log(vm.runInContext('self === this', ctx));

// Built-ins come from the new context.
console.log(vm.runInContext('Array', ctx) === Array, typeof vm.runInContext('Array', ctx));
console.log(vm.runInContext('[1, 2]', ctx) instanceof Array, Array.isArray(vm.runInContext('[1, 2]', ctx)));

// Accessors on the sandbox run on access.
const acc = {};
let stored;
Object.defineProperty(acc, 'getter', { get() { return 'ok'; } });
Object.defineProperty(acc, 'setter', { set(v) { stored = v; }, get() { return `ok=${stored}`; } });
vm.createContext(acc);
console.log(vm.runInContext('setter = "test"; [getter, setter]', acc));

// Descriptors seen from inside mirror the sandbox's.
const desc = {};
Object.defineProperty(desc, 'frozen', { value: 'v', enumerable: false });
vm.createContext(desc);
console.log(vm.runInContext('Object.getOwnPropertyDescriptor(this, "frozen")', desc));
vm.runInContext('frozen = "changed"', desc);
console.log(desc.frozen);
try {
  vm.runInContext('"use strict"; frozen = "changed"', desc);
} catch (e) {
  console.log(e.name, e.message);
}

// defineProperty and delete inside the context reach the sandbox.
const def = {};
vm.createContext(def);
vm.runInContext('Object.defineProperty(this, "d", { value: 1, enumerable: true, configurable: true })', def);
console.log(Object.getOwnPropertyDescriptor(def, 'd'));
vm.runInContext('Object.defineProperty(this, 99, { value: 20, enumerable: true })', def);
console.log(def[99]);
console.log(vm.runInContext('delete this.d; typeof d', def), 'd' in def);
const nd = {};
Object.defineProperty(nd, 'b', { value: 1, configurable: false });
vm.createContext(nd);
console.log(vm.runInContext('delete b', nd));

// Inherited sandbox properties are visible; assignments create own properties.
const base = { inherited: 1 };
const child = Object.create(base);
vm.createContext(child);
console.log(vm.runInContext('inherited', child));
vm.runInContext('inherited = 2', child);
console.log(Object.keys(child), base.inherited);

// Symbols and arrays.
const sym = Symbol('s');
const symbox = { [sym]: 'symbol value', sym };
vm.createContext(symbox);
console.log(vm.runInContext('this[sym]', symbox));
const arr = [10, 20, 30];
vm.createContext(arr);
console.log(vm.runInContext('this[1] + this.length', arr));

// Contextifying the same object twice keeps one context.
const twice = {};
vm.createContext(twice);
vm.runInContext('var kept = 1', twice);
vm.createContext(twice);
console.log(vm.runInContext('typeof kept', twice));

// Errors thrown inside keep their realm.
try {
  vm.runInContext('throw new TypeError("inner")', vm.createContext({}));
} catch (e) {
  console.log(e instanceof TypeError, e.name, e.message, Object.prototype.toString.call(e));
}
const OtherError = vm.runInNewContext('Error');
console.log(OtherError === Error, new OtherError('x') instanceof Error);

// A proxy as sandbox.
console.log(vm.runInNewContext('typeof String', new Proxy({}, {})));
console.log(vm.runInNewContext('answer', new Proxy({}, { get: (t, k) => (k === 'answer' ? 42 : undefined), has: () => true })));
