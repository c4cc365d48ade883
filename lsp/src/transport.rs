//! A framing guard in front of tower-lsp's reader.
//!
//! tower-lsp-server ends the session on the first undecodable message (its `FramedRead`
//! stops after a decode error), so one malformed message would kill the server. This task
//! reads the client's byte stream itself, checks every frame, and forwards only messages
//! tower-lsp can decode. A broken frame (bad JSON, not a JSON-RPC message, a bad header,
//! an oversized body) is replaced by a request for the internal `rnode/invalidMessage`
//! method, which answers with the proper JSON-RPC error (-32700 or -32600) carrying the
//! original `id` (or null), so the client gets an error and the session goes on.

use serde_json::{json, Value};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tower_lsp_server::jsonrpc::{Request, Response};

/// Bodies larger than this are discarded unread (and answered with an error).
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;
/// A header block longer than this is garbage.
const MAX_HEADER_BYTES: usize = 8 * 1024;

pub const INVALID_METHOD: &str = "rnode/invalidMessage";

/// Copy framed messages from `input` to `output` until EOF, repairing broken ones.
pub async fn guard<R, W>(mut input: R, mut output: W)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut buf: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut chunk = vec![0u8; 64 * 1024];
    let mut eof = false;
    loop {
        // 1. a complete header block
        let header_end = loop {
            if let Some(i) = find(&buf, b"\r\n\r\n") {
                break Some(i);
            }
            if buf.len() > MAX_HEADER_BYTES {
                break None;
            }
            if eof {
                return;
            }
            match input.read(&mut chunk).await {
                Ok(0) | Err(_) => eof = true,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        let Some(header_end) = header_end else {
            // Garbage without a header terminator: drop up to the next plausible header.
            let skip = find(&buf[1..], b"Content-Length").map_or(buf.len(), |i| i + 1);
            buf.drain(..skip);
            if forward(
                &mut output,
                &invalid(-32700, "invalid message header", Value::Null),
            )
            .await
            .is_err()
            {
                return;
            }
            continue;
        };
        let header = String::from_utf8_lossy(&buf[..header_end]).into_owned();
        let len = content_length(&header);
        buf.drain(..header_end + 4);
        let Some(len) = len else {
            // Resynchronize at the next header we can read.
            let skip = find(&buf, b"Content-Length").unwrap_or(buf.len());
            buf.drain(..skip);
            if forward(
                &mut output,
                &invalid(
                    -32700,
                    "missing or invalid Content-Length header",
                    Value::Null,
                ),
            )
            .await
            .is_err()
            {
                return;
            }
            continue;
        };
        if len > MAX_MESSAGE_BYTES {
            // Discard the body without holding it.
            let mut left = len;
            let take = left.min(buf.len());
            buf.drain(..take);
            left -= take;
            while left > 0 && !eof {
                match input.read(&mut chunk).await {
                    Ok(0) | Err(_) => eof = true,
                    Ok(n) => {
                        let t = n.min(left);
                        left -= t;
                        buf.extend_from_slice(&chunk[t..n]);
                    }
                }
            }
            if forward(
                &mut output,
                &invalid(-32600, "message too large", Value::Null),
            )
            .await
            .is_err()
            {
                return;
            }
            continue;
        }
        // 2. the body
        while buf.len() < len && !eof {
            match input.read(&mut chunk).await {
                Ok(0) | Err(_) => eof = true,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        if buf.len() < len {
            return; // truncated by EOF
        }
        let body: Vec<u8> = buf.drain(..len).collect();
        let msg = check(&body);
        let out = match msg {
            Ok(()) => frame(&body),
            Err(replacement) => replacement,
        };
        if forward(&mut output, &out).await.is_err() {
            return;
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn content_length(header: &str) -> Option<usize> {
    let mut len = None;
    for line in header.split("\r\n") {
        let (name, value) = line.split_once(':')?;
        if name.trim().eq_ignore_ascii_case("content-length") {
            len = Some(value.trim().parse().ok()?);
        }
    }
    len
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn invalid(code: i64, message: &str, id: Value) -> Vec<u8> {
    let v = json!({
        "jsonrpc": "2.0",
        "id": id,
        "method": INVALID_METHOD,
        "params": { "code": code, "message": message },
    });
    frame(v.to_string().as_bytes())
}

/// Ok when tower-lsp will decode `body`; otherwise the frame to send instead.
fn check(body: &[u8]) -> Result<(), Vec<u8>> {
    if body.is_empty() {
        return Err(invalid(-32600, "empty message", Value::Null));
    }
    if std::str::from_utf8(body).is_err() {
        return Err(invalid(-32700, "message is not UTF-8", Value::Null));
    }
    if serde_json::from_slice::<Request>(body).is_ok()
        || serde_json::from_slice::<Response>(body).is_ok()
    {
        return Ok(());
    }
    match serde_json::from_slice::<Value>(body) {
        Err(e) => Err(invalid(-32700, &format!("parse error: {e}"), Value::Null)),
        Ok(v) => {
            let id = match v.get("id") {
                Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
                _ => Value::Null,
            };
            Err(invalid(-32600, "not a JSON-RPC 2.0 message", id))
        }
    }
}

async fn forward<W: AsyncWrite + Unpin>(w: &mut W, bytes: &[u8]) -> std::io::Result<()> {
    w.write_all(bytes).await?;
    w.flush().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies() {
        assert!(check(br#"{"jsonrpc":"2.0","id":1,"method":"x"}"#).is_ok());
        assert!(check(br#"{"jsonrpc":"2.0","method":"x"}"#).is_ok());
        let bad = check(b"{nope").expect_err("bad json");
        assert!(String::from_utf8_lossy(&bad).contains("-32700"));
        let bad = check(br#"{"id":7,"hello":1}"#).expect_err("not rpc");
        let s = String::from_utf8_lossy(&bad);
        assert!(s.contains("-32600") && s.contains("\"id\":7"), "{s}");
        assert_eq!(content_length("Content-Length: 12\r\nX: y"), Some(12));
        assert_eq!(content_length("Content-Type: x"), None);
    }

    #[tokio::test]
    async fn repairs_a_stream() {
        let good = r#"{"jsonrpc":"2.0","id":2,"method":"m"}"#;
        let input = format!(
            "Content-Length: 5\r\n\r\n{{nopeContent-Length: {}\r\n\r\n{good}",
            good.len()
        )
        .into_bytes();
        let mut out = Vec::new();
        guard(&input[..], &mut out).await;
        let s = String::from_utf8_lossy(&out);
        assert!(s.contains(INVALID_METHOD), "{s}");
        assert!(s.contains("\"id\":2,\"method\":\"m\""), "{s}");
    }
}
