//! The libuv-shaped event loop: timers → pending → poll → check → close, on a tokio
//! current-thread runtime (I/O) plus tokio's blocking pool (files, CPU work).
//!
//! JS owns the timer lists and the immediate queue (js/internal/timers.js); the loop only
//! keeps the earliest timer deadline and the immediate counts, and calls back into JS at
//! the right phase. Every callback into JS goes through [`call_js`], which afterwards
//! drains `process.nextTick` and the microtask queue, exactly once per macrotask as Node does.

use crate::bindings::{errno_error, num, str, uint8_array, Scope};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

/// A failed op: raw errno plus what Node puts on the error object.
#[derive(Debug)]
pub struct OpError {
    pub errno: i32,
    pub syscall: &'static str,
    pub path: Option<String>,
    pub dest: Option<String>,
}

impl OpError {
    pub fn io(err: std::io::Error, syscall: &'static str, path: Option<String>) -> Self {
        OpError {
            errno: crate::bindings::io_errno(&err),
            syscall,
            path,
            dest: None,
        }
    }
}

/// What an async op hands back to its JS callback as the second argument.
#[derive(Debug)]
pub enum OpValue {
    Undefined,
    Bool(bool),
    Number(f64),
    String(String),
    Bytes(Vec<u8>),
    Strings(Vec<String>),
    Numbers(Vec<f64>),
    /// A two-element array.
    Pair(Box<OpValue>, Box<OpValue>),
}

pub type OpResult = Result<OpValue, OpError>;

/// A completion sent from a worker thread or tokio task to the loop.
pub struct Completion {
    pub id: u64,
    pub result: OpResult,
    /// True for an event of a long-lived handle (signal, child process, socket): the
    /// callback stays registered for more events (see [`LoopState::register_handle`]).
    pub keep: bool,
}

/// Work another thread hands to the loop's thread (an inspector message, a REPL
/// evaluation, a hot-reload request); it runs with a scope in the main context.
pub type RemoteTask = Box<dyn for<'a, 'b, 'c> FnOnce(&'a mut v8::PinScope<'b, 'c>) + Send>;

/// A thread-safe handle to a running loop: the hook the tooling crates build on.
/// - [`RemoteHandle::post`] runs a task in the loop's poll phase (waking an idle loop);
/// - [`RemoteHandle::interrupt`] also interrupts JS that is running (`Isolate::RequestInterrupt`),
///   so a busy program still answers (what the inspector needs for `Debugger.pause`);
/// - [`run_nested_loop`] runs only posted tasks until a condition holds (what
///   `runMessageLoopOnPause` needs while the program is stopped at a breakpoint).
#[derive(Clone)]
pub struct RemoteHandle {
    tasks: mpsc::UnboundedSender<RemoteTask>,
    isolate: v8::IsolateHandle,
}

impl RemoteHandle {
    /// Queues `task` for the loop thread. False once the runtime has ended.
    pub fn post(&self, task: RemoteTask) -> bool {
        self.tasks.send(task).is_ok()
    }

    /// Queues `task` and interrupts running JS to run it at once.
    pub fn interrupt(&self, task: RemoteTask) -> bool {
        if !self.post(task) {
            return false;
        }
        self.isolate
            .request_interrupt(run_remote_tasks_on_interrupt, std::ptr::null_mut())
    }

    /// Stops running JS (e.g. a watchdog); the isolate can continue after
    /// `cancel_terminate_execution`.
    pub fn isolate_handle(&self) -> &v8::IsolateHandle {
        &self.isolate
    }
}

unsafe extern "C" fn run_remote_tasks_on_interrupt(
    ptr: v8::UnsafeRawIsolatePtr,
    _data: *mut std::ffi::c_void,
) {
    // SAFETY: V8 calls this on the isolate's own thread with a live isolate pointer.
    let mut isolate = unsafe { v8::Isolate::from_raw_isolate_ptr(ptr) };
    v8::callback_scope!(unsafe scope, &mut isolate);
    v8::scope!(let scope, scope);
    let Some(st) = scope.get_slot::<Rc<LoopState>>().cloned() else {
        return;
    };
    let Some(context) = st.main_context.borrow().clone() else {
        return;
    };
    let context = v8::Local::new(scope, &context);
    let scope = &mut v8::ContextScope::new(scope, context);
    run_remote_tasks(scope);
}

/// Runs the tasks already posted (not waiting for more).
fn run_remote_tasks(scope: &mut Scope) {
    let Some(st) = scope.get_slot::<Rc<LoopState>>().cloned() else {
        return;
    };
    loop {
        let task = match st.remote_rx.try_borrow_mut() {
            Ok(mut rx) => rx.try_recv().ok(),
            Err(_) => None,
        };
        let Some(task) = task else { break };
        task(scope);
    }
}

/// A handle other threads use to reach this isolate's loop.
pub fn remote_handle(scope: &mut Scope) -> RemoteHandle {
    let st = state(scope);
    RemoteHandle {
        tasks: st.remote_tx.clone(),
        isolate: scope.thread_safe_handle(),
    }
}

/// Runs posted tasks only — no timers, no I/O callbacks — until `until()` is true: the
/// nested loop a debugger runs while the program is paused.
pub fn run_nested_loop(scope: &mut Scope, mut until: impl FnMut() -> bool) {
    let st = state(scope);
    while !until() {
        let task = {
            let Ok(mut rx) = st.remote_rx.try_borrow_mut() else {
                return;
            };
            st.tokio.block_on(rx.recv())
        };
        match task {
            Some(task) => task(scope),
            None => return,
        }
    }
}

/// JS functions the loop calls (set by bootstrap.js through `setupHooks`).
pub struct Hooks {
    pub process_ticks: v8::Global<v8::Function>,
    pub process_timers: v8::Global<v8::Function>,
    pub process_immediate: v8::Global<v8::Function>,
    pub on_uncaught: v8::Global<v8::Function>,
    pub promise_reject: v8::Global<v8::Function>,
    pub emit_before_exit: v8::Global<v8::Function>,
    pub emit_exit: v8::Global<v8::Function>,
}

/// Loop state shared by all ops of one isolate (kept in an isolate slot).
pub struct LoopState {
    start: Instant,
    now_ms: Cell<f64>,
    /// Absolute loop time (ms) of the earliest JS timer, if one is scheduled.
    pub timer_deadline: Cell<Option<f64>>,
    pub timer_ref: Cell<bool>,
    pub immediate_count: Cell<u32>,
    pub immediate_ref_count: Cell<u32>,
    /// The current check-phase batch was cut short by a throw (see js/internal/timers.js).
    pub immediate_outstanding: Cell<bool>,
    /// Ref'd handles (servers, sockets, child processes, watchers) keeping the loop alive.
    pub ref_handles: Cell<u32>,
    pending_ops: Cell<u32>,
    callbacks: RefCell<HashMap<u64, v8::Global<v8::Function>>>,
    next_id: Cell<u64>,
    tx: mpsc::UnboundedSender<Completion>,
    rx: RefCell<mpsc::UnboundedReceiver<Completion>>,
    remote_tx: mpsc::UnboundedSender<RemoteTask>,
    remote_rx: RefCell<mpsc::UnboundedReceiver<RemoteTask>>,
    pub tokio: tokio::runtime::Runtime,
    pub hooks: RefCell<Option<Rc<Hooks>>>,
    /// The main context, where remote tasks run.
    pub main_context: RefCell<Option<v8::Global<v8::Context>>>,
    /// Set when `process.reallyExit` or a fatal error asks the process to stop.
    pub exit_requested: Cell<Option<i32>>,
}

impl LoopState {
    pub fn new() -> Rc<Self> {
        let (tx, rx) = mpsc::unbounded_channel();
        let (remote_tx, remote_rx) = mpsc::unbounded_channel();
        let tokio = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .max_blocking_threads(4)
            .build()
            .expect("tokio runtime");
        Rc::new(LoopState {
            start: Instant::now(),
            now_ms: Cell::new(0.0),
            timer_deadline: Cell::new(None),
            timer_ref: Cell::new(true),
            immediate_count: Cell::new(0),
            immediate_ref_count: Cell::new(0),
            immediate_outstanding: Cell::new(false),
            ref_handles: Cell::new(0),
            pending_ops: Cell::new(0),
            callbacks: RefCell::new(HashMap::new()),
            next_id: Cell::new(1),
            tx,
            rx: RefCell::new(rx),
            remote_tx,
            remote_rx: RefCell::new(remote_rx),
            tokio,
            hooks: RefCell::new(None),
            main_context: RefCell::new(None),
            exit_requested: Cell::new(None),
        })
    }

    /// `uv_update_time`: the loop's cached clock, in whole milliseconds since start.
    pub fn update_time(&self) {
        self.now_ms.set(self.start.elapsed().as_millis() as f64);
    }

    /// `uv_now`.
    pub fn now(&self) -> f64 {
        self.now_ms.get()
    }

    /// Milliseconds since start with sub-ms precision (for `performance.now`).
    pub fn hrnow(&self) -> f64 {
        self.start.elapsed().as_secs_f64() * 1000.0
    }

    /// Register the JS callback of an async op; returns the op id for the completion.
    pub fn register_callback(&self, cb: v8::Global<v8::Function>) -> u64 {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        self.callbacks.borrow_mut().insert(id, cb);
        self.pending_ops.set(self.pending_ops.get() + 1);
        id
    }

    /// Register the event callback of a long-lived handle. Unlike op callbacks it may receive
    /// many completions (sent with `keep: true`) and does not by itself keep the loop alive:
    /// the handle counts in `ref_handles` while it is ref'd. Remove it with [`Self::unregister_handle`].
    pub fn register_handle(&self, cb: v8::Global<v8::Function>) -> u64 {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        self.callbacks.borrow_mut().insert(id, cb);
        id
    }

    pub fn unregister_handle(&self, id: u64) {
        self.callbacks.borrow_mut().remove(&id);
    }

    /// Run `work` on the blocking pool; its result is delivered to op `id` in the poll phase.
    pub fn spawn_blocking(&self, id: u64, work: impl FnOnce() -> OpResult + Send + 'static) {
        let tx = self.tx.clone();
        self.tokio.spawn_blocking(move || {
            let result = work();
            let _ = tx.send(Completion {
                id,
                result,
                keep: false,
            });
        });
    }

    /// A sender for completions produced by tokio tasks.
    pub fn sender(&self) -> mpsc::UnboundedSender<Completion> {
        self.tx.clone()
    }

    pub fn is_alive(&self) -> bool {
        (self.timer_deadline.get().is_some() && self.timer_ref.get())
            || self.immediate_ref_count.get() > 0
            || self.pending_ops.get() > 0
            || self.ref_handles.get() > 0
    }

    fn hooks(&self) -> Rc<Hooks> {
        self.hooks
            .borrow()
            .as_ref()
            .expect("hooks installed")
            .clone()
    }
}

pub fn state(scope: &Scope) -> Rc<LoopState> {
    scope
        .get_slot::<Rc<LoopState>>()
        .expect("loop state")
        .clone()
}

/// Builds the Node-side value of an op result.
pub fn op_value<'s>(scope: &mut Scope<'s, '_>, v: OpValue) -> v8::Local<'s, v8::Value> {
    match v {
        OpValue::Undefined => v8::undefined(scope).into(),
        OpValue::Bool(b) => v8::Boolean::new(scope, b).into(),
        OpValue::Number(n) => num(scope, n),
        OpValue::String(s) => str(scope, &s).into(),
        OpValue::Bytes(b) => uint8_array(scope, b).into(),
        OpValue::Strings(list) => {
            let items: Vec<_> = list.iter().map(|s| str(scope, s).into()).collect();
            v8::Array::new_with_elements(scope, &items).into()
        }
        OpValue::Numbers(list) => {
            let items: Vec<_> = list.iter().map(|n| num(scope, *n)).collect();
            v8::Array::new_with_elements(scope, &items).into()
        }
        OpValue::Pair(a, b) => {
            let a = op_value(scope, *a);
            let b = op_value(scope, *b);
            v8::Array::new_with_elements(scope, &[a, b]).into()
        }
    }
}

/// Calls `f` as a macrotask callback: on exception, the uncaught-exception path; then the
/// nextTick queue and microtasks are drained. Returns false if the process must stop.
pub fn call_js(
    scope: &mut Scope,
    f: v8::Local<v8::Function>,
    recv: v8::Local<v8::Value>,
    args: &[v8::Local<v8::Value>],
) -> Option<()> {
    // As Node's callback scope: after a callback that threw (and was handled by an
    // 'uncaughtException' listener) the tick queue is left for the next callback.
    if call_catching(scope, f, recv, args)? {
        run_ticks(scope)?;
    }
    Some(())
}

/// Like [`call_js`], but drains the tick queue even when the function threw (the main
/// script: Node runs its pending ticks before the loop starts).
pub fn call_js_always_drain(
    scope: &mut Scope,
    f: v8::Local<v8::Function>,
    recv: v8::Local<v8::Value>,
    args: &[v8::Local<v8::Value>],
) -> Option<()> {
    call_catching(scope, f, recv, args)?;
    run_ticks(scope)
}

/// Calls `f`; an exception goes to the uncaught-exception path. Returns whether it
/// completed without throwing (None: the process is stopping).
fn call_catching(
    scope: &mut Scope,
    f: v8::Local<v8::Function>,
    recv: v8::Local<v8::Value>,
    args: &[v8::Local<v8::Value>],
) -> Option<bool> {
    v8::tc_scope!(let tc, scope);
    if f.call(tc, recv, args).is_some() {
        return Some(true);
    }
    if tc.has_terminated() || !tc.can_continue() {
        return None;
    }
    if let Some(exc) = tc.exception() {
        let msg = tc.message();
        handle_uncaught(tc, exc, msg)?;
    }
    Some(false)
}

/// Drain `process.nextTick` callbacks, microtasks and unhandled-rejection processing.
pub fn run_ticks(scope: &mut Scope) -> Option<()> {
    let st = state(scope);
    let hooks = st.hooks();
    // A tick that throws is reported; the rest of the queue runs on the next call.
    for _ in 0..1_000_000 {
        if st.exit_requested.get().is_some() {
            return None;
        }
        let f = v8::Local::new(scope, &hooks.process_ticks);
        let undef = v8::undefined(scope).into();
        if call_catching(scope, f, undef, &[])? {
            return Some(());
        }
    }
    Some(())
}

/// Source context of an exception: `file:line\nsource\n   ^^^` (Node's "arrow"), if known.
pub fn arrow_message(scope: &mut Scope, msg: Option<v8::Local<v8::Message>>) -> String {
    let Some(msg) = msg else { return String::new() };
    let name = msg
        .get_script_resource_name(scope)
        .map(|n| n.to_rust_string_lossy(scope))
        .unwrap_or_default();
    let line = msg.get_line_number(scope).unwrap_or(0);
    let source = msg
        .get_source_line(scope)
        .map(|s| s.to_rust_string_lossy(scope))
        .unwrap_or_default();
    if name.is_empty() || name.starts_with("node:") {
        return String::new();
    }
    let start = msg.get_start_column();
    let end = msg.get_end_column().max(start + 1);
    let display = name.strip_prefix("file://").unwrap_or(&name);
    let mut out = format!("{display}:{line}\n{source}\n");
    out.push_str(&" ".repeat(start));
    out.push_str(&"^".repeat(end - start));
    out.push('\n');
    out
}

/// Reports an exception to JS (`uncaughtException` listeners, or print and exit).
/// Returns None when the process is exiting.
pub fn handle_uncaught(
    scope: &mut Scope,
    exc: v8::Local<v8::Value>,
    msg: Option<v8::Local<v8::Message>>,
) -> Option<()> {
    let st = state(scope);
    let hooks = st.hooks();
    let arrow = arrow_message(scope, msg);
    let f = v8::Local::new(scope, &hooks.on_uncaught);
    let arrow = str(scope, &arrow).into();
    let undef = v8::undefined(scope).into();
    v8::tc_scope!(let tc, scope);
    let r = f.call(tc, undef, &[exc, arrow]);
    if r.is_none() {
        // The handler itself threw: Node prints that error's report and exits with 7.
        if let Some(e) = tc.exception() {
            let msg = tc.message();
            let arrow = arrow_message(tc, msg);
            let text = v8::Local::<v8::Object>::try_from(e)
                .ok()
                .and_then(|o| {
                    let key = str(tc, "stack");
                    o.get(tc, key.into())
                })
                .filter(|s| s.is_string())
                .unwrap_or(e)
                .to_rust_string_lossy(tc);
            eprintln!("{arrow}\n{text}\n\nNode.js v{}", crate::NODE_VERSION);
        }
        st.exit_requested.set(Some(7));
        return None;
    }
    if st.exit_requested.get().is_some() {
        return None;
    }
    Some(())
}

/// Runs the loop until nothing keeps it alive or exit is requested. Returns the exit code
/// requested, if any.
pub fn run(scope: &mut Scope) -> Option<i32> {
    let st = state(scope);
    loop {
        if let Some(code) = st.exit_requested.get() {
            return Some(code);
        }
        if !st.is_alive() {
            // beforeExit may schedule more work.
            let hooks = st.hooks();
            let f = v8::Local::new(scope, &hooks.emit_before_exit);
            let undef = v8::undefined(scope).into();
            call_js(scope, f, undef, &[]);
            if let Some(code) = st.exit_requested.get() {
                return Some(code);
            }
            if !st.is_alive() {
                return None;
            }
        }
        if tick(scope, &st).is_none() {
            return st.exit_requested.get();
        }
    }
}

/// One loop iteration.
fn tick(scope: &mut Scope, st: &Rc<LoopState>) -> Option<()> {
    st.update_time();
    run_timers(scope, st)?;
    // pending callbacks: deferred I/O callbacks arrive through poll on this loop.
    let timeout = if st.immediate_count.get() > 0 {
        Some(Duration::ZERO)
    } else if let Some(d) = st.timer_deadline.get() {
        let wait = (d - st.now()).max(0.0);
        if !st.timer_ref.get() && st.pending_ops.get() == 0 && st.ref_handles.get() == 0 {
            Some(Duration::ZERO)
        } else {
            Some(Duration::from_millis(wait as u64))
        }
    } else if st.pending_ops.get() > 0 || st.ref_handles.get() > 0 {
        None
    } else {
        Some(Duration::ZERO)
    };
    poll(scope, st, timeout)?;
    // check: a batch cut short by a throw continues in the same phase (Node's CheckImmediate).
    if st.immediate_count.get() > 0 {
        let hooks = st.hooks();
        let f = v8::Local::new(scope, &hooks.process_immediate);
        let undef = v8::undefined(scope).into();
        call_js(scope, f, undef, &[])?;
        while st.immediate_outstanding.get() {
            call_js(scope, f, undef, &[])?;
        }
    }
    // close callbacks are queued by handles as immediates-before-check in JS for now.
    Some(())
}

fn run_timers(scope: &mut Scope, st: &Rc<LoopState>) -> Option<()> {
    let Some(deadline) = st.timer_deadline.get() else {
        return Some(());
    };
    if deadline > st.now() {
        return Some(());
    }
    let hooks = st.hooks();
    let f = v8::Local::new(scope, &hooks.process_timers);
    let now = num(scope, st.now());
    let undef = v8::undefined(scope).into();
    st.timer_deadline.set(None);
    // As Node's RunTimers: if a timer callback throws, report it and call again so the
    // remaining expired timers still run in this phase.
    let next = loop {
        v8::tc_scope!(let tc, scope);
        if let Some(v) = f.call(tc, undef, &[now]) {
            break v.number_value(tc).unwrap_or(0.0);
        }
        if tc.has_terminated() || !tc.can_continue() {
            return None;
        }
        if let Some(exc) = tc.exception() {
            let msg = tc.message();
            handle_uncaught(tc, exc, msg)?;
        }
    };
    if next != 0.0 && next.is_finite() {
        st.timer_deadline.set(Some(next.abs()));
        st.timer_ref.set(next > 0.0);
    }
    run_ticks(scope)
}

/// Gives the tasks on the loop's tokio runtime (pipes, sockets, child processes, signals)
/// one turn without waiting: the I/O driver is polled and the tasks it wakes run. Without
/// it, a loop that never blocks (setImmediate chains, a stream of completions) would
/// starve them.
fn run_tokio_turn(st: &LoopState) {
    st.tokio.block_on(async {
        // Two yields: the first lets the scheduler poll the driver, the second runs the
        // tasks that poll woke.
        tokio::task::yield_now().await;
        tokio::task::yield_now().await;
    });
}

fn poll(scope: &mut Scope, st: &Rc<LoopState>, timeout: Option<Duration>) -> Option<()> {
    let remote_ready: RefCell<Option<RemoteTask>> = RefCell::new(None);
    let ready = st.rx.borrow_mut().try_recv().ok();
    // Only when tokio has tasks (child processes, signals, sockets) to drive.
    if (ready.is_some() || timeout == Some(Duration::ZERO))
        && st.tokio.metrics().num_alive_tasks() > 0
    {
        run_tokio_turn(st);
    }
    run_remote_tasks(scope);
    let first = {
        let mut rx = st.rx.borrow_mut();
        match ready.map(Ok).unwrap_or_else(|| rx.try_recv()) {
            Ok(c) => Some(c),
            Err(_) if timeout == Some(Duration::ZERO) => None,
            Err(_) => {
                // Wait for a completion, or for a task posted by another thread.
                let mut remote = st.remote_rx.borrow_mut();
                let wait = async {
                    tokio::select! {
                        c = rx.recv() => c,
                        t = remote.recv() => {
                            if let Some(t) = t {
                                remote_ready.replace(Some(t));
                            }
                            None
                        }
                    }
                };
                st.tokio.block_on(async {
                    match timeout {
                        Some(d) => tokio::time::timeout(d, wait).await.ok().flatten(),
                        None => wait.await,
                    }
                })
            }
        }
    };
    if let Some(task) = remote_ready.take() {
        task(scope);
        run_ticks(scope)?;
        run_remote_tasks(scope);
    }
    let Some(first) = first else {
        st.update_time();
        return Some(());
    };
    st.update_time();
    deliver(scope, st, first)?;
    loop {
        let next = st.rx.borrow_mut().try_recv();
        match next {
            Ok(c) => deliver(scope, st, c)?,
            Err(_) => break,
        }
    }
    Some(())
}

fn deliver(scope: &mut Scope, st: &Rc<LoopState>, c: Completion) -> Option<()> {
    let cb = if c.keep {
        st.callbacks.borrow().get(&c.id).cloned()
    } else {
        st.pending_ops.set(st.pending_ops.get().saturating_sub(1));
        st.callbacks.borrow_mut().remove(&c.id)
    };
    let Some(cb) = cb else { return Some(()) };
    let f = v8::Local::new(scope, &cb);
    let undef: v8::Local<v8::Value> = v8::undefined(scope).into();
    let args: Vec<v8::Local<v8::Value>> = match c.result {
        Ok(v) => {
            let null = v8::null(scope).into();
            vec![null, op_value(scope, v)]
        }
        Err(e) => vec![errno_error(
            scope,
            e.errno,
            e.syscall,
            e.path.as_deref(),
            e.dest.as_deref(),
        )],
    };
    call_js(scope, f, undef, &args)
}
