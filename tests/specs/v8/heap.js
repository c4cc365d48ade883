'use strict';
// v8 heap statistics, snapshots, flags, the GC profiler and the snapshot/coverage stubs.
// Numbers differ between V8 builds, so only shapes and types are printed.
const v8 = require('v8');
const fs = require('fs');
const os = require('os');
const path = require('path');

function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, JSON.stringify(e.message), e.code);
  }
}
const types = (o) => Object.entries(o).map(([k, v]) => `${k}:${typeof v}`).join(' ');

console.log(Object.keys(v8));
const heap = v8.getHeapStatistics();
console.log(types(heap));
console.log(heap.used_heap_size > 0, heap.heap_size_limit >= heap.total_heap_size,
            heap.does_zap_garbage === 0 || heap.does_zap_garbage === 1);
const spaces = v8.getHeapSpaceStatistics();
console.log(Array.isArray(spaces), spaces.length > 5, types(spaces[0]));
console.log(spaces.every((s) => typeof s.space_name === 'string' && s.space_size >= s.space_used_size));
console.log(['new_space', 'old_space', 'code_space', 'large_object_space'].every(
  (n) => spaces.some((s) => s.space_name === n)));
console.log(types(v8.getHeapCodeStatistics()));
const tag = v8.cachedDataVersionTag();
console.log(typeof tag, Number.isInteger(tag), tag === v8.cachedDataVersionTag());

attempt('setFlagsFromString', () => v8.setFlagsFromString('--allow-natives-syntax'));
attempt('setFlagsFromString(1)', () => v8.setFlagsFromString(1));
attempt('setHeapSnapshotNearHeapLimit(0)', () => v8.setHeapSnapshotNearHeapLimit(0));
attempt('setHeapSnapshotNearHeapLimit(a)', () => v8.setHeapSnapshotNearHeapLimit('a'));
attempt('setHeapSnapshotNearHeapLimit(2)', () => v8.setHeapSnapshotNearHeapLimit(2));
attempt('takeCoverage', () => v8.takeCoverage());
attempt('stopCoverage', () => v8.stopCoverage());
console.log(Object.keys(v8.startupSnapshot), v8.startupSnapshot.isBuildingSnapshot());
attempt('addSerializeCallback', () => v8.startupSnapshot.addSerializeCallback(() => {}));
attempt('setDeserializeMainFunction', () => v8.startupSnapshot.setDeserializeMainFunction(() => {}));

// Heap snapshots are JSON documents with the snapshot meta data first.
attempt('writeHeapSnapshot(1)', () => v8.writeHeapSnapshot(1));
attempt('writeHeapSnapshot options', () => v8.writeHeapSnapshot(undefined, 1));
attempt('getHeapSnapshot options', () => v8.getHeapSnapshot({ exposeInternals: 1 }));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnode-v8-'));
const file = path.join(dir, 'one.heapsnapshot');
console.log(v8.writeHeapSnapshot(file) === file);
const written = JSON.parse(fs.readFileSync(file, 'utf8'));
console.log(Object.keys(written).slice(0, 3), written.snapshot.node_count > 100);
fs.rmSync(dir, { recursive: true });

const stream = v8.getHeapSnapshot();
console.log(stream.constructor.name, stream instanceof require('stream').Readable);
const chunks = [];
stream.on('data', (chunk) => chunks.push(chunk));
stream.on('end', () => {
  const json = JSON.parse(Buffer.concat(chunks).toString());
  console.log('stream', Object.keys(json).slice(0, 3), Array.isArray(json.nodes));

  const profiler = new v8.GCProfiler();
  console.log(profiler.stop());
  profiler.start();
  profiler.start();
  v8.setFlagsFromString('--expose-gc');
  require('vm').runInNewContext('gc')();
  const result = profiler.stop();
  console.log(Object.keys(result), result.version, typeof result.startTime,
              result.endTime >= result.startTime, Array.isArray(result.statistics));
  const first = result.statistics[0];
  console.log(Object.keys(first), typeof first.gcType, typeof first.cost);
  console.log(Object.keys(first.beforeGC), types(first.afterGC.heapStatistics));
  console.log(types(first.beforeGC.heapSpaceStatistics[0]));
  console.log(result.statistics.some((s) => s.gcType === 'MarkSweepCompact'));
  console.log(profiler.stop());
});
