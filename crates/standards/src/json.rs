//! Reading the embedded JSON tables into Rust types.
//!
//! Every typed read goes text → [`Value`] → type, through the one
//! deserializer of `&Value` the engine already carries for specs, so each
//! type's derived `Deserialize` is built for one deserializer only (in the
//! browser module every extra instantiation is code to download).

use serde::de::DeserializeOwned;
use serde_json::Value;

/// `text` read as a `T` (an error when it is not JSON or not a `T`).
pub(crate) fn read<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    let value: Value = serde_json::from_str(text)?;
    T::deserialize(&value)
}
