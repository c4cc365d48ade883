//! `file:` URIs <-> filesystem paths (percent-encoding both ways), without touching the
//! disk: a document may not exist on disk yet, and the runtime's paths must round-trip.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use tower_lsp_server::lsp_types::Uri;

/// The path of a `file:` URI, or None for other schemes and malformed input.
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    path_of_str(uri.as_str())
}

pub fn path_of_str(s: &str) -> Option<PathBuf> {
    let rest = s.strip_prefix("file://")?;
    // authority: empty or "localhost"
    let path = if rest.starts_with('/') {
        rest
    } else {
        rest.strip_prefix("localhost")?
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = percent_decode(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
    }
    #[cfg(not(unix))]
    {
        String::from_utf8(bytes).ok().map(PathBuf::from)
    }
}

fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Some(out)
}

/// `file://` URI text for an absolute path.
pub fn string_of_path(path: &Path) -> String {
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().replace('\\', "/").into_bytes();
    let mut s = String::from("file://");
    if bytes.first() != Some(&b'/') {
        s.push('/');
    }
    for &c in &bytes {
        if c.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&c) {
            s.push(c as char);
        } else {
            s.push_str(&format!("%{c:02X}"));
        }
    }
    s
}

pub fn from_path(path: &Path) -> Option<Uri> {
    Uri::from_str(&string_of_path(path)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for p in ["/a/b c/ü.js", "/x/%41.js", "/n/[x]#?.mjs"] {
            let u = from_path(Path::new(p)).expect("valid uri");
            assert_eq!(to_path(&u).as_deref(), Some(Path::new(p)), "{}", u.as_str());
        }
        assert_eq!(
            path_of_str("file://localhost/etc/x%20y"),
            Some(PathBuf::from("/etc/x y"))
        );
        assert_eq!(path_of_str("untitled:Untitled-1"), None);
    }
}
