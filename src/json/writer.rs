//! Compact JSON output, the shortest exact form of a [`Value`].

use super::{Object, Value};
use alloc::string::String;

pub(super) fn write_value(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(number) => out.push_str(number.as_str()),
        Value::String(text) => write_string(text, out),
        Value::Array(items) => write_array(items, out, write_value),
        Value::Object(object) => write_object(object, out),
    }
}

/// Writes `items` as a JSON array, each item written by `write_item`.
pub(crate) fn write_array<T>(items: &[T], out: &mut String, write_item: impl Fn(&T, &mut String)) {
    out.push('[');
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        write_item(item, out);
    }
    out.push(']');
}

pub(super) fn write_object(object: &Object, out: &mut String) {
    out.push('{');
    for (index, (name, value)) in object.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        write_string(name, out);
        out.push(':');
        write_value(value, out);
    }
    out.push('}');
}

/// Writes `text` as a JSON string literal, escaping only what RFC 8259 requires.
pub(crate) fn write_string(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(text.len() + 2);
    out.push('"');
    // Runs between escaped bytes are copied whole; the escaped bytes are all
    // ASCII, so every run starts and ends on a character boundary.
    let mut rest = text;
    while let Some(index) = rest
        .bytes()
        .position(|byte| byte < 0x20 || byte == b'"' || byte == b'\\')
    {
        let (run, escaped) = rest.split_at_checked(index).unwrap_or((rest, ""));
        out.push_str(run);
        let Some(&byte) = escaped.as_bytes().first() else {
            break;
        };
        match byte {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0xf)]));
            }
        }
        rest = escaped.get(1..).unwrap_or_default();
    }
    out.push_str(rest);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::super::parse_object;
    use super::*;

    #[test]
    fn escapes_quotes_backslashes_and_control_characters() {
        let mut out = String::new();
        write_string("a\"b\\c\n\u{1}é", &mut out);
        assert_eq!(out, r#""a\"b\\c\n\u0001é""#);
    }

    #[test]
    fn round_trips_through_the_parser() {
        let text = r#"{"a":[1,-2.5e3,true,false,null],"b":{"c":"x\u0001\"y"},"d":"é"}"#;
        let object = parse_object(text.as_bytes()).expect("valid");
        let mut out = String::new();
        write_object(&object, &mut out);
        assert_eq!(out, text);
    }
}
