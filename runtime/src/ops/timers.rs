//! `internalBinding('timers')`: the one native timer behind all JS timers, the immediate
//! counts, and the loop clock (js/internal/timers.js owns the lists).

use crate::bindings::{arg_f64, num, op, OpFn, Scope};
use crate::event_loop::state;

pub fn functions() -> Vec<OpFn> {
    vec![
        op("scheduleTimer", schedule_timer),
        op("toggleTimerRef", toggle_timer_ref),
        op("setImmediateCounts", set_immediate_counts),
        op("getLibuvNow", get_now),
        op("hrtime", hrtime),
        op("runMicrotasks", run_microtasks),
        op("setImmediateOutstanding", set_immediate_outstanding),
        op("enqueueMicrotask", enqueue_microtask),
    ]
}

/// The V8 microtask checkpoint (promise reactions, queueMicrotask callbacks).
fn run_microtasks(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    scope.perform_microtask_checkpoint();
}

fn enqueue_microtask(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    if let Ok(f) = v8::Local::<v8::Function>::try_from(args.get(0)) {
        scope.enqueue_microtask(f);
    }
}

/// `scheduleTimer(ms)`: the earliest JS timer expires `ms` after the loop's current time.
fn schedule_timer(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let ms = arg_f64(scope, &args, 0).max(1.0);
    let st = state(scope);
    st.timer_deadline.set(Some(st.now() + ms));
}

fn toggle_timer_ref(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let r = args.get(0).boolean_value(scope);
    state(scope).timer_ref.set(r);
}

/// `setImmediateCounts(count, refCount)`.
fn set_immediate_counts(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let count = arg_f64(scope, &args, 0).max(0.0) as u32;
    let refs = arg_f64(scope, &args, 1).max(0.0) as u32;
    let st = state(scope);
    st.immediate_count.set(count);
    st.immediate_ref_count.set(refs);
}

fn get_now(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    // Like Node's GetNow: refresh the loop clock first, so a timer created after a long
    // synchronous stretch starts counting from now.
    let st = state(scope);
    st.update_time();
    let n = st.now();
    rv.set(num(scope, n));
}

/// Milliseconds (fractional) since the loop started, for performance.now().
fn hrtime(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let n = state(scope).hrnow();
    rv.set(num(scope, n));
}

/// `setImmediateOutstanding(bool)`: a check-phase batch was interrupted by a throw.
fn set_immediate_outstanding(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let v = args.get(0).boolean_value(scope);
    state(scope).immediate_outstanding.set(v);
}
