// `require('path/win32')`: the win32 flavour of `path`.
'use strict';

module.exports = require('path').win32;
