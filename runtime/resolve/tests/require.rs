//! CommonJS resolution (`resolve_require`) against fixture trees; expected messages
//! are Node 21.7.3's, taken from running it on the same trees.
#![allow(clippy::result_large_err)] // ResolveError is the fixed public error type

mod common;
use common::{error, Fixture};
use rnode_resolve::{ModuleFormat, Resolved, Resolver};
use std::path::PathBuf;

#[test]
fn builtins_with_and_without_prefix() {
    let f = Fixture::new(&[("p.js", "")]);
    let b = |s: &str| f.require(s, "p.js");
    assert_eq!(b("fs"), Ok(Resolved::Builtin("fs".into())));
    assert_eq!(b("node:fs"), Ok(Resolved::Builtin("fs".into())));
    assert_eq!(
        b("fs/promises"),
        Ok(Resolved::Builtin("fs/promises".into()))
    );
    assert_eq!(b("node:test"), Ok(Resolved::Builtin("node:test".into())));
    assert_eq!(b("node:sea"), Ok(Resolved::Builtin("node:sea".into())));
    // "test" exists only with the prefix.
    assert_eq!(
        f.err(b("test")),
        ("MODULE_NOT_FOUND", "Cannot find module 'test'".into())
    );
    assert_eq!(
        f.err(b("node:nope")),
        (
            "ERR_UNKNOWN_BUILTIN_MODULE",
            "No such built-in module: node:nope".into()
        )
    );
}

#[test]
fn builtin_wins_over_node_modules() {
    let f = Fixture::new(&[("p.js", ""), ("node_modules/fs/index.js", "")]);
    assert_eq!(f.require("fs", "p.js"), Ok(Resolved::Builtin("fs".into())));
}

#[test]
fn load_as_file_probing_order() {
    let f = Fixture::new(&[
        ("p.js", ""),
        ("a", ""),
        ("a.js", ""),
        ("b.js", ""),
        ("b.json", ""),
        ("c.json", ""),
        ("c.node", ""),
        ("d.node", ""),
    ]);
    assert_eq!(f.file(f.require("./a", "p.js")), "a");
    assert_eq!(f.file(f.require("./b", "p.js")), "b.js");
    assert_eq!(f.file(f.require("./c", "p.js")), "c.json");
    assert_eq!(f.file(f.require("./d", "p.js")), "d.node");
    assert_eq!(f.file(f.require("./b.json", "p.js")), "b.json");
}

#[test]
fn formats_of_required_files() {
    let f = Fixture::new(&[
        ("p.js", ""),
        ("x.json", "{}"),
        ("x.node", ""),
        ("x.cjs", ""),
        ("x.mjs", ""),
        ("m/package.json", r#"{"type":"module"}"#),
        ("m/y.js", ""),
    ]);
    let fmt = |s: &str| match f.require(s, "p.js") {
        Ok(Resolved::File { format, .. }) => format,
        other => panic!("{other:?}"),
    };
    assert_eq!(fmt("./x.json"), ModuleFormat::Json);
    assert_eq!(fmt("./x.node"), ModuleFormat::Addon);
    assert_eq!(fmt("./x.cjs"), ModuleFormat::CommonJs);
    assert_eq!(fmt("./x.mjs"), ModuleFormat::Module);
    assert_eq!(fmt("./m/y"), ModuleFormat::Module);
    assert_eq!(fmt("./p"), ModuleFormat::CommonJs);
}

#[test]
fn load_as_directory_index_order() {
    let f = Fixture::new(&[
        ("p.js", ""),
        ("d1/index.js", ""),
        ("d1/index.json", ""),
        ("d2/index.json", ""),
        ("d2/index.node", ""),
        ("d3/index.node", ""),
    ]);
    assert_eq!(f.file(f.require("./d1", "p.js")), "d1/index.js");
    assert_eq!(f.file(f.require("./d2", "p.js")), "d2/index.json");
    assert_eq!(f.file(f.require("./d3/", "p.js")), "d3/index.node");
}

#[test]
fn file_wins_over_directory() {
    let f = Fixture::new(&[("p.js", ""), ("x.js", ""), ("x/index.js", "")]);
    assert_eq!(f.file(f.require("./x", "p.js")), "x.js");
    // A trailing slash only looks for a directory.
    assert_eq!(f.file(f.require("./x/", "p.js")), "x/index.js");
}

#[test]
fn main_field_with_probing() {
    let f = Fixture::new(&[
        ("p.js", ""),
        ("node_modules/m1/package.json", r#"{"main":"lib/entry"}"#),
        ("node_modules/m1/lib/entry.js", ""),
        ("node_modules/m2/package.json", r#"{"main":"lib"}"#),
        ("node_modules/m2/lib/index.js", ""),
        ("node_modules/m3/package.json", r#"{"main":"./lib/x.js"}"#),
        ("node_modules/m3/lib/x.js", ""),
        ("node_modules/m4/package.json", r#"{"main":""}"#),
        ("node_modules/m4/index.js", ""),
        ("node_modules/m5/package.json", r#"{"main":5}"#),
        ("node_modules/m5/index.js", ""),
    ]);
    assert_eq!(
        f.file(f.require("m1", "p.js")),
        "node_modules/m1/lib/entry.js"
    );
    assert_eq!(
        f.file(f.require("m2", "p.js")),
        "node_modules/m2/lib/index.js"
    );
    assert_eq!(f.file(f.require("m3", "p.js")), "node_modules/m3/lib/x.js");
    assert_eq!(f.file(f.require("m4", "p.js")), "node_modules/m4/index.js");
    assert_eq!(f.file(f.require("m5", "p.js")), "node_modules/m5/index.js");
}

#[test]
fn bad_main_falls_back_to_index_then_fails() {
    let f = Fixture::new(&[
        ("p.js", ""),
        ("node_modules/lm2/package.json", r#"{"main":"nope"}"#),
        ("node_modules/lm2/index.json", "{}"),
        ("node_modules/nox/package.json", r#"{"main":"nope.js"}"#),
    ]);
    assert_eq!(
        f.file(f.require("lm2", "p.js")),
        "node_modules/lm2/index.json"
    );
    let e = error(f.require("nox", "p.js"));
    assert_eq!(e.code, "MODULE_NOT_FOUND");
    assert_eq!(
        e.message,
        f.msg("Cannot find module '{R}/node_modules/nox/nope.js'. Please verify that the package.json has a valid \"main\" entry")
    );
    assert!(!e.require_stack_applies());
    assert_eq!(
        e.package_json,
        Some(f.path("node_modules/nox/package.json"))
    );
}

#[test]
fn not_found_message_and_tried() {
    let f = Fixture::new(&[("a/p.js", "")]);
    let e = error(f.require("./nope", "a/p.js"));
    assert_eq!(e.code, "MODULE_NOT_FOUND");
    assert_eq!(e.message, "Cannot find module './nope'");
    assert!(e.require_stack_applies());
    let tried: Vec<PathBuf> = ["a/nope", "a/nope.js", "a/nope.json", "a/nope.node"]
        .iter()
        .map(|p| f.path(p))
        .collect();
    assert_eq!(e.tried, tried);
    for spec in ["nope", "./x.js/", ".", "..", "./", "../", "", "#x", "..x"] {
        assert_eq!(
            f.err(f.require(spec, "a/p.js")),
            ("MODULE_NOT_FOUND", format!("Cannot find module '{spec}'"))
        );
    }
}

#[test]
fn dot_and_dotdot_requests() {
    let f = Fixture::new(&[("index.js", ""), ("a/index.js", ""), ("a/p.js", "")]);
    assert_eq!(f.file(f.require(".", "a/p.js")), "a/index.js");
    assert_eq!(f.file(f.require("..", "a/p.js")), "index.js");
    assert_eq!(f.file(f.require("../a", "a/p.js")), "a/index.js");
}

#[test]
fn absolute_requests() {
    let f = Fixture::new(&[("p.js", ""), ("lib/x.js", "")]);
    let abs = f.path("lib/x").display().to_string();
    assert_eq!(f.file(f.require(&abs, "p.js")), "lib/x.js");
    let weird = format!("{}/lib/../lib/./x.js", f.r());
    assert_eq!(f.file(f.require(&weird, "p.js")), "lib/x.js");
}

#[test]
fn node_modules_walk_up_nearest_first() {
    let f = Fixture::new(&[
        ("node_modules/dep/index.js", ""),
        ("a/node_modules/dep/index.js", ""),
        ("a/b/c/p.js", ""),
        ("x/p.js", ""),
    ]);
    assert_eq!(
        f.file(f.require("dep", "a/b/c/p.js")),
        "a/node_modules/dep/index.js"
    );
    assert_eq!(
        f.file(f.require("dep", "x/p.js")),
        "node_modules/dep/index.js"
    );
    assert_eq!(
        f.file(f.require("dep/index", "a/b/c/p.js")),
        "a/node_modules/dep/index.js"
    );
}

#[test]
fn node_modules_walk_skips_node_modules_segments() {
    let f = Fixture::new(&[
        ("node_modules/a/x.js", ""),
        ("node_modules/a/node_modules/b/index.js", ""),
        ("node_modules/node_modules/zz/index.js", ""),
    ]);
    assert_eq!(
        f.file(f.require("b", "node_modules/a/x.js")),
        "node_modules/a/node_modules/b/index.js"
    );
    // CommonJS never looks in node_modules/node_modules (ESM does).
    assert_eq!(
        f.err(f.require("zz", "node_modules/a/x.js")),
        ("MODULE_NOT_FOUND", "Cannot find module 'zz'".into())
    );
}

#[test]
fn node_module_paths_list() {
    let p = |s: &str| PathBuf::from(s);
    assert_eq!(
        Resolver::node_module_paths(&p("/a/node_modules/b/c")),
        vec![
            p("/a/node_modules/b/c/node_modules"),
            p("/a/node_modules/b/node_modules"),
            p("/a/node_modules"),
            p("/node_modules"),
        ]
    );
    assert_eq!(
        Resolver::node_module_paths(&p("/")),
        vec![p("/node_modules")]
    );
    assert_eq!(
        Resolver::node_module_paths(&p("/x/y/../z")),
        vec![
            p("/x/z/node_modules"),
            p("/x/node_modules"),
            p("/node_modules")
        ]
    );
}

const PKG_EXPORTS: &str = r#"{"name":"pkg","version":"1.2.3","exports":{
  ".":{"import":"./lib/m.mjs","require":"./lib/c.js"},
  "./feat/*":"./lib/*.js",
  "./n":null,
  "./bad":"lib/x.js"}}"#;

fn pkg_fixture() -> Fixture {
    Fixture::new(&[
        ("a/b/p.js", ""),
        ("a/b/p.mjs", ""),
        ("node_modules/pkg/package.json", PKG_EXPORTS),
        ("node_modules/pkg/lib/m.mjs", ""),
        ("node_modules/pkg/lib/c.js", ""),
        ("node_modules/pkg/lib/a.js", ""),
    ])
}

#[test]
fn exports_require_condition_and_package_info() {
    let f = pkg_fixture();
    match f.require("pkg", "a/b/p.js") {
        Ok(Resolved::File {
            path,
            format,
            package: Some(pm),
        }) => {
            assert_eq!(path, f.path("node_modules/pkg/lib/c.js"));
            assert_eq!(format, ModuleFormat::CommonJs);
            assert_eq!(pm.root, f.path("node_modules/pkg"));
            assert_eq!(pm.name.as_deref(), Some("pkg"));
            assert_eq!(pm.version.as_deref(), Some("1.2.3"));
            assert_eq!(pm.condition.as_deref(), Some("require"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        f.file(f.require("pkg/feat/a", "a/b/p.js")),
        "node_modules/pkg/lib/a.js"
    );
}

#[test]
fn exports_errors_in_require() {
    let f = pkg_fixture();
    let e = error(f.require("pkg/zz", "a/b/p.js"));
    assert_eq!(e.code, "ERR_PACKAGE_PATH_NOT_EXPORTED");
    assert_eq!(
        e.message,
        f.msg("Package subpath './zz' is not defined by \"exports\" in {R}/node_modules/pkg/package.json")
    );
    assert_eq!(e.exported, vec![".", "./feat/*", "./bad"]);
    assert_eq!(
        e.package_json,
        Some(f.path("node_modules/pkg/package.json"))
    );
    assert_eq!(
        f.err(f.require("pkg/n", "a/b/p.js")),
        ("ERR_PACKAGE_PATH_NOT_EXPORTED", "Package subpath './n' is not defined by \"exports\" in {R}/node_modules/pkg/package.json".into())
    );
    assert_eq!(
        f.err(f.require("pkg/lib/c.js", "a/b/p.js")),
        ("ERR_PACKAGE_PATH_NOT_EXPORTED", "Package subpath './lib/c.js' is not defined by \"exports\" in {R}/node_modules/pkg/package.json".into())
    );
    assert_eq!(
        f.err(f.require("pkg/bad", "a/b/p.js")),
        ("ERR_INVALID_PACKAGE_TARGET", "Invalid \"exports\" target \"lib/x.js\" defined for './bad' in the package config {R}/node_modules/pkg/package.json; targets must start with \"./\"".into())
    );
    // The target is exported but missing: the message names the file, no require stack.
    let e = error(f.require("pkg/feat/zz", "a/b/p.js"));
    assert_eq!(
        (e.code, e.message.as_str()),
        (
            "MODULE_NOT_FOUND",
            f.msg("Cannot find module '{R}/node_modules/pkg/lib/zz.js'")
                .as_str()
        )
    );
    assert!(!e.require_stack_applies());
}

#[test]
fn exports_main_errors_in_require() {
    let f = Fixture::new(&[
        ("p.js", ""),
        (
            "node_modules/nomainex/package.json",
            r#"{"exports":{"./x":"./x.js"}}"#,
        ),
        (
            "node_modules/badmain/package.json",
            r#"{"exports":"lib/main.js"}"#,
        ),
    ]);
    assert_eq!(
        f.err(f.require("nomainex", "p.js")),
        (
            "ERR_PACKAGE_PATH_NOT_EXPORTED",
            "No \"exports\" main defined in {R}/node_modules/nomainex/package.json".into()
        )
    );
    assert_eq!(
        f.err(f.require("badmain", "p.js")),
        ("ERR_INVALID_PACKAGE_TARGET", "Invalid \"exports\" main target \"lib/main.js\" defined in the package config {R}/node_modules/badmain/package.json; targets must start with \"./\"".into())
    );
}

#[test]
fn exports_beat_main_and_null_exports_use_main() {
    let f = Fixture::new(&[
        ("p.js", ""),
        (
            "node_modules/both/package.json",
            r#"{"main":"main.js","exports":"./exp.js"}"#,
        ),
        ("node_modules/both/main.js", ""),
        ("node_modules/both/exp.js", ""),
        (
            "node_modules/exnull/package.json",
            r#"{"exports":null,"main":"a.js"}"#,
        ),
        ("node_modules/exnull/a.js", ""),
        (
            "node_modules/exnum/package.json",
            r#"{"exports":5,"main":"a.js"}"#,
        ),
        ("node_modules/exnum/a.js", ""),
    ]);
    assert_eq!(
        f.file(f.require("both", "p.js")),
        "node_modules/both/exp.js"
    );
    assert_eq!(
        f.file(f.require("exnull", "p.js")),
        "node_modules/exnull/a.js"
    );
    assert_eq!(
        f.file(f.require("exnum", "p.js")),
        "node_modules/exnum/a.js"
    );
}

#[test]
fn exports_conditions_in_file_order() {
    let f = Fixture::new(&[
        ("p.js", ""),
        (
            "node_modules/c/package.json",
            r#"{"exports":{"node":{"import":"./i.mjs","default":"./nd.js"},"require":"./r.js"}}"#,
        ),
        ("node_modules/c/nd.js", ""),
        ("node_modules/c/r.js", ""),
        ("node_modules/c/i.mjs", ""),
        (
            "node_modules/d/package.json",
            r#"{"exports":{"default":"./def.js","require":"./r.js"}}"#,
        ),
        ("node_modules/d/def.js", ""),
        ("node_modules/d/r.js", ""),
    ]);
    match f.require("c", "p.js") {
        Ok(Resolved::File {
            path,
            package: Some(pm),
            ..
        }) => {
            assert_eq!(path, f.path("node_modules/c/nd.js"));
            assert_eq!(pm.condition.as_deref(), Some("default"));
        }
        other => panic!("{other:?}"),
    }
    // "default" first wins even though "require" also matches.
    assert_eq!(f.file(f.require("d", "p.js")), "node_modules/d/def.js");
}

#[test]
fn self_reference() {
    let f = Fixture::new(&[
        (
            "self/package.json",
            r#"{"name":"self","exports":{".":"./main.js","./sub/*":"./sub/*.js","./x":{"import":"./missing.mjs","require":"./main.js"}}}"#,
        ),
        ("self/main.js", ""),
        ("self/sub/s.js", ""),
        ("self/sub/p.js", ""),
    ]);
    assert_eq!(f.file(f.require("self", "self/sub/p.js")), "self/main.js");
    assert_eq!(
        f.file(f.require("self/sub/s", "self/sub/p.js")),
        "self/sub/s.js"
    );
    assert_eq!(f.file(f.require("self/x", "self/sub/p.js")), "self/main.js");
    assert_eq!(
        f.err(f.require("self/nope", "self/sub/p.js")),
        ("ERR_PACKAGE_PATH_NOT_EXPORTED", "Package subpath './nope' is not defined by \"exports\" in {R}/self/package.json imported from {R}/self/sub/p.js".into())
    );
    match f.require("self", "self/sub/p.js") {
        Ok(Resolved::File {
            package: Some(pm), ..
        }) => {
            assert_eq!(pm.root, f.path("self"));
            assert_eq!(pm.name.as_deref(), Some("self"));
        }
        other => panic!("{other:?}"),
    }
}

fn imports_fixture() -> Fixture {
    Fixture::new(&[
        (
            "self/package.json",
            r##"{"name":"self","imports":{"#a":"./main.js","#dep":"dep","#p/*":"./sub/*.js","#n":null,"#bad":"../out.js","#arr":["nope:x","./main.js"],"#nodep":"nodep","#miss":"./miss.js","#obj":{"require":"./r.js","import":"./i.mjs","default":"./d.js"},"#url":"http://x/y","#nm":"./node_modules/a.js"}}"##,
        ),
        ("self/main.js", ""),
        ("self/r.js", ""),
        ("self/i.mjs", ""),
        ("self/d.js", ""),
        ("self/sub/s.js", ""),
        ("self/sub/p.js", ""),
        ("self/sub/p.mjs", ""),
        (
            "self/node_modules/dep/package.json",
            r#"{"name":"dep","main":"d.js"}"#,
        ),
        ("self/node_modules/dep/d.js", ""),
        ("out/p.js", ""),
        ("out/p.mjs", ""),
    ])
}

#[test]
fn imports_in_require() {
    let f = imports_fixture();
    let r = |s: &str| f.require(s, "self/sub/p.js");
    assert_eq!(f.file(r("#a")), "self/main.js");
    assert_eq!(f.file(r("#dep")), "self/node_modules/dep/d.js");
    assert_eq!(f.file(r("#p/s")), "self/sub/s.js");
    assert_eq!(f.file(r("#arr")), "self/main.js");
    match r("#obj") {
        Ok(Resolved::File {
            path,
            package: Some(pm),
            ..
        }) => {
            assert_eq!(path, f.path("self/r.js"));
            assert_eq!(pm.condition.as_deref(), Some("require"));
            assert_eq!(pm.root, f.path("self"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        f.err(r("#n")),
        ("ERR_PACKAGE_IMPORT_NOT_DEFINED", "Package import specifier \"#n\" is not defined in package {R}/self/package.json imported from {R}/self/sub/p.js".into())
    );
    assert_eq!(
        f.err(r("#zz")),
        ("ERR_PACKAGE_IMPORT_NOT_DEFINED", "Package import specifier \"#zz\" is not defined in package {R}/self/package.json imported from {R}/self/sub/p.js".into())
    );
    assert_eq!(
        f.err(r("#bad")),
        ("ERR_INVALID_PACKAGE_TARGET", "Invalid \"imports\" target \"../out.js\" defined for '#bad' in the package config {R}/self/package.json imported from {R}/self/sub/p.js".into())
    );
    assert_eq!(
        f.err(r("#url")),
        ("ERR_INVALID_PACKAGE_TARGET", "Invalid \"imports\" target \"http://x/y\" defined for '#url' in the package config {R}/self/package.json imported from {R}/self/sub/p.js".into())
    );
    assert_eq!(
        f.err(r("#nm")),
        ("ERR_INVALID_PACKAGE_TARGET", "Invalid \"imports\" target \"./node_modules/a.js\" defined for '#nm' in the package config {R}/self/package.json imported from {R}/self/sub/p.js".into())
    );
    for bad in ["#", "#/x", "#a/"] {
        assert_eq!(
            f.err(r(bad)),
            ("ERR_INVALID_MODULE_SPECIFIER", format!("Invalid module \"{bad}\" is not a valid internal imports specifier name imported from {{R}}/self/sub/p.js"))
        );
    }
    // A missing dependency target and a missing file (no require stack for either).
    let e = error(r("#nodep"));
    assert_eq!(
        (e.code, e.message.as_str()),
        ("MODULE_NOT_FOUND", "Cannot find module '#nodep'")
    );
    assert!(!e.require_stack_applies());
    assert_eq!(
        f.err(r("#miss")),
        (
            "MODULE_NOT_FOUND",
            "Cannot find module '{R}/self/miss.js'".into()
        )
    );
    // Outside a package with "imports": a plain not-found.
    let e = error(f.require("#a", "out/p.js"));
    assert_eq!(
        (e.code, e.message.as_str()),
        ("MODULE_NOT_FOUND", "Cannot find module '#a'")
    );
    assert!(e.require_stack_applies());
}

#[test]
fn extra_paths_like_require_resolve_paths() {
    let f = Fixture::new(&[
        ("a/b/x.js", ""),
        ("a/node_modules/pkg/index.js", ""),
        ("other/p.js", ""),
    ]);
    let r = f.resolver();
    let parent = f.path("other/p.js");
    let res = |s: &str, paths: &[&str]| {
        let paths: Vec<PathBuf> = paths.iter().map(|p| f.path(p)).collect();
        f.file(r.resolve_require(s, Some(&parent), Some(&paths)))
    };
    assert_eq!(res("./x.js", &["a/b"]), "a/b/x.js");
    assert_eq!(res("./b/x.js", &["a", "a/b"]), "a/b/x.js");
    assert_eq!(res("../b/x.js", &["a/b"]), "a/b/x.js");
    assert_eq!(res("pkg", &["a/b"]), "a/node_modules/pkg/index.js");
    // Relative entries are taken from the working directory.
    assert_eq!(
        f.file(r.resolve_require("pkg", Some(&parent), Some(&[PathBuf::from("a")]))),
        "a/node_modules/pkg/index.js"
    );
    let e = error(r.resolve_require("pkg", Some(&parent), Some(&[f.path("other")])));
    assert_eq!(e.message, "Cannot find module 'pkg'");
}

#[test]
fn global_folders() {
    let f = Fixture::new(&[("g1/gpkg/index.js", ""), ("g2/gpkg2.js", ""), ("p.js", "")]);
    let r = f
        .resolver()
        .with_global_paths(vec![f.path("g1"), f.path("g2")]);
    let parent = f.path("p.js");
    assert_eq!(
        f.file(r.resolve_require("gpkg", Some(&parent), None)),
        "g1/gpkg/index.js"
    );
    assert_eq!(
        f.file(r.resolve_require("gpkg2", Some(&parent), None)),
        "g2/gpkg2.js"
    );
}

#[test]
fn default_global_paths_from_environment() {
    // Only this test touches NODE_PATH.
    std::env::set_var("NODE_PATH", "/np/one::relnp");
    let paths = rnode_resolve::default_global_paths();
    std::env::remove_var("NODE_PATH");
    assert_eq!(paths[0], PathBuf::from("/np/one"));
    assert_eq!(paths[1], PathBuf::from("relnp"));
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        let home = PathBuf::from(home);
        assert!(paths.contains(&home.join(".node_modules")));
        assert!(paths.contains(&home.join(".node_libraries")));
    }
    assert!(paths.last().is_some_and(|p| p.ends_with("lib/node")));
}

#[test]
fn results_are_realpaths() {
    let f = Fixture::new(&[
        (
            "real/pkgl/package.json",
            r#"{"name":"pkgl","version":"2.0.0","main":"lib/i.js"}"#,
        ),
        ("real/pkgl/lib/i.js", ""),
        ("real/file.js", ""),
        ("w/src/p.js", ""),
    ]);
    f.symlink("../../real/pkgl", "w/node_modules/pkgl");
    f.symlink("../../real/file.js", "w/src/link.js");
    assert_eq!(
        f.file(f.require("pkgl", "w/src/p.js")),
        "real/pkgl/lib/i.js"
    );
    assert_eq!(f.file(f.require("./link", "w/src/p.js")), "real/file.js");
    match f.require("pkgl", "w/src/p.js") {
        Ok(Resolved::File {
            package: Some(pm), ..
        }) => {
            assert_eq!(pm.root, f.path("real/pkgl"));
            assert_eq!(pm.version.as_deref(), Some("2.0.0"));
            assert_eq!(pm.condition, None);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn invalid_package_json_in_require() {
    let f = Fixture::new(&[
        ("a/p.js", ""),
        (
            "node_modules/badpkg/package.json",
            "{\"name\": \"badpkg\", ",
        ),
        ("bad1/package.json", "{\"name\": \"bad1\", \"main\": "),
        ("bad2/package.json", "{\"name\": \"bad2\", \"imports\": {"),
        ("bad2/p.cjs", ""),
        ("bad2/x.mjs", ""),
    ]);
    assert_eq!(
        f.err(f.require("badpkg", "a/p.js")),
        (
            "ERR_INVALID_PACKAGE_CONFIG",
            "Invalid package config {R}/node_modules/badpkg/package.json.".into()
        )
    );
    assert_eq!(
        f.err(f.require("badpkg/x", "a/p.js")),
        (
            "ERR_INVALID_PACKAGE_CONFIG",
            "Invalid package config {R}/node_modules/badpkg/package.json.".into()
        )
    );
    assert_eq!(
        f.err(f.require("../bad1", "a/p.js")),
        (
            "ERR_INVALID_PACKAGE_CONFIG",
            "Invalid package config {R}/bad1/package.json.".into()
        )
    );
    // Inside an invalid package scope even relative requires fail (self-reference
    // reads the scope first); builtins do not.
    for spec in ["zz", "./x.mjs"] {
        assert_eq!(
            f.err(f.require(spec, "bad2/p.cjs")),
            (
                "ERR_INVALID_PACKAGE_CONFIG",
                "Invalid package config {R}/bad2/package.json.".into()
            )
        );
    }
    assert_eq!(
        f.require("fs", "bad2/p.cjs"),
        Ok(Resolved::Builtin("fs".into()))
    );
}

#[test]
fn invalid_exports_shapes_in_require() {
    let f = Fixture::new(&[
        ("p.js", ""),
        (
            "node_modules/mix/package.json",
            r#"{"exports":{".":"./a.js","x":"./b.js"}}"#,
        ),
        (
            "node_modules/num/package.json",
            r#"{"exports":{"0":"./a.js"}}"#,
        ),
        (
            "mixself/package.json",
            r#"{"name":"mixself","exports":{".":"./a.js","x":"./b.js"}}"#,
        ),
        ("mixself/p.js", ""),
    ]);
    assert_eq!(
        f.err(f.require("mix", "p.js")),
        ("ERR_INVALID_PACKAGE_CONFIG", "Invalid package config {R}/node_modules/mix/package.json. \"exports\" cannot contain some keys starting with '.' and some not. The exports object must either be an object of package subpath keys or an object of main entry condition name keys only.".into())
    );
    assert_eq!(
        f.err(f.require("num", "p.js")),
        ("ERR_INVALID_PACKAGE_CONFIG", "Invalid package config {R}/node_modules/num/package.json. \"exports\" cannot contain numeric property keys.".into())
    );
    assert_eq!(
        f.err(f.require("mixself", "mixself/p.js")),
        ("ERR_INVALID_PACKAGE_CONFIG", "Invalid package config {R}/mixself/package.json while importing file://{R}/mixself/p.js. \"exports\" cannot contain some keys starting with '.' and some not. The exports object must either be an object of package subpath keys or an object of main entry condition name keys only.".into())
    );
}

#[test]
fn missing_parent_resolves_from_cwd() {
    let f = Fixture::new(&[("x.js", ""), ("node_modules/dep/index.js", "")]);
    let r = f.resolver();
    assert_eq!(f.file(r.resolve_require("./x", None, None)), "x.js");
    assert_eq!(
        f.file(r.resolve_require("dep", None, None)),
        "node_modules/dep/index.js"
    );
}

#[test]
fn scoped_packages() {
    let f = Fixture::new(&[
        ("p.js", ""),
        (
            "node_modules/@sc/p/package.json",
            r#"{"name":"@sc/p","exports":{".":"./i.js","./x":"./x.js"}}"#,
        ),
        ("node_modules/@sc/p/i.js", ""),
        ("node_modules/@sc/p/x.js", ""),
        ("node_modules/@sc/q/lib.js", ""),
    ]);
    assert_eq!(
        f.file(f.require("@sc/p", "p.js")),
        "node_modules/@sc/p/i.js"
    );
    assert_eq!(
        f.file(f.require("@sc/p/x", "p.js")),
        "node_modules/@sc/p/x.js"
    );
    assert_eq!(
        f.file(f.require("@sc/q/lib", "p.js")),
        "node_modules/@sc/q/lib.js"
    );
    assert_eq!(
        f.err(f.require("@sc/q", "p.js")),
        ("MODULE_NOT_FOUND", "Cannot find module '@sc/q'".into())
    );
}
