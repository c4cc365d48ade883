//! `module_format`, `nearest_package_json`, caching and `clear_cache`, and sharing one
//! resolver across threads.
#![allow(clippy::result_large_err)] // ResolveError is the fixed public error type

mod common;
use common::Fixture;
use rnode_resolve::{ModuleFormat, Resolved, Resolver};
use std::path::Path;

#[test]
fn module_format_by_extension_and_type() {
    let f = Fixture::new(&[
        ("package.json", r#"{"type":"module"}"#),
        ("cjs/package.json", r#"{"type":"commonjs"}"#),
        ("none/package.json", r#"{"name":"none"}"#),
    ]);
    let r = f.resolver();
    let fmt = |p: &str| r.module_format(&f.path(p));
    assert_eq!(fmt("a.mjs"), ModuleFormat::Module);
    assert_eq!(fmt("a.cjs"), ModuleFormat::CommonJs);
    assert_eq!(fmt("a.json"), ModuleFormat::Json);
    assert_eq!(fmt("a.node"), ModuleFormat::Addon);
    assert_eq!(fmt("a.wasm"), ModuleFormat::Wasm);
    assert_eq!(fmt("a.js"), ModuleFormat::Module);
    assert_eq!(fmt("bin/tool"), ModuleFormat::Module);
    assert_eq!(fmt("a.ts"), ModuleFormat::Module);
    assert_eq!(fmt("cjs/a.js"), ModuleFormat::CommonJs);
    assert_eq!(fmt("cjs/a.mjs"), ModuleFormat::Module);
    assert_eq!(fmt("none/a.js"), ModuleFormat::CommonJs);
}

#[test]
fn package_scope_stops_at_node_modules() {
    let f = Fixture::new(&[
        ("package.json", r#"{"type":"module","name":"app"}"#),
        ("node_modules/loose.js", ""),
        ("node_modules/dep/package.json", r#"{"name":"dep"}"#),
        ("node_modules/dep/lib/x.js", ""),
    ]);
    let r = f.resolver();
    // A file directly in node_modules has no package scope: CommonJS.
    assert_eq!(
        r.module_format(&f.path("node_modules/loose.js")),
        ModuleFormat::CommonJs
    );
    assert_eq!(
        r.nearest_package_json(&f.path("node_modules/loose.js")),
        None
    );
    let dep = r
        .nearest_package_json(&f.path("node_modules/dep/lib/x.js"))
        .expect("dep scope");
    assert_eq!(dep.name.as_deref(), Some("dep"));
    assert_eq!(dep.path, f.path("node_modules/dep/package.json"));
    let app = r
        .nearest_package_json(&f.path("src/deep/file.js"))
        .expect("app");
    assert_eq!(app.name.as_deref(), Some("app"));
    assert!(app.is_module());
    // A directory argument looks at the directory itself first.
    let d = r
        .nearest_package_json(&f.path("node_modules/dep"))
        .expect("dir");
    assert_eq!(d.name.as_deref(), Some("dep"));
}

#[test]
fn invalid_nearest_package_json() {
    let f = Fixture::new(&[
        ("package.json", r#"{"type":"module"}"#),
        ("b/package.json", "{"),
    ]);
    let r = f.resolver();
    assert_eq!(r.module_format(&f.path("b/x.js")), ModuleFormat::CommonJs);
    let e = r.try_module_format(&f.path("b/x.js")).expect_err("invalid");
    assert_eq!(e.code, "ERR_INVALID_PACKAGE_CONFIG");
    assert_eq!(
        e.message,
        f.msg("Invalid package config {R}/b/package.json.")
    );
    assert_eq!(
        r.try_module_format(&f.path("b/x.mjs")),
        Ok(ModuleFormat::Module)
    );
    assert_eq!(r.nearest_package_json(&f.path("b/x.js")), None);
    match r.read_package_json(&f.path("b/package.json")) {
        Some(Err(p)) => assert_eq!(p, f.path("b/package.json")),
        other => panic!("{other:?}"),
    }
    assert_eq!(r.read_package_json(&f.path("nope/package.json")), None);
}

#[test]
fn package_json_fields() {
    let f = Fixture::new(&[(
        "package.json",
        r##"{"name":"app","version":"1.0.0","main":"index.js","type":"commonjs",
            "exports":{".":"./index.js"},"imports":{"#x":"./x.js"},
            "dependencies":{"a":"1"},"devDependencies":{"b":"1"},
            "peerDependencies":{"c":"1"},"optionalDependencies":{"a":"2","d":"1"}}"##,
    )]);
    let pj = f
        .resolver()
        .nearest_package_json(&f.path("index.js"))
        .expect("found");
    assert_eq!(pj.name.as_deref(), Some("app"));
    assert_eq!(pj.version.as_deref(), Some("1.0.0"));
    assert_eq!(pj.main.as_deref(), Some("index.js"));
    assert_eq!(pj.kind.as_deref(), Some("commonjs"));
    assert_eq!(pj.exports, Some(serde_json::json!({".": "./index.js"})));
    assert_eq!(pj.imports, Some(serde_json::json!({"#x": "./x.js"})));
    assert_eq!(pj.dependencies, vec!["a", "b", "c", "d"]);
}

#[test]
fn cache_and_clear_cache() {
    let f = Fixture::new(&[("p.mjs", ""), ("package.json", r#"{"type":"commonjs"}"#)]);
    let r = f.resolver();
    let parent = f.path("p.mjs");
    assert!(r.resolve_import("./x.js", Some(&parent)).is_err());
    assert_eq!(r.module_format(&f.path("x.js")), ModuleFormat::CommonJs);
    f.write("x.js", "");
    f.write("package.json", r#"{"type":"module"}"#);
    // Cached: still missing, still CommonJS.
    assert!(r.resolve_import("./x.js", Some(&parent)).is_err());
    assert_eq!(r.module_format(&f.path("x.js")), ModuleFormat::CommonJs);
    // A clone shares the cache; clearing it through the clone is seen by both.
    r.clone().clear_cache();
    match r.resolve_import("./x.js", Some(&parent)) {
        Ok(Resolved::File { format, .. }) => assert_eq!(format, ModuleFormat::Module),
        other => panic!("{other:?}"),
    }
}

#[test]
fn resolver_is_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync + Clone + 'static>() {}
    assert_send_sync::<Resolver>();
    let f = Fixture::new(&[
        ("p.js", ""),
        (
            "node_modules/dep/package.json",
            r#"{"name":"dep","exports":{".":{"require":"./c.js","import":"./m.mjs"}}}"#,
        ),
        ("node_modules/dep/c.js", ""),
        ("node_modules/dep/m.mjs", ""),
    ]);
    let r = f.resolver();
    let parent = f.path("p.js");
    let handles: Vec<_> = (0..8)
        .map(|i| {
            let r = r.clone();
            let parent = parent.clone();
            std::thread::spawn(move || {
                for _ in 0..50 {
                    let res = if i % 2 == 0 {
                        r.resolve_require("dep", Some(&parent), None)
                    } else {
                        r.resolve_import("dep", Some(&parent))
                    };
                    let path = match res {
                        Ok(Resolved::File { path, .. }) => path,
                        other => panic!("{other:?}"),
                    };
                    let want = if i % 2 == 0 { "c.js" } else { "m.mjs" };
                    assert!(path.ends_with(want), "{path:?}");
                    if i == 3 {
                        r.clear_cache();
                    }
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("thread");
    }
}

#[test]
fn display_of_errors() {
    let f = Fixture::new(&[("p.js", "")]);
    let e = f.require("nope", "p.js").expect_err("missing");
    assert_eq!(e.to_string(), "MODULE_NOT_FOUND: Cannot find module 'nope'");
    let as_error: &dyn std::error::Error = &e;
    assert!(as_error.source().is_none());
}

#[test]
fn package_json_parse_is_public() {
    let p = rnode_resolve::PackageJson::parse("/x/package.json", r#"{"name":"x","type":"module"}"#)
        .expect("valid");
    assert!(p.is_module());
    assert_eq!(p.dir(), Path::new("/x"));
    assert!(rnode_resolve::PackageJson::parse("/x/package.json", "{").is_none());
}
