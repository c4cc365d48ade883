//! CommonJS export analysis; expectations checked against Node 21.7.3's named exports
//! for the same sources (`import * as ns from './x.cjs'`).

use rnode_resolve::cjs_lexer::{analyze, CjsAnalysis};

fn exports(src: &str) -> Vec<String> {
    analyze(src).exports
}

fn reexports(src: &str) -> Vec<String> {
    analyze(src).reexports
}

#[test]
fn dot_and_bracket_assignments() {
    assert_eq!(
        exports("exports.a = 1; module.exports.b = 2; exports['c'] = 3; exports[\"d\"] = 4; module.exports['e'] = 5;"),
        ["a", "b", "c", "d", "e"]
    );
    // Any operator starting with '=' counts; compound assignment does not.
    assert_eq!(
        exports("exports.a == 1; exports.b = 1; exports.c === 2; exports.d += 1"),
        ["a", "b", "c"]
    );
    // Keywords are fine as property names.
    assert_eq!(
        exports("exports.let = 1; exports.package = 2; exports.if = 4; exports.default = 3"),
        ["let", "package", "if", "default"]
    );
    // String keys need not be identifiers; escapes are decoded; templates do not count.
    assert_eq!(
        exports("exports['a-b'] = 1; exports[\"c d\"] = 2; exports[`f`] = 4; exports['\\u0061b'] = 1; exports[\"c\\x64\"] = 2"),
        ["a-b", "c d", "ab", "cd"]
    );
}

#[test]
fn member_access_and_spacing() {
    assert_eq!(
        exports("foo.exports.a = 1; foo.module.exports.c = 1; module.exports.b = 1; exports .d = 1; exports\n.e\n=1; exports/*x*/.f/**/=1"),
        ["b", "d", "e", "f"]
    );
    assert_eq!(
        exports("exports['a'] = exports['b'] = exports.c = void 0;"),
        ["a", "b", "c"]
    );
}

#[test]
fn duplicates_removed_first_seen_order() {
    assert_eq!(
        exports("exports.a = 1; exports.a = 2; exports['b'] = 1; exports.a = 3; exports.c = 1; exports.b = 0"),
        ["a", "b", "c"]
    );
}

#[test]
fn esmodule_flag() {
    assert_eq!(
        exports(
            "Object.defineProperty(exports, '__esModule', { value: true }); exports.default = 1;"
        ),
        ["__esModule", "default"]
    );
    assert_eq!(exports("exports.__esModule = true;"), ["__esModule"]);
    assert_eq!(
        exports("Object.defineProperty(module.exports, \"__esModule\", { value: true });"),
        ["__esModule"]
    );
}

#[test]
fn define_property_value_and_getters() {
    let src = "Object.defineProperty(exports, 'a', { value: 1 });
Object.defineProperty(exports, 'b', { get() { return x } });
Object.defineProperty(exports, 'c', { get: function () { return q.p; } });
Object.defineProperty(exports, 'd', { enumerable: true, get: function get() { return q['p']; } });
Object.defineProperty(exports, 'e', { get: () => p });
Object.defineProperty(module.exports, 'f', { enumerable: true, value: 2 });
Object.defineProperty(exports, 'g', { get: function () { return q.p }, });
Object.defineProperty(exports, \"h\", { enumerable: true, get() { return q.p; } });";
    assert_eq!(exports(src), ["a", "b", "c", "d", "f", "g", "h"]);
}

#[test]
fn define_property_unsupported_forms() {
    let src = "Object.defineProperty(exports, 'a', { enumerable: false, value: 1 });
Object.defineProperty(exports, 'b', { configurable: true, value: 1 });
Object.defineProperty(exports, 'c', { get () { return p; }, enumerable: true });
Object.defineProperty(exports, 'd', { get: function () { return q.p.r; } });
Object.defineProperty(exports, 'e', { get: function () { return q.p } }, 1);
Object.defineProperty(exports, 'f', desc);
Object.defineProperty(exports, 'g', { value: 1, enumerable: true });";
    assert_eq!(exports(src), ["g"]);
}

#[test]
fn unsafe_getter_removes_the_name_everywhere() {
    assert_eq!(
        exports("exports.a = 1; Object.defineProperty(exports, 'a', { get () { return dyn(); } }); Object.defineProperty(exports, 'b', {value: 1}); Object.defineProperty(exports, 'c', { get () { return dyn(); } });"),
        ["b"]
    );
    assert_eq!(
        exports("Object.defineProperty(exports,'a',{get(){return dyn()}}); exports.a = 1; exports.b = 2"),
        ["b"]
    );
}

#[test]
fn object_literal_assignment() {
    assert_eq!(
        exports("module.exports = { a, b: c, 'd': e, \"f\": g, }"),
        ["a", "b", "d", "f"]
    );
    assert_eq!(
        exports("module.exports = { 'a-b': x, \"c\": y, z, }"),
        ["a-b", "c", "z"]
    );
    // Stops at the first property of another shape; a key whose value is an identifier
    // is kept even if more follows it.
    assert_eq!(exports("module.exports = { a, b: c.d, g }"), ["a", "b"]);
    assert_eq!(exports("module.exports = { a: function(){}, g }"), ["a"]);
    assert_eq!(exports("module.exports = { a, f: 1, g }"), ["a"]);
    assert_eq!(exports("module.exports = { f() {}, g }"), ["f"]);
    assert_eq!(
        exports("module.exports = { a, 'b': c, get x() { return 1 }, y }"),
        ["a", "b", "get"]
    );
    assert_eq!(
        exports("module.exports = { a: b, c: d, }; module.exports.e = 1"),
        ["a", "c", "e"]
    );
    assert_eq!(
        exports("module.exports = exports = { a }"),
        Vec::<String>::new()
    );
    assert_eq!(exports("exports = { a }"), Vec::<String>::new());
}

#[test]
fn object_literal_spreads() {
    let a =
        analyze("module.exports = { a, b: c, 'd': e, ...require('./a.cjs'), ...rest, f: 1, g }");
    assert_eq!(
        a,
        CjsAnalysis {
            exports: vec!["a".into(), "b".into(), "d".into()],
            reexports: vec!["./a.cjs".into()],
        }
    );
    assert_eq!(
        reexports("module.exports = require('ignored'); module.exports = { ...require('a'), ...require('b') };"),
        ["a", "b"]
    );
}

#[test]
fn module_exports_require_last_one_wins() {
    assert_eq!(
        reexports("module.exports = require('a');\nif (x) module.exports = require('b');"),
        ["b"]
    );
    assert_eq!(
        reexports("module.exports = { ...require('./a.cjs'), ...require('./b.cjs') }; module.exports = require('./c.cjs');"),
        ["./c.cjs"]
    );
    assert_eq!(
        reexports(
            "module.exports = require('./c.cjs'); module.exports = { ...require('./a.cjs') };"
        ),
        ["./a.cjs"]
    );
    // A later object literal without spreads clears it.
    assert_eq!(
        reexports("module.exports = require('./a.cjs'); module.exports = { b }"),
        Vec::<String>::new()
    );
    // Not restricted to the top level, and whatever follows the call is ignored.
    assert_eq!(
        reexports("function f(){ module.exports = require('./c.cjs') }"),
        ["./c.cjs"]
    );
    assert_eq!(
        reexports("x = module.exports = require(\"./c.cjs\")"),
        ["./c.cjs"]
    );
    assert_eq!(
        reexports("module.exports = require('./a.cjs').x"),
        ["./a.cjs"]
    );
    let a = analyze("module.exports = require(\"./a.cjs\"); exports.z = 1");
    assert_eq!(
        (a.exports, a.reexports),
        (vec!["z".to_string()], vec!["./a.cjs".to_string()])
    );
}

#[test]
fn typescript_export_star() {
    let a = analyze(
        "\"use strict\";
function __export(m) {
    for (var p in m) if (!exports.hasOwnProperty(p)) exports[p] = m[p];
}
Object.defineProperty(exports, \"__esModule\", { value: true });
__export(require(\"external\"));
__exportStar(require('./a.cjs'), exports);
tslib.__exportStar(require('./b.cjs'), exports);
tslib_1.__exportStar(require(\"./b.cjs\"), exports);
function f() { __export(require('./c.cjs')) }
if (1) { __exportStar(require('./d.cjs'), exports); }
(__exportStar(require('./e.cjs'), exports));",
    );
    assert_eq!(a.exports, ["__esModule"]);
    assert_eq!(a.reexports, ["external", "./a.cjs", "./b.cjs"]);
}

#[test]
fn babel_export_star() {
    let babel = "\"use strict\";
exports.__esModule = true;
var _external = require(\"external\");
Object.keys(_external).forEach(function (key) {
  if (key === \"default\" || key === \"__esModule\") return;
  if (key in exports && exports[key] === _external[key]) return;
  Object.defineProperty(exports, key, {
    enumerable: true,
    get: function () {
      return _external[key];
    }
  });
});";
    assert_eq!(
        analyze(babel),
        CjsAnalysis {
            exports: vec!["__esModule".into()],
            reexports: vec!["external".into()],
        }
    );
    for src in [
        "var _a = require('./a.cjs'); Object.keys(_a).forEach(function (k) { if (k !== 'default') exports[k] = _a[k]; });",
        "var _a = require('./a.cjs'); Object.keys(_a).forEach(function (k) { if (k === 'default' || k === '__esModule') return; exports[k] = _a[k]; });",
        "var _a = _interopRequireWildcard(require('./a.cjs')); Object.keys(_a).forEach(function (k) { if (k === 'default' || k === '__esModule') return; exports[k] = _a[k]; });",
        "const _a = require('./a.cjs'); Object.keys(_a).forEach(function (k) { if (k === 'default' || k === '__esModule') return; if (Object.prototype.hasOwnProperty.call(_exportNames, k)) return; if (k in exports && exports[k] === _a[k]) return; exports[k] = _a[k]; });",
        "let _a = require('./a.cjs'); Object.keys(_a).forEach(function (k) { if (k === 'default' || k === '__esModule') return; module.exports[k] = _a[k] });",
    ] {
        assert_eq!(reexports(src), ["./a.cjs"], "{src}");
    }
    // The wrong identifier, an unknown statement, or not at the top level: no reexport.
    for src in [
        "var _a = require('./a.cjs'); Object.keys(_b).forEach(function (k) { if (k !== 'default') exports[k] = _b[k]; });",
        "var _a = require('./a.cjs'); Object.keys(_a).forEach(function (k) { if (k === 'default' || k === '__esModule') return; exports[k] = _a[k]; foo(); });",
        "function f() { var _a = require('./a.cjs'); Object.keys(_a).forEach(function (k) { if (k !== 'default') exports[k] = _a[k]; }); }",
    ] {
        assert_eq!(reexports(src), Vec::<String>::new(), "{src}");
    }
}

#[test]
fn strings_comments_and_templates_are_skipped() {
    assert_eq!(
        exports("x = y / z; // exports.a = 1\nexports.b = 1; /* exports.c = 1 */ exports.d = 1"),
        ["b", "d"]
    );
    assert_eq!(
        exports("var s = `${ `${exports.a = 1}` } exports.b = 2`; exports.c = 3; var t2 = '\\' exports.d = 1'; exports.e = 1"),
        ["a", "c", "e"]
    );
    assert_eq!(
        exports("var s = \"exports.a = 1\"; var t = 'module.exports = { b }'; exports.c = 1"),
        ["c"]
    );
    assert_eq!(
        exports("x = `a${ {a: 1}.a / 2 }` / 3; exports.a = 1"),
        ["a"]
    );
    assert_eq!(exports("#!/usr/bin/env node\nexports.a = 1"), ["a"]);
}

#[test]
fn regex_versus_division() {
    assert_eq!(
        exports("var x1 = 1 / 2 / 3; exports.a = 1; var r = /exports.b = 1/; exports.c = 2"),
        ["a", "c"]
    );
    assert_eq!(
        exports("if (x) /foo/.test(y); exports.a = 1; x = a++ / 2 / 1; exports.b = 1; var r = (1) / 2; exports.c = 1"),
        ["a", "b", "c"]
    );
    assert_eq!(
        exports("function f(){} /exports.a = 1/; exports.b = 1; var o = {} / 1; exports.c = 1"),
        ["b", "c"]
    );
    assert_eq!(
        exports("var re = /[/]exports.x = 1/; exports.a = 1; var y = x / 2; /* */ exports.b = 1"),
        ["a", "b"]
    );
    assert_eq!(
        exports("let re = x ? /exports.a = 1/ : 0; exports.b = 1"),
        ["b"]
    );
    assert_eq!(exports("for (;;) break; /exports.a=1/; exports.b=1"), ["b"]);
    assert_eq!(exports("if (a) { } /exports.a = 1/; exports.b = 1"), ["b"]);
    assert_eq!(
        exports("return /exports.a = 1/.test(x); exports.b = 1"),
        ["b"]
    );
    assert_eq!(
        exports("x = a[0] / 2; exports.a = 1 / /exports.b = 1/.source.length"),
        ["a"]
    );
}

#[test]
fn unicode_identifiers() {
    assert_eq!(
        exports("exports.café = 1; exports.ünï = 2; exports.$_ = 3"),
        ["café", "ünï", "$_"]
    );
}

#[test]
fn five_thousand_lines_quickly() {
    let mut src = String::new();
    for i in 0..5000 {
        match i % 5 {
            0 => src.push_str(&format!("exports.name{i} = function (a, b) {{ return a / b; }};\n")),
            1 => src.push_str(&format!("var s{i} = 'string with exports.x = 1' + `t ${{a + {i}}} x`; // comment\n")),
            2 => src.push_str(&format!("if (x{i}) {{ y = /re[/]gex{i}/g.test(z) ? {{ k: [1, 2] }} : null; }}\n")),
            3 => src.push_str(&format!("Object.defineProperty(exports, 'd{i}', {{ enumerable: true, get: function () {{ return m.d{i}; }} }});\n")),
            _ => src.push_str("/* block comment */ function f(a) { return a.b.c(d, e, [f, g]) / 2; }\n"),
        }
    }
    let start = std::time::Instant::now();
    let a = analyze(&src);
    let elapsed = start.elapsed();
    assert_eq!(a.exports.len(), 2000);
    assert!(a.exports.contains(&"name0".to_string()));
    assert!(a.exports.contains(&"d4998".to_string()));
    // Well under a millisecond or two in release builds; generous for debug builds.
    assert!(elapsed.as_millis() < 200, "took {elapsed:?}");
}
