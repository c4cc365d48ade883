// Timers and immediates. JS keeps one list per duration (timers of equal duration expire in
// insertion order) and a binary heap of lists by expiry; Rust keeps a single native timer
// for the earliest expiry and calls processTimers(now) in the loop's timers phase, and
// processImmediate() in the check phase.
'use strict';

const binding = internalBinding('timers');
const { runNextTicks } = require('internal/process/task_queues');

const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');

let nextAsyncId = 1;
let timerRefCount = 0;
let nextExpiry = Infinity;
let listIdCounter = 0;

// Binary min-heap of TimersList by (expiry, id).
const heap = [];
const lists = new Map(); // msecs -> TimersList
const knownTimersById = new Map();

// Installed by the domain module once a Domain exists: timers and immediates then remember
// the active domain and re-enter it around their callback. While null (no domains in use)
// the timer paths do no domain work.
let domainHooks = null;
function setDomainHooks(hooks) {
  domainHooks = hooks;
}

function less(a, b) {
  return a.expiry < b.expiry || (a.expiry === b.expiry && a.id < b.id);
}

function heapSwap(i, j) {
  const t = heap[i];
  heap[i] = heap[j];
  heap[j] = t;
  heap[i].heapIndex = i;
  heap[j].heapIndex = j;
}

function heapUp(i) {
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!less(heap[i], heap[p])) break;
    heapSwap(i, p);
    i = p;
  }
}

function heapDown(i) {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < heap.length && less(heap[l], heap[m])) m = l;
    if (r < heap.length && less(heap[r], heap[m])) m = r;
    if (m === i) break;
    heapSwap(i, m);
    i = m;
  }
}

function heapPush(list) {
  list.heapIndex = heap.length;
  heap.push(list);
  heapUp(list.heapIndex);
}

function heapRemove(list) {
  const i = list.heapIndex;
  const last = heap.pop();
  if (last !== list) {
    heap[i] = last;
    last.heapIndex = i;
    heapDown(i);
    heapUp(i);
  }
  list.heapIndex = -1;
}

class TimersList {
  constructor(expiry, msecs) {
    this.expiry = expiry;
    this.msecs = msecs;
    this.id = listIdCounter++;
    this.timers = new Set(); // insertion-ordered
    this.heapIndex = -1;
  }
}

function getLibuvNow() {
  return binding.getLibuvNow();
}

function incRefCount() {
  if (timerRefCount++ === 0) binding.toggleTimerRef(true);
}

function decRefCount() {
  if (--timerRefCount === 0) binding.toggleTimerRef(false);
}

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after *= 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX) {
        process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
          '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._idlePrev = this;
    this._idleNext = this;
    this._idleStart = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    this._list = null;
    this.asyncId = nextAsyncId++;
    if (isRefed) incRefCount();
    if (domainHooks !== null) domainHooks.init(this, true);
  }

  refresh() {
    if (this[kRefed] !== null && !this._destroyed) insert(this, this._idleTimeout);
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) decRefCount();
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) incRefCount();
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  close() {
    clearTimeout(this);
    return this;
  }

  [Symbol.toPrimitive]() {
    const id = this.asyncId;
    if (!this[kHasPrimitive]) {
      this[kHasPrimitive] = true;
      knownTimersById.set(id, this);
    }
    return id;
  }
}

// Links `item` to the list for its duration, (re)starting its clock now.
function insert(item, msecs, start = getLibuvNow()) {
  unlink(item);
  item._idleStart = start;
  let list = lists.get(msecs);
  if (list === undefined) {
    const expiry = start + msecs;
    list = new TimersList(expiry, msecs);
    lists.set(msecs, list);
    heapPush(list);
    if (expiry < nextExpiry) {
      binding.scheduleTimer(msecs);
      nextExpiry = expiry;
    }
  }
  list.timers.add(item);
  item._list = list;
}

function unlink(item) {
  const list = item._list;
  if (list !== null && list !== undefined) {
    list.timers.delete(item);
    item._list = null;
    if (list.timers.size === 0 && list.heapIndex !== -1 && lists.get(list.msecs) === list) {
      lists.delete(list.msecs);
      heapRemove(list);
    }
  }
}

function unenroll(item) {
  if (item._destroyed) return;
  item._destroyed = true;
  if (item[kHasPrimitive]) knownTimersById.delete(item.asyncId);
  if (item[kRefed]) decRefCount();
  unlink(item);
  item._idleTimeout = -1;
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    unenroll(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const t = knownTimersById.get(+timer);
    if (t !== undefined) {
      t._onTimeout = null;
      unenroll(t);
    }
  }
}

function processTimers(now) {
  nextExpiry = Infinity;
  let ranAtLeastOne = false;
  let list;
  while ((list = heap[0]) !== undefined) {
    if (list.expiry > now) {
      nextExpiry = list.expiry;
      return timerRefCount > 0 ? nextExpiry : -nextExpiry;
    }
    // Run the expired timers of this list in insertion order.
    for (const timer of list.timers) {
      const msecs = list.msecs;
      const diff = now - timer._idleStart;
      if (diff < msecs) {
        // The rest of this list expires later: move the list in the heap.
        list.expiry = Math.max(timer._idleStart + msecs, now + 1);
        list.id = listIdCounter++;
        heapDown(0);
        break;
      }
      if (ranAtLeastOne) runNextTicks();
      else ranAtLeastOne = true;
      list.timers.delete(timer);
      timer._list = null;
      if (!timer._onTimeout) {
        if (!timer._destroyed) {
          timer._destroyed = true;
          if (timer[kRefed]) decRefCount();
        }
        continue;
      }
      let threw = true;
      try {
        const args = timer._timerArgs;
        // On a throw the domain stays entered: the uncaught-exception path hands the error
        // to it and then clears the domain stack.
        const domain = domainHooks !== null ? domainHooks.before(timer) : undefined;
        if (args === undefined) timer._onTimeout();
        else timer._onTimeout(...args);
        if (domain !== undefined) domainHooks.after(domain);
        threw = false;
      } finally {
        if (timer._repeat && timer._idleTimeout !== -1) {
          timer._idleTimeout = timer._repeat;
          insert(timer, timer._idleTimeout, now);
        } else if (timer._list === null && !timer._destroyed) {
          // Not re-armed by refresh() inside the callback.
          timer._destroyed = true;
          if (timer[kHasPrimitive]) knownTimersById.delete(timer.asyncId);
          if (timer[kRefed]) decRefCount();
        }
        if (threw) cleanupEmptyList(list);
      }
    }
    cleanupEmptyList(list);
  }
  return 0;
}

function cleanupEmptyList(list) {
  if (list.timers.size === 0 && list.heapIndex !== -1 && lists.get(list.msecs) === list) {
    lists.delete(list.msecs);
    heapRemove(list);
  }
}

// ---- Immediates ---------------------------------------------------------------------------

class ImmediateList {
  constructor() {
    this.head = null;
    this.tail = null;
  }
  append(item) {
    if (this.tail !== null) {
      this.tail._idleNext = item;
      item._idlePrev = this.tail;
    } else {
      this.head = item;
    }
    this.tail = item;
  }
  remove(item) {
    if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
    if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
    if (item === this.head) this.head = item._idleNext;
    if (item === this.tail) this.tail = item._idlePrev;
    item._idleNext = null;
    item._idlePrev = null;
  }
}

const immediateQueue = new ImmediateList();
let immediateCount = 0;
let immediateRefCount = 0;

function syncImmediateCounts() {
  binding.setImmediateCounts(immediateCount, immediateRefCount);
}

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = false;
    this.ref();
    immediateCount++;
    immediateQueue.append(this);
    syncImmediateCounts();
    if (domainHooks !== null) domainHooks.init(this, true);
  }

  ref() {
    if (this[kRefed] === false) {
      this[kRefed] = true;
      immediateRefCount++;
      syncImmediateCounts();
    }
    return this;
  }

  unref() {
    if (this[kRefed] === true) {
      this[kRefed] = false;
      immediateRefCount--;
      syncImmediateCounts();
    }
    return this;
  }

  hasRef() {
    return !!this[kRefed];
  }
}

let outstandingQueue = null;
let outstandingReported = false;

// Tells the loop whether a batch was cut short by a throw: it then calls
// processImmediate() again in the same check phase, as Node does.
function setOutstanding(queue) {
  outstandingQueue = queue;
  const has = queue !== null;
  if (has !== outstandingReported) {
    outstandingReported = has;
    binding.setImmediateOutstanding(has);
  }
}

function processImmediate() {
  // Immediates queued while this runs wait for the next loop iteration.
  const queue = outstandingQueue !== null ? outstandingQueue : { head: immediateQueue.head, tail: immediateQueue.tail };
  if (outstandingQueue === null) {
    immediateQueue.head = immediateQueue.tail = null;
  }
  let immediate = queue.head;
  if (immediate !== null) immediate._idlePrev = null;
  let ranAtLeastOne = false;
  while (immediate !== null) {
    if (immediate._destroyed) {
      setOutstanding(null);
      immediate = immediate._idleNext;
      continue;
    }
    if (ranAtLeastOne) runNextTicks();
    else ranAtLeastOne = true;
    // The callback may have cleared this immediate in a tick.
    if (immediate._destroyed) {
      immediate = immediate._idleNext;
      continue;
    }
    immediate._destroyed = true;
    immediateCount--;
    if (immediate[kRefed]) immediateRefCount--;
    immediate[kRefed] = null;
    syncImmediateCounts();
    const next = immediate._idleNext;
    // If the callback throws, the rest of this batch runs in the next call.
    setOutstanding(next !== null ? { head: next, tail: queue.tail } : null);
    const argv = immediate._argv;
    const cb = immediate._onImmediate;
    immediate._onImmediate = null;
    const domain = domainHooks !== null ? domainHooks.before(immediate) : undefined;
    if (argv === undefined) cb();
    else cb(...argv);
    if (domain !== undefined) domainHooks.after(domain);
    immediate = next;
  }
  setOutstanding(null);
}

function clearImmediate(immediate) {
  if (!immediate || immediate._destroyed) return;
  immediateCount--;
  immediate._destroyed = true;
  if (immediate[kRefed]) immediateRefCount--;
  immediate[kRefed] = null;
  syncImmediateCounts();
  immediate._onImmediate = null;
  if (outstandingQueue !== null && outstandingQueue.head === immediate) {
    outstandingQueue.head = immediate._idleNext;
  } else {
    immediateQueue.remove(immediate);
  }
}

// Validates a legacy enroll() duration like Node: finite, non-negative, clamped to TIMEOUT_MAX.
function getTimerDuration(msecs, name) {
  const { codes } = require('internal/errors');
  require('internal/validators').validateNumber(msecs, name);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw new codes.ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
      `\nTimer duration was truncated to ${TIMEOUT_MAX}.`, 'TimeoutOverflowWarning');
    return TIMEOUT_MAX;
  }
  return msecs;
}

function enroll(item, msecs) {
  msecs = getTimerDuration(msecs, 'msecs');
  if (item._idleTimeout) unenrollLegacy(item);
  item._idleTimeout = msecs;
}

// unenroll() for objects given to enroll(): a later active() must not re-arm them.
function unenrollLegacy(item) {
  if (item._destroyed) return;
  item._destroyed = true;
  if (item[kHasPrimitive]) knownTimersById.delete(item.asyncId);
  unlink(item);
  if (item[kRefed]) decRefCount();
  item[kRefed] = null;
  item._idleTimeout = -1;
}

// active()/_unrefActive(): (re)start an enrolled object's timer, ref'd or not.
function insertGuarded(item, refed) {
  const msecs = item._idleTimeout;
  if (msecs < 0 || msecs === undefined) return;
  insert(item, msecs);
  const wasDestroyed = item._destroyed;
  if (wasDestroyed || item._list === undefined) item._destroyed = false;
  if (wasDestroyed || item[kRefed] === undefined || item[kRefed] === null) {
    if (refed) incRefCount();
  } else if (refed !== item[kRefed]) {
    if (refed) incRefCount();
    else decRefCount();
  }
  item[kRefed] = refed;
}

function activeCounts() {
  return { timerRefCount, immediateRefCount };
}

module.exports = {
  activeCounts,
  TIMEOUT_MAX,
  enroll,
  unenrollLegacy,
  insertGuarded,
  Timeout,
  Immediate,
  insert,
  unenroll,
  clearTimeout,
  clearImmediate,
  processTimers,
  processImmediate,
  getLibuvNow,
  kRefed,
  knownTimersById,
  setDomainHooks,
};
