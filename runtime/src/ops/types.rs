//! `internalBinding('types')`: the `util.types.is*` predicates V8 answers natively.

use crate::bindings::{op, OpFn, Scope};

macro_rules! predicates {
    ($($js:literal => $method:ident),* $(,)?) => {
        pub fn functions() -> Vec<OpFn> {
            vec![
                $(
                    op($js, |scope: &mut Scope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue<v8::Value>| {
                        let r = args.get(0).$method();
                        rv.set(v8::Boolean::new(scope, r).into());
                    }),
                )*
                op("isBoxedPrimitive", |scope: &mut Scope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue<v8::Value>| {
                    let v = args.get(0);
                    let r = v.is_number_object() || v.is_string_object() || v.is_boolean_object() || v.is_big_int_object() || v.is_symbol_object();
                    rv.set(v8::Boolean::new(scope, r).into());
                }),
                op("isAnyArrayBuffer", |scope: &mut Scope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue<v8::Value>| {
                    let v = args.get(0);
                    let r = v.is_array_buffer() || v.is_shared_array_buffer();
                    rv.set(v8::Boolean::new(scope, r).into());
                }),
            ]
        }
    };
}

predicates! {
    "isExternal" => is_external,
    "isDate" => is_date,
    "isArgumentsObject" => is_arguments_object,
    "isBigIntObject" => is_big_int_object,
    "isBooleanObject" => is_boolean_object,
    "isNumberObject" => is_number_object,
    "isStringObject" => is_string_object,
    "isSymbolObject" => is_symbol_object,
    "isNativeError" => is_native_error,
    "isRegExp" => is_reg_exp,
    "isAsyncFunction" => is_async_function,
    "isGeneratorFunction" => is_generator_function,
    "isGeneratorObject" => is_generator_object,
    "isPromise" => is_promise,
    "isMap" => is_map,
    "isSet" => is_set,
    "isMapIterator" => is_map_iterator,
    "isSetIterator" => is_set_iterator,
    "isWeakMap" => is_weak_map,
    "isWeakSet" => is_weak_set,
    "isArrayBuffer" => is_array_buffer,
    "isDataView" => is_data_view,
    "isSharedArrayBuffer" => is_shared_array_buffer,
    "isProxy" => is_proxy,
    "isModuleNamespaceObject" => is_module_namespace_object,
    "isArrayBufferView" => is_array_buffer_view,
    "isTypedArray" => is_typed_array,
    "isUint8Array" => is_uint8_array,
    "isUint8ClampedArray" => is_uint8_clamped_array,
    "isUint16Array" => is_uint16_array,
    "isUint32Array" => is_uint32_array,
    "isInt8Array" => is_int8_array,
    "isInt16Array" => is_int16_array,
    "isInt32Array" => is_int32_array,
    "isFloat32Array" => is_float32_array,
    "isFloat64Array" => is_float64_array,
    "isBigInt64Array" => is_big_int64_array,
    "isBigUint64Array" => is_big_uint64_array,
}
