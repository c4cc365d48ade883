// module: the CommonJS `Module` class and its statics (createRequire, builtinModules, ...).
'use strict';

module.exports = require('internal/modules/cjs').Module;
