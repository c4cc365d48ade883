// os: exported functions and the types/shapes of their results (no machine values).
'use strict';
const os = require('os');

console.log(Object.keys(os));
for (const key of Object.keys(os)) {
  const v = os[key];
  if (typeof v === 'function') {
    console.log(key, `${v.name}/${v.length}`, typeof v[Symbol.toPrimitive]);
  }
}
for (const key of ['constants', 'EOL', 'devNull']) {
  const d = Object.getOwnPropertyDescriptor(os, key);
  console.log(key, d.enumerable, d.writable, d.configurable);
}
console.log(JSON.stringify(os.EOL), os.devNull, os.endianness(), `${os.endianness}`);
console.log(os.platform(), `${os.platform}`, os.arch() === process.arch, `${os.arch}` === process.arch);
console.log(os.type(), os.machine(), typeof os.release(), typeof os.version());
console.log(`${os.type}` === os.type(), `${os.release}` === os.release(), `${os.machine}` === os.machine());
console.log(typeof os.hostname(), os.hostname().length > 0, `${os.hostname}` === os.hostname());
console.log(typeof os.homedir(), os.homedir().startsWith('/'));
console.log(typeof os.uptime(), os.uptime() > 0);
console.log(typeof os.freemem(), typeof os.totalmem(), os.totalmem() >= os.freemem(), os.freemem() > 0);
console.log(Number.isInteger(os.availableParallelism()), os.availableParallelism() >= 1);
const load = os.loadavg();
console.log(Array.isArray(load), load.length, load.every((n) => typeof n === 'number' && n >= 0));
const cpus = os.cpus();
console.log(Array.isArray(cpus), cpus.length >= 1);
console.log(Object.keys(cpus[0]), Object.keys(cpus[0].times), typeof cpus[0].model, typeof cpus[0].speed,
  Object.values(cpus[0].times).every((n) => typeof n === 'number'));
const ifaces = os.networkInterfaces();
console.log(Object.getPrototypeOf(ifaces) === Object.prototype, Array.isArray(ifaces.lo));
const lo4 = ifaces.lo.find((e) => e.family === 'IPv4');
console.log(lo4);
for (const list of Object.values(ifaces)) {
  for (const entry of list) {
    const keys = Object.keys(entry).join();
    const expected = entry.family === 'IPv6' ? 'address,netmask,family,mac,internal,cidr,scopeid' :
      'address,netmask,family,mac,internal,cidr';
    if (keys !== expected) console.log('unexpected entry shape', keys);
    if (entry.cidr !== null && !entry.cidr.startsWith(`${entry.address}/`)) console.log('bad cidr', entry);
  }
}
console.log(typeof os.getPriority(), os.getPriority() === os.getPriority(0), os.getPriority(process.pid) === os.getPriority());
