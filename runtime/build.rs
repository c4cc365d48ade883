//! Embeds the JS library (runtime/js) into the binary as a table of (module id, source).
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read js dir")
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, base, out);
        } else if path.extension().and_then(|e| e.to_str()) == Some("js") {
            let rel = path
                .strip_prefix(base)
                .expect("under js/")
                .with_extension("");
            let id = rel.to_string_lossy().replace('\\', "/");
            out.push((id, path));
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("manifest dir"));
    let js = root.join("js");
    println!("cargo:rerun-if-changed=js");
    let mut files = Vec::new();
    collect(&js, &js, &mut files);
    let mut src = String::from("/// Built-in JS sources: (id, source). `node/x` is `require('x')`.\npub static JS_FILES: &[(&str, &str)] = &[\n");
    for (id, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            src,
            "    ({:?}, include_str!({:?})),",
            id,
            path.display().to_string()
        )
        .unwrap();
    }
    src.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("out dir")).join("js_files.rs");
    std::fs::write(out, src).expect("write js_files.rs");
}
