//! Native op groups, one file per Node area; each has `register(scope, obj)` filling the
//! object that `internalBinding(name)` returns.

pub mod buffer;
pub mod errors;
pub mod fs;
pub mod modules;
pub mod os;
pub mod process;
pub mod signals;
pub mod spawn;
pub mod stdio;
pub mod timers;
pub mod types;
pub mod url;
pub mod util;
pub mod v8;
pub mod vm;
