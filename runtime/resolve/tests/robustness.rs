//! Bad input never panics: symlink loops, package.json files that are directories or
//! not UTF-8, deeply nested JSON, non-UTF-8 paths, odd specifiers.
#![allow(clippy::result_large_err)] // ResolveError is the fixed public error type

mod common;
use common::Fixture;
use rnode_resolve::{cjs_lexer, Resolved};

#[test]
fn symlink_loops_are_not_found() {
    let f = Fixture::new(&[("p.js", ""), ("p.mjs", "")]);
    f.symlink("loop2", "loop1");
    f.symlink("loop1", "loop2");
    f.symlink("self", "node_modules/self");
    assert_eq!(
        f.err(f.require("./loop1", "p.js")),
        ("MODULE_NOT_FOUND", "Cannot find module './loop1'".into())
    );
    assert_eq!(
        f.err(f.import("./loop1", "p.mjs")),
        (
            "ERR_MODULE_NOT_FOUND",
            "Cannot find module '{R}/loop1' imported from {R}/p.mjs".into()
        )
    );
    assert_eq!(f.err(f.require("self", "p.js")).0, "MODULE_NOT_FOUND");
    assert_eq!(f.err(f.import("self", "p.mjs")).0, "ERR_MODULE_NOT_FOUND");
}

#[test]
fn package_json_that_is_a_directory_or_not_utf8() {
    let f = Fixture::new(&[
        ("p.js", ""),
        ("node_modules/dirpj/package.json/", ""),
        ("node_modules/dirpj/index.js", ""),
    ]);
    std::fs::create_dir_all(f.path("node_modules/latin")).expect("mkdir");
    std::fs::write(
        f.path("node_modules/latin/package.json"),
        b"{\"main\":\"\xe9.js\"}",
    )
    .expect("write");
    assert_eq!(
        f.file(f.require("dirpj", "p.js")),
        "node_modules/dirpj/index.js"
    );
    assert_eq!(
        f.err(f.require("latin", "p.js")),
        (
            "ERR_INVALID_PACKAGE_CONFIG",
            "Invalid package config {R}/node_modules/latin/package.json.".into()
        )
    );
}

#[test]
fn deeply_nested_and_huge_package_json() {
    let deep = format!(
        "{{\"exports\":{}\"./x.js\"{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let mut big = String::from("{\"main\":\"a.js\",\"files\":[");
    for i in 0..200_000 {
        if i > 0 {
            big.push(',');
        }
        big.push_str(&format!("\"f{i}\""));
    }
    big.push_str("]}");
    let f = Fixture::new(&[
        ("p.js", ""),
        ("node_modules/deep/package.json", &deep),
        ("node_modules/deep/x.js", ""),
        ("node_modules/big/package.json", &big),
        ("node_modules/big/a.js", ""),
    ]);
    // Too deep for the JSON reader: reported, not a stack overflow.
    assert!(f.require("deep", "p.js").is_err());
    assert_eq!(f.file(f.require("big", "p.js")), "node_modules/big/a.js");
}

#[cfg(unix)]
#[test]
fn non_utf8_paths() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let f = Fixture::new(&[]);
    let dir = f.root.join(OsStr::from_bytes(b"d\xff\xfe"));
    std::fs::create_dir_all(dir.join("node_modules/dep")).expect("mkdir");
    std::fs::write(dir.join("x.js"), "").expect("write");
    std::fs::write(dir.join("m.mjs"), "").expect("write");
    std::fs::write(dir.join("node_modules/dep/index.js"), "").expect("write");
    let r = f.resolver();
    let parent_cjs = dir.join("p.js");
    let parent_esm = dir.join("p.mjs");
    let file = |res| match res {
        Ok(Resolved::File { path, .. }) => path,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        file(r.resolve_require("./x", Some(&parent_cjs), None)),
        dir.join("x.js")
    );
    assert_eq!(
        file(r.resolve_require("dep", Some(&parent_cjs), None)),
        dir.join("node_modules/dep/index.js")
    );
    assert_eq!(
        file(r.resolve_import("./m.mjs", Some(&parent_esm))),
        dir.join("m.mjs")
    );
    assert_eq!(
        file(r.resolve_import("dep", Some(&parent_esm))),
        dir.join("node_modules/dep/index.js")
    );
    let e = r
        .resolve_import("./nope.mjs", Some(&parent_esm))
        .expect_err("missing");
    assert_eq!(e.code, "ERR_MODULE_NOT_FOUND");
}

#[test]
fn odd_specifiers_do_not_panic() {
    let f = Fixture::new(&[
        ("p.js", ""),
        ("p.mjs", ""),
        (
            "package.json",
            r##"{"name":"p","exports":{"./*":"./*","./a/*/b/*":"./x/*"},"imports":{"#*":"./*","#a/*":["./a/*", null]}}"##,
        ),
        (
            "node_modules/x/package.json",
            r#"{"exports":{"./*":{"import":["./*.js",{"node":null}]}}}"#,
        ),
    ]);
    let specs = [
        "",
        " ",
        "\0",
        "\n",
        "/",
        "//",
        "///",
        ":",
        "@",
        "@/",
        "@a/",
        "#",
        "##",
        "#*",
        "#a/*",
        "p/*",
        "p/a/x/b/y",
        "x/",
        "x/*",
        "x/%",
        "x/%2F",
        "x/\u{2028}",
        "node:",
        "node:/",
        "file:",
        "file:/",
        "file://",
        "file:///",
        "file:///%",
        "data:",
        "a:b:c",
        "\u{1F600}",
        "é/ü",
        "./\u{1F600}",
        "..\\x",
        ".\\x",
        "...",
        "./..../",
        "%",
        "%%%",
        "./%2e",
        "./%2",
        "?",
        "#?",
        "x?y#z",
        "./\t\r\n",
        "\\\\server\\x",
        "C:\\x",
        "c:/x",
        "./a/../../../../../../../../..",
        "p/../../x",
        "#../x",
    ];
    let r = f.resolver();
    for s in specs {
        let _ = r.resolve_require(s, Some(&f.path("p.js")), None);
        let _ = r.resolve_require(s, None, Some(&[f.path("nope"), f.path("")]));
        let _ = r.resolve_import(s, Some(&f.path("p.mjs")));
        let _ = r.resolve_import(s, None);
    }
}

#[test]
fn lexer_survives_garbage() {
    let inputs = [
        "".to_string(),
        "(".repeat(100_000),
        "{".repeat(100_000),
        "`${".repeat(50_000),
        "}".repeat(1000) + ")" + &"]".repeat(1000),
        "'unterminated".into(),
        "\"\\".into(),
        "/* never closed".into(),
        "/[/".into(),
        "exports.".into(),
        "exports[".into(),
        "exports['".into(),
        "Object.defineProperty(exports, '".into(),
        "module.exports = { a, ".into(),
        "module.exports = {".into(),
        "\\u".into(),
        "a\\".into(),
        "é".repeat(1000),
        "\u{2028}\u{feff}\u{a0}exports.x = 1".into(),
        "0x".into(),
        "1e".into(),
        "#!".into(),
        "#".into(),
        "Object.keys(_x).forEach(function (k) {".into(),
        "a\\é = 1; x\\\u{1F600}; \\".into(),
        "'\\é' `\\é` /\\é/ é\\".into(),
    ];
    for s in inputs {
        let _ = cjs_lexer::analyze(&s);
    }
    assert_eq!(
        cjs_lexer::analyze("\u{2028}\u{feff}\u{a0}exports.x = 1").exports,
        vec!["x"]
    );
}

/// A small deterministic generator of strings made of JavaScript- and URL-significant
/// pieces, for fuzz-style checks.
fn random_strings(seed: u64, count: usize, max_pieces: usize) -> Vec<String> {
    const PIECES: &[&str] = &[
        "\\",
        "'",
        "\"",
        "`",
        "${",
        "}",
        "{",
        "/",
        "*",
        "//",
        "/*",
        "*/",
        "é",
        "😀",
        "\n",
        "\r",
        "a",
        "exports",
        "module",
        ".",
        "=",
        "(",
        ")",
        "[",
        "]",
        ",",
        ":",
        "...",
        "require",
        "Object",
        "defineProperty",
        "%",
        "%2e",
        "%2F",
        "#",
        "?",
        "@",
        "node:",
        "file:",
        "..",
        "./",
        "x",
        " ",
        "\u{2028}",
        "0",
        "1e",
        "+",
        "-",
    ];
    let mut state = seed;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let n = (next() as usize) % max_pieces;
            (0..n)
                .map(|_| PIECES[(next() as usize) % PIECES.len()])
                .collect::<String>()
        })
        .collect()
}

#[test]
fn fuzz_lexer_and_specifiers() {
    for s in random_strings(0x9e37_79b9_7f4a_7c15, 3000, 40) {
        let _ = cjs_lexer::analyze(&s);
    }
    let f = Fixture::new(&[
        ("p.js", ""),
        ("p.mjs", ""),
        (
            "package.json",
            r##"{"name":"x","exports":{"./*":"./*"},"imports":{"#*":"./*"}}"##,
        ),
    ]);
    let r = f.resolver();
    for s in random_strings(42, 1500, 8) {
        let _ = r.resolve_require(&s, Some(&f.path("p.js")), None);
        let _ = r.resolve_import(&s, Some(&f.path("p.mjs")));
    }
}
