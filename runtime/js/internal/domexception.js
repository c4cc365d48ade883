// WebIDL DOMException: name/message/code accessors, the legacy code constants and
// Error.prototype in its chain (so stacks and `instanceof Error` work).
'use strict';

const kLegacyCodes = [
  ['IndexSizeError', 'INDEX_SIZE_ERR', 1],
  [null, 'DOMSTRING_SIZE_ERR', 2],
  ['HierarchyRequestError', 'HIERARCHY_REQUEST_ERR', 3],
  ['WrongDocumentError', 'WRONG_DOCUMENT_ERR', 4],
  ['InvalidCharacterError', 'INVALID_CHARACTER_ERR', 5],
  [null, 'NO_DATA_ALLOWED_ERR', 6],
  ['NoModificationAllowedError', 'NO_MODIFICATION_ALLOWED_ERR', 7],
  ['NotFoundError', 'NOT_FOUND_ERR', 8],
  ['NotSupportedError', 'NOT_SUPPORTED_ERR', 9],
  ['InUseAttributeError', 'INUSE_ATTRIBUTE_ERR', 10],
  ['InvalidStateError', 'INVALID_STATE_ERR', 11],
  ['SyntaxError', 'SYNTAX_ERR', 12],
  ['InvalidModificationError', 'INVALID_MODIFICATION_ERR', 13],
  ['NamespaceError', 'NAMESPACE_ERR', 14],
  ['InvalidAccessError', 'INVALID_ACCESS_ERR', 15],
  [null, 'VALIDATION_ERR', 16],
  ['TypeMismatchError', 'TYPE_MISMATCH_ERR', 17],
  ['SecurityError', 'SECURITY_ERR', 18],
  ['NetworkError', 'NETWORK_ERR', 19],
  ['AbortError', 'ABORT_ERR', 20],
  ['URLMismatchError', 'URL_MISMATCH_ERR', 21],
  ['QuotaExceededError', 'QUOTA_EXCEEDED_ERR', 22],
  ['TimeoutError', 'TIMEOUT_ERR', 23],
  ['InvalidNodeTypeError', 'INVALID_NODE_TYPE_ERR', 24],
  ['DataCloneError', 'DATA_CLONE_ERR', 25],
];

const nameToCode = new Map();
for (const [name, , code] of kLegacyCodes) {
  if (name !== null) nameToCode.set(name, code);
}

// Node reports a wrong receiver with this exact wording (no "type").
function invalidThis() {
  const err = new TypeError('Value of "this" must be of DOMException');
  err.code = 'ERR_INVALID_THIS';
  return err;
}

const internals = new WeakMap();

class DOMException {
  constructor(message = '', options = 'Error') {
    const state = { message: `${message}`, name: 'Error' };
    internals.set(this, state);
    const hasOptionsObject = options !== null && typeof options === 'object';
    state.name = hasOptionsObject ? `${options.name}` : `${options}`;
    // After the name is known, so the stack header reads `Name: message`.
    Error.captureStackTrace(this);
    if (hasOptionsObject && 'cause' in options) {
      Object.defineProperty(this, 'cause', {
        __proto__: null, value: options.cause, configurable: true, writable: true, enumerable: false,
      });
    }
  }

  get name() {
    const state = internals.get(this);
    if (state === undefined) throw invalidThis();
    return state.name;
  }

  get message() {
    const state = internals.get(this);
    if (state === undefined) throw invalidThis();
    return state.message;
  }

  get code() {
    const state = internals.get(this);
    if (state === undefined) throw invalidThis();
    return nameToCode.get(state.name) ?? 0;
  }
}

Object.setPrototypeOf(DOMException.prototype, Error.prototype);
for (const key of ['name', 'message', 'code']) {
  const desc = Object.getOwnPropertyDescriptor(DOMException.prototype, key);
  desc.enumerable = true;
  Object.defineProperty(DOMException.prototype, key, desc);
}
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'DOMException',
});
for (const [, constant, code] of kLegacyCodes) {
  const desc = { __proto__: null, enumerable: true, value: code };
  Object.defineProperty(DOMException, constant, desc);
  Object.defineProperty(DOMException.prototype, constant, desc);
}

module.exports = { DOMException };
