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
            let mut best = std::time::Duration::MAX;
            let mut a = cjs_lexer::analyze(&src);
            for _ in 0..20 {
                let t = std::time::Instant::now();
                a = cjs_lexer::analyze(&src);
                best = best.min(t.elapsed());
            }
            println!(
                "{} exports, reexports {:?}, best of 20: {:?}",
                a.exports.len(),
                a.reexports,
                best
            );
        }
        return;
    }
    if mode == "lexjson" {
        // stdin: file paths; stdout: {path: {exports, reexports}}
        let input = std::io::read_to_string(std::io::stdin()).unwrap_or_default();
        let mut out = serde_json::Map::new();
        for f in input.lines() {
            let Ok(src) = std::fs::read_to_string(f) else {
                continue;
            };
            let a = cjs_lexer::analyze(&src);
            out.insert(
                f.to_string(),
                serde_json::json!({"exports": a.exports, "reexports": a.reexports}),
            );
        }
        println!("{}", serde_json::Value::Object(out));
        return;
    }
    if mode == "batch" {
        // stdin lines: "require|import<TAB>parent<TAB>spec"
        let r = Resolver::new();
        let input = std::io::read_to_string(std::io::stdin()).unwrap_or_default();
        for line in input.lines() {
            let mut parts = line.splitn(3, '\t');
            let (Some(m), Some(parent), Some(spec)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let res = if m == "import" {
                r.resolve_import(spec, Some(Path::new(parent)))
            } else {
                r.resolve_require(spec, Some(Path::new(parent)), None)
            };
            match res {
                Ok(Resolved::File { path, .. }) => println!("OK {}", path.display()),
                Ok(Resolved::Builtin(b)) => println!("OK builtin:{b}"),
                Err(e) => println!("ERR {} {}", e.code, serde_json::Value::String(e.message)),
            }
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
