//! Parsing with `swc_ecma_parser`: every syntax error (fatal and recovered), and every
//! module specifier the runtime will resolve (static `import`/`export … from`,
//! `import()`, `require()`, `require.resolve()`, TypeScript `import x = require()`).
//!
//! Offsets here are byte offsets into the document text; the caller converts them to LSP
//! positions. Nothing in this module knows about the protocol.

use std::panic::{catch_unwind, AssertUnwindSafe};

use swc_common::{BytePos, Spanned};
use swc_ecma_ast::{
    CallExpr, Callee, EsVersion, ExportAll, ExportSpecifier, Expr, ImportDecl, ImportSpecifier,
    Lit, MemberProp, ModuleExportName, NamedExport, ObjectLit, Program, Prop, PropName,
    PropOrSpread, Str, TryStmt, TsImportEqualsDecl, TsModuleRef,
};
use swc_ecma_parser::{lexer::Lexer, EsSyntax, Parser, StringInput, Syntax, TsSyntax};
use swc_ecma_visit::{Visit, VisitWith};

/// The source language of a document, from its extension (or the client's languageId).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// `.js`, `.mjs`, `.cjs`: what Node runs; no JSX (Node would reject it).
    Js,
    /// `.jsx`
    Jsx,
    /// `.ts`, `.mts`, `.cts`
    Ts,
    /// `.tsx`
    Tsx,
    /// `.d.ts`, `.d.mts`, `.d.cts`: declarations only, never run.
    Dts,
}

impl Lang {
    pub fn from_name(name: &str) -> Option<Lang> {
        let lower = name.to_ascii_lowercase();
        let ext = |e: &str| lower.ends_with(e);
        Some(if ext(".d.ts") || ext(".d.mts") || ext(".d.cts") {
            Lang::Dts
        } else if ext(".js") || ext(".mjs") || ext(".cjs") {
            Lang::Js
        } else if ext(".jsx") {
            Lang::Jsx
        } else if ext(".ts") || ext(".mts") || ext(".cts") {
            Lang::Ts
        } else if ext(".tsx") {
            Lang::Tsx
        } else {
            return None;
        })
    }

    pub fn from_language_id(id: &str) -> Option<Lang> {
        Some(match id {
            "javascript" => Lang::Js,
            "javascriptreact" => Lang::Jsx,
            "typescript" => Lang::Ts,
            "typescriptreact" => Lang::Tsx,
            _ => return None,
        })
    }

    pub fn is_typescript(self) -> bool {
        matches!(self, Lang::Ts | Lang::Tsx | Lang::Dts)
    }
}

/// A syntax error, as a byte range and swc's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxProblem {
    pub start: usize,
    pub end: usize,
    pub message: String,
}

/// How a specifier reaches the loader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecKind {
    /// `import … from 'x'` / `import 'x'`
    Import,
    /// `export … from 'x'`
    ExportFrom,
    /// `import('x')`
    DynamicImport,
    /// `require('x')`, and TypeScript `import x = require('x')`
    Require,
    /// `require.resolve('x')`: resolved like `require`, but never loaded.
    RequireResolve,
}

impl SpecKind {
    /// Resolved with the ESM algorithm (`import`), or CommonJS (`require`).
    pub fn is_esm(self) -> bool {
        matches!(
            self,
            SpecKind::Import | SpecKind::ExportFrom | SpecKind::DynamicImport
        )
    }
}

/// A name imported (or re-exported) from a module: checked against a CommonJS target's
/// statically known exports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedName {
    pub name: String,
    pub start: usize,
    pub end: usize,
}

/// One literal module specifier in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecifierRef {
    pub kind: SpecKind,
    pub specifier: String,
    /// Byte range of the specifier's text, inside the quotes.
    pub start: usize,
    pub end: usize,
    /// Named imports / re-exports to check against the target's exports.
    pub names: Vec<ImportedName>,
    /// `import type …` / `export type … from`: erased, never loaded.
    pub type_only: bool,
    /// Inside a `try` block (an optional dependency): reported as a warning.
    pub in_try: bool,
    /// Carries the import attribute `type: 'json'` (`with { type: 'json' }`).
    pub json_attr: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub errors: Vec<SyntaxProblem>,
    pub specifiers: Vec<SpecifierRef>,
}

/// Parse `text` as `lang`; `esm` selects module goal (else CommonJS: a function body,
/// where top-level `return` is allowed and `import`/`export` are errors, as in Node 21).
pub fn parse(text: &str, lang: Lang, esm: bool) -> Parsed {
    match catch_unwind(AssertUnwindSafe(|| parse_inner(text, lang, esm))) {
        Ok(p) => p,
        Err(_) => Parsed {
            errors: vec![SyntaxProblem {
                start: 0,
                end: 0,
                message: "internal error: the parser failed on this file".to_owned(),
            }],
            specifiers: Vec::new(),
        },
    }
}

/// swc reserves BytePos(0) for "no position", so the text starts at 1.
const BASE: u32 = 1;

fn parse_inner(text: &str, lang: Lang, esm: bool) -> Parsed {
    let syntax = match lang {
        Lang::Js | Lang::Jsx => Syntax::Es(EsSyntax {
            jsx: lang == Lang::Jsx,
            import_attributes: true,
            allow_return_outside_function: !esm,
            explicit_resource_management: true,
            ..Default::default()
        }),
        Lang::Ts | Lang::Tsx | Lang::Dts => Syntax::Typescript(TsSyntax {
            tsx: lang == Lang::Tsx,
            decorators: true,
            dts: lang == Lang::Dts,
            ..Default::default()
        }),
    };
    let end = BytePos(BASE + text.len() as u32);
    let input = StringInput::new(text, BytePos(BASE), end);
    let lexer = Lexer::new(syntax, EsVersion::latest(), input, None);
    let mut parser = Parser::new_from(lexer);
    let result = match lang {
        Lang::Js if esm => parser.parse_module().map(Program::Module),
        Lang::Js => parser.parse_commonjs().map(Program::Script),
        _ => parser.parse_program(),
    };
    let mut out = Parsed::default();
    let mut push = |e: swc_ecma_parser::error::Error| {
        let span = e.span();
        out.errors.push(SyntaxProblem {
            start: pos(span.lo, text.len()),
            end: pos(span.hi, text.len()),
            message: message_for(&e, esm),
        });
    };
    for e in parser.take_errors() {
        push(e);
    }
    let program = match result {
        Ok(p) => Some(p),
        Err(e) => {
            push(e);
            None
        }
    };
    out.errors.sort_by_key(|e| (e.start, e.end));
    out.errors.dedup();
    if let Some(program) = program {
        let mut v = Collector {
            text,
            out: &mut out.specifiers,
            try_depth: 0,
        };
        program.visit_with(&mut v);
        out.specifiers.sort_by_key(|s| s.start);
    }
    out
}

fn message_for(e: &swc_ecma_parser::error::Error, esm: bool) -> String {
    let msg = e.kind().msg().into_owned();
    if !esm
        && matches!(
            e.kind(),
            swc_ecma_parser::error::SyntaxError::ImportExportInScript
        )
    {
        return format!(
            "{msg} (this file is CommonJS: Node 21 throws \"Cannot use import statement outside a module\"; use .mjs or \"type\": \"module\" in package.json)"
        );
    }
    msg
}

fn pos(p: BytePos, len: usize) -> usize {
    (p.0.saturating_sub(BASE) as usize).min(len)
}

fn prop_name(k: &PropName) -> Option<String> {
    match k {
        PropName::Ident(i) => Some(i.sym.to_string()),
        PropName::Str(s) => Some(s.value.to_atom_lossy().to_string()),
        _ => None,
    }
}

/// `{ type: 'json' }` among import attributes.
fn has_json_type(with: Option<&ObjectLit>) -> bool {
    with.is_some_and(|o| {
        o.props.iter().any(|p| match p {
            PropOrSpread::Prop(p) => match &**p {
                Prop::KeyValue(kv) => {
                    prop_name(&kv.key).as_deref() == Some("type")
                        && matches!(&*kv.value, Expr::Lit(Lit::Str(s)) if &*s.value.to_atom_lossy() == "json")
                }
                _ => false,
            },
            _ => false,
        })
    })
}

struct Collector<'a> {
    text: &'a str,
    out: &'a mut Vec<SpecifierRef>,
    try_depth: usize,
}

impl Collector<'_> {
    /// The inside-the-quotes range of a string literal.
    fn inner(&self, s: &Str) -> (usize, usize) {
        let a = pos(s.span.lo, self.text.len());
        let b = pos(s.span.hi, self.text.len());
        if b >= a + 2 {
            (a + 1, b - 1)
        } else {
            (a, b)
        }
    }

    fn push(
        &mut self,
        kind: SpecKind,
        s: &Str,
        names: Vec<ImportedName>,
        type_only: bool,
        json_attr: bool,
    ) {
        let (start, end) = self.inner(s);
        self.out.push(SpecifierRef {
            kind,
            specifier: s.value.to_atom_lossy().to_string(),
            start,
            end,
            names,
            type_only,
            in_try: self.try_depth > 0,
            json_attr,
        });
    }

    fn name(&self, n: &ModuleExportName) -> ImportedName {
        let span = n.span();
        let name = match n {
            ModuleExportName::Ident(i) => i.sym.to_string(),
            ModuleExportName::Str(s) => s.value.to_atom_lossy().to_string(),
            #[allow(unreachable_patterns)]
            _ => String::new(),
        };
        ImportedName {
            name,
            start: pos(span.lo, self.text.len()),
            end: pos(span.hi, self.text.len()),
        }
    }

    /// A call's first argument as a literal string: `'x'`, `"x"` or `` `x` `` without
    /// substitutions. For a template, the range is faked from its span.
    fn literal_arg(&mut self, call: &CallExpr, kind: SpecKind) {
        let Some(arg) = call.args.first() else { return };
        if arg.spread.is_some() {
            return;
        }
        let json_attr = call.args.get(1).is_some_and(|opts| match &*opts.expr {
            Expr::Object(o) => o.props.iter().any(|p| match p {
                PropOrSpread::Prop(p) => match &**p {
                    Prop::KeyValue(kv) => {
                        matches!(prop_name(&kv.key).as_deref(), Some("with" | "assert"))
                            && matches!(&*kv.value, Expr::Object(inner) if has_json_type(Some(inner)))
                    }
                    _ => false,
                },
                _ => false,
            }),
            _ => false,
        });
        match &*arg.expr {
            Expr::Lit(Lit::Str(s)) => self.push(kind, s, Vec::new(), false, json_attr),
            Expr::Tpl(t) if t.exprs.is_empty() && t.quasis.len() == 1 => {
                let q = &t.quasis[0];
                let Some(cooked) = &q.cooked else { return };
                let a = pos(t.span.lo, self.text.len());
                let b = pos(t.span.hi, self.text.len());
                let (start, end) = if b >= a + 2 { (a + 1, b - 1) } else { (a, b) };
                self.out.push(SpecifierRef {
                    kind,
                    specifier: cooked.to_atom_lossy().to_string(),
                    start,
                    end,
                    names: Vec::new(),
                    type_only: false,
                    in_try: self.try_depth > 0,
                    json_attr,
                });
            }
            _ => {}
        }
    }
}

impl Visit for Collector<'_> {
    fn visit_try_stmt(&mut self, t: &TryStmt) {
        self.try_depth += 1;
        t.block.visit_with(self);
        self.try_depth -= 1;
        t.handler.visit_with(self);
        t.finalizer.visit_with(self);
    }

    fn visit_import_decl(&mut self, d: &ImportDecl) {
        let mut names = Vec::new();
        for s in &d.specifiers {
            if let ImportSpecifier::Named(n) = s {
                if n.is_type_only {
                    continue;
                }
                names.push(match &n.imported {
                    Some(imported) => self.name(imported),
                    None => {
                        let span = n.local.span;
                        ImportedName {
                            name: n.local.sym.to_string(),
                            start: pos(span.lo, self.text.len()),
                            end: pos(span.hi, self.text.len()),
                        }
                    }
                });
            }
        }
        let json = has_json_type(d.with.as_deref());
        self.push(SpecKind::Import, &d.src, names, d.type_only, json);
    }

    fn visit_named_export(&mut self, d: &NamedExport) {
        let Some(src) = &d.src else { return };
        let mut names = Vec::new();
        for s in &d.specifiers {
            if let ExportSpecifier::Named(n) = s {
                if !n.is_type_only {
                    names.push(self.name(&n.orig));
                }
            }
        }
        let json = has_json_type(d.with.as_deref());
        self.push(SpecKind::ExportFrom, src, names, d.type_only, json);
    }

    fn visit_export_all(&mut self, d: &ExportAll) {
        let json = has_json_type(d.with.as_deref());
        self.push(SpecKind::ExportFrom, &d.src, Vec::new(), d.type_only, json);
    }

    fn visit_ts_import_equals_decl(&mut self, d: &TsImportEqualsDecl) {
        if let TsModuleRef::TsExternalModuleRef(r) = &d.module_ref {
            self.push(
                SpecKind::Require,
                &r.expr,
                Vec::new(),
                d.is_type_only,
                false,
            );
        }
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        match &call.callee {
            Callee::Import(_) => self.literal_arg(call, SpecKind::DynamicImport),
            Callee::Expr(e) => match &**e {
                Expr::Ident(i) if &*i.sym == "require" && call.args.len() == 1 => {
                    self.literal_arg(call, SpecKind::Require)
                }
                Expr::Member(m) => {
                    if let (Expr::Ident(obj), MemberProp::Ident(prop)) = (&*m.obj, &m.prop) {
                        if &*obj.sym == "require" && &*prop.sym == "resolve" {
                            self.literal_arg(call, SpecKind::RequireResolve)
                        }
                    }
                }
                _ => {}
            },
            _ => {}
        }
        call.visit_children_with(self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_all_specifier_kinds() {
        let src = "import a, { b, c as d, type T } from './a.cjs';\nexport { e } from \"x\";\nexport * from 'y';\nconst z = await import('./z.js');\nconst r = require(`fs`);\nrequire.resolve('q');\n";
        let p = parse(src, Lang::Ts, true);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let got: Vec<_> = p
            .specifiers
            .iter()
            .map(|s| (s.kind, s.specifier.as_str(), &src[s.start..s.end]))
            .collect();
        assert_eq!(
            got,
            vec![
                (SpecKind::Import, "./a.cjs", "./a.cjs"),
                (SpecKind::ExportFrom, "x", "x"),
                (SpecKind::ExportFrom, "y", "y"),
                (SpecKind::DynamicImport, "./z.js", "./z.js"),
                (SpecKind::Require, "fs", "fs"),
                (SpecKind::RequireResolve, "q", "q"),
            ]
        );
        let names: Vec<_> = p.specifiers[0]
            .names
            .iter()
            .map(|n| n.name.as_str())
            .collect();
        assert_eq!(names, vec!["b", "c"]);
        let p = parse(
            "import a from './a.json' with { type: 'json' };\nimport('./b.json', { with: { type: 'json' } });\nimport c from './c.json';\n",
            Lang::Js,
            true,
        );
        let attrs: Vec<bool> = p.specifiers.iter().map(|s| s.json_attr).collect();
        assert_eq!(attrs, vec![true, true, false]);
    }

    #[test]
    fn reports_several_errors() {
        let src = "let x = ;\nlet y = 1;\nconst enum { }\n";
        let p = parse(src, Lang::Js, true);
        assert!(!p.errors.is_empty());
        for e in &p.errors {
            assert!(e.start <= e.end && e.end <= src.len());
        }
    }

    #[test]
    fn commonjs_allows_return_and_rejects_import() {
        let p = parse("return 1;\n", Lang::Js, false);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let p = parse("import x from 'y';\n", Lang::Js, false);
        assert!(!p.errors.is_empty());
    }
}
