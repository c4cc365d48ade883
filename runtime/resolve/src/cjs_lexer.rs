//! Static analysis of CommonJS exports, as Node's cjs-module-lexer does it, so that
//! `import { a } from './x.cjs'` gets named exports without running the module, and the
//! LSP can say when a named import is missing.
//!
//! A hand-written tokenizer (strings, template literals with nested `${}`, comments,
//! regular expressions told apart from division by the preceding token) feeds a
//! matcher for the patterns Node detects:
//! - `exports.a =`, `exports['a'] =`, `module.exports.a =`, `module.exports['a'] =`
//! - `Object.defineProperty(exports, 'a', { value: … })` and the getter forms
//!   `get() { return x }` / `get: function () { return x.y }` (optionally preceded by
//!   `enumerable: true,`); any other `defineProperty` of a name removes that name
//! - `module.exports = { a, b: c, 'd': e, ...x, ...require('y') }` (stops at the first
//!   property of another shape)
//! - reexports: the last `module.exports = require('x')` or object literal's
//!   `...require('x')` spreads; top-level `__export(require('x'))`,
//!   `__exportStar(require('x'), exports)` (also `tslib.__exportStar`); and Babel's
//!   `var _x = require('x'); Object.keys(_x).forEach(function (k) { … })` star export.

/// What a CommonJS source exports, found without running it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CjsAnalysis {
    /// Names assigned as `exports.x = …`, `module.exports.x = …`, `Object.defineProperty(exports, 'x', …)`,
    /// `module.exports = { a, b: c, 'd': e }`, and the `__esModule` marker.
    pub exports: Vec<String>,
    /// Specifiers re-exported as `module.exports = require('x')` or `__exportStar(require('x'))`
    /// (TypeScript/Babel output); the caller resolves and analyzes them too.
    pub reexports: Vec<String>,
}

/// Analyze a CommonJS module's source text.
pub fn analyze(source: &str) -> CjsAnalysis {
    let toks = tokenize(source);
    let mut d = Detector {
        src: source,
        toks: &toks,
        exports: Vec::new(),
        unsafe_names: Vec::new(),
        star_reexports: Vec::new(),
        assign_reexports: Vec::new(),
        required_idents: Vec::new(),
    };
    d.run();
    d.finish()
}

// ----- tokenizer ---------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Ident,
    Str,
    Num,
    Template,
    Regex,
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
    /// Nesting depth (parens, brackets, braces, template substitutions) at the token.
    depth: u32,
    /// For `)`: it closed an `if`/`while`/`for`/`with` head. For `}`: it closed a block
    /// (not an object literal). Used to tell a regex from a division after it.
    flag: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Paren { cond: bool },
    Bracket,
    Brace { block: bool },
    Template,
}

const REGEX_AFTER_WORDS: &[&str] = &[
    "return",
    "typeof",
    "instanceof",
    "in",
    "of",
    "new",
    "delete",
    "void",
    "throw",
    "case",
    "do",
    "else",
    "yield",
    "await",
    "extends",
];

const EXPR_BRACE_AFTER_WORDS: &[&str] = &[
    "return",
    "typeof",
    "instanceof",
    "in",
    "of",
    "new",
    "delete",
    "void",
    "throw",
    "case",
    "yield",
    "await",
];

const PUNCTS: &[&str] = &[
    ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=",
    "<=", ">=", "&&", "||", "??", "?.", "++", "--", "**", "+=", "-=", "*=", "%=", "&=", "|=", "^=",
    "<<", ">>",
];

fn is_unicode_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{feff}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

fn is_ident_start_byte(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'$' || b == b'_' || b == b'\\' || b >= 0x80
}

fn is_ident_part_byte(b: u8) -> bool {
    is_ident_start_byte(b) || b.is_ascii_digit()
}

struct Lexer<'a> {
    src: &'a str,
    b: &'a [u8],
    i: usize,
    toks: Vec<Tok>,
    stack: Vec<Open>,
}

fn tokenize(src: &str) -> Vec<Tok> {
    let mut lx = Lexer {
        src,
        b: src.as_bytes(),
        i: 0,
        toks: Vec::with_capacity(src.len() / 4),
        stack: Vec::new(),
    };
    lx.run();
    lx.toks
}

impl<'a> Lexer<'a> {
    fn depth(&self) -> u32 {
        self.stack.len() as u32
    }

    fn push(&mut self, kind: Kind, start: usize, end: usize, flag: bool) {
        let depth = self.depth();
        self.toks.push(Tok {
            kind,
            start,
            end,
            depth,
            flag,
        });
    }

    fn text(&self, t: &Tok) -> &'a str {
        self.src.get(t.start..t.end).unwrap_or("")
    }

    /// Whether a `/` here starts a regular expression.
    fn regex_allowed(&self) -> bool {
        let Some(last) = self.toks.last() else {
            return true;
        };
        match last.kind {
            Kind::Ident => REGEX_AFTER_WORDS.contains(&self.text(last)),
            Kind::Str | Kind::Num | Kind::Template | Kind::Regex => false,
            Kind::Punct => match self.text(last) {
                ")" | "}" => last.flag,
                "]" | "++" | "--" => false,
                _ => true,
            },
        }
    }

    /// Whether a `{` here opens a block (rather than an object literal).
    fn brace_is_block(&self) -> bool {
        let Some(last) = self.toks.last() else {
            return true;
        };
        match last.kind {
            Kind::Ident => !EXPR_BRACE_AFTER_WORDS.contains(&self.text(last)),
            Kind::Str | Kind::Num | Kind::Template | Kind::Regex => true,
            Kind::Punct => match self.text(last) {
                ")" | ";" | "{" | "}" | "=>" => true,
                ":" => matches!(self.stack.last(), None | Some(Open::Brace { block: true })),
                _ => false,
            },
        }
    }

    fn run(&mut self) {
        // Hashbang.
        if self.b.starts_with(b"#!") {
            self.skip_line();
        }
        while self.i < self.b.len() {
            let c = self.b[self.i];
            match c {
                b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => self.i += 1,
                b'/' => match self.b.get(self.i + 1) {
                    Some(b'/') => self.skip_line(),
                    Some(b'*') => self.skip_block_comment(),
                    _ => {
                        if self.regex_allowed() {
                            self.regex();
                        } else {
                            let start = self.i;
                            self.i += if self.b.get(self.i + 1) == Some(&b'=') {
                                2
                            } else {
                                1
                            };
                            self.push(Kind::Punct, start, self.i, false);
                        }
                    }
                },
                b'\'' | b'"' => self.string(c),
                b'`' => {
                    let start = self.i;
                    self.i += 1;
                    self.template_chars(start);
                }
                b'0'..=b'9' => self.number(),
                b'.' if self.b.get(self.i + 1).is_some_and(u8::is_ascii_digit) => self.number(),
                b'(' => {
                    let cond = self.toks.last().is_some_and(|t| {
                        t.kind == Kind::Ident
                            && matches!(self.text(t), "if" | "while" | "for" | "with")
                    });
                    self.push(Kind::Punct, self.i, self.i + 1, false);
                    self.stack.push(Open::Paren { cond });
                    self.i += 1;
                }
                b'[' => {
                    self.push(Kind::Punct, self.i, self.i + 1, false);
                    self.stack.push(Open::Bracket);
                    self.i += 1;
                }
                b'{' => {
                    let block = self.brace_is_block();
                    self.push(Kind::Punct, self.i, self.i + 1, false);
                    self.stack.push(Open::Brace { block });
                    self.i += 1;
                }
                b')' | b']' => {
                    let flag = match self.stack.pop() {
                        Some(Open::Paren { cond }) => cond,
                        Some(other @ (Open::Template | Open::Brace { .. })) => {
                            // Unbalanced: keep the opener.
                            self.stack.push(other);
                            false
                        }
                        _ => false,
                    };
                    self.push(Kind::Punct, self.i, self.i + 1, flag);
                    self.i += 1;
                }
                b'}' => match self.stack.last() {
                    Some(Open::Template) => {
                        self.stack.pop();
                        let start = self.i;
                        self.i += 1;
                        self.template_chars(start);
                    }
                    _ => {
                        let flag = match self.stack.pop() {
                            Some(Open::Brace { block }) => block,
                            _ => true,
                        };
                        self.push(Kind::Punct, self.i, self.i + 1, flag);
                        self.i += 1;
                    }
                },
                c if is_ident_start_byte(c) => {
                    if c >= 0x80 {
                        let ch = self.src[self.i..].chars().next().unwrap_or(' ');
                        if is_unicode_space(ch) {
                            self.i += ch.len_utf8();
                            continue;
                        }
                    }
                    self.ident();
                }
                _ => self.punct(),
            }
        }
    }

    fn skip_line(&mut self) {
        while self.i < self.b.len() && self.b[self.i] != b'\n' && self.b[self.i] != b'\r' {
            self.i += 1;
        }
    }

    fn skip_block_comment(&mut self) {
        self.i += 2;
        while self.i < self.b.len() {
            if self.b[self.i] == b'*' && self.b.get(self.i + 1) == Some(&b'/') {
                self.i += 2;
                return;
            }
            self.i += 1;
        }
    }

    fn string(&mut self, quote: u8) {
        let start = self.i;
        self.i += 1;
        while self.i < self.b.len() {
            let c = self.b[self.i];
            if c == quote {
                self.i += 1;
                break;
            }
            if c == b'\\' {
                self.i += 2;
                continue;
            }
            if c == b'\n' || c == b'\r' {
                break; // unterminated: stop at the line end
            }
            self.i += 1;
        }
        self.i = self.i.min(self.b.len());
        self.push(Kind::Str, start, self.i, false);
    }

    /// Scans template characters after "`" or the "}" of a substitution, up to the
    /// closing "`" or a "${" (which opens a substitution).
    fn template_chars(&mut self, start: usize) {
        while self.i < self.b.len() {
            match self.b[self.i] {
                b'\\' => self.i += 2,
                b'`' => {
                    self.i += 1;
                    self.push(Kind::Template, start, self.i, false);
                    return;
                }
                b'$' if self.b.get(self.i + 1) == Some(&b'{') => {
                    self.i += 2;
                    self.push(Kind::Template, start, self.i, false);
                    self.stack.push(Open::Template);
                    return;
                }
                _ => self.i += 1,
            }
        }
        self.i = self.b.len();
        self.push(Kind::Template, start, self.i, false);
    }

    fn regex(&mut self) {
        let start = self.i;
        self.i += 1;
        let mut in_class = false;
        while self.i < self.b.len() {
            match self.b[self.i] {
                b'\\' => self.i += 2,
                b'[' => {
                    in_class = true;
                    self.i += 1
                }
                b']' => {
                    in_class = false;
                    self.i += 1
                }
                b'/' if !in_class => {
                    self.i += 1;
                    break;
                }
                b'\n' | b'\r' => break, // not a valid regex: stop at the line end
                _ => self.i += 1,
            }
        }
        while self.i < self.b.len() && is_ident_part_byte(self.b[self.i]) && self.b[self.i] < 0x80 {
            self.i += 1;
        }
        self.i = self.i.min(self.b.len());
        self.push(Kind::Regex, start, self.i, false);
    }

    fn number(&mut self) {
        let start = self.i;
        let radix = self.b[self.i] == b'0'
            && self
                .b
                .get(self.i + 1)
                .is_some_and(|c| matches!(c, b'x' | b'X' | b'b' | b'B' | b'o' | b'O'));
        while self.i < self.b.len() {
            let c = self.b[self.i];
            let exponent_sign =
                (c == b'+' || c == b'-') && !radix && matches!(self.b[self.i - 1], b'e' | b'E');
            if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || exponent_sign {
                self.i += 1;
            } else {
                break;
            }
        }
        self.push(Kind::Num, start, self.i, false);
    }

    fn ident(&mut self) {
        let start = self.i;
        while self.i < self.b.len() {
            let c = self.b[self.i];
            if c == b'\\' {
                // An escape: skip the backslash and the whole next character.
                self.i += 1;
                let next = self.src.get(self.i..).and_then(|r| r.chars().next());
                self.i += next.map_or(0, char::len_utf8);
            } else if c >= 0x80 {
                let ch = self.src[self.i..].chars().next().unwrap_or(' ');
                if is_unicode_space(ch) {
                    break;
                }
                self.i += ch.len_utf8();
            } else if is_ident_part_byte(c) {
                self.i += 1;
            } else {
                break;
            }
        }
        self.push(Kind::Ident, start, self.i, false);
    }

    fn punct(&mut self) {
        let start = self.i;
        let rest = &self.b[self.i..];
        let len = match rest[0] {
            b';' | b',' | b':' | b'~' | b'#' | b'@' => 1,
            b'.' if rest.starts_with(b"...") => 3,
            b'.' => 1,
            _ => PUNCTS
                .iter()
                .find(|p| rest.starts_with(p.as_bytes()))
                .map_or(1, |p| p.len()),
        };
        // A lone byte of a multi-byte char cannot happen here (those are identifiers),
        // but keep the boundary safe regardless.
        let mut end = self.i + len;
        while end < self.b.len() && !self.src.is_char_boundary(end) {
            end += 1;
        }
        self.i = end;
        self.push(Kind::Punct, start, end, false);
    }
}

/// Decodes a quoted string literal's value.
fn decode_string(lit: &str) -> String {
    let inner = lit.get(1..lit.len().saturating_sub(1).max(1)).unwrap_or("");
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars().peekable();
    let mut pending_high: Option<u32> = None;
    let push_unit = |out: &mut String, u: u32, pending: &mut Option<u32>| {
        if let Some(hi) = pending.take() {
            if (0xDC00..0xE000).contains(&u) {
                out.push(
                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (u - 0xDC00))
                        .unwrap_or('\u{FFFD}'),
                );
                return;
            }
            out.push('\u{FFFD}');
        }
        if (0xD800..0xDC00).contains(&u) {
            *pending = Some(u);
        } else {
            out.push(char::from_u32(u).unwrap_or('\u{FFFD}'));
        }
    };
    while let Some(c) = chars.next() {
        if c != '\\' {
            if let Some(_hi) = pending_high.take() {
                out.push('\u{FFFD}');
            }
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else { break };
        match e {
            'n' => push_unit(&mut out, '\n' as u32, &mut pending_high),
            't' => push_unit(&mut out, '\t' as u32, &mut pending_high),
            'r' => push_unit(&mut out, '\r' as u32, &mut pending_high),
            'b' => push_unit(&mut out, 8, &mut pending_high),
            'f' => push_unit(&mut out, 12, &mut pending_high),
            'v' => push_unit(&mut out, 11, &mut pending_high),
            '0' if !chars.peek().is_some_and(char::is_ascii_digit) => {
                push_unit(&mut out, 0, &mut pending_high)
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            '\n' | '\u{2028}' | '\u{2029}' => {}
            'x' => {
                let h: String = chars.by_ref().take(2).collect();
                match u32::from_str_radix(&h, 16) {
                    Ok(v) => push_unit(&mut out, v, &mut pending_high),
                    Err(_) => out.push_str(&h),
                }
            }
            'u' => {
                let v = if chars.peek() == Some(&'{') {
                    chars.next();
                    let h: String = chars.by_ref().take_while(|&c| c != '}').collect();
                    u32::from_str_radix(&h, 16).ok()
                } else {
                    let h: String = chars.by_ref().take(4).collect();
                    u32::from_str_radix(&h, 16).ok()
                };
                push_unit(&mut out, v.unwrap_or(0xFFFD), &mut pending_high);
            }
            other => push_unit(&mut out, other as u32, &mut pending_high),
        }
    }
    if pending_high.is_some() {
        out.push('\u{FFFD}');
    }
    out
}

// ----- pattern detection --------------------------------------------------------------

const STRICT_RESERVED: &[&str] = &[
    "implements",
    "interface",
    "let",
    "package",
    "private",
    "protected",
    "public",
    "static",
    "yield",
    "enum",
];

struct Detector<'a> {
    src: &'a str,
    toks: &'a [Tok],
    exports: Vec<String>,
    unsafe_names: Vec<String>,
    star_reexports: Vec<String>,
    assign_reexports: Vec<String>,
    /// `var _x = require('x')` at the top level: (identifier, specifier).
    required_idents: Vec<(String, String)>,
}

impl<'a> Detector<'a> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn text(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.src.get(t.start..t.end))
            .unwrap_or("")
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Punct) && self.text(i) == p
    }

    fn is_ident(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Ident)
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.is_ident(i) && self.text(i) == w
    }

    fn is_str(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Str)
    }

    fn str_value(&self, i: usize) -> String {
        decode_string(self.text(i))
    }

    /// An assignment-looking operator: starts with '=' (Node counts `==` too).
    fn is_assign(&self, i: usize) -> bool {
        self.is_punct(i, "=")
            || (self.tok(i).is_some_and(|t| t.kind == Kind::Punct)
                && self.text(i).starts_with("==")
                && self.text(i) != "=>")
    }

    fn prev_is_member_dot(&self, i: usize) -> bool {
        i > 0 && (self.is_punct(i - 1, ".") || self.is_punct(i - 1, "?."))
    }

    /// `require ( STRING )` at `i`: the specifier.
    fn require_call(&self, i: usize) -> Option<String> {
        (self.is_word(i, "require")
            && self.is_punct(i + 1, "(")
            && self.is_str(i + 2)
            && self.is_punct(i + 3, ")"))
        .then(|| self.str_value(i + 2))
    }

    /// `exports` or `module.exports` at `i`: the index after it.
    fn exports_ident(&self, i: usize) -> Option<usize> {
        if self.is_word(i, "exports") {
            return Some(i + 1);
        }
        if self.is_word(i, "module") && self.is_punct(i + 1, ".") && self.is_word(i + 2, "exports")
        {
            return Some(i + 3);
        }
        None
    }

    fn add_export(&mut self, name: String) {
        if !name.contains('\\') {
            self.exports.push(name);
        }
    }

    fn run(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if self.is_ident(i) && !self.prev_is_member_dot(i) {
                match self.text(i) {
                    "exports" => self.member_assign(i + 1),
                    "module" if self.is_punct(i + 1, ".") && self.is_word(i + 2, "exports") => {
                        self.member_assign(i + 3);
                        self.module_exports_assign(i + 3);
                    }
                    "Object" if self.is_punct(i + 1, ".") => {
                        if self.is_word(i + 2, "defineProperty") {
                            self.define_property(i + 3);
                        } else if self.is_word(i + 2, "keys") && self.toks[i].depth == 0 {
                            self.export_star_lib(i + 3);
                        }
                    }
                    "var" | "let" | "const" if self.toks[i].depth == 0 => self.exports_assign(i),
                    _ => {}
                }
            }
            if self.is_ident(i)
                && matches!(self.text(i), "__export" | "__exportStar")
                && self.toks[i].depth == 0
                && self.is_punct(i + 1, "(")
            {
                if let Some(spec) = self.require_call(i + 2) {
                    self.star_reexports.push(spec);
                }
            }
            i += 1;
        }
    }

    /// `.name =` or `['name'] =` after an exports identifier.
    fn member_assign(&mut self, j: usize) {
        if self.is_punct(j, ".") && self.is_ident(j + 1) && self.is_assign(j + 2) {
            let name = self.text(j + 1).to_string();
            self.add_export(name);
        } else if self.is_punct(j, "[")
            && self.is_str(j + 1)
            && self.is_punct(j + 2, "]")
            && self.is_assign(j + 3)
        {
            let name = self.str_value(j + 1);
            self.add_export(name);
        }
    }

    /// `module.exports = require('x')` or `module.exports = { … }`.
    fn module_exports_assign(&mut self, j: usize) {
        if !self.is_punct(j, "=") {
            return;
        }
        if let Some(spec) = self.require_call(j + 1) {
            self.assign_reexports = vec![spec];
        } else if self.is_punct(j + 1, "{") {
            self.exports_literal(j + 2);
        }
    }

    /// The properties of `module.exports = { … }`, from the token after `{`.
    fn exports_literal(&mut self, mut k: usize) {
        let mut reexports = Vec::new();
        loop {
            if self.is_punct(k, "}") {
                break;
            }
            if self.is_ident(k) {
                let name = self.text(k).to_string();
                if self.is_punct(k + 1, ":") {
                    if !self.is_ident(k + 2) {
                        break;
                    }
                    self.add_export(name);
                    k += 3;
                } else {
                    if !STRICT_RESERVED.contains(&name.as_str()) {
                        self.add_export(name);
                    }
                    k += 1;
                }
            } else if self.is_str(k) && self.is_punct(k + 1, ":") && self.is_ident(k + 2) {
                let name = self.str_value(k);
                self.add_export(name);
                k += 3;
            } else if self.is_punct(k, "...") {
                if let Some(spec) = self.require_call(k + 1) {
                    reexports.push(spec);
                    k += 5;
                } else if self.is_ident(k + 1) {
                    k += 2;
                } else {
                    break;
                }
            } else {
                break;
            }
            if self.is_punct(k, ",") {
                k += 1;
            } else {
                break;
            }
        }
        self.assign_reexports = reexports;
    }

    /// `Object.defineProperty(EXPORTS, 'name', …)`, from the token after
    /// `defineProperty`.
    fn define_property(&mut self, j: usize) {
        if !self.is_punct(j, "(") {
            return;
        }
        let Some(k) = self.exports_ident(j + 1) else {
            return;
        };
        if !(self.is_punct(k, ",") && self.is_str(k + 1) && self.is_punct(k + 2, ",")) {
            return;
        }
        let name = self.str_value(k + 1);
        if self.define_descriptor_is_safe(k + 3) {
            self.add_export(name);
        } else {
            self.unsafe_names.push(name);
        }
    }

    /// `{ (enumerable: true,)? value: …` or a simple getter, then `})`.
    fn define_descriptor_is_safe(&self, mut k: usize) -> bool {
        if !self.is_punct(k, "{") {
            return false;
        }
        k += 1;
        if self.is_word(k, "enumerable")
            && self.is_punct(k + 1, ":")
            && self.is_word(k + 2, "true")
            && self.is_punct(k + 3, ",")
        {
            k += 4;
        }
        if self.is_word(k, "value") && self.is_punct(k + 1, ":") {
            return true;
        }
        if !self.is_word(k, "get") {
            return false;
        }
        k += 1;
        if self.is_punct(k, ":") {
            if !self.is_word(k + 1, "function") {
                return false;
            }
            k += 2;
            if self.is_ident(k) {
                k += 1;
            }
        }
        if !(self.is_punct(k, "(") && self.is_punct(k + 1, ")") && self.is_punct(k + 2, "{")) {
            return false;
        }
        k += 3;
        let Some(after) = self.simple_return(k) else {
            return false;
        };
        k = after;
        if !self.is_punct(k, "}") {
            return false;
        }
        k += 1;
        if self.is_punct(k, ",") {
            k += 1;
        }
        self.is_punct(k, "}") && self.is_punct(k + 1, ")")
    }

    /// `return IDENT (. IDENT | [ STRING ])? ;?` — the index after it.
    fn simple_return(&self, mut k: usize) -> Option<usize> {
        if !(self.is_word(k, "return") && self.is_ident(k + 1)) {
            return None;
        }
        k += 2;
        if self.is_punct(k, ".") && self.is_ident(k + 1) {
            k += 2;
        } else if self.is_punct(k, "[") && self.is_str(k + 1) && self.is_punct(k + 2, "]") {
            k += 3;
        }
        if self.is_punct(k, ";") {
            k += 1;
        }
        Some(k)
    }

    /// `var|let|const IDENT = require('x')` (also wrapped in
    /// `_interopRequireWildcard(…)`), at the top level.
    fn exports_assign(&mut self, i: usize) {
        if !(self.is_ident(i + 1) && self.is_punct(i + 2, "=")) {
            return;
        }
        let ident = self.text(i + 1).to_string();
        let mut k = i + 3;
        let spec = if let Some(s) = self.require_call(k) {
            Some(s)
        } else {
            if self.is_ident(k) && self.is_punct(k + 1, ".") {
                k += 2;
            }
            if self.is_word(k, "_interopRequireWildcard") && self.is_punct(k + 1, "(") {
                self.require_call(k + 2)
                    .filter(|_| self.is_punct(k + 6, ")"))
            } else {
                None
            }
        };
        if let Some(spec) = spec {
            self.required_idents.push((ident, spec));
        }
    }

    /// Babel's star export: `Object.keys(_x).forEach(function (k) { … })`, from the
    /// token after `keys`.
    fn export_star_lib(&mut self, j: usize) {
        if !(self.is_punct(j, "(") && self.is_ident(j + 1) && self.is_punct(j + 2, ")")) {
            return;
        }
        let id1 = self.text(j + 1);
        let Some(spec) = self
            .required_idents
            .iter()
            .rev()
            .find(|(n, _)| n == id1)
            .map(|(_, s)| s.clone())
        else {
            return;
        };
        let mut k = j + 3;
        if !(self.is_punct(k, ".")
            && self.is_word(k + 1, "forEach")
            && self.is_punct(k + 2, "(")
            && self.is_word(k + 3, "function")
            && self.is_punct(k + 4, "(")
            && self.is_ident(k + 5)
            && self.is_punct(k + 6, ")")
            && self.is_punct(k + 7, "{"))
        {
            return;
        }
        let id2 = self.text(k + 5);
        k += 8;
        let Some(after) = self.star_lib_body(k, id1, id2) else {
            return;
        };
        if self.is_punct(after, "}") && self.is_punct(after + 1, ")") {
            self.star_reexports.push(spec);
        }
    }

    fn is_str_value(&self, i: usize, v: &str) -> bool {
        self.is_str(i) && self.str_value(i) == v
    }

    fn skip_semi(&self, k: usize) -> usize {
        if self.is_punct(k, ";") {
            k + 1
        } else {
            k
        }
    }

    /// The body of the Babel star-export callback; returns the index of its `}`.
    fn star_lib_body(&self, mut k: usize, id1: &str, id2: &str) -> Option<usize> {
        // if (k === 'default' || k === '__esModule') return;   |   if (k !== 'default')
        if !(self.is_word(k, "if") && self.is_punct(k + 1, "(") && self.is_word(k + 2, id2)) {
            return None;
        }
        k += 3;
        if self.is_punct(k, "===") {
            if !(self.is_str_value(k + 1, "default")
                && self.is_punct(k + 2, "||")
                && self.is_word(k + 3, id2)
                && self.is_punct(k + 4, "===")
                && self.is_str_value(k + 5, "__esModule")
                && self.is_punct(k + 6, ")")
                && self.is_word(k + 7, "return"))
            {
                return None;
            }
            k = self.skip_semi(k + 8);
        } else if self.is_punct(k, "!==") {
            if !(self.is_str_value(k + 1, "default") && self.is_punct(k + 2, ")")) {
                return None;
            }
            k += 3;
        } else {
            return None;
        }
        // if (Object.prototype.hasOwnProperty.call(X, k)) return;
        if self.is_word(k, "if")
            && self.is_punct(k + 1, "(")
            && self.is_word(k + 2, "Object")
            && self.is_punct(k + 3, ".")
            && self.is_word(k + 4, "prototype")
            && self.is_punct(k + 5, ".")
            && self.is_word(k + 6, "hasOwnProperty")
            && self.is_punct(k + 7, ".")
            && self.is_word(k + 8, "call")
            && self.is_punct(k + 9, "(")
            && self.is_ident(k + 10)
            && self.is_punct(k + 11, ",")
            && self.is_word(k + 12, id2)
            && self.is_punct(k + 13, ")")
            && self.is_punct(k + 14, ")")
            && self.is_word(k + 15, "return")
        {
            k = self.skip_semi(k + 16);
        }
        // if (k in exports && exports[k] === _x[k]) return;
        if self.is_word(k, "if")
            && self.is_punct(k + 1, "(")
            && self.is_word(k + 2, id2)
            && self.is_word(k + 3, "in")
        {
            let e1 = self.exports_ident(k + 4)?;
            if !self.is_punct(e1, "&&") {
                return None;
            }
            let e2 = self.exports_ident(e1 + 1)?;
            if !(self.is_punct(e2, "[")
                && self.is_word(e2 + 1, id2)
                && self.is_punct(e2 + 2, "]")
                && self.is_punct(e2 + 3, "===")
                && self.is_word(e2 + 4, id1)
                && self.is_punct(e2 + 5, "[")
                && self.is_word(e2 + 6, id2)
                && self.is_punct(e2 + 7, "]")
                && self.is_punct(e2 + 8, ")")
                && self.is_word(e2 + 9, "return"))
            {
                return None;
            }
            k = self.skip_semi(e2 + 10);
        }
        // exports[k] = _x[k];
        if let Some(e) = self.exports_ident(k) {
            if self.is_punct(e, "[")
                && self.is_word(e + 1, id2)
                && self.is_punct(e + 2, "]")
                && self.is_punct(e + 3, "=")
                && self.is_word(e + 4, id1)
                && self.is_punct(e + 5, "[")
                && self.is_word(e + 6, id2)
                && self.is_punct(e + 7, "]")
            {
                return Some(self.skip_semi(e + 8));
            }
            return None;
        }
        // Object.defineProperty(exports, k, { enumerable: true, get: function () { return _x[k]; } });
        if !(self.is_word(k, "Object")
            && self.is_punct(k + 1, ".")
            && self.is_word(k + 2, "defineProperty")
            && self.is_punct(k + 3, "("))
        {
            return None;
        }
        let e = self.exports_ident(k + 4)?;
        let ok = self.is_punct(e, ",")
            && self.is_word(e + 1, id2)
            && self.is_punct(e + 2, ",")
            && self.is_punct(e + 3, "{")
            && self.is_word(e + 4, "enumerable")
            && self.is_punct(e + 5, ":")
            && self.is_word(e + 6, "true")
            && self.is_punct(e + 7, ",")
            && self.is_word(e + 8, "get")
            && self.is_punct(e + 9, ":")
            && self.is_word(e + 10, "function")
            && self.is_punct(e + 11, "(")
            && self.is_punct(e + 12, ")")
            && self.is_punct(e + 13, "{")
            && self.is_word(e + 14, "return")
            && self.is_word(e + 15, id1)
            && self.is_punct(e + 16, "[")
            && self.is_word(e + 17, id2)
            && self.is_punct(e + 18, "]");
        if !ok {
            return None;
        }
        let mut m = self.skip_semi(e + 19);
        if !(self.is_punct(m, "}") && self.is_punct(m + 1, "}") && self.is_punct(m + 2, ")")) {
            return None;
        }
        m += 3;
        Some(self.skip_semi(m))
    }

    fn finish(self) -> CjsAnalysis {
        use std::collections::HashSet;
        let unsafe_names: HashSet<&str> = self.unsafe_names.iter().map(String::as_str).collect();
        let mut seen: HashSet<&str> = HashSet::with_capacity(self.exports.len());
        let mut exports: Vec<String> = Vec::with_capacity(self.exports.len());
        for name in &self.exports {
            if !unsafe_names.contains(name.as_str()) && seen.insert(name.as_str()) {
                exports.push(name.clone());
            }
        }
        let mut seen: HashSet<&str> = HashSet::new();
        let mut reexports: Vec<String> = Vec::new();
        for spec in self.star_reexports.iter().chain(&self.assign_reexports) {
            if seen.insert(spec.as_str()) {
                reexports.push(spec.clone());
            }
        }
        CjsAnalysis { exports, reexports }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_strings() {
        assert_eq!(decode_string("'a\\u0062c'"), "abc");
        assert_eq!(decode_string("\"\\x41\\n\""), "A\n");
        assert_eq!(decode_string("'\\u{1F600}'"), "\u{1F600}");
        assert_eq!(decode_string("'\\uD83D\\uDE00'"), "\u{1F600}");
        assert_eq!(decode_string("'it\\'s'"), "it's");
    }

    #[test]
    fn regex_vs_division() {
        let kinds = |s: &str| -> Vec<Kind> { tokenize(s).iter().map(|t| t.kind).collect() };
        assert!(kinds("a / b / c").iter().all(|k| *k != Kind::Regex));
        assert!(kinds("x = /a/g").contains(&Kind::Regex));
        assert!(kinds("if (a) /b/.test(c)").contains(&Kind::Regex));
        assert!(!kinds("(a) / b / c").contains(&Kind::Regex));
        assert!(kinds("function f() {} /re/").contains(&Kind::Regex));
        assert!(!kinds("x = {} / 1 / 2").contains(&Kind::Regex));
        assert!(kinds("return /x/").contains(&Kind::Regex));
    }
}
