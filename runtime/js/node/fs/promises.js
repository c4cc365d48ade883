// fs/promises: the promise API of fs (see node/fs.js for what is implemented).
'use strict';

module.exports = require('fs').promises;
