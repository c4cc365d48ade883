//! `internalBinding('v8')`: V8's ValueSerializer/ValueDeserializer behind `v8.Serializer`,
//! `v8.Deserializer` and `structuredClone`, heap statistics and snapshots, V8 flags, the GC
//! profiler's callbacks and the context's promise hooks (js/node/v8.js,
//! js/internal/structured_clone.js).
//!
//! A `Serializer`/`Deserializer` JS object carries its native state as an External under a
//! private key; the state is freed by a weak-handle finalizer when the object is collected.
//! The serializer methods are these ops installed on the JS prototypes, so they find their
//! state through `this` and throw "Illegal invocation" for any other receiver, as Node does.

use crate::bindings::{num, op, set_val, str, uint8_array, view_bytes, OpFn, Scope};
use std::cell::RefCell;
use std::ffi::c_void;
use std::io::Write;
use v8::{ValueDeserializerHelper, ValueSerializerHelper};

pub fn functions() -> Vec<OpFn> {
    vec![
        op("serializerInit", serializer_init),
        op("deserializerInit", deserializer_init),
        // Serializer.prototype
        op("writeHeader", write_header),
        op("writeValue", write_value),
        op("releaseBuffer", release_buffer),
        op("transferArrayBuffer", transfer_array_buffer),
        op("writeUint32", write_uint32),
        op("writeUint64", write_uint64),
        op("writeDouble", write_double),
        op("writeRawBytes", write_raw_bytes),
        op(
            "_setTreatArrayBufferViewsAsHostObjects",
            set_treat_views_as_host_objects,
        ),
        // Deserializer.prototype
        op("readHeader", read_header),
        op("readValue", read_value),
        op("getWireFormatVersion", get_wire_format_version),
        op("readUint32", read_uint32),
        op("readUint64", read_uint64),
        op("readDouble", read_double),
        op("_readRawBytes", read_raw_bytes),
        // structuredClone
        op("structuredClone", structured_clone),
        op("setTransferMode", set_transfer_mode),
        // heap, flags, hooks
        op("heapStatistics", heap_statistics),
        op("heapSpaceStatistics", heap_space_statistics),
        op("heapCodeStatistics", heap_code_statistics),
        op("cachedDataVersionTag", cached_data_version_tag),
        op("setFlagsFromString", set_flags_from_string),
        op("takeHeapSnapshot", take_heap_snapshot),
        op("writeHeapSnapshot", write_heap_snapshot),
        op("diagnosticFilename", diagnostic_filename_op),
        op(
            "setHeapSnapshotNearHeapLimit",
            set_heap_snapshot_near_heap_limit,
        ),
        op("setPromiseHooks", set_promise_hooks),
        op("gcProfilerStart", gc_profiler_start),
        op("gcProfilerStop", gc_profiler_stop),
    ]
}

// ---------------------------------------------------------------------------------------
// Errors

/// Throws `new <kind>(msg)` with a `code` property, the shape of Node's C++-thrown errors
/// (the code is not part of the message or the stack header).
fn throw_coded(scope: &mut Scope, type_error: bool, code: &str, msg: &str) {
    let m = str(scope, msg);
    let e = if type_error {
        v8::Exception::type_error(scope, m)
    } else {
        v8::Exception::error(scope, m)
    };
    if let Ok(obj) = v8::Local::<v8::Object>::try_from(e) {
        let c = str(scope, code).into();
        set_val(scope, obj, "code", c);
    }
    scope.throw_exception(e);
}

fn throw_plain(scope: &mut Scope, msg: &str) {
    let m = str(scope, msg);
    let e = v8::Exception::error(scope, m);
    scope.throw_exception(e);
}

fn throw_type(scope: &mut Scope, msg: &str) {
    let m = str(scope, msg);
    let e = v8::Exception::type_error(scope, m);
    scope.throw_exception(e);
}

fn illegal_invocation(scope: &mut Scope) {
    throw_type(scope, "Illegal invocation");
}

/// `Object.prototype.toString.call(obj)`, or `[object Object]` if that cannot be read.
fn object_tag(scope: &mut Scope, obj: v8::Local<v8::Object>) -> String {
    let fallback = || "[object Object]".to_string();
    let ctx = scope.get_current_context();
    let global = ctx.global(scope);
    let mut cur: v8::Local<v8::Value> = global.into();
    for key in ["Object", "prototype", "toString"] {
        let Ok(o) = v8::Local::<v8::Object>::try_from(cur) else {
            return fallback();
        };
        let k = str(scope, key);
        let Some(v) = o.get(scope, k.into()) else {
            return fallback();
        };
        cur = v;
    }
    let Ok(f) = v8::Local::<v8::Function>::try_from(cur) else {
        return fallback();
    };
    match f.call(scope, obj.into(), &[]) {
        Some(s) => s.to_rust_string_lossy(scope),
        None => fallback(),
    }
}

/// `this[name]` if it is a function: `Ok(Some(f))`; `Ok(None)` if it is not one; `Err` if
/// reading the property threw.
fn method<'s>(
    scope: &mut Scope<'s, '_>,
    this: v8::Local<'s, v8::Object>,
    name: &str,
) -> Result<Option<v8::Local<'s, v8::Function>>, ()> {
    let k = str(scope, name);
    let v = this.get(scope, k.into()).ok_or(())?;
    Ok(v8::Local::<v8::Function>::try_from(v).ok())
}

// ---------------------------------------------------------------------------------------
// Native state attached to Serializer/Deserializer objects

enum Native {
    Ser(v8::ValueSerializer<'static>),
    /// `de` reads from `data` (a copy of the input bytes), so it is declared (and dropped)
    /// first; the boxed bytes never move.
    De {
        de: v8::ValueDeserializer<'static>,
        data: Box<[u8]>,
    },
}

struct Wrapper {
    native: Native,
    /// The handle whose finalizer frees this wrapper once the JS object is collected.
    _weak: Option<v8::Weak<v8::Object>>,
}

/// The private key of the native state, kept in an isolate slot after first use.
struct StateKey(v8::Global<v8::Private>);

fn state_key<'s>(scope: &mut Scope<'s, '_>) -> v8::Local<'s, v8::Private> {
    let cached = scope
        .get_slot::<StateKey>()
        .map(|StateKey(key)| v8::Local::new(scope, key));
    if let Some(key) = cached {
        return key;
    }
    let n = str(scope, "rnode:v8:serdes");
    let key = v8::Private::for_api(scope, Some(n));
    let global = v8::Global::new(scope, key);
    scope.set_slot(StateKey(global));
    key
}

/// The native state of a Serializer/Deserializer object.
///
/// The reference stays valid while `obj` is alive; callers hold `obj` as a Local for the
/// whole op, so the finalizer cannot run meanwhile.
fn wrapper_of<'a>(scope: &mut Scope, obj: v8::Local<v8::Value>) -> Option<&'a Wrapper> {
    let obj = v8::Local::<v8::Object>::try_from(obj).ok()?;
    let key = state_key(scope);
    let v = obj.get_private(scope, key)?;
    let ext = v8::Local::<v8::External>::try_from(v).ok()?;
    let ptr = ext.value() as *const Wrapper;
    if ptr.is_null() {
        return None;
    }
    // SAFETY: the External under our private key is only ever set by `attach`, pointing at
    // a live boxed Wrapper; it is freed only after `obj` is garbage collected, and `obj` is
    // reachable from the caller's handle scope. Only shared references are handed out.
    Some(unsafe { &*ptr })
}

fn serializer_of<'a>(
    scope: &mut Scope,
    args: &v8::FunctionCallbackArguments,
) -> Option<&'a v8::ValueSerializer<'static>> {
    match wrapper_of(scope, args.this().into()) {
        Some(Wrapper {
            native: Native::Ser(s),
            ..
        }) => Some(s),
        _ => {
            illegal_invocation(scope);
            None
        }
    }
}

fn deserializer_of<'a>(
    scope: &mut Scope,
    args: &v8::FunctionCallbackArguments,
) -> Option<(&'a v8::ValueDeserializer<'static>, &'a [u8])> {
    match wrapper_of(scope, args.this().into()) {
        Some(Wrapper {
            native: Native::De { de, data },
            ..
        }) => Some((de, data)),
        _ => {
            illegal_invocation(scope);
            None
        }
    }
}

/// Stores `native` on `obj` and arms a finalizer that frees it with the object.
fn attach(scope: &mut Scope, obj: v8::Local<v8::Object>, native: Native) {
    let ptr = Box::into_raw(Box::new(Wrapper {
        native,
        _weak: None,
    }));
    let key = state_key(scope);
    let ext = v8::External::new(scope, ptr as *mut c_void);
    obj.set_private(scope, key, ext.into());
    let weak = v8::Weak::with_finalizer(
        scope,
        obj,
        Box::new(move |_| {
            // SAFETY: `ptr` came from Box::into_raw above and is freed only here, once: the
            // finalizer runs at most once, after the object (the only holder of the
            // External) is gone. Dropping the Weak inside is fine: V8 has already taken
            // the finalizer out of the isolate's table.
            drop(unsafe { Box::from_raw(ptr) });
        }),
    );
    // SAFETY: `ptr` is live: it is freed only by the finalizer, which cannot have run yet
    // because `obj` is held by a Local of this scope.
    unsafe { (*ptr)._weak = Some(weak) };
}

fn has_state(scope: &mut Scope, obj: v8::Local<v8::Object>) -> bool {
    let key = state_key(scope);
    obj.get_private(scope, key).is_some_and(|v| v.is_external())
}

/// The delegate of a JS `Serializer`: its hooks are the object's `_getDataCloneError`,
/// `_getSharedArrayBufferId` and `_writeHostObject` methods.
struct JsSerializer {
    obj: v8::Weak<v8::Object>,
}

impl v8::ValueSerializerImpl for JsSerializer {
    fn throw_data_clone_error<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        message: v8::Local<'s, v8::String>,
    ) {
        if let Some(this) = self.obj.to_local(scope) {
            match method(scope, this, "_getDataCloneError") {
                Err(()) => return,
                Ok(Some(f)) => {
                    if let Some(err) = f.call(scope, this.into(), &[message.into()]) {
                        scope.throw_exception(err);
                    }
                    return;
                }
                Ok(None) => {}
            }
        }
        let e = v8::Exception::error(scope, message);
        scope.throw_exception(e);
    }

    fn get_shared_array_buffer_id<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        sab: v8::Local<'s, v8::SharedArrayBuffer>,
    ) -> Option<u32> {
        let this = self.obj.to_local(scope)?;
        match method(scope, this, "_getSharedArrayBufferId") {
            // An exception is pending: any value makes V8 stop and rethrow it.
            Err(()) => Some(0),
            // V8's default throws the DataCloneError.
            Ok(None) => None,
            Ok(Some(f)) => match f.call(scope, this.into(), &[sab.into()]) {
                Some(id) => Some(id.uint32_value(scope).unwrap_or(0)),
                None => Some(0),
            },
        }
    }

    fn write_host_object<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        object: v8::Local<'s, v8::Object>,
        _helper: &dyn ValueSerializerHelper,
    ) -> Option<bool> {
        let this = self.obj.to_local(scope)?;
        match method(scope, this, "_writeHostObject") {
            Err(()) => None,
            Ok(None) => {
                let tag = object_tag(scope, object);
                throw_plain(scope, &format!("{tag} could not be cloned."));
                None
            }
            Ok(Some(f)) => f.call(scope, this.into(), &[object.into()]).map(|_| true),
        }
    }

    fn get_wasm_module_transfer_id(
        &self,
        _scope: &mut v8::PinScope<'_, '_>,
        _module: v8::Local<v8::WasmModuleObject>,
    ) -> Option<u32> {
        // No transfer id: V8 reports the module as uncloneable.
        None
    }
}

/// The delegate of a JS `Deserializer`: host objects come from its `_readHostObject`.
struct JsDeserializer {
    obj: v8::Weak<v8::Object>,
}

const DESERIALIZE_FAILED: &str = "Unable to deserialize cloned data.";

impl v8::ValueDeserializerImpl for JsDeserializer {
    fn read_host_object<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        _helper: &dyn ValueDeserializerHelper,
    ) -> Option<v8::Local<'s, v8::Object>> {
        // V8 forbids JS while it reads objects; a host object is read by JS by design.
        let scope = std::pin::pin!(v8::AllowJavascriptExecutionScope::new(scope));
        let scope = &mut scope.init();
        let this = self.obj.to_local(scope)?;
        let f = match method(scope, this, "_readHostObject") {
            Err(()) => return None,
            Ok(None) => {
                throw_plain(scope, DESERIALIZE_FAILED);
                return None;
            }
            Ok(Some(f)) => f,
        };
        let v = f.call(scope, this.into(), &[])?;
        match v8::Local::<v8::Object>::try_from(v) {
            Ok(o) => Some(o),
            Err(_) => {
                throw_type(scope, "readHostObject must return an object");
                None
            }
        }
    }

    fn get_shared_array_buffer_from_id<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        _transfer_id: u32,
    ) -> Option<v8::Local<'s, v8::SharedArrayBuffer>> {
        throw_plain(scope, DESERIALIZE_FAILED);
        None
    }

    fn get_wasm_module_from_id<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        _clone_id: u32,
    ) -> Option<v8::Local<'s, v8::WasmModuleObject>> {
        throw_plain(scope, DESERIALIZE_FAILED);
        None
    }
}

// ---------------------------------------------------------------------------------------
// Serializer ops

/// `serializerInit(obj)`: makes `obj` a Serializer.
fn serializer_init(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(obj) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        return illegal_invocation(scope);
    };
    if has_state(scope, obj) {
        return illegal_invocation(scope);
    }
    let delegate = JsSerializer {
        obj: v8::Weak::new(scope, obj),
    };
    let ser = v8::ValueSerializer::new(scope, Box::new(delegate));
    attach(scope, obj, Native::Ser(ser));
}

fn write_header(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    if let Some(s) = serializer_of(scope, &args) {
        // Node 21's V8 writes wire format version 15; this V8 writes 16, which Node 21
        // rejects. Versions 15 and 16 encode every value alike except ArrayBuffer lengths
        // of 4 GiB and more, so write the version-15 header for byte-identical output.
        s.write_raw_bytes(&[0xff, 0x0f]);
    }
}

fn write_value(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(s) = serializer_of(scope, &args) else {
        return;
    };
    let ctx = scope.get_current_context();
    if let Some(ok) = s.write_value(ctx, args.get(0)) {
        rv.set(v8::Boolean::new(scope, ok).into());
    }
}

/// Returns the bytes written so far as a Uint8Array and starts a new buffer.
fn release_buffer(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(s) = serializer_of(scope, &args) else {
        return;
    };
    let data = s.release();
    rv.set(uint8_array(scope, data).into());
}

/// `transferArrayBuffer(id, arrayBuffer)` on either a Serializer or a Deserializer.
fn transfer_array_buffer(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let Some(w) = wrapper_of(scope, args.this().into()) else {
        return illegal_invocation(scope);
    };
    let Some(id) = args.get(0).uint32_value(scope) else {
        return;
    };
    let v = args.get(1);
    match &w.native {
        Native::Ser(s) => match v8::Local::<v8::ArrayBuffer>::try_from(v) {
            Ok(ab) => s.transfer_array_buffer(id, ab),
            Err(_) => throw_coded(
                scope,
                true,
                "ERR_INVALID_ARG_TYPE",
                "arrayBuffer must be an ArrayBuffer",
            ),
        },
        Native::De { de, .. } => {
            if let Ok(ab) = v8::Local::<v8::ArrayBuffer>::try_from(v) {
                de.transfer_array_buffer(id, ab);
            } else if let Ok(sab) = v8::Local::<v8::SharedArrayBuffer>::try_from(v) {
                de.transfer_shared_array_buffer(id, sab);
            } else {
                throw_coded(
                    scope,
                    true,
                    "ERR_INVALID_ARG_TYPE",
                    "arrayBuffer must be an ArrayBuffer or SharedArrayBuffer",
                );
            }
        }
    }
}

fn write_uint32(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let Some(s) = serializer_of(scope, &args) else {
        return;
    };
    if let Some(v) = args.get(0).uint32_value(scope) {
        s.write_uint32(v);
    }
}

fn write_uint64(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let Some(s) = serializer_of(scope, &args) else {
        return;
    };
    let Some(hi) = args.get(0).uint32_value(scope) else {
        return;
    };
    let Some(lo) = args.get(1).uint32_value(scope) else {
        return;
    };
    s.write_uint64(((hi as u64) << 32) | lo as u64);
}

fn write_double(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let Some(s) = serializer_of(scope, &args) else {
        return;
    };
    if let Some(v) = args.get(0).number_value(scope) {
        s.write_double(v);
    }
}

fn write_raw_bytes(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let Some(s) = serializer_of(scope, &args) else {
        return;
    };
    let Ok(view) = v8::Local::<v8::ArrayBufferView>::try_from(args.get(0)) else {
        return throw_coded(
            scope,
            true,
            "ERR_INVALID_ARG_TYPE",
            "source must be a TypedArray or a DataView",
        );
    };
    // No JS runs while the slice is held: V8 copies it into its buffer.
    s.write_raw_bytes(view_bytes(view));
}

fn set_treat_views_as_host_objects(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let Some(s) = serializer_of(scope, &args) else {
        return;
    };
    let on = args.get(0).boolean_value(scope);
    s.set_treat_array_buffer_views_as_host_objects(on);
}

// ---------------------------------------------------------------------------------------
// Deserializer ops

/// `deserializerInit(obj, view)`: makes `obj` a Deserializer over a copy of `view`'s bytes.
fn deserializer_init(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(obj) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        return illegal_invocation(scope);
    };
    let Ok(view) = v8::Local::<v8::ArrayBufferView>::try_from(args.get(1)) else {
        return throw_coded(
            scope,
            true,
            "ERR_INVALID_ARG_TYPE",
            "buffer must be a TypedArray or a DataView",
        );
    };
    if has_state(scope, obj) {
        return illegal_invocation(scope);
    }
    let data: Box<[u8]> = view_bytes(view).to_vec().into_boxed_slice();
    let delegate = JsDeserializer {
        obj: v8::Weak::new(scope, obj),
    };
    let de = v8::ValueDeserializer::new(scope, Box::new(delegate), &data);
    attach(scope, obj, Native::De { de, data });
}

fn read_header(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some((d, _)) = deserializer_of(scope, &args) else {
        return;
    };
    let ctx = scope.get_current_context();
    if let Some(ok) = d.read_header(ctx) {
        rv.set(v8::Boolean::new(scope, ok).into());
    }
}

fn read_value(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some((d, _)) = deserializer_of(scope, &args) else {
        return;
    };
    let ctx = scope.get_current_context();
    if let Some(v) = d.read_value(ctx) {
        rv.set(v);
    }
}

fn get_wire_format_version(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some((d, _)) = deserializer_of(scope, &args) else {
        return;
    };
    let v = d.get_wire_format_version();
    rv.set(num(scope, v as f64));
}

fn read_uint32(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some((d, _)) = deserializer_of(scope, &args) else {
        return;
    };
    let mut v = 0u32;
    if !d.read_uint32(&mut v) {
        return throw_plain(scope, "ReadUint32() failed");
    }
    rv.set(num(scope, v as f64));
}

/// Returns `[hi, lo]`, the two 32-bit halves.
fn read_uint64(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some((d, _)) = deserializer_of(scope, &args) else {
        return;
    };
    let mut v = 0u64;
    if !d.read_uint64(&mut v) {
        return throw_plain(scope, "ReadUint64() failed");
    }
    let hi = num(scope, (v >> 32) as f64);
    let lo = num(scope, (v & 0xffff_ffff) as f64);
    rv.set(v8::Array::new_with_elements(scope, &[hi, lo]).into());
}

fn read_double(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some((d, _)) = deserializer_of(scope, &args) else {
        return;
    };
    let mut v = 0f64;
    if !d.read_double(&mut v) {
        return throw_plain(scope, "ReadDouble() failed");
    }
    rv.set(num(scope, v));
}

/// `_readRawBytes(length)`: skips `length` bytes and returns their offset in the input.
fn read_raw_bytes(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some((d, data)) = deserializer_of(scope, &args) else {
        return;
    };
    let Some(len) = args.get(0).integer_value(scope) else {
        return;
    };
    // A negative length wraps to a huge one, which the deserializer rejects.
    let Some(bytes) = d.read_raw_bytes(len as usize) else {
        return throw_plain(scope, "ReadRawBytes() failed");
    };
    let offset = (bytes.as_ptr() as usize).wrapping_sub(data.as_ptr() as usize);
    rv.set(num(scope, offset as f64));
}

// ---------------------------------------------------------------------------------------
// structuredClone

/// Transfer-mode bit of objects that JS marked cloneable (see `setTransferMode`).
const MODE_CLONEABLE: u32 = 1;

struct ModeKey(v8::Global<v8::Private>);

/// The private key holding an object's transfer mode (JS `markTransferMode`).
fn mode_key<'s>(scope: &mut Scope<'s, '_>) -> v8::Local<'s, v8::Private> {
    let cached = scope
        .get_slot::<ModeKey>()
        .map(|ModeKey(key)| v8::Local::new(scope, key));
    if let Some(key) = cached {
        return key;
    }
    let n = str(scope, "rnode:v8:transferMode");
    let key = v8::Private::for_api(scope, Some(n));
    let global = v8::Global::new(scope, key);
    scope.set_slot(ModeKey(global));
    key
}

/// The transfer mode of a marked object, or None for an ordinary object.
fn transfer_mode(scope: &mut Scope, obj: v8::Local<v8::Object>) -> Option<u32> {
    let key = mode_key(scope);
    let v = obj.get_private(scope, key)?;
    if v.is_uint32() {
        v.uint32_value(scope)
    } else {
        None
    }
}

/// `setTransferMode(obj, mode)`: marks `obj` as a host object for structuredClone: with
/// mode bit 1 it is cloned through the JS `cloneHost`/`deserializeHost` hooks, else it
/// throws "Cannot clone object of unsupported type.".
fn set_transfer_mode(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(obj) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        return;
    };
    let mode = args.get(1).uint32_value(scope).unwrap_or(0);
    let key = mode_key(scope);
    let v = v8::Integer::new_from_unsigned(scope, mode).into();
    obj.set_private(scope, key, v);
}

/// The JS side of one structuredClone call.
struct CloneHooks {
    /// `makeError(message)`: the DataCloneError to throw.
    make_error: v8::Global<v8::Function>,
    /// `cloneHost(obj)`: the value that stands for a cloneable host object.
    clone_host: v8::Global<v8::Function>,
    /// `deserializeHost(value)`: the host object rebuilt from that value.
    deserialize_host: v8::Global<v8::Function>,
}

/// What a clone shares with its source instead of copying: SharedArrayBuffer memory and
/// compiled WebAssembly modules, by index.
#[derive(Default)]
struct CloneShared {
    buffers: Vec<v8::SharedRef<v8::BackingStore>>,
    wasm: Vec<v8::CompiledWasmModule>,
}

/// The serializer delegate of `structuredClone`: DataCloneErrors are built by JS, marked
/// host objects are written as the value `cloneHost` returns, SharedArrayBuffers are
/// shared by backing store.
struct CloneSerializer {
    hooks: std::rc::Rc<CloneHooks>,
    shared: std::rc::Rc<RefCell<CloneShared>>,
}

fn throw_clone_error(scope: &mut Scope, make_error: &v8::Global<v8::Function>, msg: &str) {
    let m = str(scope, msg);
    throw_clone_error_str(scope, make_error, m);
}

fn throw_clone_error_str(
    scope: &mut Scope,
    make_error: &v8::Global<v8::Function>,
    msg: v8::Local<v8::String>,
) {
    let f = v8::Local::new(scope, make_error);
    let undef = v8::undefined(scope).into();
    if let Some(err) = f.call(scope, undef, &[msg.into()]) {
        scope.throw_exception(err);
    }
}

impl v8::ValueSerializerImpl for CloneSerializer {
    fn throw_data_clone_error<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        message: v8::Local<'s, v8::String>,
    ) {
        throw_clone_error_str(scope, &self.hooks.make_error, message);
    }

    fn has_custom_host_object(&self, _isolate: &v8::Isolate) -> bool {
        true
    }

    fn is_host_object<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        object: v8::Local<'s, v8::Object>,
    ) -> Option<bool> {
        Some(transfer_mode(scope, object).is_some())
    }

    fn get_shared_array_buffer_id<'s>(
        &self,
        _scope: &mut v8::PinScope<'s, '_>,
        sab: v8::Local<'s, v8::SharedArrayBuffer>,
    ) -> Option<u32> {
        let mut shared = self.shared.borrow_mut();
        shared.buffers.push(sab.get_backing_store());
        Some((shared.buffers.len() - 1) as u32)
    }

    fn write_host_object<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        object: v8::Local<'s, v8::Object>,
        helper: &dyn ValueSerializerHelper,
    ) -> Option<bool> {
        let mode = transfer_mode(scope, object).unwrap_or(0);
        if mode & MODE_CLONEABLE == 0 {
            throw_clone_error(
                scope,
                &self.hooks.make_error,
                "Cannot clone object of unsupported type.",
            );
            return None;
        }
        let f = v8::Local::new(scope, &self.hooks.clone_host);
        let undef = v8::undefined(scope).into();
        let standin = f.call(scope, undef, &[object.into()])?;
        let ctx = scope.get_current_context();
        helper.write_value(ctx, standin)
    }

    fn get_wasm_module_transfer_id(
        &self,
        _scope: &mut v8::PinScope<'_, '_>,
        module: v8::Local<v8::WasmModuleObject>,
    ) -> Option<u32> {
        let mut shared = self.shared.borrow_mut();
        shared.wasm.push(module.get_compiled_module());
        Some((shared.wasm.len() - 1) as u32)
    }
}

struct CloneDeserializer {
    hooks: std::rc::Rc<CloneHooks>,
    shared: std::rc::Rc<RefCell<CloneShared>>,
}

impl v8::ValueDeserializerImpl for CloneDeserializer {
    fn read_host_object<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        helper: &dyn ValueDeserializerHelper,
    ) -> Option<v8::Local<'s, v8::Object>> {
        let ctx = scope.get_current_context();
        let standin = helper.read_value(ctx)?;
        // V8 forbids JS while it reads objects; the host object is rebuilt by JS.
        let scope = std::pin::pin!(v8::AllowJavascriptExecutionScope::new(scope));
        let scope = &mut scope.init();
        let f = v8::Local::new(scope, &self.hooks.deserialize_host);
        let undef = v8::undefined(scope).into();
        let v = f.call(scope, undef, &[standin])?;
        match v8::Local::<v8::Object>::try_from(v) {
            Ok(o) => Some(o),
            Err(_) => {
                throw_plain(scope, DESERIALIZE_FAILED);
                None
            }
        }
    }

    fn get_shared_array_buffer_from_id<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        transfer_id: u32,
    ) -> Option<v8::Local<'s, v8::SharedArrayBuffer>> {
        let shared = self.shared.borrow();
        match shared.buffers.get(transfer_id as usize) {
            Some(bs) => Some(v8::SharedArrayBuffer::with_backing_store(scope, bs)),
            None => {
                throw_plain(scope, DESERIALIZE_FAILED);
                None
            }
        }
    }

    fn get_wasm_module_from_id<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        clone_id: u32,
    ) -> Option<v8::Local<'s, v8::WasmModuleObject>> {
        let shared = self.shared.borrow();
        let module = shared
            .wasm
            .get(clone_id as usize)
            .and_then(|m| v8::WasmModuleObject::from_compiled_module(scope, m));
        if module.is_none() {
            throw_plain(scope, DESERIALIZE_FAILED);
        }
        module
    }
}

fn function_arg(
    scope: &mut Scope,
    args: &v8::FunctionCallbackArguments,
    i: i32,
) -> Option<v8::Global<v8::Function>> {
    match v8::Local::<v8::Function>::try_from(args.get(i)) {
        Ok(f) => Some(v8::Global::new(scope, f)),
        Err(_) => {
            throw_type(scope, "structuredClone hooks must be functions");
            None
        }
    }
}

/// `structuredClone(value, transferList, makeError, cloneHost, deserializeHost)`:
/// serializes `value` (ArrayBuffers in `transferList`, an array, are transferred: detached
/// here and moved into the clone) and deserializes it again. See `CloneHooks` for the
/// functions.
fn structured_clone(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(make_error) = function_arg(scope, &args, 2) else {
        return;
    };
    let Some(clone_host) = function_arg(scope, &args, 3) else {
        return;
    };
    let Some(deserialize_host) = function_arg(scope, &args, 4) else {
        return;
    };
    let hooks = std::rc::Rc::new(CloneHooks {
        make_error,
        clone_host,
        deserialize_host,
    });
    let mut transfer: Vec<v8::Local<v8::ArrayBuffer>> = Vec::new();
    if let Ok(list) = v8::Local::<v8::Array>::try_from(args.get(1)) {
        for i in 0..list.length() {
            let Some(item) = list.get_index(scope, i) else {
                return;
            };
            let Ok(ab) = v8::Local::<v8::ArrayBuffer>::try_from(item) else {
                return throw_clone_error(
                    scope,
                    &hooks.make_error,
                    "Found invalid value in transferList.",
                );
            };
            if !ab.is_detachable() || ab.was_detached() {
                return throw_clone_error(
                    scope,
                    &hooks.make_error,
                    "Cannot transfer object of unsupported type.",
                );
            }
            if transfer.contains(&ab) {
                return throw_clone_error(
                    scope,
                    &hooks.make_error,
                    "Transfer list contains duplicate ArrayBuffer",
                );
            }
            transfer.push(ab);
        }
    }

    let shared = std::rc::Rc::new(RefCell::new(CloneShared::default()));
    let ctx = scope.get_current_context();
    let data = {
        let ser = v8::ValueSerializer::new(
            scope,
            Box::new(CloneSerializer {
                hooks: hooks.clone(),
                shared: shared.clone(),
            }),
        );
        ser.write_header();
        for (i, ab) in transfer.iter().enumerate() {
            ser.transfer_array_buffer(i as u32, *ab);
        }
        if ser.write_value(ctx, args.get(0)).is_none() {
            return;
        }
        ser.release()
    };

    // Serialized: now move the transferred buffers' memory into fresh ArrayBuffers.
    let mut moved = Vec::with_capacity(transfer.len());
    for ab in &transfer {
        let store = ab.get_backing_store();
        if ab.detach(None).is_none() {
            return;
        }
        moved.push(v8::ArrayBuffer::with_backing_store(scope, &store));
    }

    let de =
        v8::ValueDeserializer::new(scope, Box::new(CloneDeserializer { hooks, shared }), &data);
    if de.read_header(ctx).is_none() {
        return;
    }
    for (i, ab) in moved.iter().enumerate() {
        de.transfer_array_buffer(i as u32, *ab);
    }
    if let Some(v) = de.read_value(ctx) {
        rv.set(v);
    }
}

// ---------------------------------------------------------------------------------------
// Heap statistics, flags, snapshots

/// Heap statistics (the 14 numbers of `v8.getHeapStatistics()`, in Node's order) and one
/// `(name, [size, used, available, physical])` per heap space.
type HeapSample = ([f64; 14], Vec<(String, [f64; 4])>);

fn heap_sample(isolate: &mut v8::Isolate) -> HeapSample {
    let s = isolate.get_heap_statistics();
    let heap = [
        s.total_heap_size() as f64,
        s.total_heap_size_executable() as f64,
        s.total_physical_size() as f64,
        s.total_available_size() as f64,
        s.used_heap_size() as f64,
        s.heap_size_limit() as f64,
        s.malloced_memory() as f64,
        s.peak_malloced_memory() as f64,
        if s.does_zap_garbage() { 1.0 } else { 0.0 },
        s.number_of_native_contexts() as f64,
        s.number_of_detached_contexts() as f64,
        s.total_global_handles_size() as f64,
        s.used_global_handles_size() as f64,
        s.external_memory() as f64,
    ];
    let mut spaces = Vec::new();
    for i in 0..isolate.number_of_heap_spaces() {
        if let Some(sp) = isolate.get_heap_space_statistics(i) {
            spaces.push((
                sp.space_name().to_string_lossy().into_owned(),
                [
                    sp.space_size() as f64,
                    sp.space_used_size() as f64,
                    sp.space_available_size() as f64,
                    sp.physical_space_size() as f64,
                ],
            ));
        }
    }
    (heap, spaces)
}

fn numbers<'s>(scope: &mut Scope<'s, '_>, vals: &[f64]) -> v8::Local<'s, v8::Value> {
    let items: Vec<_> = vals.iter().map(|v| num(scope, *v)).collect();
    v8::Array::new_with_elements(scope, &items).into()
}

fn heap_statistics(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let (heap, _) = heap_sample(scope);
    rv.set(numbers(scope, &heap));
}

fn space_values_to_js<'s>(
    scope: &mut Scope<'s, '_>,
    spaces: &[(String, [f64; 4])],
) -> v8::Local<'s, v8::Value> {
    let mut rows = Vec::with_capacity(spaces.len());
    for (name, vals) in spaces {
        let mut items: Vec<v8::Local<v8::Value>> = vec![str(scope, name).into()];
        items.extend(vals.iter().map(|v| num(scope, *v)));
        rows.push(v8::Array::new_with_elements(scope, &items).into());
    }
    v8::Array::new_with_elements(scope, &rows).into()
}

fn heap_space_statistics(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let (_, spaces) = heap_sample(scope);
    rv.set(space_values_to_js(scope, &spaces));
}

fn heap_code_statistics(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let vals = match scope.get_heap_code_and_metadata_statistics() {
        Some(s) => [
            s.code_and_metadata_size() as f64,
            s.bytecode_and_metadata_size() as f64,
            s.external_script_source_size() as f64,
            s.cpu_profiler_metadata_size() as f64,
        ],
        None => [0.0; 4],
    };
    rv.set(numbers(scope, &vals));
}

fn cached_data_version_tag(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let tag = v8::script_compiler::cached_data_version_tag();
    rv.set(num(scope, tag as f64));
}

fn set_flags_from_string(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let flags = args.get(0).to_rust_string_lossy(scope);
    v8::V8::set_flags_from_string(&flags);
}

/// `takeHeapSnapshot()`: the heap snapshot JSON as a Uint8Array.
fn take_heap_snapshot(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let mut out = Vec::new();
    scope.take_heap_snapshot(|chunk| {
        out.extend_from_slice(chunk);
        true
    });
    rv.set(uint8_array(scope, out).into());
}

/// `writeHeapSnapshot(path)`: streams the heap snapshot JSON into a new file at `path`.
fn write_heap_snapshot(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let path = args.get(0).to_rust_string_lossy(scope);
    if let Err(e) = write_snapshot_file(scope, &path) {
        crate::bindings::throw_io(scope, &e, "open", Some(&path), None);
    }
}

static DIAGNOSTIC_SEQ: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// Node's diagnostic file name: `<prefix>.<yyyymmdd>.<hhmmss>.<pid>.<thread>.<seq>.<ext>`
/// in local time, with a process-wide sequence number.
fn diagnostic_filename(prefix: &str, ext: &str) -> String {
    let seq = DIAGNOSTIC_SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
    // SAFETY: time(NULL) only returns the clock.
    let now = unsafe { libc::time(std::ptr::null_mut()) };
    // SAFETY: all-zero is a valid `tm` (plain integers and a null zone pointer).
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are valid for the call; localtime_r is the reentrant form.
    unsafe { libc::localtime_r(&now, &mut tm) };
    format!(
        "{prefix}.{:04}{:02}{:02}.{:02}{:02}{:02}.{}.0.{seq:03}.{ext}",
        tm.tm_year + 1900,
        tm.tm_mon + 1,
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        std::process::id(),
    )
}

/// `diagnosticFilename()`: the next heap snapshot file name (see `diagnostic_filename`).
fn diagnostic_filename_op(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let name = diagnostic_filename("Heap", "heapsnapshot");
    rv.set(str(scope, &name).into());
}

/// Streams a heap snapshot into a new file at `path`.
fn write_snapshot_file(isolate: &mut v8::Isolate, path: &str) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
    let mut failed: Option<std::io::Error> = None;
    isolate.take_heap_snapshot(|chunk| match w.write_all(chunk) {
        Ok(()) => true,
        Err(e) => {
            failed = Some(e);
            false
        }
    });
    match failed {
        Some(e) => Err(e),
        None => w.flush(),
    }
}

/// `setHeapSnapshotNearHeapLimit` state: how many snapshots may still be written.
#[derive(Default)]
struct NearLimit {
    isolate: Option<v8::UnsafeRawIsolatePtr>,
    remaining: u32,
    in_callback: bool,
}

thread_local! {
    static NEAR_LIMIT: RefCell<NearLimit> = RefCell::new(NearLimit::default());
}

/// Headroom given to the heap after a near-limit snapshot: the snapshot itself may promote
/// the young generation.
fn young_generation_headroom(isolate: &mut v8::Isolate) -> usize {
    let (_, spaces) = heap_sample(isolate);
    let young: f64 = spaces
        .iter()
        .filter(|(name, _)| name == "new_space" || name == "new_large_object_space")
        .map(|(_, v)| v[0])
        .sum();
    (young as usize).max(16 << 20)
}

unsafe extern "C" fn near_heap_limit(
    _data: *mut c_void,
    current_heap_limit: usize,
    _initial_heap_limit: usize,
) -> usize {
    let Some(ptr) = NEAR_LIMIT.with(|n| n.borrow().isolate) else {
        return current_heap_limit;
    };
    // SAFETY: the pointer was stored by `set_heap_snapshot_near_heap_limit` on this thread
    // for the isolate that calls this callback (it is removed before the isolate goes).
    let mut isolate = unsafe { v8::Isolate::from_raw_isolate_ptr_unchecked(ptr) };
    let new_limit = current_heap_limit + young_generation_headroom(&mut isolate);
    let nested = NEAR_LIMIT.with(|n| {
        let mut n = n.borrow_mut();
        std::mem::replace(&mut n.in_callback, true)
    });
    if nested {
        return new_limit;
    }
    let name = diagnostic_filename("Heap", "heapsnapshot");
    let path = match std::env::current_dir() {
        Ok(dir) => dir.join(&name).to_string_lossy().into_owned(),
        Err(_) => name,
    };
    let written = write_snapshot_file(&mut isolate, &path);
    let done = NEAR_LIMIT.with(|n| {
        let mut n = n.borrow_mut();
        n.in_callback = false;
        n.remaining = n.remaining.saturating_sub(1);
        n.remaining == 0
    });
    if done {
        isolate.remove_near_heap_limit_callback(near_heap_limit, 0);
    }
    if written.is_ok() {
        eprintln!("Wrote snapshot to {path}");
    }
    new_limit
}

/// `setHeapSnapshotNearHeapLimit(limit)`: writes up to `limit` heap snapshots (named like
/// `writeHeapSnapshot()`'s, in the working directory) when the heap nears its limit. Only
/// the first call has an effect, as in Node.
fn set_heap_snapshot_near_heap_limit(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let limit = args.get(0).uint32_value(scope).unwrap_or(0);
    if limit == 0 {
        return;
    }
    // SAFETY: the raw pointer is only turned back into an Isolate on this thread, by the
    // callback V8 runs for this isolate.
    let ptr = unsafe { scope.as_raw_isolate_ptr() };
    let added = NEAR_LIMIT.with(|n| {
        let mut n = n.borrow_mut();
        if n.isolate.is_some() {
            return false;
        }
        n.isolate = Some(ptr);
        n.remaining = limit;
        true
    });
    if added {
        scope.add_near_heap_limit_callback(near_heap_limit, std::ptr::null_mut());
    }
}

/// `setPromiseHooks(init, before, after, settled)`: the current context's promise hooks
/// (a non-function clears that hook).
fn set_promise_hooks(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let hook = |i: i32| v8::Local::<v8::Function>::try_from(args.get(i)).ok();
    scope.set_promise_hooks(hook(0), hook(1), hook(2), hook(3));
}

// ---------------------------------------------------------------------------------------
// GC profiler: heap statistics before and after every GC between start and stop.

/// One GC seen by the profiler.
#[derive(Clone)]
struct GcRecord {
    gc_type: &'static str,
    before: HeapSample,
    after: Option<HeapSample>,
    start: std::time::Instant,
    cost_us: f64,
}

/// The running profilers (by id) and the GC in progress; the GC callbacks are installed
/// while at least one profiler runs.
#[derive(Default)]
struct GcProfilers {
    next_id: u32,
    running: std::collections::HashMap<u32, Vec<GcRecord>>,
    current: Option<GcRecord>,
}

thread_local! {
    static GC_PROFILERS: RefCell<GcProfilers> = RefCell::new(GcProfilers::default());
}

fn gc_type_name(t: v8::GCType) -> &'static str {
    match t.0 {
        1 => "Scavenge",
        2 => "MinorMarkCompact",
        4 => "MarkSweepCompact",
        8 => "IncrementalMarking",
        16 => "ProcessWeakCallbacks",
        _ => "Unknown",
    }
}

extern "C" fn gc_prologue(
    isolate: v8::UnsafeRawIsolatePtr,
    gc_type: v8::GCType,
    _flags: v8::GCCallbackFlags,
    _data: *mut c_void,
) {
    // SAFETY: V8 calls GC callbacks on the isolate's thread with the isolate it belongs to.
    let mut isolate = unsafe { v8::Isolate::from_raw_isolate_ptr_unchecked(isolate) };
    let before = heap_sample(&mut isolate);
    GC_PROFILERS.with(|p| {
        p.borrow_mut().current = Some(GcRecord {
            gc_type: gc_type_name(gc_type),
            before,
            after: None,
            start: std::time::Instant::now(),
            cost_us: 0.0,
        });
    });
}

extern "C" fn gc_epilogue(
    isolate: v8::UnsafeRawIsolatePtr,
    _gc_type: v8::GCType,
    _flags: v8::GCCallbackFlags,
    _data: *mut c_void,
) {
    // SAFETY: as in `gc_prologue`.
    let mut isolate = unsafe { v8::Isolate::from_raw_isolate_ptr_unchecked(isolate) };
    let after = heap_sample(&mut isolate);
    GC_PROFILERS.with(|p| {
        let mut p = p.borrow_mut();
        let Some(mut record) = p.current.take() else {
            return;
        };
        record.cost_us = record.start.elapsed().as_secs_f64() * 1e6;
        record.after = Some(after);
        for records in p.running.values_mut() {
            records.push(record.clone());
        }
    });
}

/// `gcProfilerStart()`: starts a profiler and returns its id.
fn gc_profiler_start(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let (id, first) = GC_PROFILERS.with(|p| {
        let mut p = p.borrow_mut();
        p.next_id = p.next_id.wrapping_add(1);
        let id = p.next_id;
        p.running.insert(id, Vec::new());
        (id, p.running.len() == 1)
    });
    if first {
        scope.add_gc_prologue_callback(gc_prologue, std::ptr::null_mut(), v8::GCType::kGCTypeAll);
        scope.add_gc_epilogue_callback(gc_epilogue, std::ptr::null_mut(), v8::GCType::kGCTypeAll);
    }
    rv.set(num(scope, id as f64));
}

/// `gcProfilerStop(id)`: stops that profiler and returns
/// `[[gcType, costMicros, beforeHeap, beforeSpaces, afterHeap, afterSpaces], ...]`
/// (the numbers as arrays, see heapStatistics/heapSpaceStatistics), or undefined if it
/// was not running.
fn gc_profiler_stop(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let id = args.get(0).uint32_value(scope).unwrap_or(0);
    let stopped = GC_PROFILERS.with(|p| {
        let mut p = p.borrow_mut();
        let records = p.running.remove(&id)?;
        Some((records, p.running.is_empty()))
    });
    let Some((records, last)) = stopped else {
        return;
    };
    if last {
        scope.remove_gc_prologue_callback(gc_prologue, std::ptr::null_mut());
        scope.remove_gc_epilogue_callback(gc_epilogue, std::ptr::null_mut());
    }
    let mut rows = Vec::new();
    for r in records {
        let Some(after) = r.after else { continue };
        let items: Vec<v8::Local<v8::Value>> = vec![
            str(scope, r.gc_type).into(),
            num(scope, r.cost_us),
            numbers(scope, &r.before.0),
            space_values_to_js(scope, &r.before.1),
            numbers(scope, &after.0),
            space_values_to_js(scope, &after.1),
        ];
        rows.push(v8::Array::new_with_elements(scope, &items).into());
    }
    rv.set(v8::Array::new_with_elements(scope, &rows).into());
}
