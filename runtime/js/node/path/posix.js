// `require('path/posix')`: the POSIX flavour of `path`.
'use strict';

module.exports = require('path').posix;
