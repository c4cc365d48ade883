// process: the same object as the global `process`.
'use strict';

module.exports = process;
