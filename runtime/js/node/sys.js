// `sys` is the old name of `util`.
'use strict';

module.exports = require('util');

process.emitWarning('sys is deprecated. Use util instead.', 'DeprecationWarning', 'DEP0025');
