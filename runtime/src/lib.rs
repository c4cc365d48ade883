//! rnode_runtime: the V8 isolate, the event loop, the op bindings and the module loaders.
//! The only crate that touches V8; the CLI and the tools build on [`run`].

pub mod bindings;
pub mod event_loop;
pub mod modules;
pub mod ops;
pub mod snapshot;

pub use rnode_resolve as resolve;

use std::rc::Rc;
use std::sync::Once;

include!(concat!(env!("OUT_DIR"), "/js_files.rs"));

/// Node's version that rnode reports as `process.version`.
pub const NODE_VERSION: &str = "21.7.3";
pub const RNODE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Everything the CLI decided; bootstrap.js reads it through `internalBinding('process').options()`.
#[derive(Debug, Clone, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuntimeOptions {
    /// `process.argv`: [execPath, script?, ...args].
    pub argv: Vec<String>,
    /// `process.execArgv`: the runtime flags given before the script.
    pub exec_argv: Vec<String>,
    pub argv0: String,
    pub exec_path: String,
    /// `-e`/`-p` source.
    pub eval: Option<String>,
    pub print: bool,
    pub check: bool,
    /// `--input-type`: "commonjs" or "module".
    pub input_type: Option<String>,
    /// `-r` modules, preloaded with require.
    pub requires: Vec<String>,
    /// `--import` modules, preloaded with import.
    pub imports: Vec<String>,
    /// The entry script as given (None with -e, or to read stdin).
    pub entry: Option<String>,
    pub no_warnings: bool,
    pub pending_deprecation: bool,
    pub no_deprecation: bool,
    pub throw_deprecation: bool,
    pub trace_warnings: bool,
    pub trace_uncaught: bool,
    pub abort_on_uncaught_exception: bool,
    /// `--unhandled-rejections` mode: throw (default), strict, warn, none, warn-with-error-code.
    pub unhandled_rejections: String,
    pub expose_gc: bool,
    /// `--disable-warning=CODE_OR_TYPE` values.
    pub disable_warnings: Vec<String>,
    /// `--experimental-default-type`.
    pub default_type: Option<String>,
    /// `--stack-trace-limit` etc. go to V8 directly.
    #[serde(skip)]
    pub v8_flags: Vec<String>,
}

static V8_INIT: Once = Once::new();

/// V8 flags rnode always sets (the same when the snapshot is made and when it is used).
const BASE_V8_FLAGS: &str = "--no-freeze-flags-after-init --harmony-import-attributes";

fn init_v8(flags: &[String]) {
    V8_INIT.call_once(|| {
        let mut all = String::from(BASE_V8_FLAGS);
        for f in flags {
            all.push(' ');
            all.push_str(f);
        }
        v8::V8::set_flags_from_string(&all);
        let platform = v8::new_default_platform(0, false).make_shared();
        v8::V8::initialize_platform(platform);
        v8::V8::initialize();
    });
}

/// Runs a whole program (entry script, -e, or stdin) and returns the process exit code.
///
/// `startup_snapshot` is the blob made by [`snapshot::create`] at build time (the
/// `rnode_snapshot` crate); without it, or when V8 flags are given (a snapshot only fits
/// the flags it was made with), the built-in JS is compiled and run at startup instead.
pub fn run(options: RuntimeOptions, startup_snapshot: Option<&'static [u8]>) -> i32 {
    run_with(options, startup_snapshot, |_| {})
}

/// [`run`], handing `on_start` a [`event_loop::RemoteHandle`] before the program starts:
/// how the tools (inspector, REPL, watch mode) reach the loop from their own threads.
pub fn run_with(
    options: RuntimeOptions,
    startup_snapshot: Option<&'static [u8]>,
    on_start: impl FnOnce(event_loop::RemoteHandle),
) -> i32 {
    init_v8(&options.v8_flags);
    let snapshot = startup_snapshot.filter(|_| options.v8_flags.is_empty());
    let mut params = v8::CreateParams::default();
    if let Some(blob) = snapshot {
        params = params
            .snapshot_blob(blob.into())
            .external_references(bindings::external_references().into());
    }
    let isolate = &mut v8::Isolate::new(params);
    configure_isolate(isolate);
    let loop_state = event_loop::LoopState::new();
    isolate.set_slot(loop_state.clone());
    isolate.set_slot(Rc::new(options));
    isolate.set_slot(Rc::new(modules::ModuleMap::default()));

    let code = {
        v8::scope!(let scope, isolate);
        let context = match snapshot {
            Some(_) => {
                v8::Context::from_snapshot(scope, snapshot::MAIN_CONTEXT_INDEX, Default::default())
            }
            None => Some(v8::Context::new(scope, Default::default())),
        };
        let Some(context) = context else {
            eprintln!("rnode: the startup snapshot has no main context");
            return 1;
        };
        let scope = &mut v8::ContextScope::new(scope, context);
        *loop_state.main_context.borrow_mut() = Some(v8::Global::new(scope, context));
        on_start(event_loop::remote_handle(scope));
        let hooks = if snapshot.is_some() {
            scope
                .get_context_data_from_snapshot_once::<v8::Object>(snapshot::HOOKS_INDEX)
                .ok()
        } else {
            bootstrap(scope)
        };
        match hooks.and_then(|h| start(scope, h)) {
            Some(()) => {
                let requested = event_loop::run(scope);
                finish(scope, requested)
            }
            None => loop_state.exit_requested.get().unwrap_or(1),
        }
    };
    ops::stdio::flush();
    code
}

fn configure_isolate(isolate: &mut v8::Isolate) {
    isolate.set_microtasks_policy(v8::MicrotasksPolicy::Explicit);
    isolate.set_promise_reject_callback(modules::promise_reject_callback);
    isolate.set_host_import_module_dynamically_callback(modules::dynamic_import_callback);
    isolate.set_host_initialize_import_meta_object_callback(modules::import_meta_callback);
    isolate.set_capture_stack_trace_for_uncaught_exceptions(true, 10);
}

/// Emits 'exit' (unless a hard exit already happened) and returns the final exit code.
fn finish(scope: &mut bindings::Scope, requested: Option<i32>) -> i32 {
    let st = event_loop::state(scope);
    if let Some(code) = requested {
        return code;
    }
    let hooks = st.hooks.borrow().clone();
    let Some(hooks) = hooks else { return 0 };
    let f = v8::Local::new(scope, &hooks.emit_exit);
    let undef = v8::undefined(scope).into();
    v8::tc_scope!(let tc, scope);
    match f.call(tc, undef, &[]) {
        Some(v) => st
            .exit_requested
            .get()
            .unwrap_or_else(|| v.int32_value(tc).unwrap_or(0)),
        None => {
            // An 'exit' listener threw: an uncaught exception like any other. If an
            // 'uncaughtException' listener handled it, the exit code is process.exitCode
            // (emitExit returns it without emitting 'exit' twice).
            let Some(exc) = tc.exception() else {
                return st.exit_requested.get().unwrap_or(1);
            };
            let msg = tc.message();
            if event_loop::handle_uncaught(tc, exc, msg).is_none() {
                return st.exit_requested.get().unwrap_or(1);
            }
            let f = v8::Local::new(tc, &hooks.emit_exit);
            let code = f.call(tc, undef, &[]).and_then(|v| v.int32_value(tc));
            st.exit_requested.get().or(code).unwrap_or(1)
        }
    }
}

/// Compiles and runs js/bootstrap.js (the part of startup that the snapshot captures) and
/// returns its hooks object.
fn bootstrap<'s>(scope: &mut bindings::Scope<'s, '_>) -> Option<v8::Local<'s, v8::Object>> {
    let src = JS_FILES
        .iter()
        .find(|(id, _)| *id == "bootstrap")
        .map(|(_, s)| *s)?;
    let binding_fn = v8::Function::new(scope, bindings::internal_binding)?;
    let f = modules::compile_wrapper(scope, src, "node:internal/bootstrap", &["internalBinding"])?;
    let undef = v8::undefined(scope).into();
    v8::tc_scope!(let tc, scope);
    match f.call(tc, undef, &[binding_fn.into()]) {
        Some(v) => v.try_into().ok(),
        None => {
            let exc = tc.exception();
            let msg = exc.map(|e| e.to_rust_string_lossy(tc)).unwrap_or_default();
            let stack = tc
                .stack_trace()
                .map(|s| s.to_rust_string_lossy(tc))
                .unwrap_or_default();
            eprintln!("rnode: bootstrap failed: {msg}\n{stack}");
            None
        }
    }
}

/// Applies this process's state (`hooks.prepare()`), installs the loop hooks and runs the
/// main program.
fn start(scope: &mut bindings::Scope, hooks_obj: v8::Local<v8::Object>) -> Option<()> {
    let get = |scope: &mut bindings::Scope, name: &str| -> Option<v8::Global<v8::Function>> {
        let key = bindings::str(scope, name);
        let v = hooks_obj.get(scope, key.into())?;
        let f: v8::Local<v8::Function> = v.try_into().ok()?;
        Some(v8::Global::new(scope, f))
    };
    let hooks = event_loop::Hooks {
        process_ticks: get(scope, "processTicksAndRejections")?,
        process_timers: get(scope, "processTimers")?,
        process_immediate: get(scope, "processImmediate")?,
        on_uncaught: get(scope, "onUncaughtException")?,
        promise_reject: get(scope, "promiseRejectHandler")?,
        emit_before_exit: get(scope, "emitBeforeExit")?,
        emit_exit: get(scope, "emitExit")?,
    };
    let prepare = get(scope, "prepare")?;
    let dynamic_import = get(scope, "dynamicImport")?;
    let run_main = get(scope, "runMain")?;
    modules::set_import_hook(scope, dynamic_import);
    let st = event_loop::state(scope);
    *st.hooks.borrow_mut() = Some(Rc::new(hooks));
    let undef = v8::undefined(scope).into();
    let f = v8::Local::new(scope, &prepare);
    event_loop::call_js(scope, f, undef, &[])?;
    let f = v8::Local::new(scope, &run_main);
    event_loop::call_js_always_drain(scope, f, undef, &[])
}
