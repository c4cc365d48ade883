//! Resolution rules, as the LSP sees them, against a fixture tree covering Node's
//! algorithms (CommonJS probing, ESM exactness, `exports`/`imports` with conditions and
//! patterns, self-reference, builtins, symlinks, module format). Every expectation is
//! also checked against Node 21 (`/opt/node21/bin/node`, or `NODE21`) when it is
//! installed, so the table cannot drift from the oracle.

use std::path::{Path, PathBuf};
use std::process::Command;

use rnode_lsp::resolve::{self, Outcome};
use rnode_resolve::{ModuleFormat, Resolver};

const FILES: &[(&str, &str)] = &[
    (
        "package.json",
        r##"{"name":"app","type":"module","imports":{"#a":"./lib/a.js","#p/*":"./lib/p/*.js","#c":{"import":"./lib/a.js","require":"./lib/c.cjs"}},"exports":{".":"./lib/a.js","./sub":"./lib/b.js"}}"##,
    ),
    ("lib/a.js", "export default 1;\n"),
    ("lib/b.js", "export default 2;\n"),
    ("lib/c.cjs", "module.exports = 3;\n"),
    ("lib/p/one.js", "export default 1;\n"),
    ("lib/data.json", "{}\n"),
    ("lib/dir/index.js", "export default 1;\n"),
    ("lib/withmain/package.json", r##"{"main":"entry.js"}"##),
    ("lib/withmain/entry.js", "export default 1;\n"),
    ("cjs/package.json", r##"{"type":"commonjs"}"##),
    ("cjs/x.js", "module.exports = 1;\n"),
    ("cjs/y.json", "{}\n"),
    ("cjs/dir/index.js", "module.exports = 1;\n"),
    (
        "cjs/deep/node_modules/near/package.json",
        r##"{"name":"near","main":"n.js"}"##,
    ),
    ("cjs/deep/node_modules/near/n.js", "module.exports = 1;\n"),
    ("cjs/deep/file.js", "module.exports = 1;\n"),
    (
        "node_modules/cond/package.json",
        r##"{"name":"cond","version":"1.0.0","exports":{".":{"node":{"import":"./node.mjs","require":"./node.cjs"},"default":"./default.js"},"./feature/*.js":"./src/features/*.js","./hidden/*":null,"./pkg":"./package.json"},"main":"./ignored.js"}"##,
    ),
    ("node_modules/cond/node.mjs", "export default 1;\n"),
    ("node_modules/cond/node.cjs", "module.exports = 1;\n"),
    ("node_modules/cond/default.js", "module.exports = 1;\n"),
    ("node_modules/cond/ignored.js", "module.exports = 1;\n"),
    (
        "node_modules/cond/src/features/f1.js",
        "module.exports = 1;\n",
    ),
    ("node_modules/cond/hidden/h.js", "module.exports = 1;\n"),
    (
        "node_modules/legacy/package.json",
        r##"{"name":"legacy","main":"lib/main"}"##,
    ),
    ("node_modules/legacy/lib/main.js", "module.exports = 1;\n"),
    ("node_modules/legacy/other.js", "module.exports = 1;\n"),
    (
        "node_modules/@sc/p/package.json",
        r##"{"name":"@sc/p","type":"module","exports":"./i.js"}"##,
    ),
    ("node_modules/@sc/p/i.js", "export default 1;\n"),
    ("node_modules/noindex/readme.md", "x\n"),
    (
        "real/pkg/package.json",
        r##"{"name":"sym","main":"index.js"}"##,
    ),
    ("real/pkg/index.js", "module.exports = 1;\n"),
];

#[derive(Debug, Clone, PartialEq)]
enum Want {
    File(&'static str),
    Builtin,
    Err(&'static str),
}

/// (parent file, specifier, esm, expected)
const CASES: &[(&str, &str, bool, Want)] = &[
    // ESM: relative specifiers are exact
    ("main.js", "./lib/a.js", true, Want::File("lib/a.js")),
    (
        "main.js",
        "./lib/a",
        true,
        Want::Err("ERR_MODULE_NOT_FOUND"),
    ),
    (
        "main.js",
        "./lib/dir",
        true,
        Want::Err("ERR_UNSUPPORTED_DIR_IMPORT"),
    ),
    (
        "main.js",
        "./lib/dir/index.js",
        true,
        Want::File("lib/dir/index.js"),
    ),
    (
        "main.js",
        "./lib/withmain",
        true,
        Want::Err("ERR_UNSUPPORTED_DIR_IMPORT"),
    ),
    (
        "main.js",
        "./lib/data.json",
        true,
        Want::File("lib/data.json"),
    ),
    // CommonJS: extension and directory probing
    ("cjs/main.js", "./x", false, Want::File("cjs/x.js")),
    ("cjs/main.js", "./y", false, Want::File("cjs/y.json")),
    (
        "cjs/main.js",
        "./dir",
        false,
        Want::File("cjs/dir/index.js"),
    ),
    (
        "cjs/main.js",
        "../lib/withmain",
        false,
        Want::File("lib/withmain/entry.js"),
    ),
    (
        "cjs/main.js",
        "./missing",
        false,
        Want::Err("MODULE_NOT_FOUND"),
    ),
    // node_modules lookup walks up; the nearest wins
    (
        "cjs/deep/file.js",
        "near",
        false,
        Want::File("cjs/deep/node_modules/near/n.js"),
    ),
    ("cjs/main.js", "near", false, Want::Err("MODULE_NOT_FOUND")),
    // exports: nested conditions, per algorithm
    (
        "main.js",
        "cond",
        true,
        Want::File("node_modules/cond/node.mjs"),
    ),
    (
        "cjs/main.js",
        "cond",
        false,
        Want::File("node_modules/cond/node.cjs"),
    ),
    (
        "main.js",
        "cond/feature/f1.js",
        true,
        Want::File("node_modules/cond/src/features/f1.js"),
    ),
    (
        "main.js",
        "cond/pkg",
        true,
        Want::Err("ERR_IMPORT_ATTRIBUTE_MISSING_OK"),
    ),
    (
        "main.js",
        "cond/ignored.js",
        true,
        Want::Err("ERR_PACKAGE_PATH_NOT_EXPORTED"),
    ),
    (
        "cjs/main.js",
        "cond/ignored.js",
        false,
        Want::Err("ERR_PACKAGE_PATH_NOT_EXPORTED"),
    ),
    (
        "main.js",
        "cond/hidden/h.js",
        true,
        Want::Err("ERR_PACKAGE_PATH_NOT_EXPORTED"),
    ),
    // main without exports; any subpath is reachable
    (
        "cjs/main.js",
        "legacy",
        false,
        Want::File("node_modules/legacy/lib/main.js"),
    ),
    (
        "main.js",
        "legacy",
        true,
        Want::File("node_modules/legacy/lib/main.js"),
    ),
    (
        "cjs/main.js",
        "legacy/other",
        false,
        Want::File("node_modules/legacy/other.js"),
    ),
    (
        "main.js",
        "legacy/other",
        true,
        Want::Err("ERR_MODULE_NOT_FOUND"),
    ),
    (
        "main.js",
        "@sc/p",
        true,
        Want::File("node_modules/@sc/p/i.js"),
    ),
    (
        "main.js",
        "noindex",
        true,
        Want::Err("ERR_MODULE_NOT_FOUND"),
    ),
    (
        "main.js",
        "not-installed",
        true,
        Want::Err("ERR_MODULE_NOT_FOUND"),
    ),
    (
        "cjs/main.js",
        "not-installed",
        false,
        Want::Err("MODULE_NOT_FOUND"),
    ),
    // imports
    ("main.js", "#a", true, Want::File("lib/a.js")),
    ("main.js", "#p/one", true, Want::File("lib/p/one.js")),
    ("main.js", "#c", true, Want::File("lib/a.js")),
    ("lib/q.cjs", "#c", false, Want::File("lib/c.cjs")),
    // the nearest package.json is the scope: cjs/package.json defines no imports
    ("cjs/main.js", "#c", false, Want::Err("MODULE_NOT_FOUND")),
    (
        "main.js",
        "#nope",
        true,
        Want::Err("ERR_PACKAGE_IMPORT_NOT_DEFINED"),
    ),
    // self-reference through the package's own exports
    ("lib/b.js", "app", true, Want::File("lib/a.js")),
    ("lib/b.js", "app/sub", true, Want::File("lib/b.js")),
    // builtins
    ("main.js", "fs", true, Want::Builtin),
    ("main.js", "node:fs/promises", true, Want::Builtin),
    ("main.js", "node:test", true, Want::Builtin),
    ("main.js", "test", true, Want::Err("ERR_MODULE_NOT_FOUND")),
    (
        "main.js",
        "node:nope",
        true,
        Want::Err("ERR_UNKNOWN_BUILTIN_MODULE"),
    ),
    (
        "cjs/main.js",
        "node:nope",
        false,
        Want::Err("ERR_UNKNOWN_BUILTIN_MODULE"),
    ),
    // symlinks resolve to the real path
    ("cjs/main.js", "sym", false, Want::File("real/pkg/index.js")),
];

fn build(root: &Path) {
    for (rel, text) in FILES {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, text).expect("write");
    }
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("real/pkg"), root.join("node_modules/sym"))
        .expect("symlink");
}

fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("rnode-lsp-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("mkdir temp");
    d.canonicalize().expect("canonical temp")
}

fn describe(o: &Outcome, root: &Path) -> String {
    match o {
        Outcome::Builtin(_) => "builtin".to_owned(),
        Outcome::File { path, .. } => path
            .strip_prefix(root)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| path.display().to_string()),
        Outcome::Failed(e) => format!("error {}", e.code),
        Outcome::Internal(m) => format!("internal {m}"),
    }
}

fn want_str(w: &Want) -> String {
    match w {
        Want::File(p) => (*p).to_owned(),
        Want::Builtin => "builtin".to_owned(),
        // a JSON file resolves; loading it needs the attribute (checked by the analysis)
        Want::Err("ERR_IMPORT_ATTRIBUTE_MISSING_OK") => "node_modules/cond/package.json".to_owned(),
        Want::Err(c) => format!("error {c}"),
    }
}

#[test]
fn resolution_rules() {
    let root = tempdir("rules");
    build(&root);
    let r = Resolver::new();
    let mut bad = Vec::new();
    for (parent, spec, esm, want) in CASES {
        let got = resolve::resolve(&r, spec, &root.join(parent), *esm);
        let got = describe(&got, &root);
        if got != want_str(want) {
            bad.push(format!(
                "{parent} {} '{spec}': got {got}, want {}",
                if *esm { "import" } else { "require" },
                want_str(want)
            ));
        }
    }
    assert!(bad.is_empty(), "\n{}", bad.join("\n"));

    // module format, as the runtime decides it
    let fmt = |p: &str| resolve::document_format(&r, &root.join(p));
    assert_eq!(fmt("lib/a.js"), ModuleFormat::Module);
    assert_eq!(fmt("cjs/x.js"), ModuleFormat::CommonJs);
    assert_eq!(fmt("cjs/m.mjs"), ModuleFormat::Module);
    assert_eq!(fmt("lib/c.cjs"), ModuleFormat::CommonJs);
    assert_eq!(fmt("lib/t.ts"), ModuleFormat::Module);
    assert_eq!(fmt("cjs/t.mts"), ModuleFormat::Module);
    assert_eq!(fmt("node_modules/legacy/other.js"), ModuleFormat::CommonJs);
    let _ = std::fs::remove_dir_all(&root);
}

/// The same table, asked of Node 21 (the oracle).
#[test]
fn table_agrees_with_node21() {
    let node = std::env::var("NODE21").unwrap_or_else(|_| "/opt/node21/bin/node".to_owned());
    if !Path::new(&node).exists() {
        eprintln!("skipped: Node 21 not installed at {node}");
        return;
    }
    let root = tempdir("oracle");
    build(&root);
    let driver = r#"
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';
import path from 'node:path';
const [root, cases] = [process.argv[2], JSON.parse(process.argv[3])];
const out = [];
for (const [parent, spec, esm] of cases) {
  const p = path.join(root, parent);
  try {
    let r;
    if (esm) {
      const url = import.meta.resolve(spec, pathToFileURL(p).href);
      r = url.startsWith('file:') ? fileURLToPath(url) : url;
      if (!r.startsWith('/')) await import(r); // an unknown builtin fails only on load
      if (r.startsWith('/')) {
        // import.meta.resolve returns the URL even for a missing file: check it exists
        realpathSync(r);
        try { await import(pathToFileURL(r).href); } catch (e) { if (e.code === 'ERR_UNSUPPORTED_DIR_IMPORT' || e.code === 'ERR_MODULE_NOT_FOUND') throw e; }
      }
    } else {
      const req = createRequire(p);
      try {
        r = req.resolve(spec);
      } catch (e) {
        req(spec); // require() reports what loading does (ERR_UNKNOWN_BUILTIN_MODULE)
        throw e;
      }
    }
    out.push(r.startsWith('/') ? path.relative(root, realpathSync(r)) : 'builtin');
  } catch (e) {
    out.push('error ' + (e.code === 'ENOENT' ? 'ERR_MODULE_NOT_FOUND' : e.code));
  }
}
console.log(JSON.stringify(out));
"#;
    let dfile = root.join("driver.mjs");
    std::fs::write(&dfile, driver).expect("driver");
    let cases: Vec<serde_json::Value> = CASES
        .iter()
        .map(|(p, s, e, _)| serde_json::json!([p, s, e]))
        .collect();
    let out = Command::new(&node)
        .arg("--experimental-import-meta-resolve")
        .arg(&dfile)
        .arg(&root)
        .arg(serde_json::Value::Array(cases).to_string())
        .output()
        .expect("run node21");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout.lines().last().unwrap_or_default();
    let answers: Vec<String> = serde_json::from_str(line).unwrap_or_else(|e| {
        panic!(
            "node21 output {stdout:?} {}: {e}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let mut bad = Vec::new();
    for ((parent, spec, esm, want), got) in CASES.iter().zip(answers) {
        let w = want_str(want);
        if got != w {
            bad.push(format!(
                "{parent} {} '{spec}': node21 says {got}, table says {w}",
                if *esm { "import" } else { "require" }
            ));
        }
    }
    assert!(bad.is_empty(), "\n{}", bad.join("\n"));
    let _ = std::fs::remove_dir_all(&root);
}
