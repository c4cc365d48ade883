//! `internalBinding('buffer')`: string ↔ bytes in Node's encodings, compare, indexOf and
//! the UTF-8/ASCII validators behind `Buffer` (js/node/buffer.js).

use crate::bindings::{arg_bytes, num, op, uint8_array, view_bytes, OpFn, Scope};
use base64::Engine as _;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Enc {
    Utf8,
    Ucs2,
    Latin1,
    Ascii,
    Base64,
    Base64Url,
    Hex,
}

fn enc(name: &str) -> Enc {
    match name {
        "ucs2" | "utf16le" | "ucs-2" | "utf-16le" => Enc::Ucs2,
        "latin1" | "binary" => Enc::Latin1,
        "ascii" => Enc::Ascii,
        "base64" => Enc::Base64,
        "base64url" => Enc::Base64Url,
        "hex" => Enc::Hex,
        _ => Enc::Utf8,
    }
}

fn arg_enc(scope: &mut Scope, args: &v8::FunctionCallbackArguments, i: i32) -> Enc {
    let v = args.get(i);
    if v.is_string() {
        enc(&v.to_rust_string_lossy(scope))
    } else {
        Enc::Utf8
    }
}

fn utf16(scope: &mut Scope, s: v8::Local<v8::String>) -> Vec<u16> {
    let mut buf = vec![0u16; s.length()];
    s.write_v2(scope, 0, &mut buf, v8::WriteFlags::empty());
    buf
}

/// Node's lenient base64: accepts both alphabets, skips anything else, stops at '='.
fn base64_decode(units: &[u16]) -> Vec<u8> {
    let mut out = Vec::with_capacity(units.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &u in units {
        let v = match u {
            0x41..=0x5a => u - 0x41,
            0x61..=0x7a => u - 0x61 + 26,
            0x30..=0x39 => u - 0x30 + 52,
            0x2b | 0x2d => 62,
            0x2f | 0x5f => 63,
            0x3d => break,
            _ => continue,
        } as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

fn hex_decode(units: &[u16]) -> Vec<u8> {
    let val = |u: u16| -> Option<u8> {
        match u {
            0x30..=0x39 => Some((u - 0x30) as u8),
            0x41..=0x46 => Some((u - 0x41 + 10) as u8),
            0x61..=0x66 => Some((u - 0x61 + 10) as u8),
            _ => None,
        }
    };
    let mut out = Vec::with_capacity(units.len() / 2);
    for pair in units.chunks_exact(2) {
        match (val(pair[0]), val(pair[1])) {
            (Some(a), Some(b)) => out.push(a * 16 + b),
            _ => break,
        }
    }
    out
}

fn low_bytes(units: &[u16]) -> Vec<u16> {
    units.iter().map(|u| u & 0xff).collect()
}

fn encode_str(scope: &mut Scope, s: v8::Local<v8::String>, e: Enc) -> Vec<u8> {
    match e {
        Enc::Utf8 => s.to_rust_string_lossy(scope).into_bytes(),
        Enc::Ucs2 => utf16(scope, s)
            .iter()
            .flat_map(|u| u.to_le_bytes())
            .collect(),
        Enc::Latin1 | Enc::Ascii => utf16(scope, s).iter().map(|u| *u as u8).collect(),
        // Like Node, base64 and hex read only the low byte of each UTF-16 unit.
        Enc::Base64 | Enc::Base64Url => base64_decode(&low_bytes(&utf16(scope, s))),
        Enc::Hex => hex_decode(&low_bytes(&utf16(scope, s))),
    }
}

fn decode_bytes<'s>(
    scope: &mut Scope<'s, '_>,
    bytes: &[u8],
    e: Enc,
) -> Option<v8::Local<'s, v8::String>> {
    let normal = v8::NewStringType::Normal;
    match e {
        Enc::Utf8 => v8::String::new_from_utf8(scope, bytes, normal),
        Enc::Latin1 => v8::String::new_from_one_byte(scope, bytes, normal),
        Enc::Ascii => {
            let b: Vec<u8> = bytes.iter().map(|b| b & 0x7f).collect();
            v8::String::new_from_one_byte(scope, &b, normal)
        }
        Enc::Ucs2 => {
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            v8::String::new_from_two_byte(scope, &units, normal)
        }
        Enc::Base64 => {
            let s = base64::engine::general_purpose::STANDARD.encode(bytes);
            v8::String::new_from_one_byte(scope, s.as_bytes(), normal)
        }
        Enc::Base64Url => {
            let s = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
            v8::String::new_from_one_byte(scope, s.as_bytes(), normal)
        }
        Enc::Hex => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            let mut out = Vec::with_capacity(bytes.len() * 2);
            for b in bytes {
                out.push(HEX[(b >> 4) as usize]);
                out.push(HEX[(b & 15) as usize]);
            }
            v8::String::new_from_one_byte(scope, &out, normal)
        }
    }
}

fn byte_length(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(s) = v8::Local::<v8::String>::try_from(args.get(0)) else {
        rv.set(num(scope, 0.0));
        return;
    };
    let e = arg_enc(scope, &args, 1);
    let n = match e {
        Enc::Utf8 => s.utf8_length(scope),
        Enc::Ucs2 => s.length() * 2,
        Enc::Latin1 | Enc::Ascii => s.length(),
        _ => encode_str(scope, s, e).len(),
    };
    rv.set(num(scope, n as f64));
}

fn encode(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let s = args
        .get(0)
        .to_string(scope)
        .unwrap_or_else(|| v8::String::empty(scope));
    let e = arg_enc(scope, &args, 1);
    let bytes = encode_str(scope, s, e);
    rv.set(uint8_array(scope, bytes).into());
}

/// `write(u8, str, offset, maxBytes, enc)` → bytes written (whole characters only for UTF-8/UCS-2).
fn write(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let s = args
        .get(1)
        .to_string(scope)
        .unwrap_or_else(|| v8::String::empty(scope));
    let offset = args.get(2).number_value(scope).unwrap_or(0.0).max(0.0) as usize;
    let max = args
        .get(3)
        .number_value(scope)
        .unwrap_or(f64::INFINITY)
        .max(0.0);
    let e = arg_enc(scope, &args, 4);
    let mut bytes = encode_str(scope, s, e);
    let Some(buf) = arg_bytes(&args, 0) else {
        return;
    };
    let room = buf.len().saturating_sub(offset).min(if max.is_finite() {
        max as usize
    } else {
        usize::MAX
    });
    if bytes.len() > room {
        let mut cut = room;
        match e {
            Enc::Utf8 => {
                // Back up to a character boundary.
                while cut > 0 && (bytes[cut] & 0xC0) == 0x80 {
                    cut -= 1;
                }
            }
            Enc::Ucs2 => cut &= !1,
            _ => {}
        }
        bytes.truncate(cut);
    }
    buf[offset..offset + bytes.len()].copy_from_slice(&bytes);
    rv.set(num(scope, bytes.len() as f64));
}

/// `decode(u8, start, end, enc)` → string.
fn decode(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(buf) = arg_bytes(&args, 0) else {
        return;
    };
    let len = buf.len();
    let start = (args.get(1).number_value(scope).unwrap_or(0.0).max(0.0) as usize).min(len);
    let end = args.get(2).number_value(scope).unwrap_or(len as f64);
    let end = if end.is_nan() {
        len
    } else {
        (end.max(0.0) as usize).min(len)
    }
    .max(start);
    let e = arg_enc(scope, &args, 3);
    let bytes = buf[start..end].to_vec();
    match decode_bytes(scope, &bytes, e) {
        Some(s) => rv.set(s.into()),
        None => {
            let m = crate::bindings::str(
                scope,
                "Cannot create a string longer than 0x1fffffe8 characters",
            );
            let exc = v8::Exception::error(scope, m);
            if let Ok(o) = v8::Local::<v8::Object>::try_from(exc) {
                let c = crate::bindings::str(scope, "ERR_STRING_TOO_LONG").into();
                crate::bindings::set_val(scope, o, "code", c);
            }
            scope.throw_exception(exc);
        }
    }
}

fn compare(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let (Some(a), Some(b)) = (arg_bytes(&args, 0), arg_bytes(&args, 1)) else {
        return;
    };
    let r = match (*a).cmp(&*b) {
        std::cmp::Ordering::Less => -1.0,
        std::cmp::Ordering::Equal => 0.0,
        std::cmp::Ordering::Greater => 1.0,
    };
    rv.set(num(scope, r));
}

fn find(hay: &[u8], needle: &[u8], from: usize, forward: bool, step: usize) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let last = hay.len() - needle.len();
    if forward {
        let mut i = from;
        while i <= last {
            if &hay[i..i + needle.len()] == needle {
                return Some(i);
            }
            i += step;
        }
        None
    } else {
        let mut i = from.min(last) as isize;
        while i >= 0 {
            let u = i as usize;
            if &hay[u..u + needle.len()] == needle {
                return Some(u);
            }
            i -= step as isize;
        }
        None
    }
}

/// `indexOf(hay, needle, byteOffset, enc, forward)` → index or -1 (byteOffset already normalized).
fn index_of(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let e = arg_enc(scope, &args, 3);
    let forward = args.get(4).boolean_value(scope);
    let needle_v = args.get(1);
    let needle: Vec<u8> = if needle_v.is_number() {
        vec![(needle_v.number_value(scope).unwrap_or(0.0) as i64 & 0xff) as u8]
    } else if let Ok(view) = v8::Local::<v8::ArrayBufferView>::try_from(needle_v) {
        view_bytes(view).to_vec()
    } else {
        let s = needle_v
            .to_string(scope)
            .unwrap_or_else(|| v8::String::empty(scope));
        encode_str(scope, s, e)
    };
    let Some(hay) = arg_bytes(&args, 0) else {
        return;
    };
    let len = hay.len() as f64;
    let mut off = args.get(2).number_value(scope).unwrap_or(0.0);
    if off.is_nan() {
        off = if forward { 0.0 } else { len };
    }
    if needle.is_empty() {
        // Node returns the adjusted offset itself for an empty needle.
        let at = if off < 0.0 {
            (len + off).max(0.0)
        } else {
            off.min(len)
        };
        rv.set(num(scope, at.floor()));
        return;
    }
    if off < 0.0 {
        off += len;
    }
    if off < 0.0 {
        if forward {
            off = 0.0;
        } else {
            rv.set(num(scope, -1.0));
            return;
        }
    }
    let from = off.min(len) as usize;
    let result = if e == Enc::Ucs2 && !needle_v.is_number() {
        // UTF-16 search works on 2-byte units, like Node's: both sides need a whole unit.
        if hay.len() < 2 || needle.len() < 2 {
            None
        } else {
            let even = hay.len() & !1;
            let start = from.min(even) & !1;
            if forward && start >= even {
                None
            } else {
                find(
                    &hay[..even],
                    &needle[..needle.len() & !1],
                    start,
                    forward,
                    2,
                )
            }
        }
    } else if forward && from >= hay.len() {
        None
    } else {
        find(hay, &needle, from, forward, 1)
    };
    rv.set(num(scope, result.map(|i| i as f64).unwrap_or(-1.0)));
}

fn is_utf8(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let ok = arg_bytes(&args, 0)
        .map(|b| std::str::from_utf8(b).is_ok())
        .unwrap_or(false);
    rv.set(v8::Boolean::new(scope, ok).into());
}

fn is_ascii(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let ok = arg_bytes(&args, 0).map(|b| b.is_ascii()).unwrap_or(false);
    rv.set(v8::Boolean::new(scope, ok).into());
}

pub fn functions() -> Vec<OpFn> {
    vec![
        op("byteLength", byte_length),
        op("encode", encode),
        op("write", write),
        op("decode", decode),
        op("compare", compare),
        op("indexOf", index_of),
        op("isUtf8", is_utf8),
        op("isAscii", is_ascii),
    ]
}
