// The public `console` module: the global console object (with `.Console`).
'use strict';

module.exports = require('internal/console').getGlobalConsole();
