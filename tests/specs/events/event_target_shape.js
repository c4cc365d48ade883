// Property shapes and inspect output of Event, CustomEvent and EventTarget.
'use strict';
const { inspect } = require('util');

function describe(obj, label) {
  const out = [];
  for (const key of Reflect.ownKeys(obj)) {
    const d = Object.getOwnPropertyDescriptor(obj, key);
    let kind = d.get || d.set ? `${d.get ? 'get' : ''}${d.set ? 'set' : ''}` : typeof d.value;
    if (typeof d.value === 'function') kind += ` ${d.value.name}/${d.value.length}`;
    if (d.get) kind += ` ${d.get.name}`;
    const flags = `${d.enumerable ? 'E' : '-'}${d.writable ? 'W' : '-'}${d.configurable ? 'C' : '-'}`;
    out.push(`  ${String(key)} ${kind} ${flags}`);
  }
  console.log(`${label}\n${out.join('\n')}`);
}

describe(Event, 'Event');
describe(Event.prototype, 'Event.prototype');
describe(CustomEvent.prototype, 'CustomEvent.prototype');
describe(EventTarget, 'EventTarget');
for (const key of ['addEventListener', 'removeEventListener', 'dispatchEvent']) {
  const d = Object.getOwnPropertyDescriptor(EventTarget.prototype, key);
  console.log(key, d.enumerable, d.writable, d.configurable, d.value.length);
}
console.log(Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE);
console.log(Object.getPrototypeOf(CustomEvent) === Event);

const norm = (s) => s.replace(/timeStamp: [\d.e+-]+/g, 'timeStamp: <n>');
const ev = new Event('foo', { cancelable: true });
console.log(typeof ev.timeStamp, ev.timeStamp > 0);
console.log(norm(inspect(ev)));
console.log(inspect({ x: { y: ev } }, { depth: 0 }));
console.log(norm(inspect([[ev]], { depth: 1 })));
console.log(norm(inspect(new CustomEvent('c', { detail: { a: 1 } }))));
ev.preventDefault();
console.log(norm(inspect(ev, { breakLength: Infinity })));
const notCancelable = new Event('n');
notCancelable.preventDefault();
// inspect shows the raw canceled flag.
console.log(norm(inspect(notCancelable, { breakLength: Infinity })), notCancelable.defaultPrevented);
class MyEvent extends Event {}
console.log(norm(inspect(new MyEvent('m'), { breakLength: Infinity })));

const et = new EventTarget();
console.log(et, inspect(et, { depth: -1 }), [et], { a: { b: { c: et } } });
class MyTarget extends EventTarget {}
console.log(new MyTarget(), inspect(new MyTarget(), { depth: -1 }));
console.log(Object.prototype.toString.call(ev), Object.prototype.toString.call(et),
  Object.prototype.toString.call(new CustomEvent('x')));
console.log(Object.keys(ev), JSON.stringify(ev), Object.keys(et));
