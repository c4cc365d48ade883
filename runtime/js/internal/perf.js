// The `performance` and `navigator` globals: high-resolution time since process start,
// user timing marks and measures.
'use strict';

const timers = internalBinding('timers');
const timeOrigin = Date.now() - timers.hrtime();

class PerformanceEntry {
  constructor(name, entryType, startTime, duration, detail) {
    this.name = name;
    this.entryType = entryType;
    this.startTime = startTime;
    this.duration = duration;
    if (detail !== undefined) this.detail = detail;
  }
  toJSON() {
    return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration, detail: this.detail };
  }
}
class PerformanceMark extends PerformanceEntry {}
class PerformanceMeasure extends PerformanceEntry {}

const entries = [];

const performance = {
  now() { return timers.hrtime(); },
  get timeOrigin() { return timeOrigin; },
  mark(name, options = {}) {
    const entry = new PerformanceMark(`${name}`, 'mark', options.startTime ?? timers.hrtime(), 0, options.detail ?? null);
    entries.push(entry);
    return entry;
  },
  measure(name, startOrOptions, endMark) {
    const find = (m) => {
      if (m === undefined) return undefined;
      if (typeof m === 'number') return m;
      const e = entries.findLast((x) => x.name === m && x.entryType === 'mark');
      if (!e) {
        const { DOMException } = require('internal/domexception');
        throw new DOMException(`The "${m}" performance mark has not been set`, 'SyntaxError');
      }
      return e.startTime;
    };
    let start = 0;
    let end = timers.hrtime();
    let detail = null;
    if (startOrOptions !== null && typeof startOrOptions === 'object') {
      start = find(startOrOptions.start) ?? 0;
      end = find(startOrOptions.end) ?? end;
      detail = startOrOptions.detail ?? null;
    } else {
      start = find(startOrOptions) ?? 0;
      end = find(endMark) ?? end;
    }
    const entry = new PerformanceMeasure(`${name}`, 'measure', start, end - start, detail);
    entries.push(entry);
    return entry;
  },
  clearMarks(name) { remove('mark', name); },
  clearMeasures(name) { remove('measure', name); },
  getEntries() { return entries.slice(); },
  getEntriesByName(name, type) { return entries.filter((e) => e.name === name && (!type || e.entryType === type)); },
  getEntriesByType(type) { return entries.filter((e) => e.entryType === type); },
  toJSON() { return { timeOrigin, nodeTiming: {}, eventLoopUtilization: {} }; },
  [Symbol.toStringTag]: 'Performance',
};

function remove(type, name) {
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === type && (name === undefined || entries[i].name === name)) entries.splice(i, 1);
  }
}

const navigator = {
  hardwareConcurrency: require('os').availableParallelism(),
  language: 'en-US',
  platform: 'linux',
  userAgent: 'Node.js/21',
  [Symbol.toStringTag]: 'Navigator',
};

module.exports = { performance, navigator, PerformanceEntry, PerformanceMark, PerformanceMeasure };
