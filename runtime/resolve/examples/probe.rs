//! Debugging aid: resolve specifiers from the command line, printing Node-style
//! results. `probe import|require <parent-file> <spec>...` or `probe lex <file>`.

use rnode_resolve::{cjs_lexer, Resolved, Resolver};
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(mode) = args.first() else {
        eprintln!("usage: probe import|require <parent> <spec>... | probe lex <file>");
        return;
    };
    if mode == "lex" {
        for f in &args[1..] {
            let src = std::fs::read_to_string(f).unwrap_or_default();
            let t = std::time::Instant::now();
            let a = cjs_lexer::analyze(&src);
            println!("{:?} in {:?}", a, t.elapsed());
        }
        return;
    }
    let Some(parent) = args.get(1) else { return };
    let r = Resolver::new();
    for spec in &args[2..] {
        let res = if mode == "import" {
            r.resolve_import(spec, Some(Path::new(parent)))
        } else {
            r.resolve_require(spec, Some(Path::new(parent)), None)
        };
        match res {
            Ok(Resolved::File { path, .. }) => println!("OK {spec} {}", path.display()),
            Ok(Resolved::Builtin(_)) => println!("OK {spec} {spec}"),
            Err(e) => {
                let mut msg = e.message.clone();
                if mode == "require" && e.require_stack_applies() {
                    msg.push_str(&format!("\nRequire stack:\n- {parent}"));
                }
                println!("ERR {spec} {} {}", e.code, serde_json::Value::String(msg))
            }
        }
    }
}
