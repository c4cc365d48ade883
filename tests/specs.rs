//! Runs every JS fixture under tests/specs/ with the real `rnode` binary and compares its
//! stdout with the `.out` file next to it (taken from real Node 21.7.3). A first line
//! `// exit: N` sets the expected exit code (default 0); a `.err` file, when present, is the
//! expected stderr. Extra arguments may be given with a line `// args: a b c`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            // Directories named `fixtures` hold helper modules, not specs.
            if p.file_name()
                .is_some_and(|n| n == "fixtures" || n == "node_modules")
            {
                continue;
            }
            collect(&p, out);
        } else if matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("js" | "mjs" | "cjs")
        ) && p.with_extension("out").exists()
        {
            out.push(p);
        }
    }
}

fn directive(src: &str, key: &str) -> Option<String> {
    src.lines().take(5).find_map(|l| {
        l.trim()
            .strip_prefix(&format!("// {key}:"))
            .map(|v| v.trim().to_string())
    })
}

#[test]
fn js_specs_match_node() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs");
    let mut specs = Vec::new();
    collect(&root, &mut specs);
    assert!(
        !specs.is_empty(),
        "no spec fixtures found under {}",
        root.display()
    );
    let bin = env!("CARGO_BIN_EXE_rnode");
    let mut failures = Vec::new();
    for spec in &specs {
        let src = std::fs::read_to_string(spec).unwrap_or_default();
        let expected_code: i32 = directive(&src, "exit")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let extra: Vec<String> = directive(&src, "args")
            .map(|v| v.split_whitespace().map(String::from).collect())
            .unwrap_or_default();
        let dir = spec.parent().expect("spec dir");
        let output = Command::new(bin)
            .arg(spec.file_name().expect("file name"))
            .args(&extra)
            .current_dir(dir)
            .env_remove("NODE_OPTIONS")
            .env("NO_COLOR", "1")
            .output()
            .expect("run rnode");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let expected = std::fs::read_to_string(spec.with_extension("out")).unwrap_or_default();
        let code = output.status.code().unwrap_or(-1);
        let rel = spec
            .strip_prefix(&root)
            .unwrap_or(spec)
            .display()
            .to_string();
        if stdout != expected {
            failures.push(format!(
                "{rel}: stdout differs\n--- expected\n{expected}\n--- actual\n{stdout}\n--- stderr\n{stderr}"
            ));
        } else if code != expected_code {
            failures.push(format!(
                "{rel}: exit code {code}, expected {expected_code}\n--- stderr\n{stderr}"
            ));
        } else if let Ok(err) = std::fs::read_to_string(spec.with_extension("err")) {
            if stderr != err {
                failures.push(format!(
                    "{rel}: stderr differs\n--- expected\n{err}\n--- actual\n{stderr}"
                ));
            }
        }
    }
    println!("{} specs, {} failed", specs.len(), failures.len());
    assert!(
        failures.is_empty(),
        "{} of {} specs failed:\n\n{}",
        failures.len(),
        specs.len(),
        failures.join("\n\n")
    );
}
