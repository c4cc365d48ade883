//! The startup snapshot: the V8 heap after js/bootstrap.js ran (built-in modules compiled
//! and loaded, globals installed), made at build time by the `rnode_snapshot` crate and
//! deserialized by [`crate::run`] instead of running the bootstrap on every start.
//!
//! Native functions in the heap are serialized as indexes into
//! [`crate::bindings::external_references`], so making and loading must use the same list.

use crate::{bindings, event_loop, init_v8, modules, RuntimeOptions};
use std::rc::Rc;

/// Index of the bootstrap's hooks object in the default context's snapshot data.
pub const HOOKS_INDEX: usize = 0;

/// Index of the bootstrapped main context among the snapshot's contexts.
pub const MAIN_CONTEXT_INDEX: usize = 0;

/// Runs the bootstrap in a snapshot-creating isolate and returns the snapshot blob.
pub fn create() -> Result<Vec<u8>, String> {
    init_v8(&[]);
    let mut creator =
        v8::Isolate::snapshot_creator(Some(bindings::external_references().into()), None);
    creator.set_slot(event_loop::LoopState::new());
    creator.set_slot(Rc::new(RuntimeOptions::default()));
    creator.set_slot(Rc::new(modules::ModuleMap::default()));
    {
        v8::scope!(let scope, &mut creator);
        // The default context stays a plain V8 context: `Context::new` clones it, and new
        // realms (vm contexts) must not inherit the bootstrapped globals.
        let plain = v8::Context::new(scope, Default::default());
        scope.set_default_context(plain);
        let context = v8::Context::new(scope, Default::default());
        let main_index = scope.add_context(context);
        if main_index != MAIN_CONTEXT_INDEX {
            return Err(format!(
                "main context stored at index {main_index}, expected {MAIN_CONTEXT_INDEX}"
            ));
        }
        let scope = &mut v8::ContextScope::new(scope, context);
        let hooks = crate::bootstrap(scope).ok_or("bootstrap failed while making the snapshot")?;
        let index = scope.add_context_data(context, hooks);
        if index != HOOKS_INDEX {
            return Err(format!(
                "hooks stored at context data index {index}, expected {HOOKS_INDEX}"
            ));
        }
    }
    // The snapshot may not contain persistent handles: drop the Rust-side state first.
    creator.remove_slot::<Rc<modules::ModuleMap>>();
    creator.remove_slot::<Rc<event_loop::LoopState>>();
    creator.remove_slot::<Rc<RuntimeOptions>>();
    let blob = creator
        .create_blob(v8::FunctionCodeHandling::Keep)
        .ok_or("V8 could not create the snapshot blob")?;
    Ok(blob.to_vec())
}
