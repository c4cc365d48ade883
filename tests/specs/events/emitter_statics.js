// The events module's own properties and static helpers.
'use strict';
const events = require('events');
const { EventEmitter } = events;

console.log(events === EventEmitter, events.EventEmitter === events);
console.log(Object.keys(events));
for (const key of Object.getOwnPropertyNames(events)) {
  const desc = Object.getOwnPropertyDescriptor(events, key);
  const kind = 'value' in desc ? typeof desc.value : 'accessor';
  console.log(key, kind, desc.enumerable, desc.configurable, desc.writable);
}
console.log(events.errorMonitor, events.captureRejectionSymbol === Symbol.for('nodejs.rejection'));
console.log(events.kMaxEventTargetListeners, events.kMaxEventTargetListenersWarned);
console.log(events.usingDomains, events.defaultMaxListeners, events.captureRejections);
for (const key of Object.getOwnPropertyNames(EventEmitter.prototype)) {
  const value = EventEmitter.prototype[key];
  console.log('proto', key, typeof value === 'function' ? `${value.name}/${value.length}` : value);
}
console.log(EventEmitter.prototype.on === EventEmitter.prototype.addListener,
  EventEmitter.prototype.off === EventEmitter.prototype.removeListener);
for (const name of ['once', 'on', 'getEventListeners', 'getMaxListeners', 'setMaxListeners',
  'init', 'listenerCount', 'addAbortListener']) {
  console.log('static', name, JSON.stringify(events[name].name), events[name].length);
}

const e = new EventEmitter();
const f = () => {};
e.on('a', f);
e.once('a', f);
console.log(events.listenerCount(e, 'a'), events.listenerCount({ listenerCount: () => 42 }, 'a'));
console.log(events.getEventListeners(e, 'a').length, events.getEventListeners(e, 'a')[1] === f);
console.log(events.getMaxListeners(e));
e.setMaxListeners(4);
console.log(events.getMaxListeners(e));
events.setMaxListeners(7, e);
console.log(e.getMaxListeners());
events.setMaxListeners(3);
console.log(events.defaultMaxListeners, new EventEmitter().getMaxListeners());
events.setMaxListeners();
console.log(events.defaultMaxListeners);

const et = new EventTarget();
et.addEventListener('x', f);
et.addEventListener('x', { handleEvent() {} });
console.log(events.getEventListeners(et, 'x').length, events.getEventListeners(et, 'y'));
console.log(events.getMaxListeners(et));
events.setMaxListeners(2, et);
console.log(events.getMaxListeners(et));

// Old-style subclassing with EventEmitter.call(this).
function Legacy() {
  EventEmitter.call(this);
}
Object.setPrototypeOf(Legacy.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Legacy, EventEmitter);
const legacy = new Legacy();
legacy.on('hi', () => console.log('legacy hi'));
legacy.emit('hi');
console.log(legacy);

class Modern extends EventEmitter {}
const modern = new Modern({ captureRejections: true });
console.log(modern);

// An object created from the prototype without the constructor.
const bare = Object.create(EventEmitter.prototype);
console.log(bare.listeners('x'), bare.emit('x'), bare.eventNames(), bare.listenerCount('x'));
bare.on('x', f);
console.log(bare._eventsCount, bare.listenerCount('x'));
