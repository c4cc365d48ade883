// vm.Module, vm.SourceTextModule and vm.SyntheticModule (--experimental-vm-modules).
// Not implemented yet: constructing one throws ERR_NOT_IMPLEMENTED naming the class.
'use strict';

const { codes: { ERR_NOT_IMPLEMENTED } } = require('internal/errors');

class Module {
  constructor() {
    throw new ERR_NOT_IMPLEMENTED(`vm.${new.target === Module ? 'Module' : new.target.name}`);
  }
}

class SourceTextModule extends Module {}
class SyntheticModule extends Module {}

function namespaceOf(module) {
  return module.namespace;
}

module.exports = { Module, SourceTextModule, SyntheticModule, namespaceOf };
