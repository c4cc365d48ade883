// WHATWG Blob and File, plus the in-process registry behind blob:nodedata: object URLs
// (URL.createObjectURL / revokeObjectURL and buffer.resolveObjectURL).
'use strict';

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
    ERR_NOT_IMPLEMENTED,
  },
} = require('internal/errors');
const { validateDictionary } = require('internal/validators');
const { isAnyArrayBuffer } = require('internal/buffer');

const binding = internalBinding('buffer');
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kEmptyObject = Object.freeze({ __proto__: null });
const disallowedTypeCharacters = /[^\u{0020}-\u{007E}]/u;

let lazyInspect = null;
function inspect(value, options) {
  if (lazyInspect === null) lazyInspect = require('internal/util/inspect').inspect;
  return lazyInspect(value, options);
}

function encodeUtf8(string) {
  return binding.encode(string, 'utf8');
}

// Turns one constructor source into byte parts (copied, so later mutation of the
// source does not show through). Blobs contribute their own parts.
function sourceToParts(source, endings) {
  if (isBlob(source)) return blobParts(source);
  if (isAnyArrayBuffer(source)) return [new Uint8Array(source.slice(0))];
  if (ArrayBuffer.isView(source)) {
    return [new Uint8Array(source.buffer, source.byteOffset, source.byteLength).slice()];
  }
  let string = `${source}`;
  if (endings === 'native') string = string.replace(/\r?\n/g, '\n');
  return [encodeUtf8(string)];
}

function concatParts(parts, total) {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let pos = 0;
  for (const part of parts) {
    out.set(part, pos);
    pos += part.length;
  }
  return out;
}

// Filled in by Blob's static block, which can see the private fields.
let hasBlobParts;
let blobParts;
let blobFromParts;

function isBlob(object) {
  return object != null && typeof object === 'object' && hasBlobParts(object);
}

class Blob {
  // Non-empty Uint8Array parts; stream() yields one chunk per part, like Node.
  #parts;
  #size;
  #type;

  constructor(sources = [], options) {
    if (sources === null || typeof sources[Symbol.iterator] !== 'function' || typeof sources === 'string') {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    validateDictionary(options, 'options');
    let { type = '', endings = 'transparent' } = options ?? kEmptyObject;
    endings = `${endings}`;
    if (endings !== 'transparent' && endings !== 'native') {
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);
    }
    const parts = [];
    let total = 0;
    for (const source of sources) {
      for (const part of sourceToParts(source, endings)) {
        if (part.length === 0) continue;
        parts.push(part);
        total += part.length;
      }
    }
    this.#parts = parts;
    this.#size = total;
    type = `${type}`;
    this.#type = disallowedTypeCharacters.test(type) ? '' : type.toLowerCase();
  }

  static {
    hasBlobParts = (object) => #parts in object;
    blobParts = (blob) => blob.#parts;
    // Builds a Blob over existing parts without copying (slices and resolved URLs).
    blobFromParts = (parts, type) => {
      const blob = new Blob();
      blob.#parts = parts;
      blob.#size = parts.reduce((n, p) => n + p.length, 0);
      blob.#type = type;
      return blob;
    };
  }

  #bytes() {
    return concatParts(this.#parts, this.#size);
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return options.stylize('[Blob]', 'special');
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `Blob ${inspect({ size: this.size, type: this.type }, opts)}`;
  }

  get type() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this.#type;
  }

  get size() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this.#size;
  }

  slice(start = 0, end = this.size, contentType = '') {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    const size = this.#size;
    if (start < 0) start = Math.max(size + start, 0);
    else start = Math.min(start, size);
    if (end < 0) end = Math.max(size + end, 0);
    else end = Math.min(end, size);
    contentType = `${contentType}`;
    if (disallowedTypeCharacters.test(contentType)) contentType = '';
    else contentType = contentType.toLowerCase();
    start = Math.trunc(start) || 0;
    const span = Math.max(Math.trunc(end) - start, 0) || 0;
    // Collect the overlapping pieces of the parts.
    const parts = [];
    let pos = 0;
    for (const part of this.#parts) {
      const partEnd = pos + part.length;
      const from = Math.max(start, pos);
      const to = Math.min(start + span, partEnd);
      if (from < to) parts.push(part.subarray(from - pos, to - pos));
      pos = partEnd;
      if (pos >= start + span) break;
    }
    return blobFromParts(parts, contentType);
  }

  arrayBuffer() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    const bytes = this.#bytes();
    return Promise.resolve().then(() => (bytes === this.#parts[0] ? bytes.slice() : bytes).buffer);
  }

  text() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    const bytes = this.#bytes();
    return Promise.resolve().then(() => binding.decode(bytes, 0, bytes.length, 'utf8'));
  }

  stream() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    const ReadableStream = globalThis.ReadableStream;
    if (typeof ReadableStream !== 'function') throw new ERR_NOT_IMPLEMENTED('Blob.prototype.stream');
    const parts = this.#parts;
    let index = 0;
    return new ReadableStream({
      type: 'bytes',
      pull(controller) {
        if (index >= parts.length) {
          controller.close();
          return;
        }
        // Enqueue a copy: byte streams transfer (detach) the chunk's buffer.
        controller.enqueue(parts[index++].slice());
        if (index >= parts.length) controller.close();
      },
    });
  }
}

Object.defineProperty(Blob.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'Blob',
});
for (const name of ['type', 'size', 'slice', 'arrayBuffer', 'text', 'stream']) {
  const desc = Object.getOwnPropertyDescriptor(Blob.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(Blob.prototype, name, desc);
}

class File extends Blob {
  #name;
  #lastModified;

  constructor(fileBits, fileName, options = kEmptyObject) {
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    super(fileBits, options);
    let { lastModified } = options ?? kEmptyObject;
    if (lastModified !== undefined) {
      lastModified = +lastModified;
      if (Number.isNaN(lastModified)) lastModified = 0;
    } else {
      lastModified = Date.now();
    }
    this.#name = `${fileName}`;
    this.#lastModified = lastModified;
  }

  get name() {
    return this.#name;
  }

  get lastModified() {
    return this.#lastModified;
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return options.stylize('[File]', 'special');
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `File ${inspect({
      size: this.size,
      type: this.type,
      name: this.#name,
      lastModified: this.#lastModified,
    }, opts)}`;
  }
}

Object.defineProperty(File.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'File',
});
for (const name of ['name', 'lastModified']) {
  const desc = Object.getOwnPropertyDescriptor(File.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(File.prototype, name, desc);
}

// ---- Object URLs ------------------------------------------------------------------------

// id -> { parts, type }; entries live until revoked (no cross-thread sharing).
const objectURLRegistry = new Map();

function randomUUID() {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const hex = [];
  for (let i = 0; i < 16; i++) hex.push(Math.floor(Math.random() * 256));
  hex[6] = (hex[6] & 0x0f) | 0x40;
  hex[8] = (hex[8] & 0x3f) | 0x80;
  const s = hex.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function createObjectURL(obj) {
  if (!isBlob(obj)) throw new ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
  const id = randomUUID();
  objectURLRegistry.set(id, { parts: blobParts(obj), type: obj.type });
  return `blob:nodedata:${id}`;
}

// Returns the registry id of a `blob:nodedata:<id>` URL, or undefined.
function objectURLId(url) {
  let parsed;
  try {
    parsed = new (require('internal/url').URL)(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'blob:') return undefined;
  const split = parsed.pathname.split(':');
  if (split.length !== 2 || split[0] !== 'nodedata') return undefined;
  return split[1];
}

function revokeObjectURL(url) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
  const id = objectURLId(`${url}`);
  if (id !== undefined) objectURLRegistry.delete(id);
}

function resolveObjectURL(url) {
  const id = objectURLId(`${url}`);
  if (id === undefined) return undefined;
  const entry = objectURLRegistry.get(id);
  if (entry === undefined) return undefined;
  return blobFromParts(entry.parts, entry.type);
}

module.exports = {
  Blob,
  File,
  isBlob,
  createObjectURL,
  revokeObjectURL,
  resolveObjectURL,
};
