//! `internalBinding('signals')`: delivers POSIX signals to `process.on('SIGINT', …)`
//! listeners. Each watched signal is a tokio signal stream whose events reach the loop's
//! poll phase; like Node's signal handles they do not keep the loop alive.

use crate::bindings::{arg_f64, num, op, OpFn, Scope};
use crate::event_loop::{state, Completion, OpValue};
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// Watcher id → (signal number, the task forwarding its deliveries).
    static WATCHERS: RefCell<HashMap<u64, (i32, tokio::task::AbortHandle)>> = RefCell::new(HashMap::new());
    /// Signals whose OS handler was set back to the default when their last listener
    /// went away; tokio's handler is restored from here when a listener comes back.
    static PARKED: RefCell<HashMap<i32, libc::sigaction>> = RefCell::new(HashMap::new());
}

/// With no listener left, a signal must have its default effect again (Node: removing the
/// last SIGINT listener lets Ctrl-C end the process). tokio never uninstalls its handler,
/// so it is swapped out here and swapped back in by `unpark`.
fn park(signum: i32) {
    // SAFETY: sigaction with valid pointers; SIG_DFL needs no handler function.
    unsafe {
        let mut dfl: libc::sigaction = std::mem::zeroed();
        dfl.sa_sigaction = libc::SIG_DFL;
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(signum, &dfl, &mut old) == 0 {
            PARKED.with(|p| p.borrow_mut().insert(signum, old));
        }
    }
}

fn unpark(signum: i32) {
    if let Some(old) = PARKED.with(|p| p.borrow_mut().remove(&signum)) {
        // SAFETY: restores the handler sigaction gave us in `park`.
        unsafe { libc::sigaction(signum, &old, std::ptr::null_mut()) };
    }
}

/// `watch(signum, cb)` → watcher id, or a negative errno when the signal cannot be caught.
fn watch(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let signum = arg_f64(scope, &args, 0) as i32;
    let Ok(cb) = v8::Local::<v8::Function>::try_from(args.get(1)) else {
        return;
    };
    if matches!(signum, libc::SIGKILL | libc::SIGSTOP) || signum <= 0 || signum > 64 {
        rv.set(num(scope, -(libc::EINVAL as f64)));
        return;
    }
    let st = state(scope);
    unpark(signum);
    let stream = {
        let _guard = st.tokio.enter();
        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::from_raw(signum))
    };
    let mut stream = match stream {
        Ok(s) => s,
        Err(e) => {
            rv.set(num(scope, -(crate::bindings::io_errno(&e) as f64)));
            return;
        }
    };
    let id = st.register_handle(v8::Global::new(scope, cb));
    let tx = st.sender();
    let task = st.tokio.spawn(async move {
        while stream.recv().await.is_some() {
            let c = Completion {
                id,
                result: Ok(OpValue::Number(signum as f64)),
                keep: true,
            };
            if tx.send(c).is_err() {
                break;
            }
        }
    });
    WATCHERS.with(|w| w.borrow_mut().insert(id, (signum, task.abort_handle())));
    rv.set(num(scope, id as f64));
}

fn unwatch(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let id = arg_f64(scope, &args, 0) as u64;
    if let Some((signum, task)) = WATCHERS.with(|w| w.borrow_mut().remove(&id)) {
        task.abort();
        let still_watched = WATCHERS.with(|w| w.borrow().values().any(|(s, _)| *s == signum));
        if !still_watched {
            park(signum);
        }
    }
    state(scope).unregister_handle(id);
}

pub fn functions() -> Vec<OpFn> {
    vec![op("watch", watch), op("unwatch", unwatch)]
}
