// How the TAP reporter writes error details as YAML: nested objects, arrays, nulls,
// multi-line strings, circular references, assertion fields.
require('./fixtures/run_child').show('tap_yaml.js');
