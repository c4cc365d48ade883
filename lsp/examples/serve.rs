//! Dev tool: the language server alone (`cargo run -p rnode_lsp --example serve`), for
//! testing the LSP without building the whole `rnode` binary.

fn main() {
    std::process::exit(rnode_lsp::run_stdio());
}
