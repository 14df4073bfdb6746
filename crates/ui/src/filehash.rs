//! SHA-256 of a file the person picks, computed by the browser's Web Crypto.

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The SHA-256 of `file` as lowercase hex.
pub async fn sha256_hex(file: &web_sys::File) -> Result<String, JsValue> {
    let buffer = JsFuture::from(file.array_buffer()).await?;
    let window = web_sys::window().ok_or("no window")?;
    let subtle = window.crypto()?.subtle();
    let buffer: js_sys::ArrayBuffer = buffer.dyn_into()?;
    let digest =
        JsFuture::from(subtle.digest_with_str_and_buffer_source("SHA-256", &buffer)?).await?;
    let bytes = js_sys::Uint8Array::new(&digest).to_vec();
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
