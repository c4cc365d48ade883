//! The subset of the WHATWG URL standard that ESM resolution needs: parsing absolute
//! URLs (enough to tell the scheme), resolving relative references against `file:`
//! URLs (dot segments, `\` as `/`, percent-encoding, query and fragment), and Node's
//! `pathToFileURL` / `fileURLToPath` conversions.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// A `file:` URL. `path` is the percent-encoded pathname (always starts with '/').
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileUrl {
    pub host: String,
    pub path: String,
    pub query: Option<String>,
    pub fragment: Option<String>,
}

/// A parsed URL: a `file:` URL, or any other scheme (kept as text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Url {
    File(FileUrl),
    Other { scheme: String, href: String },
}

/// Why `fileURLToPath` failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UrlPathError {
    /// ERR_INVALID_FILE_URL_HOST
    Host,
    /// ERR_INVALID_FILE_URL_PATH (an encoded '/')
    EncodedSlash,
    /// `decodeURIComponent` threw "URI malformed".
    Malformed,
}

fn is_special(scheme: &str) -> bool {
    matches!(scheme, "http" | "https" | "ws" | "wss" | "ftp" | "file")
}

/// Strips leading/trailing C0-or-space and removes tabs and newlines, as the URL
/// parser does before anything else.
fn clean_input(input: &str) -> String {
    input
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|&c| c != '\t' && c != '\n' && c != '\r')
        .collect()
}

/// The scheme of `input` (lowercased) and the rest after ':', when it has one.
fn split_scheme(input: &str) -> Option<(String, &str)> {
    let bytes = input.as_bytes();
    if !bytes.first()?.is_ascii_alphabetic() {
        return None;
    }
    let end = bytes
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'+' || b == b'-' || b == b'.'))?;
    if bytes[end] != b':' {
        return None;
    }
    Some((input[..end].to_ascii_lowercase(), &input[end + 1..]))
}

fn is_sep(c: char) -> bool {
    c == '/' || c == '\\'
}

/// Percent-encodes one character for the path (or query/fragment) state.
fn encode_char(out: &mut String, c: char, extra: &[char]) {
    let code = c as u32;
    if !(0x20..=0x7e).contains(&code) || extra.contains(&c) {
        let mut buf = [0u8; 4];
        for b in c.encode_utf8(&mut buf).bytes() {
            out.push_str(&format!("%{b:02X}"));
        }
    } else {
        out.push(c);
    }
}

const PATH_SET: &[char] = &[' ', '"', '#', '<', '>', '?', '`', '{', '}'];
const QUERY_SET: &[char] = &[' ', '"', '#', '<', '>', '\''];
const FRAGMENT_SET: &[char] = &[' ', '"', '<', '>', '`'];

fn is_single_dot(seg: &str) -> bool {
    seg == "." || seg.eq_ignore_ascii_case("%2e")
}

fn is_double_dot(seg: &str) -> bool {
    matches!(
        seg.to_ascii_lowercase().as_str(),
        ".." | ".%2e" | "%2e." | "%2e%2e"
    )
}

/// Runs the path state over `input` (no leading separator handling needed: segments
/// are appended to `segments`). Returns the query and fragment found after the path.
fn parse_path(segments: &mut Vec<String>, input: &str) -> (Option<String>, Option<String>) {
    let mut buffer = String::new();
    let mut chars = input.char_indices();
    let mut query = None;
    let mut fragment = None;
    loop {
        let next = chars.next();
        let c = next.map(|(_, c)| c);
        let is_end = matches!(c, None | Some('?') | Some('#'));
        if is_end || c.is_some_and(is_sep) {
            let at_sep = c.is_some_and(is_sep);
            if is_double_dot(&buffer) {
                segments.pop();
                if !at_sep {
                    segments.push(String::new());
                }
            } else if is_single_dot(&buffer) {
                if !at_sep {
                    segments.push(String::new());
                }
            } else {
                segments.push(std::mem::take(&mut buffer));
            }
            buffer.clear();
            if let Some((i, ch)) = next {
                if ch == '?' || ch == '#' {
                    let rest = &input[i + 1..];
                    if ch == '?' {
                        let (q, f) = match rest.split_once('#') {
                            Some((q, f)) => (q, Some(f)),
                            None => (rest, None),
                        };
                        let mut qs = String::new();
                        for qc in q.chars() {
                            encode_char(&mut qs, qc, QUERY_SET);
                        }
                        query = Some(qs);
                        fragment = f.map(encode_fragment);
                    } else {
                        fragment = Some(encode_fragment(rest));
                    }
                    break;
                }
            }
            if next.is_none() {
                break;
            }
        } else if let Some(ch) = c {
            encode_char(&mut buffer, ch, PATH_SET);
        }
    }
    (query, fragment)
}

fn encode_fragment(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        encode_char(&mut out, c, FRAGMENT_SET);
    }
    out
}

fn segments_of(path: &str) -> Vec<String> {
    path.strip_prefix('/')
        .unwrap_or(path)
        .split('/')
        .map(str::to_string)
        .collect()
}

fn join_segments(segments: &[String]) -> String {
    let mut out = String::from("/");
    out.push_str(&segments.join("/"));
    out
}

/// Host of a `file:` URL after "//": up to the next separator, '?' or '#'.
/// Returns the host (with "localhost" as empty) and the remaining input.
fn split_host(rest: &str) -> (String, &str) {
    let end = rest
        .find(|c: char| is_sep(c) || c == '?' || c == '#')
        .unwrap_or(rest.len());
    let host = rest[..end].to_ascii_lowercase();
    let host = if host == "localhost" {
        String::new()
    } else {
        host
    };
    (host, &rest[end..])
}

/// Builds a file URL from what follows the host (a path starting with a separator,
/// or empty, or a query/fragment).
fn file_from_path_input(host: String, rest: &str, mut segments: Vec<String>) -> FileUrl {
    let rest = rest.strip_prefix(is_sep).unwrap_or(rest);
    let (query, fragment) = parse_path(&mut segments, rest);
    FileUrl {
        host,
        path: join_segments(&segments),
        query,
        fragment,
    }
}

/// `new URL(input)`: None when the input is not an absolute URL.
pub(crate) fn parse_absolute(input: &str) -> Option<Url> {
    let input = clean_input(input);
    let (scheme, rest) = split_scheme(&input)?;
    if scheme == "file" {
        return Some(Url::File(parse_file_rest(rest, None)));
    }
    if is_special(&scheme) && rest.trim_start_matches(is_sep).is_empty() {
        return None;
    }
    Some(Url::Other {
        href: format!("{scheme}:{rest}"),
        scheme,
    })
}

/// The part of a `file:` URL after "file:", optionally relative to a file base.
fn parse_file_rest(rest: &str, base: Option<&FileUrl>) -> FileUrl {
    let mut it = rest.chars();
    let first_two_seps =
        matches!((it.next(), it.next()), (Some(a), Some(b)) if is_sep(a) && is_sep(b));
    if first_two_seps {
        let (host, after) = split_host(&rest[2..]);
        return file_from_path_input(host, after, Vec::new());
    }
    if rest.starts_with(is_sep) {
        let host = base.map(|b| b.host.clone()).unwrap_or_default();
        return file_from_path_input(host, rest, Vec::new());
    }
    match base {
        Some(b) => b.join_relative(rest),
        None => file_from_path_input(String::new(), rest, Vec::new()),
    }
}

impl FileUrl {
    /// Node's `pathToFileURL(path)` (the path is taken as absolute).
    pub(crate) fn from_path(path: &Path) -> FileUrl {
        let bytes = path_bytes(path);
        let mut out = String::with_capacity(bytes.len() + 8);
        if bytes.first() != Some(&b'/') {
            out.push('/');
        }
        for &b in bytes.iter() {
            let needs = !(0x20..0x7f).contains(&b)
                || matches!(
                    b,
                    b' ' | b'"' | b'#' | b'%' | b'<' | b'>' | b'?' | b'`' | b'{' | b'}' | b'\\'
                );
            if needs {
                out.push_str(&format!("%{b:02X}"));
            } else {
                out.push(b as char);
            }
        }
        FileUrl {
            host: String::new(),
            path: out,
            query: None,
            fragment: None,
        }
    }

    /// The URL as text.
    pub(crate) fn href(&self) -> String {
        let mut s = format!("file://{}{}", self.host, self.path);
        if let Some(q) = &self.query {
            s.push('?');
            s.push_str(q);
        }
        if let Some(f) = &self.fragment {
            s.push('#');
            s.push_str(f);
        }
        s
    }

    /// `new URL('.', this).pathname`: the path up to and including the last '/'.
    pub(crate) fn dir_path(&self) -> &str {
        match self.path.rfind('/') {
            Some(i) => &self.path[..=i],
            None => "/",
        }
    }

    /// A path-relative reference resolved against this URL.
    fn join_relative(&self, input: &str) -> FileUrl {
        let mut segments = segments_of(&self.path);
        segments.pop();
        let (query, fragment) = parse_path(&mut segments, input);
        FileUrl {
            host: self.host.clone(),
            path: join_segments(&segments),
            query,
            fragment,
        }
    }

    /// `new URL(input, this)`.
    pub(crate) fn join(&self, input: &str) -> Option<Url> {
        let input = clean_input(input);
        if let Some((scheme, rest)) = split_scheme(&input) {
            if scheme == "file" {
                return Some(Url::File(parse_file_rest(rest, Some(self))));
            }
            return parse_absolute(&input);
        }
        let mut it = input.chars();
        let (c0, c1) = (it.next(), it.next());
        let url = match c0 {
            None => FileUrl {
                fragment: None,
                ..self.clone()
            },
            Some(a) if is_sep(a) && c1.is_some_and(is_sep) => {
                let (host, after) = split_host(&input[2..]);
                file_from_path_input(host, after, Vec::new())
            }
            Some(a) if is_sep(a) => file_from_path_input(self.host.clone(), &input, Vec::new()),
            Some('?') => {
                let mut u = self.clone();
                let (q, f) = match input[1..].split_once('#') {
                    Some((q, f)) => (q, Some(f)),
                    None => (&input[1..], None),
                };
                let mut qs = String::new();
                for qc in q.chars() {
                    encode_char(&mut qs, qc, QUERY_SET);
                }
                u.query = Some(qs);
                u.fragment = f.map(encode_fragment);
                u
            }
            Some('#') => FileUrl {
                fragment: Some(encode_fragment(&input[1..])),
                ..self.clone()
            },
            Some(_) => self.join_relative(&input),
        };
        Some(Url::File(url))
    }

    /// True when the pathname holds an encoded '/' or '\' (`%2F`, `%5C`).
    pub(crate) fn has_encoded_separator(&self) -> bool {
        has_encoded_sep(&self.path)
    }

    /// Node's `fileURLToPath(url)`. `allow_non_utf8`: accept decoded bytes that are not
    /// UTF-8 (used when the base path itself is not UTF-8).
    pub(crate) fn to_path(&self, allow_non_utf8: bool) -> Result<PathBuf, UrlPathError> {
        if !self.host.is_empty() {
            return Err(UrlPathError::Host);
        }
        let lower = self.path.to_ascii_lowercase();
        if lower.contains("%2f") {
            return Err(UrlPathError::EncodedSlash);
        }
        let bytes = percent_decode(&self.path).ok_or(UrlPathError::Malformed)?;
        if !allow_non_utf8 && std::str::from_utf8(&bytes).is_err() {
            return Err(UrlPathError::Malformed);
        }
        Ok(path_from_bytes(bytes))
    }
}

/// True when `s` contains `%2F` or `%5C` (any case).
pub(crate) fn has_encoded_sep(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    lower.contains("%2f") || lower.contains("%5c")
}

/// `decodeURIComponent` on bytes: None for a '%' not followed by two hex digits.
pub(crate) fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hi = (*b.get(i + 1)? as char).to_digit(16)?;
            let lo = (*b.get(i + 2)? as char).to_digit(16)?;
            out.push((hi * 16 + lo) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Some(out)
}

/// `encodeURIComponent(s)`.
pub(crate) fn encode_uri_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || "-_.!~*'()".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// The raw bytes of a path.
pub(crate) fn path_bytes(path: &Path) -> std::borrow::Cow<'_, [u8]> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        std::borrow::Cow::Borrowed(path.as_os_str().as_bytes())
    }
    #[cfg(not(unix))]
    {
        std::borrow::Cow::Owned(path.to_string_lossy().into_owned().into_bytes())
    }
}

/// A path from raw bytes.
pub(crate) fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        PathBuf::from(OsString::from_vec(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(OsString::from(String::from_utf8_lossy(&bytes).into_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> FileUrl {
        FileUrl::from_path(Path::new("/a/b/p.mjs"))
    }

    fn file(u: Option<Url>) -> FileUrl {
        match u {
            Some(Url::File(f)) => f,
            other => panic!("not a file url: {other:?}"),
        }
    }

    #[test]
    fn relative_resolution() {
        assert_eq!(file(base().join("./x.js")).path, "/a/b/x.js");
        assert_eq!(file(base().join("../x.js")).path, "/a/x.js");
        assert_eq!(file(base().join("../../../../x.js")).path, "/x.js");
        assert_eq!(file(base().join("./.%2e/x")).path, "/a/x");
        assert_eq!(file(base().join(".")).path, "/a/b/");
        assert_eq!(file(base().join("..")).path, "/a/");
        assert_eq!(file(base().join("./a b")).path, "/a/b/a%20b");
        assert_eq!(file(base().join("./a\\b")).path, "/a/b/a/b");
        let u = file(base().join("./x?q#h"));
        assert_eq!(
            (u.path.as_str(), u.query.as_deref(), u.fragment.as_deref()),
            ("/a/b/x", Some("q"), Some("h"))
        );
        assert_eq!(file(base().join("/abs")).path, "/abs");
        assert_eq!(file(base().join("//host/x")).host, "host");
        assert_eq!(file(base().join("//localhost/x")).host, "");
        assert_eq!(file(base().join("ü")).path, "/a/b/%C3%BC");
    }

    #[test]
    fn absolute_parsing() {
        assert_eq!(file(parse_absolute("file:///x/y")).path, "/x/y");
        assert_eq!(file(parse_absolute("file:x")).path, "/x");
        assert!(
            matches!(parse_absolute("node:fs"), Some(Url::Other { ref scheme, .. }) if scheme == "node")
        );
        assert!(parse_absolute("https:").is_none());
        assert!(parse_absolute("fs").is_none());
        assert!(parse_absolute("./x").is_none());
    }

    #[test]
    fn to_path() {
        let u = file(base().join("./c%2520d"));
        assert_eq!(u.to_path(false), Ok(PathBuf::from("/a/b/c%20d")));
        assert_eq!(
            file(base().join("./%zz")).to_path(false),
            Err(UrlPathError::Malformed)
        );
        assert_eq!(
            file(base().join("./%ff")).to_path(false),
            Err(UrlPathError::Malformed)
        );
        assert_eq!(
            FileUrl::from_path(Path::new("/a%b #?")).path,
            "/a%25b%20%23%3F"
        );
    }
}
