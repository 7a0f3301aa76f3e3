//! Reading the Wycheproof vector files in `tests/vectors/` (JSON, hex
//! strings).

use serde_json::Value;

/// The vector file `tests/vectors/{name}`, parsed.
pub fn load(name: &str) -> Value {
    let path = format!("{}/tests/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("the vector file is readable");
    serde_json::from_str(&text).expect("the vector file is JSON")
}

/// The bytes of a hex string.
pub fn hex(text: &str) -> Vec<u8> {
    assert!(text.len().is_multiple_of(2), "odd-length hex: {text}");
    text.as_bytes()
        .chunks(2)
        .map(|pair| {
            let digits = core::str::from_utf8(pair).expect("hex is ASCII");
            u8::from_str_radix(digits, 16).expect("valid hex digits")
        })
        .collect()
}

/// The member `name` of a JSON object, which must be there.
pub fn field<'a>(value: &'a Value, name: &str) -> &'a Value {
    value
        .get(name)
        .unwrap_or_else(|| panic!("missing field {name:?}"))
}

/// The string member `name` of a JSON object.
pub fn text<'a>(value: &'a Value, name: &str) -> &'a str {
    field(value, name)
        .as_str()
        .unwrap_or_else(|| panic!("field {name:?} is not a string"))
}
