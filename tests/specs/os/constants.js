// os.constants: the Linux x64 values, null-prototype tables with read-only entries.
'use strict';
const os = require('os');
const { constants } = os;

console.log(Object.getPrototypeOf(constants), Object.keys(constants));
console.log(JSON.stringify(constants.signals));
console.log(JSON.stringify(constants.errno));
console.log(JSON.stringify(constants.priority));
console.log(JSON.stringify(constants.dlopen));
console.log(constants.UV_UDP_REUSEADDR, constants.signals.SIGINT, constants.signals.SIGTERM,
  constants.errno.ENOENT, constants.priority.PRIORITY_HIGHEST);
for (const table of ['signals', 'errno', 'priority', 'dlopen']) {
  console.log(table, Object.getPrototypeOf(constants[table]), Object.isFrozen(constants[table]),
    Object.getOwnPropertyDescriptor(constants, table).writable);
}
console.log(Object.getOwnPropertyDescriptor(constants.signals, 'SIGINT'));
console.log(Object.getOwnPropertyDescriptor(constants, 'UV_UDP_REUSEADDR'));
console.log(Reflect.set(constants.signals, 'SIGINT', 99), constants.signals.SIGINT);
try {
  constants.signals.SIGINT = 99;
} catch (err) {
  console.log(err.constructor.name);
}
console.log(Reflect.deleteProperty(constants.signals, 'SIGKILL'), 'SIGKILL' in constants.signals);
