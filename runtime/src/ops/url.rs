//! `internalBinding('url')`: WHATWG URL parsing and setters (the `url` crate implements the
//! URL Standard), and IDNA domain conversion; js/internal/url.js builds `URL` on it.

use crate::bindings::{op, set_val, str, OpFn, Scope};

fn components<'s>(scope: &mut Scope<'s, '_>, u: &url::Url) -> v8::Local<'s, v8::Value> {
    let obj = v8::Object::new(scope);
    let fields: [(&str, &str); 11] = [
        ("href", url::quirks::href(u)),
        ("origin", &url::quirks::origin(u)),
        ("protocol", url::quirks::protocol(u)),
        ("username", url::quirks::username(u)),
        ("password", url::quirks::password(u)),
        ("host", url::quirks::host(u)),
        ("hostname", url::quirks::hostname(u)),
        ("port", url::quirks::port(u)),
        ("pathname", url::quirks::pathname(u)),
        ("search", url::quirks::search(u)),
        ("hash", url::quirks::hash(u)),
    ];
    for (k, v) in fields {
        let v = str(scope, v).into();
        set_val(scope, obj, k, v);
    }
    obj.into()
}

fn parse_args(scope: &mut Scope, args: &v8::FunctionCallbackArguments) -> Option<url::Url> {
    let input = args.get(0).to_rust_string_lossy(scope);
    let base = args.get(1);
    if base.is_undefined() || base.is_null() {
        url::Url::parse(&input).ok()
    } else {
        let base = base.to_rust_string_lossy(scope);
        let base = url::Url::parse(&base).ok()?;
        base.join(&input).ok()
    }
}

fn parse(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    if let Some(u) = parse_args(scope, &args) {
        rv.set(components(scope, &u));
    }
}

fn can_parse(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let ok = parse_args(scope, &args).is_some();
    rv.set(v8::Boolean::new(scope, ok).into());
}

/// `setComponent(href, name, value)`: the URL setter's semantics; invalid values leave the
/// URL unchanged (as the standard says), so this always returns components for a valid href.
fn set_component(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let href = args.get(0).to_rust_string_lossy(scope);
    let name = args.get(1).to_rust_string_lossy(scope);
    let value = args.get(2).to_rust_string_lossy(scope);
    let Ok(mut u) = url::Url::parse(&href) else {
        return;
    };
    let _ = match name.as_str() {
        "href" => match url::Url::parse(&value) {
            Ok(n) => {
                u = n;
                Ok(())
            }
            Err(_) => return,
        },
        "protocol" => url::quirks::set_protocol(&mut u, &value),
        "username" => url::quirks::set_username(&mut u, &value),
        "password" => url::quirks::set_password(&mut u, &value),
        "host" => url::quirks::set_host(&mut u, &value),
        "hostname" => url::quirks::set_hostname(&mut u, &value),
        "port" => url::quirks::set_port(&mut u, &value),
        "pathname" => {
            url::quirks::set_pathname(&mut u, &value);
            Ok(())
        }
        "search" => {
            url::quirks::set_search(&mut u, &value);
            Ok(())
        }
        "hash" => {
            url::quirks::set_hash(&mut u, &value);
            Ok(())
        }
        _ => Ok(()),
    };
    rv.set(components(scope, &u));
}

fn domain_to_ascii(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let d = args.get(0).to_rust_string_lossy(scope);
    let out = match url::Url::parse(&format!("ws://{d}")) {
        Ok(u) => u.host_str().unwrap_or("").to_string(),
        Err(_) => String::new(),
    };
    rv.set(str(scope, &out).into());
}

fn domain_to_unicode(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let d = args.get(0).to_rust_string_lossy(scope);
    let out = match url::Url::parse(&format!("ws://{d}")) {
        Ok(u) => {
            let (s, r) = idna::domain_to_unicode(u.host_str().unwrap_or(""));
            if r.is_ok() {
                s
            } else {
                String::new()
            }
        }
        Err(_) => String::new(),
    };
    rv.set(str(scope, &out).into());
}

pub fn functions() -> Vec<OpFn> {
    vec![
        op("parse", parse),
        op("canParse", can_parse),
        op("setComponent", set_component),
        op("domainToASCII", domain_to_ascii),
        op("domainToUnicode", domain_to_unicode),
    ]
}
