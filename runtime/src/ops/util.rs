//! `internalBinding('util')`: what `util.inspect` cannot see from JS (promise state, proxy
//! internals, iterator and weak collection entries, non-index keys, constructor names).

use crate::bindings::{num, op, str, OpFn, Scope};

fn get_promise_details(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(p) = v8::Local::<v8::Promise>::try_from(args.get(0)) else {
        return;
    };
    let state = match p.state() {
        v8::PromiseState::Pending => 0.0,
        v8::PromiseState::Fulfilled => 1.0,
        v8::PromiseState::Rejected => 2.0,
    };
    let s = num(scope, state);
    if state == 0.0 {
        rv.set(v8::Array::new_with_elements(scope, &[s]).into());
    } else {
        let r = p.result(scope);
        rv.set(v8::Array::new_with_elements(scope, &[s, r]).into());
    }
}

fn get_proxy_details(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(p) = v8::Local::<v8::Proxy>::try_from(args.get(0)) else {
        return;
    };
    let target = p.get_target(scope);
    let full = args.length() < 2 || args.get(1).boolean_value(scope);
    if full {
        let handler = p.get_handler(scope);
        rv.set(v8::Array::new_with_elements(scope, &[target, handler]).into());
    } else {
        rv.set(target);
    }
}

fn preview_entries(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(obj) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        return;
    };
    let (entries, is_kv) = obj.preview_entries(scope);
    let Some(entries) = entries else { return };
    if args.length() < 2 || !args.get(1).boolean_value(scope) {
        rv.set(entries.into());
        return;
    }
    let kv = v8::Boolean::new(scope, is_kv).into();
    rv.set(v8::Array::new_with_elements(scope, &[entries.into(), kv]).into());
}

/// `getOwnNonIndexProperties(obj, onlyEnumerable)`: own string and symbol keys except indices.
fn get_own_non_index_properties(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(obj) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        return;
    };
    let only_enum = args.get(1).boolean_value(scope) || args.get(1).int32_value(scope) == Some(2);
    let filter = if only_enum {
        v8::PropertyFilter::ONLY_ENUMERABLE
    } else {
        v8::PropertyFilter::ALL_PROPERTIES
    };
    let names = obj.get_own_property_names(
        scope,
        v8::GetPropertyNamesArgs {
            mode: v8::KeyCollectionMode::OwnOnly,
            property_filter: filter,
            index_filter: v8::IndexFilter::SkipIndices,
            key_conversion: v8::KeyConversionMode::ConvertToString,
        },
    );
    let Some(names) = names else { return };
    // Drop array-index keys (canonical numeric strings below 2^32 - 1).
    let mut kept = Vec::with_capacity(names.length() as usize);
    for i in 0..names.length() {
        let Some(k) = names.get_index(scope, i) else {
            continue;
        };
        if k.is_string() {
            let s = k.to_rust_string_lossy(scope);
            let is_index = !s.is_empty()
                && s.bytes().all(|b| b.is_ascii_digit())
                && (s == "0" || !s.starts_with('0'))
                && s.parse::<u64>().is_ok_and(|n| n < 4_294_967_295);
            if is_index {
                continue;
            }
        }
        kept.push(k);
    }
    rv.set(v8::Array::new_with_elements(scope, &kept).into());
}

fn get_constructor_name(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(obj) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        return;
    };
    let name = obj.get_constructor_name();
    let s = name.to_rust_string_lossy(scope);
    rv.set(str(scope, &s).into());
}

fn get_external_value(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(ext) = v8::Local::<v8::External>::try_from(args.get(0)) else {
        return;
    };
    let addr = ext.value() as usize as u64;
    rv.set(v8::BigInt::new_from_u64(scope, addr).into());
}

pub fn functions() -> Vec<OpFn> {
    vec![
        op("getPromiseDetails", get_promise_details),
        op("getProxyDetails", get_proxy_details),
        op("previewEntries", preview_entries),
        op("getOwnNonIndexProperties", get_own_non_index_properties),
        op("getConstructorName", get_constructor_name),
        op("getExternalValue", get_external_value),
    ]
}
