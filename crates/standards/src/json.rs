//! Reading the embedded JSON tables into Rust types.
//!
//! Every typed read goes text → `serde_json::Value` (read by
//! `dangjian_core::json_text`) → type, through the one
//! deserializer of `&Value` the engine already carries for specs, so each
//! type's derived `Deserialize` is built for one deserializer only (in the
//! browser module every extra instantiation is code to download).

use serde::de::DeserializeOwned;

/// `text` read as a `T` (an error when it is not JSON or not a `T`).
pub(crate) fn read<T: DeserializeOwned>(
    text: &str,
) -> Result<T, dangjian_core::json_text::TextError> {
    dangjian_core::json_text::read(text)
}
