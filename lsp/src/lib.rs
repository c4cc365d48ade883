//! `rnode lsp`: a language server that answers "will this import work when I run it?"
//! with the runtime's own module resolver (`rnode_resolve`, called unchanged).
//!
//! Layers (protocol types stay in `server`): `text` (positions and edits), `syntax`
//! (swc parsing, specifier extraction), `resolve` (the runtime's resolver plus fixes and
//! the CommonJS named-export check), `analysis` (problems and links for one document),
//! `completion`, `workspace` (the background module index) and `server` (tower-lsp).

pub mod analysis;
pub mod completion;
pub mod resolve;
pub mod server;
pub mod syntax;
pub mod text;
pub mod transport;
pub mod uri;
pub mod workspace;

use tower_lsp_server::{LspService, Server};

/// Serve LSP over stdin/stdout until the client exits; returns the process exit code
/// (0 after `shutdown` + `exit`, 1 when the client exits without `shutdown` or stdin
/// closes first, as the LSP specification asks).
pub fn run_stdio() -> i32 {
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(4)
        .thread_name("rnode-lsp")
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("rnode lsp: cannot start the async runtime: {e}");
            return 1;
        }
    };
    install_panic_hook();
    let code = rt.block_on(async {
        let (service, socket) = LspService::build(server::Backend::new)
            .custom_method("rnode/status", server::Backend::status)
            .custom_method(transport::INVALID_METHOD, server::Backend::invalid_message)
            .finish();
        let backend = service.inner().clone();
        let (guarded_in, guard_out) = tokio::io::duplex(1 << 16);
        tokio::spawn(transport::guard(tokio::io::stdin(), guard_out));
        Server::new(guarded_in, tokio::io::stdout(), socket)
            .serve(service)
            .await;
        if backend.shutdown_requested() {
            0
        } else {
            1
        }
    });
    // Blocking tasks (indexing) must not keep the process alive after `exit`.
    rt.shutdown_timeout(std::time::Duration::from_millis(200));
    code
}

/// Panics are caught where they can happen (the resolver, the parser) and reported as
/// one stderr line, not a backtrace per keystroke.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("rnode lsp: internal error (recovered) at {at}: {msg}");
    }));
}
