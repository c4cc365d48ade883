//! `internalBinding(name)`: the registry of native op groups, plus the small helpers every
//! op uses to read arguments, build values and throw Node-shaped errors.

use crate::ops;
use v8::MapFnTo;

pub type Scope<'s, 'i> = v8::PinScope<'s, 'i>;

/// One native op: its JS name and the V8 callback.
pub type OpFn = (&'static str, v8::FunctionCallback);

/// Pairs a JS name with an op function (any `fn(scope, args, rv)` or capture-less closure).
pub fn op(name: &'static str, f: impl v8::MapFnTo<v8::FunctionCallback>) -> OpFn {
    (name, f.map_fn_to())
}

/// The function that lists one area's ops.
pub type OpList = fn() -> Vec<OpFn>;

/// Every `internalBinding` area and its ops. The snapshot's external references are built
/// from this table, so a function reachable from the startup snapshot must be listed here.
pub const BINDINGS: &[(&str, OpList)] = &[
    ("errors", ops::errors::functions),
    ("buffer", ops::buffer::functions),
    ("url", ops::url::functions),
    ("util", ops::util::functions),
    ("types", ops::types::functions),
    ("timers", ops::timers::functions),
    ("process", ops::process::functions),
    ("fs", ops::fs::functions),
    ("os", ops::os::functions),
    ("modules", ops::modules::functions),
    ("stdio", ops::stdio::functions),
    ("signals", ops::signals::functions),
    ("spawn", ops::spawn::functions),
    ("vm", ops::vm::functions),
    ("v8", ops::v8::functions),
];

/// Builds the object returned by `internalBinding(name)`, or None for an unknown name.
pub fn create_binding<'s>(
    scope: &mut Scope<'s, '_>,
    name: &str,
) -> Option<v8::Local<'s, v8::Object>> {
    let obj = v8::Object::new(scope);
    let (_, functions) = BINDINGS.iter().find(|(n, _)| *n == name)?;
    for (fname, cb) in functions() {
        set_fn_raw(scope, obj, fname, cb);
    }
    Some(obj)
}

/// The external references of every native function, in a fixed order (the same when the
/// snapshot is made and when it is loaded).
pub fn external_references() -> Vec<v8::ExternalReference> {
    let mut refs = vec![v8::ExternalReference {
        function: internal_binding.map_fn_to(),
    }];
    for (_, functions) in BINDINGS {
        for (_, cb) in functions() {
            refs.push(v8::ExternalReference { function: cb });
        }
    }
    refs
}

fn set_fn_raw(scope: &mut Scope, obj: v8::Local<v8::Object>, name: &str, cb: v8::FunctionCallback) {
    let f = v8::Function::builder_raw(cb)
        .build(scope)
        .expect("function");
    let key = v8::String::new(scope, name).expect("string");
    f.set_name(key);
    obj.set(scope, key.into(), f.into());
}

/// `internalBinding(name)`, exposed to bootstrap.js.
pub fn internal_binding(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let name = args.get(0).to_rust_string_lossy(scope);
    match create_binding(scope, &name) {
        Some(obj) => rv.set(obj.into()),
        None => throw_error(scope, &format!("No such binding: {name}")),
    }
}

pub fn set_fn(
    scope: &mut Scope,
    obj: v8::Local<v8::Object>,
    name: &str,
    cb: impl v8::MapFnTo<v8::FunctionCallback>,
) {
    let f = v8::Function::builder(cb).build(scope).expect("function");
    let key = v8::String::new(scope, name).expect("string");
    f.set_name(key);
    obj.set(scope, key.into(), f.into());
}

pub fn set_val(
    scope: &mut Scope,
    obj: v8::Local<v8::Object>,
    name: &str,
    val: v8::Local<v8::Value>,
) {
    let key = v8::String::new(scope, name).expect("string");
    obj.set(scope, key.into(), val);
}

pub fn str<'s>(scope: &mut Scope<'s, '_>, s: &str) -> v8::Local<'s, v8::String> {
    v8::String::new(scope, s).unwrap_or_else(|| v8::String::empty(scope))
}

pub fn num<'s>(scope: &mut Scope<'s, '_>, n: f64) -> v8::Local<'s, v8::Value> {
    v8::Number::new(scope, n).into()
}

pub fn arg_string(scope: &mut Scope, args: &v8::FunctionCallbackArguments, i: i32) -> String {
    args.get(i).to_rust_string_lossy(scope)
}

pub fn arg_f64(scope: &mut Scope, args: &v8::FunctionCallbackArguments, i: i32) -> f64 {
    args.get(i).number_value(scope).unwrap_or(f64::NAN)
}

pub fn arg_i64(scope: &mut Scope, args: &v8::FunctionCallbackArguments, i: i32) -> i64 {
    let n = arg_f64(scope, args, i);
    if n.is_finite() {
        n as i64
    } else {
        0
    }
}

/// The bytes of an ArrayBufferView argument (Uint8Array, Buffer, DataView, …).
///
/// The slice aliases V8's backing store: callers must not run JS (which could detach or
/// resize the buffer) while holding it.
pub fn view_bytes<'a>(view: v8::Local<v8::ArrayBufferView>) -> &'a mut [u8] {
    let len = view.byte_length();
    if len == 0 {
        return &mut [];
    }
    let ptr = view.data() as *mut u8;
    if ptr.is_null() {
        return &mut [];
    }
    // SAFETY: `data()` points at `byte_length()` bytes of the view's live backing store;
    // the op holds the slice only while no JS runs, so the buffer cannot be detached.
    unsafe { std::slice::from_raw_parts_mut(ptr, len) }
}

pub fn arg_bytes<'a>(args: &v8::FunctionCallbackArguments, i: i32) -> Option<&'a mut [u8]> {
    let v = args.get(i);
    let view: v8::Local<v8::ArrayBufferView> = v.try_into().ok()?;
    Some(view_bytes(view))
}

/// A new Uint8Array owning `data`.
pub fn uint8_array<'s>(scope: &mut Scope<'s, '_>, data: Vec<u8>) -> v8::Local<'s, v8::Uint8Array> {
    let len = data.len();
    let store = v8::ArrayBuffer::new_backing_store_from_vec(data).make_shared();
    let ab = v8::ArrayBuffer::with_backing_store(scope, &store);
    v8::Uint8Array::new(scope, ab, 0, len).expect("uint8array")
}

pub fn throw_error(scope: &mut Scope, msg: &str) {
    let m = str(scope, msg);
    let e = v8::Exception::error(scope, m);
    scope.throw_exception(e);
}

pub fn throw_type_error(scope: &mut Scope, msg: &str) {
    let m = str(scope, msg);
    let e = v8::Exception::type_error(scope, m);
    scope.throw_exception(e);
}

/// An Error shaped like Node's system errors: message `CODE: description, syscall 'path'`,
/// with `errno` (negative), `code`, `syscall`, `path`, `dest`.
pub fn errno_error<'s>(
    scope: &mut Scope<'s, '_>,
    errno: i32,
    syscall: &str,
    path: Option<&str>,
    dest: Option<&str>,
) -> v8::Local<'s, v8::Value> {
    let (code, desc) = ops::errors::errno_info(errno);
    let mut msg = format!("{code}: {desc}, {syscall}");
    if let Some(p) = path {
        msg.push_str(&format!(" '{p}'"));
    }
    if let Some(d) = dest {
        msg.push_str(&format!(" -> '{d}'"));
    }
    let m = str(scope, &msg);
    let e = v8::Exception::error(scope, m);
    let obj: v8::Local<v8::Object> = e.try_into().expect("error object");
    let n = num(scope, -(errno as f64));
    set_val(scope, obj, "errno", n);
    let c = str(scope, code).into();
    set_val(scope, obj, "code", c);
    let s = str(scope, syscall).into();
    set_val(scope, obj, "syscall", s);
    if let Some(p) = path {
        let p = str(scope, p).into();
        set_val(scope, obj, "path", p);
    }
    if let Some(d) = dest {
        let d = str(scope, d).into();
        set_val(scope, obj, "dest", d);
    }
    e
}

pub fn io_errno(err: &std::io::Error) -> i32 {
    err.raw_os_error().unwrap_or(libc_eio())
}

fn libc_eio() -> i32 {
    5
}

pub fn throw_io(
    scope: &mut Scope,
    err: &std::io::Error,
    syscall: &str,
    path: Option<&str>,
    dest: Option<&str>,
) {
    let e = errno_error(scope, io_errno(err), syscall, path, dest);
    scope.throw_exception(e);
}
