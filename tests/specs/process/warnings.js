// Warnings are emitted as 'warning' events on the next tick.
process.on('warning', (w) => console.log('warning event', w.name, w.message, w.code));
process.emitWarning('something odd', 'CustomWarning', 'CODE1');
process.emitWarning(new Error('an error warning'));
console.log('sync first');
