//! `internalBinding('vm')`: contextified V8 contexts (a global object whose named and indexed
//! interceptors forward property access to a "sandbox" object), compiled scripts that can
//! run in any context, `compileFunction`, script timeouts (a watchdog thread terminating the
//! isolate), code caches and a heap-statistics based `measureMemory`.
//!
//! Ownership and GC: nothing here is held from Rust. The sandbox keeps its context through a
//! private symbol whose value is the context's global proxy (a global proxy keeps its
//! context alive, and `get_creation_context` maps it back); the context's global template
//! keeps the sandbox as interceptor data. Both are ordinary heap edges, so a context and its
//! sandbox are collected together. A per-context microtask queue (`microtaskMode:
//! 'afterEvaluate'`) is kept alive by the contexts associated with it.
//!
//! Code compiled here carries a symbol in its V8 host-defined options. When js/internal/vm.js
//! loads, this binding installs the isolate's dynamic-import (and later import.meta)
//! callbacks: `import()` from such code goes to the vm's JS hook, every other request is
//! passed unchanged to `crate::modules`.

use crate::bindings::{op, set_val, str, uint8_array, OpFn, Scope};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// On a sandbox: the global proxy of its context.
const CONTEXT_KEY: &str = "rnode:vm:contextGlobal";
/// On a context's global proxy: `codeGeneration.wasm === false`.
const NO_WASM_KEY: &str = "rnode:vm:noWasm";
/// On a context's global proxy: the context runs its own microtask queue after evaluation.
const OWN_QUEUE_KEY: &str = "rnode:vm:ownMicrotaskQueue";
/// On a context's global proxy: the host id for `import()` from code without a referrer.
const HOST_ID_KEY: &str = "rnode:vm:hostId";
/// On an exception: its `stack` already starts with the source arrow.
const DECORATED_KEY: &str = "rnode:vm:decorated";

/// Internal fields of a script handle: the UnboundScript, a brand, and
/// `[filename, lineOffset, columnOffset]` for error arrows.
const SCRIPT_FIELDS: usize = 3;
const SCRIPT_BRAND: i32 = 0x564d_5343;

/// Settles the exception a TryCatch `$tc` holds: re-throws it as is, or decorates its stack
/// (when `$display`) and hands it back to be thrown again outside the TryCatch.
macro_rules! caught {
    ($tc:ident, $display:expr, $info:expr) => {{
        if $tc.has_terminated() {
            $tc.rethrow();
            Failure::Rethrown
        } else {
            let exc = $tc.exception().unwrap_or_else(|| v8::undefined($tc).into());
            let msg = $tc.message();
            if $display && decorate($tc, exc, msg, $info) {
                Failure::Decorated(exc)
            } else {
                $tc.rethrow();
                Failure::Rethrown
            }
        }
    }};
}

/// Isolate-wide state of the vm binding (an isolate slot).
#[derive(Default)]
struct VmState {
    /// JS `(kind, arg) => Error`: builds the Node errors this binding throws.
    make_error: Option<v8::Global<v8::Function>>,
    /// JS `(hostId, specifier, referrerName, attributes) => Promise` for `import()` in vm code.
    import_hook: Option<v8::Global<v8::Function>>,
    script_template: Option<v8::Global<v8::ObjectTemplate>>,
    module_template: Option<v8::Global<v8::ObjectTemplate>>,
    /// Handles of vm modules by the modules' identity hash (weak: a handle lives as long as
    /// its JS vm.Module).
    modules: std::collections::HashMap<i32, Vec<v8::Weak<v8::Object>>>,
    /// JS `(handle) => void`: runs a SyntheticModule's evaluate callback.
    synthetic_hook: Option<v8::Global<v8::Function>>,
    /// JS `(handle, meta) => void`: a SourceTextModule's `initializeImportMeta`.
    import_meta_hook: Option<v8::Global<v8::Function>>,
    wasm_callback_installed: bool,
}

fn private<'s>(scope: &mut Scope<'s, '_>, name: &str) -> v8::Local<'s, v8::Private> {
    let n = str(scope, name);
    v8::Private::for_api(scope, Some(n))
}

fn get_private<'s>(
    scope: &mut Scope<'s, '_>,
    obj: v8::Local<v8::Object>,
    name: &str,
) -> Option<v8::Local<'s, v8::Value>> {
    let key = private(scope, name);
    let v = obj.get_private(scope, key)?;
    if v.is_undefined() {
        None
    } else {
        Some(v)
    }
}

fn set_private(scope: &mut Scope, obj: v8::Local<v8::Object>, name: &str, v: v8::Local<v8::Value>) {
    let key = private(scope, name);
    obj.set_private(scope, key, v);
}

pub fn functions() -> Vec<OpFn> {
    vec![
        op("setErrorFactory", set_error_factory),
        op("setImportHook", set_import_hook),
        op("makeContext", make_context),
        op("isContext", is_context),
        op("compileScript", compile_script),
        op("runScript", run_script),
        op("createCachedData", create_cached_data),
        op("compileFunction", compile_function),
        op("measureMemory", measure_memory),
        op("setModuleHooks", set_module_hooks),
        op("moduleCompile", module_compile),
        op("moduleCreateSynthetic", module_create_synthetic),
        op("moduleLink", module_link),
        op("moduleInstantiate", module_instantiate),
        op("moduleEvaluate", module_evaluate),
        op("moduleStatus", module_status),
        op("moduleNamespace", module_namespace),
        op("moduleError", module_error),
        op("moduleSetExport", module_set_export),
        op("moduleCreateCachedData", module_create_cached_data),
    ]
}

fn vm_state<'a>(scope: &'a mut Scope) -> &'a mut VmState {
    if scope.get_slot::<VmState>().is_none() {
        scope.set_slot(VmState::default());
    }
    scope.get_slot_mut::<VmState>().expect("vm state")
}

/// The template of script handles (internal fields only), made once per isolate.
fn script_template<'s>(scope: &mut Scope<'s, '_>) -> v8::Local<'s, v8::ObjectTemplate> {
    if let Some(t) = vm_state(scope).script_template.clone() {
        return v8::Local::new(scope, t);
    }
    let t = v8::ObjectTemplate::new(scope);
    t.set_internal_field_count(SCRIPT_FIELDS);
    let g = v8::Global::new(scope, t);
    vm_state(scope).script_template = Some(g);
    t
}

fn set_error_factory(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    if let Ok(f) = v8::Local::<v8::Function>::try_from(args.get(0)) {
        let g = v8::Global::new(scope, f);
        vm_state(scope).make_error = Some(g);
    }
}

/// `setImportHook(fn)`: serves `import()` from code compiled by vm (code whose host-defined
/// options carry a vm id symbol). Installs the isolate's dynamic import callback, which hands
/// every other `import()` to [`crate::modules::dynamic_import_callback`] unchanged.
fn set_import_hook(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(f) = v8::Local::<v8::Function>::try_from(args.get(0)) else {
        return;
    };
    let g = v8::Global::new(scope, f);
    vm_state(scope).import_hook = Some(g);
    scope.set_host_import_module_dynamically_callback(dynamic_import);
}

/// The vm id symbol in a script's host-defined options, if vm compiled it.
fn vm_host_id<'s>(
    scope: &mut Scope<'s, '_>,
    options: v8::Local<v8::Data>,
) -> Option<v8::Local<'s, v8::Value>> {
    let arr: v8::Local<v8::FixedArray> = options.try_into().ok()?;
    if arr.length() != 1 {
        return None;
    }
    let first = arr.get(scope, 0)?;
    let v: v8::Local<v8::Value> = first.try_into().ok()?;
    v.is_symbol().then_some(v)
}

fn dynamic_import<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    host_defined_options: v8::Local<'s, v8::Data>,
    resource_name: v8::Local<'s, v8::Value>,
    specifier: v8::Local<'s, v8::String>,
    import_attributes: v8::Local<'s, v8::FixedArray>,
) -> Option<v8::Local<'s, v8::Promise>> {
    let hook = vm_state(scope).import_hook.clone();
    let id = vm_host_id(scope, host_defined_options).or_else(|| {
        // No referrer script (e.g. a callback V8 runs itself): the context's own id, if vm
        // made the context.
        let global = scope.get_current_context().global(scope);
        get_private(scope, global, HOST_ID_KEY).filter(|v| v.is_symbol())
    });
    if let (Some(id), Some(hook)) = (id, hook) {
        // Attributes arrive as [key, value, key, value, ...].
        let mut attrs = Vec::new();
        for i in 0..import_attributes.length() {
            if let Some(v) = import_attributes
                .get(scope, i)
                .and_then(|d| v8::Local::<v8::Value>::try_from(d).ok())
            {
                attrs.push(v);
            }
        }
        let attrs = v8::Array::new_with_elements(scope, &attrs).into();
        let f = v8::Local::new(scope, hook);
        let undef = v8::undefined(scope).into();
        let r = f.call(scope, undef, &[id, specifier.into(), resource_name, attrs])?;
        return r.try_into().ok();
    }
    crate::modules::dynamic_import_callback(
        scope,
        host_defined_options,
        resource_name,
        specifier,
        import_attributes,
    )
}

/// Throws the Node error `kind` built by the JS factory (a plain Error if none is set).
fn throw_node_error(scope: &mut Scope, kind: &str, arg: v8::Local<v8::Value>) {
    let factory = scope
        .get_slot::<VmState>()
        .and_then(|s| s.make_error.clone());
    if let Some(f) = factory {
        let f = v8::Local::new(scope, &f);
        let k = str(scope, kind).into();
        let undef = v8::undefined(scope).into();
        if let Some(err) = f.call(scope, undef, &[k, arg]) {
            scope.throw_exception(err);
        }
        return;
    }
    crate::bindings::throw_error(scope, kind);
}

// ---- Contexts -----------------------------------------------------------------------

/// The context to compile in: `parsingContext` when given (throwing a TypeError when it is
/// not a vm context), else the current one.
fn parsing_context<'s>(
    scope: &mut Scope<'s, '_>,
    parsing: v8::Local<v8::Value>,
) -> Option<v8::Local<'s, v8::Context>> {
    if !parsing.is_object() {
        return Some(scope.get_current_context());
    }
    let context = context_of(scope, parsing);
    if context.is_none() {
        crate::bindings::throw_type_error(scope, "parsingContext is not a vm.Context");
    }
    context
}

/// The context whose sandbox is `value`, if `value` was contextified.
fn context_of<'s>(
    scope: &mut Scope<'s, '_>,
    value: v8::Local<v8::Value>,
) -> Option<v8::Local<'s, v8::Context>> {
    let obj: v8::Local<v8::Object> = value.try_into().ok()?;
    let global: v8::Local<v8::Object> = get_private(scope, obj, CONTEXT_KEY)?.try_into().ok()?;
    global.get_creation_context(scope)
}

/// `isContext(obj)`.
fn is_context(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let yes = match v8::Local::<v8::Object>::try_from(args.get(0)) {
        Ok(obj) => get_private(scope, obj, CONTEXT_KEY).is_some(),
        Err(_) => false,
    };
    rv.set_bool(yes);
}

/// `makeContext(sandbox, name, origin, allowStrings, allowWasm, ownMicrotaskQueue, hostId)`.
/// The name and origin only matter to an inspector, which rnode does not have.
fn make_context(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(sandbox) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        crate::bindings::throw_type_error(scope, "sandbox must be an object");
        return;
    };
    let allow_strings = args.get(3).boolean_value(scope);
    let allow_wasm = args.get(4).boolean_value(scope);
    let own_queue = args.get(5).boolean_value(scope);
    let host_id = args.get(6);

    // The interceptors find the sandbox in this array. It stays empty while V8 builds the
    // context: the built-ins it installs on the new global must not be answered from the
    // sandbox (for `createContext(globalThis)` they would all appear to exist already).
    let holder = v8::Array::new(scope, 0);
    let data: v8::Local<v8::Value> = holder.into();
    let templ = v8::ObjectTemplate::new(scope);
    let named = v8::NamedPropertyHandlerConfiguration::new()
        .getter(named_getter)
        .setter(named_setter)
        .descriptor(named_descriptor)
        .deleter(named_deleter)
        .enumerator(named_enumerator)
        .definer(named_definer)
        .data(data);
    templ.set_named_property_handler(named);
    let indexed = v8::IndexedPropertyHandlerConfiguration::new()
        .getter(indexed_getter)
        .setter(indexed_setter)
        .descriptor(indexed_descriptor)
        .deleter(indexed_deleter)
        .enumerator(indexed_enumerator)
        .definer(indexed_definer)
        .data(data);
    templ.set_indexed_property_handler(indexed);

    let queue = if own_queue {
        Some(v8::MicrotaskQueue::new(
            scope,
            v8::MicrotasksPolicy::Explicit,
        ))
    } else {
        None
    };
    let queue_ptr = queue
        .as_ref()
        .map(|q| &**q as *const v8::MicrotaskQueue as *mut v8::MicrotaskQueue);
    let main = scope.get_current_context();
    let context = v8::Context::new(
        scope,
        v8::ContextOptions {
            global_template: Some(templ),
            global_object: None,
            microtask_queue: queue_ptr,
        },
    );
    // The context now keeps its queue alive (V8's cppgc-managed microtask queues).
    drop(queue);
    // Same security token as the main context: code on either side may touch the other's
    // objects (the global proxy is access-checked otherwise).
    let token = main.get_security_token(scope);
    context.set_security_token(token);
    context.set_allow_generation_from_strings(allow_strings);
    let global = context.global(scope);
    holder.set_index(scope, 0, sandbox.into());
    if !allow_wasm {
        let t = v8::Boolean::new(scope, true).into();
        set_private(scope, global, NO_WASM_KEY, t);
        install_wasm_callback(scope);
    }
    if own_queue {
        let t = v8::Boolean::new(scope, true).into();
        set_private(scope, global, OWN_QUEUE_KEY, t);
    }
    if host_id.is_symbol() {
        set_private(scope, global, HOST_ID_KEY, host_id);
    }
    set_private(scope, sandbox, CONTEXT_KEY, global.into());
}

fn install_wasm_callback(scope: &mut Scope) {
    let installed = scope
        .get_slot::<VmState>()
        .is_some_and(|s| s.wasm_callback_installed);
    if installed {
        return;
    }
    scope.set_allow_wasm_code_generation_callback(allow_wasm_code_generation);
    vm_state(scope).wasm_callback_installed = true;
}

/// Wasm compilation is allowed except in contexts made with `codeGeneration.wasm: false`.
unsafe extern "C" fn allow_wasm_code_generation(
    context: v8::Local<v8::Context>,
    _source: v8::Local<v8::String>,
) -> bool {
    v8::callback_scope!(unsafe scope, context);
    let global = context.global(scope);
    get_private(scope, global, NO_WASM_KEY).is_none()
}

// ---- Interceptors ---------------------------------------------------------------------
//
// Reads come from the sandbox first (own and inherited properties), then the real global.
// Writes go to the sandbox; unless the sandbox property is an accessor they also fall
// through to the global, so declarations keep working. Definitions are mirrored onto the
// sandbox; deletions are applied to both.

fn sandbox_of<'s>(
    scope: &mut Scope<'s, '_>,
    args: &v8::PropertyCallbackArguments,
) -> Option<v8::Local<'s, v8::Object>> {
    let holder: v8::Local<v8::Array> = args.data().try_into().ok()?;
    holder.get_index(scope, 0)?.try_into().ok()
}

/// The global proxy of the sandbox's context (what `this` is inside it).
fn global_proxy_of<'s>(
    scope: &mut Scope<'s, '_>,
    sandbox: v8::Local<v8::Object>,
) -> Option<v8::Local<'s, v8::Object>> {
    get_private(scope, sandbox, CONTEXT_KEY)?.try_into().ok()
}

fn getter_impl(
    scope: &mut Scope,
    key: v8::Local<v8::Name>,
    args: &v8::PropertyCallbackArguments,
    rv: &mut v8::ReturnValue<v8::Value>,
) -> v8::Intercepted {
    let Some(sandbox) = sandbox_of(scope, args) else {
        return v8::Intercepted::kNo;
    };
    let Some(mut v) = sandbox.get_real_named_property(scope, key) else {
        return v8::Intercepted::kNo;
    };
    if v == v8::Local::<v8::Value>::from(sandbox) {
        if let Some(g) = global_proxy_of(scope, sandbox) {
            v = g.into();
        }
    }
    rv.set(v);
    v8::Intercepted::kYes
}

fn setter_impl(
    scope: &mut Scope,
    key: v8::Local<v8::Name>,
    value: v8::Local<v8::Value>,
    args: &v8::PropertyCallbackArguments,
) -> v8::Intercepted {
    let Some(sandbox) = sandbox_of(scope, args) else {
        return v8::Intercepted::kNo;
    };
    let holder = args.holder();
    let on_global = holder.get_real_named_property_attributes(scope, key);
    let on_sandbox = sandbox.get_real_named_property_attributes(scope, key);
    let read_only =
        |a: &Option<v8::PropertyAttribute>| a.as_ref().is_some_and(|a| a.is_read_only());
    if read_only(&on_global) || read_only(&on_sandbox) {
        // Let V8 apply the normal read-only semantics on the global.
        return v8::Intercepted::kNo;
    }
    let declared = on_global.is_some() || on_sandbox.is_some();
    if !declared && key.is_symbol() {
        return v8::Intercepted::kNo;
    }
    if sandbox.set(scope, key.into(), value).is_none() {
        // The sandbox threw (a setter or a proxy trap): the exception propagates.
        return v8::Intercepted::kYes;
    }
    if on_sandbox.is_some() {
        if let Some(desc) = sandbox.get_own_property_descriptor(scope, key) {
            if let Ok(desc) = v8::Local::<v8::Object>::try_from(desc) {
                let get = str(scope, "get");
                let set = str(scope, "set");
                let is_accessor = desc.has_own_property(scope, get.into()) == Some(true)
                    || desc.has_own_property(scope, set.into()) == Some(true);
                if is_accessor {
                    return v8::Intercepted::kYes;
                }
            }
        }
    }
    v8::Intercepted::kNo
}

fn descriptor_impl(
    scope: &mut Scope,
    key: v8::Local<v8::Name>,
    args: &v8::PropertyCallbackArguments,
    rv: &mut v8::ReturnValue<v8::Value>,
) -> v8::Intercepted {
    let Some(sandbox) = sandbox_of(scope, args) else {
        return v8::Intercepted::kNo;
    };
    match sandbox.has_own_property(scope, key) {
        Some(true) => {}
        Some(false) => return v8::Intercepted::kNo,
        None => return v8::Intercepted::kYes,
    }
    match sandbox.get_own_property_descriptor(scope, key) {
        Some(desc) => {
            rv.set(desc);
            v8::Intercepted::kYes
        }
        None => v8::Intercepted::kYes,
    }
}

fn deleter_impl(
    scope: &mut Scope,
    key: v8::Local<v8::Name>,
    args: &v8::PropertyCallbackArguments,
    rv: &mut v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    let Some(sandbox) = sandbox_of(scope, args) else {
        return v8::Intercepted::kNo;
    };
    match sandbox.delete(scope, key.into()) {
        // Deleted (or absent) on the sandbox: delete from the global too.
        Some(true) => v8::Intercepted::kNo,
        Some(false) => {
            rv.set_bool(false);
            v8::Intercepted::kYes
        }
        None => v8::Intercepted::kYes,
    }
}

fn definer_impl(
    scope: &mut Scope,
    key: v8::Local<v8::Name>,
    desc: &v8::PropertyDescriptor,
    args: &v8::PropertyCallbackArguments,
) -> v8::Intercepted {
    let Some(sandbox) = sandbox_of(scope, args) else {
        return v8::Intercepted::kNo;
    };
    let holder = args.holder();
    if let Some(attrs) = holder.get_real_named_property_attributes(scope, key) {
        if attrs.is_read_only() && attrs.is_dont_delete() {
            // Frozen on the global: V8 decides (and reports) what the definition does.
            return v8::Intercepted::kNo;
        }
    }
    let mut mirrored = if desc.has_get() || desc.has_set() {
        let undef: v8::Local<v8::Value> = v8::undefined(scope).into();
        let get = if desc.has_get() { desc.get() } else { undef };
        let set = if desc.has_set() { desc.set() } else { undef };
        v8::PropertyDescriptor::new_from_get_set(get, set)
    } else {
        let value = if desc.has_value() {
            desc.value()
        } else {
            v8::undefined(scope).into()
        };
        if desc.has_writable() {
            v8::PropertyDescriptor::new_from_value_writable(value, desc.writable())
        } else {
            v8::PropertyDescriptor::new_from_value(value)
        }
    };
    if desc.has_enumerable() {
        mirrored.set_enumerable(desc.enumerable());
    }
    if desc.has_configurable() {
        mirrored.set_configurable(desc.configurable());
    }
    let _ = sandbox.define_property(scope, key, &mirrored);
    v8::Intercepted::kNo
}

fn enumerator_impl<'s>(
    scope: &mut Scope<'s, '_>,
    args: &v8::PropertyCallbackArguments,
    indices: bool,
) -> Option<v8::Local<'s, v8::Array>> {
    let sandbox = sandbox_of(scope, args)?;
    let names = sandbox.get_property_names(
        scope,
        v8::GetPropertyNamesArgs {
            mode: v8::KeyCollectionMode::OwnOnly,
            property_filter: v8::PropertyFilter::SKIP_SYMBOLS,
            index_filter: v8::IndexFilter::IncludeIndices,
            key_conversion: v8::KeyConversionMode::KeepNumbers,
        },
    )?;
    let mut out = Vec::with_capacity(names.length() as usize);
    for i in 0..names.length() {
        let Some(k) = names.get_index(scope, i) else {
            continue;
        };
        let is_index = k.is_number();
        if is_index == indices {
            out.push(k);
        }
    }
    Some(v8::Array::new_with_elements(scope, &out))
}

fn named_getter<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) -> v8::Intercepted {
    getter_impl(scope, key, &args, &mut rv)
}

fn named_setter<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    value: v8::Local<'s, v8::Value>,
    args: v8::PropertyCallbackArguments<'s>,
    _rv: v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    setter_impl(scope, key, value, &args)
}

fn named_descriptor<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) -> v8::Intercepted {
    descriptor_impl(scope, key, &args, &mut rv)
}

fn named_deleter<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    deleter_impl(scope, key, &args, &mut rv)
}

fn named_definer<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    desc: &v8::PropertyDescriptor,
    args: v8::PropertyCallbackArguments<'s>,
    _rv: v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    definer_impl(scope, key, desc, &args)
}

fn named_enumerator<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Array>,
) {
    if let Some(arr) = enumerator_impl(scope, &args, false) {
        rv.set(arr);
    }
}

fn index_key<'s>(scope: &mut Scope<'s, '_>, index: u32) -> v8::Local<'s, v8::Name> {
    str(scope, &index.to_string()).into()
}

fn indexed_getter<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    index: u32,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) -> v8::Intercepted {
    let key = index_key(scope, index);
    getter_impl(scope, key, &args, &mut rv)
}

fn indexed_setter<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    index: u32,
    value: v8::Local<'s, v8::Value>,
    args: v8::PropertyCallbackArguments<'s>,
    _rv: v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    let key = index_key(scope, index);
    setter_impl(scope, key, value, &args)
}

fn indexed_descriptor<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    index: u32,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) -> v8::Intercepted {
    let key = index_key(scope, index);
    descriptor_impl(scope, key, &args, &mut rv)
}

fn indexed_deleter<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    index: u32,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    let key = index_key(scope, index);
    deleter_impl(scope, key, &args, &mut rv)
}

fn indexed_definer<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    index: u32,
    desc: &v8::PropertyDescriptor,
    args: v8::PropertyCallbackArguments<'s>,
    _rv: v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    let key = index_key(scope, index);
    definer_impl(scope, key, desc, &args)
}

fn indexed_enumerator<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Array>,
) {
    if let Some(arr) = enumerator_impl(scope, &args, true) {
        rv.set(arr);
    }
}

// ---- Scripts --------------------------------------------------------------------------

/// Script origin bits kept for the source arrow of errors.
struct OriginInfo {
    filename: String,
    line_offset: i32,
    column_offset: i32,
}

fn origin<'s>(
    scope: &mut Scope<'s, '_>,
    filename: v8::Local<'s, v8::String>,
    line_offset: i32,
    column_offset: i32,
    host_id: v8::Local<v8::Value>,
) -> v8::ScriptOrigin<'s> {
    let host_options = if host_id.is_symbol() {
        let arr = v8::PrimitiveArray::new(scope, 1);
        if let Ok(p) = v8::Local::<v8::Primitive>::try_from(host_id) {
            arr.set(scope, 0, p);
        }
        Some(v8::Local::<v8::Data>::from(arr))
    } else {
        None
    };
    v8::ScriptOrigin::new(
        scope,
        filename.into(),
        line_offset,
        column_offset,
        false,
        -1,
        None,
        false,
        false,
        false,
        host_options,
    )
}

/// A compile source, consuming `cached` (which must outlive the source) when given.
fn compile_source(
    code: v8::Local<v8::String>,
    origin: &v8::ScriptOrigin,
    cached: Option<&[u8]>,
) -> (
    v8::script_compiler::Source,
    v8::script_compiler::CompileOptions,
) {
    match cached {
        Some(bytes) => (
            v8::script_compiler::Source::new_with_cached_data(
                code,
                Some(origin),
                v8::script_compiler::CachedData::new(bytes),
            ),
            v8::script_compiler::CompileOptions::ConsumeCodeCache,
        ),
        None => (
            v8::script_compiler::Source::new(code, Some(origin)),
            v8::script_compiler::CompileOptions::NoCompileOptions,
        ),
    }
}

/// Copies the bytes of an ArrayBufferView argument (None when not a view).
fn view_copy(v: v8::Local<v8::Value>) -> Option<Vec<u8>> {
    let view: v8::Local<v8::ArrayBufferView> = v.try_into().ok()?;
    Some(crate::bindings::view_bytes(view).to_vec())
}

fn arg_i32(scope: &mut Scope, v: v8::Local<v8::Value>) -> i32 {
    v.int32_value(scope).unwrap_or(0)
}

/// `compileScript(target, code, filename, lineOffset, columnOffset, cachedData,
/// produceCachedData, parsingContext, hostId)` → script handle. Sets `cachedDataRejected`,
/// `cachedData`, `cachedDataProduced` and `sourceMapURL` on `target` as Node's Script has them.
fn compile_script(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(this) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        crate::bindings::throw_type_error(scope, "compileScript: target must be an object");
        return;
    };
    let Some(code) = args.get(1).to_string(scope) else {
        return;
    };
    let Some(filename) = args.get(2).to_string(scope) else {
        return;
    };
    let line_offset = arg_i32(scope, args.get(3));
    let column_offset = arg_i32(scope, args.get(4));
    let cached = view_copy(args.get(5));
    let produce = args.get(6).boolean_value(scope);
    let parsing = args.get(7);
    let host_id = args.get(8);
    let info = OriginInfo {
        filename: filename.to_rust_string_lossy(scope),
        line_offset,
        column_offset,
    };
    let Some(context) = parsing_context(scope, parsing) else {
        return;
    };

    let compiled = {
        let cscope = &mut v8::ContextScope::new(scope, context);
        let origin = origin(cscope, filename, line_offset, column_offset, host_id);
        let (mut source, options) = compile_source(code, &origin, cached.as_deref());
        v8::tc_scope!(let tc, cscope);
        let unbound = v8::script_compiler::compile_unbound_script(
            tc,
            &mut source,
            options,
            v8::script_compiler::NoCacheReason::NoReason,
        );
        match unbound {
            Some(u) => {
                let rejected = source.get_cached_data().map(|c| c.rejected());
                Ok((u, rejected))
            }
            None => Err(caught!(tc, true, Some(&info))),
        }
    };
    let (unbound, rejected) = match compiled {
        Ok(v) => v,
        Err(failure) => {
            throw_failure(scope, failure);
            return;
        }
    };
    if let Some(rejected) = rejected {
        let b = v8::Boolean::new(scope, rejected).into();
        set_val(scope, this, "cachedDataRejected", b);
    }
    if produce {
        match unbound.create_code_cache() {
            Some(data) => {
                let bytes = uint8_array(scope, data.to_vec()).into();
                set_val(scope, this, "cachedData", bytes);
                let t = v8::Boolean::new(scope, true).into();
                set_val(scope, this, "cachedDataProduced", t);
            }
            None => {
                let f = v8::Boolean::new(scope, false).into();
                set_val(scope, this, "cachedDataProduced", f);
            }
        }
    }
    let map_url = unbound.get_source_mapping_url(scope);
    set_val(scope, this, "sourceMapURL", map_url);
    let templ = script_template(scope);
    let Some(handle) = templ.new_instance(scope) else {
        return;
    };
    handle.set_internal_field(0, unbound.into());
    let brand = v8::Integer::new(scope, SCRIPT_BRAND);
    handle.set_internal_field(1, brand.into());
    let fname = str(scope, &info.filename).into();
    let lo = v8::Integer::new(scope, line_offset).into();
    let co = v8::Integer::new(scope, column_offset).into();
    let meta = v8::Array::new_with_elements(scope, &[fname, lo, co]);
    handle.set_internal_field(2, meta.into());
    rv.set(handle.into());
}

/// The UnboundScript and origin info of a ContextifyScript instance.
fn script_of<'s>(
    scope: &mut Scope<'s, '_>,
    v: v8::Local<v8::Value>,
) -> Option<(v8::Local<'s, v8::UnboundScript>, OriginInfo)> {
    let obj: v8::Local<v8::Object> = v.try_into().ok()?;
    if obj.internal_field_count() != SCRIPT_FIELDS {
        return None;
    }
    let brand = obj.get_internal_field(scope, 1)?;
    let brand: v8::Local<v8::Value> = brand.try_into().ok()?;
    if !brand.is_int32() || brand.int32_value(scope) != Some(SCRIPT_BRAND) {
        return None;
    }
    let data = obj.get_internal_field(scope, 0)?;
    // SAFETY: field 0 of an object carrying SCRIPT_BRAND in field 1 is only ever written by
    // `compile_script`, with an UnboundScript.
    let unbound = unsafe { v8::Local::<v8::UnboundScript>::cast_unchecked(data) };
    let meta: v8::Local<v8::Value> = obj.get_internal_field(scope, 2)?.try_into().ok()?;
    let meta: v8::Local<v8::Array> = meta.try_into().ok()?;
    let filename = meta
        .get_index(scope, 0)
        .map(|v| v.to_rust_string_lossy(scope))
        .unwrap_or_default();
    let line_offset = meta
        .get_index(scope, 1)
        .and_then(|v| v.int32_value(scope))
        .unwrap_or(0);
    let column_offset = meta
        .get_index(scope, 2)
        .and_then(|v| v.int32_value(scope))
        .unwrap_or(0);
    Some((
        unbound,
        OriginInfo {
            filename,
            line_offset,
            column_offset,
        },
    ))
}

/// `createCachedData(script)` → Uint8Array.
fn create_cached_data(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some((unbound, _)) = script_of(scope, args.get(0)) else {
        crate::bindings::throw_type_error(scope, "Illegal invocation");
        return;
    };
    let bytes = unbound
        .create_code_cache()
        .map(|d| d.to_vec())
        .unwrap_or_default();
    rv.set(uint8_array(scope, bytes).into());
}

/// How a failed compile or run leaves its TryCatch.
enum Failure<'s> {
    /// Already re-thrown with its original message (termination, `displayErrors: false`,
    /// values whose stack cannot be decorated).
    Rethrown,
    /// The stack was decorated with the source arrow: throw it again from here, so that the
    /// fatal-exception report does not print the arrow a second time.
    Decorated(v8::Local<'s, v8::Value>),
}

/// The source arrow Node puts above the stack: `file:line\nsource line\n   ^^^\n`.
fn arrow_for(scope: &mut Scope, msg: v8::Local<v8::Message>, info: Option<&OriginInfo>) -> String {
    let name = msg
        .get_script_resource_name(scope)
        .map(|n| n.to_rust_string_lossy(scope))
        .unwrap_or_default();
    let line = msg.get_line_number(scope).unwrap_or(0);
    let source = msg
        .get_source_line(scope)
        .map(|s| s.to_rust_string_lossy(scope))
        .unwrap_or_default();
    let mut start = msg.get_start_column() as i64;
    let mut end = msg.get_end_column() as i64;
    if let Some(info) = info {
        // Columns on the first line of a script include its columnOffset.
        let first = line as i64 - info.line_offset as i64 == 1;
        let shift = info.column_offset as i64;
        if info.filename == name && first && start >= shift {
            start -= shift;
            end -= shift;
        }
    }
    let mut out = format!("{name}:{line}\n{source}\n");
    let units: Vec<u16> = source.encode_utf16().collect();
    if start > end || start < 0 || end as usize > units.len() {
        return out;
    }
    for &u in &units[..start as usize] {
        out.push(if u == u16::from(b'\t') { '\t' } else { ' ' });
    }
    for _ in start..end {
        out.push('^');
    }
    out.push('\n');
    out
}

/// Prepends the source arrow to `exc.stack` (once). True if the stack carries the arrow.
fn decorate(
    scope: &mut Scope,
    exc: v8::Local<v8::Value>,
    msg: Option<v8::Local<v8::Message>>,
    info: Option<&OriginInfo>,
) -> bool {
    let Ok(obj) = v8::Local::<v8::Object>::try_from(exc) else {
        return false;
    };
    if get_private(scope, obj, DECORATED_KEY).is_some() {
        return true;
    }
    let Some(msg) = msg else { return false };
    let arrow = arrow_for(scope, msg, info);
    v8::tc_scope!(let tc, scope);
    let key = str(tc, "stack");
    let Some(stack) = obj.get(tc, key.into()) else {
        return false;
    };
    if !stack.is_string() {
        return false;
    }
    let stack = stack.to_rust_string_lossy(tc);
    let decorated = str(tc, &format!("{arrow}\n{stack}"));
    if obj.set(tc, key.into(), decorated.into()) != Some(true) {
        return false;
    }
    let t = v8::Boolean::new(tc, true).into();
    set_private(tc, obj, DECORATED_KEY, t);
    true
}

/// Watchdog thread for `timeout`: terminates the isolate when the time is up.
struct Watchdog {
    done: Arc<(Mutex<bool>, Condvar)>,
    fired: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Watchdog {
    fn start(handle: v8::IsolateHandle, ms: u64) -> Self {
        let done = Arc::new((Mutex::new(false), Condvar::new()));
        let fired = Arc::new(AtomicBool::new(false));
        let (done2, fired2) = (done.clone(), fired.clone());
        let thread = std::thread::Builder::new()
            .name("rnode-vm-watchdog".into())
            .spawn(move || {
                let deadline = Instant::now() + Duration::from_millis(ms);
                let (lock, cv) = &*done2;
                let mut finished = lock.lock().unwrap_or_else(|e| e.into_inner());
                while !*finished {
                    let now = Instant::now();
                    if now >= deadline {
                        fired2.store(true, Ordering::SeqCst);
                        handle.terminate_execution();
                        break;
                    }
                    finished = cv
                        .wait_timeout(finished, deadline - now)
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                }
            })
            .ok();
        Watchdog {
            done,
            fired,
            thread,
        }
    }

    /// Stops the thread; true if it terminated execution.
    fn stop(mut self) -> bool {
        {
            let (lock, cv) = &*self.done;
            *lock.lock().unwrap_or_else(|e| e.into_inner()) = true;
            cv.notify_all();
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        self.fired.load(Ordering::SeqCst)
    }
}

/// The write end of the pipe the SIGINT handler writes to while a `breakOnSigint` run is
/// active (-1 otherwise).
static SIGINT_PIPE_WRITE: AtomicI32 = AtomicI32::new(-1);

extern "C" fn on_sigint(_signum: libc::c_int) {
    let fd = SIGINT_PIPE_WRITE.load(Ordering::SeqCst);
    if fd >= 0 {
        let b = 1u8;
        // SAFETY: write(2) is async-signal-safe; `b` is a live one-byte buffer.
        unsafe {
            libc::write(fd, &b as *const u8 as *const libc::c_void, 1);
        }
    }
}

/// `breakOnSigint`: while the script runs, SIGINT terminates it instead of reaching the
/// process's listeners (the previous disposition is restored afterwards). The handler only
/// writes to a pipe; a helper thread terminates the isolate.
struct SigintWatch {
    old: libc::sigaction,
    read_fd: i32,
    write_fd: i32,
    received: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl SigintWatch {
    /// None when another run already watches SIGINT (it handles the signal) or on failure.
    fn start(handle: v8::IsolateHandle) -> Option<Self> {
        if SIGINT_PIPE_WRITE.load(Ordering::SeqCst) >= 0 {
            return None;
        }
        let mut fds = [0i32; 2];
        // SAFETY: `fds` has room for the two descriptors pipe2 writes.
        if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
            return None;
        }
        let (read_fd, write_fd) = (fds[0], fds[1]);
        let received = Arc::new(AtomicBool::new(false));
        let received2 = received.clone();
        let thread = std::thread::Builder::new()
            .name("rnode-vm-sigint".into())
            .spawn(move || loop {
                let mut b = 0u8;
                // SAFETY: reads one byte into a live local buffer from a pipe this watch owns
                // until the thread is joined.
                let n = unsafe { libc::read(read_fd, &mut b as *mut u8 as *mut libc::c_void, 1) };
                if n < 0
                    && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted
                {
                    continue;
                }
                if n != 1 || b == 0 {
                    break;
                }
                received2.store(true, Ordering::SeqCst);
                handle.terminate_execution();
            })
            .ok();
        if thread.is_none() {
            // SAFETY: both descriptors were just created by pipe2 and are not shared.
            unsafe {
                libc::close(read_fd);
                libc::close(write_fd);
            }
            return None;
        }
        SIGINT_PIPE_WRITE.store(write_fd, Ordering::SeqCst);
        // SAFETY: zeroed sigaction structs are valid "no handler, empty mask" values; we pass
        // pointers to live locals and install a handler that is async-signal-safe.
        let old = unsafe {
            let mut act: libc::sigaction = std::mem::zeroed();
            act.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
            act.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut act.sa_mask);
            let mut old: libc::sigaction = std::mem::zeroed();
            libc::sigaction(libc::SIGINT, &act, &mut old);
            old
        };
        Some(SigintWatch {
            old,
            read_fd,
            write_fd,
            received,
            thread,
        })
    }

    /// Restores the previous SIGINT disposition; true if a SIGINT interrupted the run.
    fn stop(mut self) -> bool {
        // SAFETY: restores the disposition saved by `start` from a live local.
        unsafe {
            libc::sigaction(libc::SIGINT, &self.old, std::ptr::null_mut());
        }
        SIGINT_PIPE_WRITE.store(-1, Ordering::SeqCst);
        let b = 0u8;
        // SAFETY: the write end is still open (closed below); `b` is a live buffer.
        unsafe {
            libc::write(self.write_fd, &b as *const u8 as *const libc::c_void, 1);
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        // SAFETY: the reader thread has exited; nothing else uses these descriptors.
        unsafe {
            libc::close(self.read_fd);
            libc::close(self.write_fd);
        }
        self.received.load(Ordering::SeqCst)
    }
}

/// The timeout watchdog and SIGINT watch around one run.
struct RunGuards {
    watchdog: Option<Watchdog>,
    sigint: Option<SigintWatch>,
    timeout: f64,
}

impl RunGuards {
    fn start(scope: &mut Scope, timeout: f64, break_on_sigint: bool) -> Self {
        let watchdog = if timeout > 0.0 && timeout.is_finite() {
            Some(Watchdog::start(scope.thread_safe_handle(), timeout as u64))
        } else {
            None
        };
        let sigint = if break_on_sigint {
            SigintWatch::start(scope.thread_safe_handle())
        } else {
            None
        };
        RunGuards {
            watchdog,
            sigint,
            timeout,
        }
    }

    /// Stops the guards. If one of them terminated execution, cancels the termination,
    /// throws ERR_SCRIPT_EXECUTION_TIMEOUT / ERR_SCRIPT_EXECUTION_INTERRUPTED and returns true.
    fn finish(self, scope: &mut Scope) -> bool {
        let fired = self.watchdog.map(Watchdog::stop).unwrap_or(false);
        let interrupted = self.sigint.map(SigintWatch::stop).unwrap_or(false);
        if !fired && !interrupted {
            return false;
        }
        scope.cancel_terminate_execution();
        if fired {
            let ms = v8::Number::new(scope, self.timeout).into();
            throw_node_error(scope, "timeout", ms);
        } else {
            let undef = v8::undefined(scope).into();
            throw_node_error(scope, "sigint", undef);
        }
        true
    }
}

/// `runScript(script, sandbox|null, timeout, displayErrors, breakOnSigint)`: runs a
/// ContextifyScript in the sandbox's context (null: the current one).
fn run_script(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some((unbound, info)) = script_of(scope, args.get(0)) else {
        crate::bindings::throw_type_error(scope, "Illegal invocation");
        return;
    };
    let target = args.get(1);
    let context = if target.is_null_or_undefined() {
        scope.get_current_context()
    } else {
        match context_of(scope, target) {
            Some(c) => c,
            None => {
                crate::bindings::throw_type_error(scope, "contextifiedObject is not a vm.Context");
                return;
            }
        }
    };
    let timeout = args.get(2).number_value(scope).unwrap_or(-1.0);
    let display_errors = args.get(3).boolean_value(scope);
    let global = context.global(scope);
    let own_queue = get_private(scope, global, OWN_QUEUE_KEY).is_some();

    let break_on_sigint = args.get(4).boolean_value(scope);
    let guards = RunGuards::start(scope, timeout, break_on_sigint);
    let outcome = {
        let cscope = &mut v8::ContextScope::new(scope, context);
        v8::tc_scope!(let tc, cscope);
        let script = unbound.bind_to_current_context(tc);
        let mut result = script.run(tc);
        if result.is_some() && own_queue {
            if let Some(q) = context.get_microtask_queue() {
                q.perform_checkpoint(tc);
            }
            if tc.has_terminated() {
                result = None;
            }
        }
        match result {
            Some(v) => Ok(v),
            None => Err(caught!(tc, display_errors, Some(&info))),
        }
    };
    if guards.finish(scope) {
        return;
    }
    match outcome {
        Ok(v) => rv.set(v),
        Err(failure) => throw_failure(scope, failure),
    }
}

fn throw_failure(scope: &mut Scope, failure: Failure) {
    if let Failure::Decorated(exc) = failure {
        scope.throw_exception(exc);
    }
}

// ---- compileFunction ------------------------------------------------------------------

/// `compileFunction(code, filename, lineOffset, columnOffset, cachedData, produceCachedData,
/// parsingContext, contextExtensions, params, hostId)` → `{ function, sourceMapURL,
/// cachedDataRejected?, cachedDataProduced?, cachedData? }`.
fn compile_function(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(code) = args.get(0).to_string(scope) else {
        return;
    };
    let Some(filename) = args.get(1).to_string(scope) else {
        return;
    };
    let line_offset = arg_i32(scope, args.get(2));
    let column_offset = arg_i32(scope, args.get(3));
    let cached = view_copy(args.get(4));
    let produce = args.get(5).boolean_value(scope);
    let parsing = args.get(6);
    let host_id = args.get(9);
    let info = OriginInfo {
        filename: filename.to_rust_string_lossy(scope),
        line_offset,
        column_offset,
    };
    let mut extensions = Vec::new();
    if let Ok(arr) = v8::Local::<v8::Array>::try_from(args.get(7)) {
        for i in 0..arr.length() {
            if let Some(v) = arr.get_index(scope, i) {
                if let Ok(o) = v8::Local::<v8::Object>::try_from(v) {
                    extensions.push(o);
                }
            }
        }
    }
    let mut params = Vec::new();
    if let Ok(arr) = v8::Local::<v8::Array>::try_from(args.get(8)) {
        for i in 0..arr.length() {
            if let Some(v) = arr.get_index(scope, i) {
                if let Some(s) = v.to_string(scope) {
                    params.push(s);
                }
            }
        }
    }
    let Some(context) = parsing_context(scope, parsing) else {
        return;
    };
    let compiled = {
        let cscope = &mut v8::ContextScope::new(scope, context);
        let origin = origin(cscope, filename, line_offset, column_offset, host_id);
        let (mut source, options) = compile_source(code, &origin, cached.as_deref());
        v8::tc_scope!(let tc, cscope);
        let f = v8::script_compiler::compile_function(
            tc,
            &mut source,
            &params,
            &extensions,
            options,
            v8::script_compiler::NoCacheReason::NoReason,
        );
        match f {
            Some(f) => {
                let rejected = source.get_cached_data().map(|c| c.rejected());
                Ok((f, rejected))
            }
            None => Err(caught!(tc, true, Some(&info))),
        }
    };
    let (f, rejected) = match compiled {
        Ok(v) => v,
        Err(failure) => {
            throw_failure(scope, failure);
            return;
        }
    };
    let result = v8::Object::new(scope);
    set_val(scope, result, "function", f.into());
    let map_url: v8::Local<v8::Value> = f
        .get_script_origin(scope)
        .source_map_url()
        .unwrap_or_else(|| v8::undefined(scope).into());
    set_val(scope, result, "sourceMapURL", map_url);
    if let Some(rejected) = rejected {
        let b = v8::Boolean::new(scope, rejected).into();
        set_val(scope, result, "cachedDataRejected", b);
    }
    if produce {
        match f.create_code_cache() {
            Some(data) => {
                let t = v8::Boolean::new(scope, true).into();
                set_val(scope, result, "cachedDataProduced", t);
                let bytes = uint8_array(scope, data.to_vec()).into();
                set_val(scope, result, "cachedData", bytes);
            }
            None => {
                let f = v8::Boolean::new(scope, false).into();
                set_val(scope, result, "cachedDataProduced", f);
            }
        }
    }
    rv.set(result.into());
}

// ---- measureMemory --------------------------------------------------------------------

/// `measureMemory(detailed)` → Promise of `{ total, current?, other? }` from V8's heap
/// statistics (an estimate for the whole isolate; per-context attribution is not available).
fn measure_memory(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let detailed = args.get(0).boolean_value(scope);
    let stats = scope.get_heap_statistics();
    let used = stats.used_heap_size() as f64;
    let total = stats.total_heap_size() as f64;
    let result = v8::Object::new(scope);
    let t = memory_result(scope, used, total).into();
    set_val(scope, result, "total", t);
    // Wasm code space is not broken out by the heap statistics: reported as 0.
    let wasm = v8::Object::new(scope);
    let zero = v8::Number::new(scope, 0.0).into();
    set_val(scope, wasm, "code", zero);
    set_val(scope, wasm, "metadata", zero);
    set_val(scope, result, "WebAssembly", wasm.into());
    if detailed {
        let c = memory_result(scope, used, total).into();
        set_val(scope, result, "current", c);
        let other = v8::Array::new(scope, 0).into();
        set_val(scope, result, "other", other);
    }
    let Some(resolver) = v8::PromiseResolver::new(scope) else {
        return;
    };
    resolver.resolve(scope, result.into());
    rv.set(resolver.get_promise(scope).into());
}

fn memory_result<'s>(
    scope: &mut Scope<'s, '_>,
    used: f64,
    total: f64,
) -> v8::Local<'s, v8::Object> {
    let o = v8::Object::new(scope);
    let est = v8::Number::new(scope, used).into();
    set_val(scope, o, "jsMemoryEstimate", est);
    let lo = v8::Number::new(scope, used).into();
    let hi = v8::Number::new(scope, total.max(used)).into();
    let range = v8::Array::new_with_elements(scope, &[lo, hi]).into();
    set_val(scope, o, "jsMemoryRange", range);
    o
}

// ---- vm.Module (--experimental-vm-modules) ----------------------------------------------
//
// A module handle is an object with internal fields: the v8::Module, a brand, and the
// linked dependencies (a JS Map specifier → handle) once `moduleLink` ran. V8 callbacks get
// a v8::Module; they find its handle through `VmState::modules` (weak, by identity hash).

const MODULE_FIELDS: usize = 3;
const MODULE_BRAND: i32 = 0x564d_4d44;

fn module_template<'s>(scope: &mut Scope<'s, '_>) -> v8::Local<'s, v8::ObjectTemplate> {
    if let Some(t) = vm_state(scope).module_template.clone() {
        return v8::Local::new(scope, t);
    }
    let t = v8::ObjectTemplate::new(scope);
    t.set_internal_field_count(MODULE_FIELDS);
    let g = v8::Global::new(scope, t);
    vm_state(scope).module_template = Some(g);
    t
}

/// Wraps `module` in a new handle and records it for the V8 callbacks.
fn new_module_handle<'s>(
    scope: &mut Scope<'s, '_>,
    module: v8::Local<v8::Module>,
) -> Option<v8::Local<'s, v8::Object>> {
    let templ = module_template(scope);
    let handle = templ.new_instance(scope)?;
    handle.set_internal_field(0, module.into());
    let brand = v8::Integer::new(scope, MODULE_BRAND);
    handle.set_internal_field(1, brand.into());
    let undef: v8::Local<v8::Value> = v8::undefined(scope).into();
    handle.set_internal_field(2, undef.into());
    let weak = v8::Weak::new(scope, handle);
    let hash = module.get_identity_hash().get();
    let st = vm_state(scope);
    let list = st.modules.entry(hash).or_default();
    list.retain(|w| !w.is_empty());
    list.push(weak);
    Some(handle)
}

/// The v8::Module of a module handle.
fn module_of<'s>(
    scope: &mut Scope<'s, '_>,
    v: v8::Local<v8::Value>,
) -> Option<v8::Local<'s, v8::Module>> {
    let obj: v8::Local<v8::Object> = v.try_into().ok()?;
    if obj.internal_field_count() != MODULE_FIELDS {
        return None;
    }
    let brand: v8::Local<v8::Value> = obj.get_internal_field(scope, 1)?.try_into().ok()?;
    if !brand.is_int32() || brand.int32_value(scope) != Some(MODULE_BRAND) {
        return None;
    }
    let data = obj.get_internal_field(scope, 0)?;
    // SAFETY: field 0 of an object carrying MODULE_BRAND in field 1 is only ever written by
    // `new_module_handle`, with a v8::Module.
    Some(unsafe { v8::Local::<v8::Module>::cast_unchecked(data) })
}

/// The handle of a module created by vm, if it is one.
fn handle_of_module<'s>(
    scope: &mut Scope<'s, '_>,
    module: v8::Local<v8::Module>,
) -> Option<v8::Local<'s, v8::Object>> {
    let hash = module.get_identity_hash().get();
    let count = scope
        .get_slot::<VmState>()
        .and_then(|st| st.modules.get(&hash))
        .map_or(0, |l| l.len());
    for i in 0..count {
        let handle = {
            let st = scope.get_slot::<VmState>()?;
            st.modules.get(&hash)?.get(i)?.to_local(scope)
        };
        let Some(handle) = handle else { continue };
        if module_of(scope, handle.into()) == Some(module) {
            return Some(handle);
        }
    }
    None
}

/// Enters the context of `sandbox` (the current one when it is not an object).
fn module_context<'s>(
    scope: &mut Scope<'s, '_>,
    sandbox: v8::Local<v8::Value>,
) -> Option<v8::Local<'s, v8::Context>> {
    if sandbox.is_object() {
        let c = context_of(scope, sandbox);
        if c.is_none() {
            crate::bindings::throw_type_error(scope, "context is not a vm.Context");
        }
        c
    } else {
        Some(scope.get_current_context())
    }
}

/// `setModuleHooks(syntheticEvaluate(handle), initializeImportMeta(handle, meta))`.
fn set_module_hooks(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let (Ok(eval), Ok(meta)) = (
        v8::Local::<v8::Function>::try_from(args.get(0)),
        v8::Local::<v8::Function>::try_from(args.get(1)),
    ) else {
        return;
    };
    let eval = v8::Global::new(scope, eval);
    let meta = v8::Global::new(scope, meta);
    let st = vm_state(scope);
    st.synthetic_hook = Some(eval);
    st.import_meta_hook = Some(meta);
    scope.set_host_initialize_import_meta_object_callback(import_meta);
}

/// `import.meta` of vm modules goes to their `initializeImportMeta`; every other module's to
/// [`crate::modules::import_meta_callback`] unchanged.
extern "C" fn import_meta(
    context: v8::Local<v8::Context>,
    module: v8::Local<v8::Module>,
    meta: v8::Local<v8::Object>,
) {
    let handled = {
        v8::callback_scope!(unsafe scope, context);
        v8::scope!(let scope, scope);
        match handle_of_module(scope, module) {
            Some(handle) => {
                if let Some(hook) = vm_state(scope).import_meta_hook.clone() {
                    let f = v8::Local::new(scope, hook);
                    let undef = v8::undefined(scope).into();
                    f.call(scope, undef, &[handle.into(), meta.into()]);
                }
                true
            }
            None => false,
        }
    };
    if !handled {
        crate::modules::import_meta_callback(context, module, meta);
    }
}

/// `moduleCompile(source, identifier, lineOffset, columnOffset, cachedData, sandbox, hostId)`
/// → `[handle, [[specifier, attributes], ...]]`.
fn module_compile(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(code) = args.get(0).to_string(scope) else {
        return;
    };
    let Some(identifier) = args.get(1).to_string(scope) else {
        return;
    };
    let line_offset = arg_i32(scope, args.get(2));
    let column_offset = arg_i32(scope, args.get(3));
    let cached = view_copy(args.get(4));
    let host_id = args.get(6);
    let Some(context) = module_context(scope, args.get(5)) else {
        return;
    };
    let module = {
        let cscope = &mut v8::ContextScope::new(scope, context);
        let host_options = if host_id.is_symbol() {
            let arr = v8::PrimitiveArray::new(cscope, 1);
            if let Ok(p) = v8::Local::<v8::Primitive>::try_from(host_id) {
                arr.set(cscope, 0, p);
            }
            Some(v8::Local::<v8::Data>::from(arr))
        } else {
            None
        };
        let origin = v8::ScriptOrigin::new(
            cscope,
            identifier.into(),
            line_offset,
            column_offset,
            false,
            -1,
            None,
            false,
            false,
            true,
            host_options,
        );
        let (mut source, options) = compile_source(code, &origin, cached.as_deref());
        v8::script_compiler::compile_module2(
            cscope,
            &mut source,
            options,
            v8::script_compiler::NoCacheReason::NoReason,
        )
    };
    let Some(module) = module else { return };
    let Some(handle) = new_module_handle(scope, module) else {
        return;
    };
    let requests = module.get_module_requests();
    let mut list = Vec::new();
    for i in 0..requests.length() {
        let Some(req) = requests.get(scope, i) else {
            continue;
        };
        let Ok(req) = v8::Local::<v8::ModuleRequest>::try_from(req) else {
            continue;
        };
        let spec = req.get_specifier();
        let attrs = req.get_import_attributes();
        let obj = v8::Object::new(scope);
        let null = v8::null(scope).into();
        obj.set_prototype(scope, null);
        // [key, value, location, key, value, location, ...]
        let mut j = 0;
        while j + 1 < attrs.length() {
            let k = attrs
                .get(scope, j)
                .and_then(|d| v8::Local::<v8::Value>::try_from(d).ok());
            let v = attrs
                .get(scope, j + 1)
                .and_then(|d| v8::Local::<v8::Value>::try_from(d).ok());
            if let (Some(k), Some(v)) = (k, v) {
                obj.set(scope, k, v);
            }
            j += 3;
        }
        list.push(v8::Array::new_with_elements(scope, &[spec.into(), obj.into()]).into());
    }
    let requests = v8::Array::new_with_elements(scope, &list).into();
    rv.set(v8::Array::new_with_elements(scope, &[handle.into(), requests]).into());
}

/// `moduleCreateSynthetic(exportNames, identifier)` → handle.
fn module_create_synthetic(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let mut names = Vec::new();
    if let Ok(arr) = v8::Local::<v8::Array>::try_from(args.get(0)) {
        for i in 0..arr.length() {
            if let Some(n) = arr.get_index(scope, i).and_then(|v| v.to_string(scope)) {
                names.push(n);
            }
        }
    }
    let Some(identifier) = args.get(1).to_string(scope) else {
        return;
    };
    let module = v8::Module::create_synthetic_module(scope, identifier, &names, synthetic_steps);
    if let Some(handle) = new_module_handle(scope, module) {
        rv.set(handle.into());
    }
}

fn synthetic_steps<'s>(
    context: v8::Local<'s, v8::Context>,
    module: v8::Local<'s, v8::Module>,
) -> Option<v8::Local<'s, v8::Value>> {
    v8::callback_scope!(unsafe scope, context);
    let handle = handle_of_module(scope, module)?;
    let hook = vm_state(scope).synthetic_hook.clone()?;
    let f = v8::Local::new(scope, hook);
    let undef = v8::undefined(scope).into();
    f.call(scope, undef, &[handle.into()])?;
    let resolver = v8::PromiseResolver::new(scope)?;
    let undef = v8::undefined(scope).into();
    resolver.resolve(scope, undef);
    Some(resolver.get_promise(scope).into())
}

/// `moduleLink(handle, Map<specifier, handle>)`: the resolutions `moduleInstantiate` uses.
fn module_link(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    if module_of(scope, args.get(0)).is_none() || !args.get(1).is_map() {
        crate::bindings::throw_type_error(scope, "moduleLink: bad arguments");
        return;
    }
    if let Ok(handle) = v8::Local::<v8::Object>::try_from(args.get(0)) {
        handle.set_internal_field(2, args.get(1).into());
    }
}

fn resolve_module<'s>(
    context: v8::Local<'s, v8::Context>,
    specifier: v8::Local<'s, v8::String>,
    _attributes: v8::Local<'s, v8::FixedArray>,
    referrer: v8::Local<'s, v8::Module>,
) -> Option<v8::Local<'s, v8::Module>> {
    v8::callback_scope!(unsafe scope, context);
    let found = handle_of_module(scope, referrer).and_then(|handle| {
        let deps: v8::Local<v8::Value> = handle.get_internal_field(scope, 2)?.try_into().ok()?;
        let deps: v8::Local<v8::Map> = deps.try_into().ok()?;
        let dep = deps.get(scope, specifier.into())?;
        module_of(scope, dep)
    });
    if found.is_none() {
        throw_node_error(scope, "linkFailure", specifier.into());
    }
    found
}

/// `moduleInstantiate(handle, sandbox)`.
fn module_instantiate(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let Some(module) = module_of(scope, args.get(0)) else {
        crate::bindings::throw_type_error(scope, "Illegal invocation");
        return;
    };
    let Some(context) = module_context(scope, args.get(1)) else {
        return;
    };
    let cscope = &mut v8::ContextScope::new(scope, context);
    let _ = module.instantiate_module(cscope, resolve_module);
}

/// `moduleEvaluate(handle, sandbox, timeout, breakOnSigint)` → the evaluation promise.
fn module_evaluate(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(module) = module_of(scope, args.get(0)) else {
        crate::bindings::throw_type_error(scope, "Illegal invocation");
        return;
    };
    let Some(context) = module_context(scope, args.get(1)) else {
        return;
    };
    let timeout = args.get(2).number_value(scope).unwrap_or(-1.0);
    let break_on_sigint = args.get(3).boolean_value(scope);
    let global = context.global(scope);
    let own_queue = get_private(scope, global, OWN_QUEUE_KEY).is_some();
    let guards = RunGuards::start(scope, timeout, break_on_sigint);
    let outcome = {
        let cscope = &mut v8::ContextScope::new(scope, context);
        v8::tc_scope!(let tc, cscope);
        let result = module.evaluate(tc);
        if result.is_some() && own_queue {
            if let Some(q) = context.get_microtask_queue() {
                q.perform_checkpoint(tc);
            }
        }
        match result {
            Some(v) if !tc.has_terminated() => Some(v),
            _ => {
                tc.rethrow();
                None
            }
        }
    };
    if guards.finish(scope) {
        return;
    }
    if let Some(v) = outcome {
        rv.set(v);
    }
}

const MODULE_STATUSES: [&str; 6] = [
    "unlinked",
    "linking",
    "linked",
    "evaluating",
    "evaluated",
    "errored",
];

/// `moduleStatus(handle)` → 'unlinked' | 'linking' | 'linked' | 'evaluating' | … .
fn module_status(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(module) = module_of(scope, args.get(0)) else {
        return;
    };
    let i = match module.get_status() {
        v8::ModuleStatus::Uninstantiated => 0,
        v8::ModuleStatus::Instantiating => 1,
        v8::ModuleStatus::Instantiated => 2,
        v8::ModuleStatus::Evaluating => 3,
        v8::ModuleStatus::Evaluated => 4,
        v8::ModuleStatus::Errored => 5,
    };
    rv.set(str(scope, MODULE_STATUSES[i]).into());
}

fn module_namespace(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    if let Some(module) = module_of(scope, args.get(0)) {
        rv.set(module.get_module_namespace());
    }
}

fn module_error(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    if let Some(module) = module_of(scope, args.get(0)) {
        if module.get_status() == v8::ModuleStatus::Errored {
            rv.set(module.get_exception());
        }
    }
}

/// `moduleSetExport(handle, name, value)` (synthetic modules).
fn module_set_export(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let Some(module) = module_of(scope, args.get(0)) else {
        return;
    };
    let Some(name) = args.get(1).to_string(scope) else {
        return;
    };
    let value = v8::Local::new(scope, args.get(2));
    let _ = module.set_synthetic_module_export(scope, name, value);
}

/// `moduleCreateCachedData(handle)` → Uint8Array.
fn module_create_cached_data(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(module) = module_of(scope, args.get(0)) else {
        return;
    };
    if !module.is_source_text_module() {
        return;
    }
    let unbound = module.get_unbound_module_script(scope);
    let bytes = unbound
        .create_code_cache()
        .map(|d| d.to_vec())
        .unwrap_or_default();
    rv.set(uint8_array(scope, bytes).into());
}
