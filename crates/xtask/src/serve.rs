//! A small static file server for the demo and the browser tests: GET and HEAD
//! only, 127.0.0.1 only, correct MIME types (incl. `application/wasm`) and a
//! strict Content Security Policy, so the pages prove they need no `eval`.
//!
//! It serves as a portal should: a file with a gzip copy beside it (`x.wasm.gz`,
//! made by [`precompress`]) goes out compressed to browsers that accept gzip,
//! and every response carries an `ETag` (a hash of what is sent) with
//! `Cache-Control: no-cache`, so a browser keeps the files and asks only
//! whether they changed (`304 Not Modified` when not). `docs/ui.md` gives the
//! nginx and IIS lines that do the same.

use anyhow::{bail, Context, Result};
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// The policy every response carries: scripts only from this origin, and
/// WebAssembly compilation allowed — nothing else that evaluates code.
pub const CSP: &str = "script-src 'self' 'wasm-unsafe-eval'";

/// `cargo xtask serve DIR [--port N]`.
pub fn main(args: &[String]) -> Result<()> {
    let dir = match args.first() {
        Some(d) if !d.starts_with("--") => PathBuf::from(d),
        _ => bail!("usage: cargo xtask serve DIR [--port N]"),
    };
    let port = port_arg(args)?;
    let dir = dir
        .canonicalize()
        .with_context(|| format!("no folder {}", dir.display()))?;
    serve_forever(vec![("/".to_owned(), dir)], port)
}

/// The `--port N` argument (default 8080).
pub fn port_arg(args: &[String]) -> Result<u16> {
    match crate::flag_value(args, "--port") {
        Some(p) => p
            .parse()
            .with_context(|| format!("--port {p} is not a port number")),
        None => Ok(8080),
    }
}

/// Serves `mounts` (URL prefix → folder) until the process is stopped, on
/// `port` or, when taken, the next free one.
pub fn serve_forever(mounts: Vec<(String, PathBuf)>, port: u16) -> Result<()> {
    let listener = bind(port)?;
    let addr = listener.local_addr()?;
    println!("serving on http://{addr}/  (Ctrl-C to stop)");
    for (prefix, dir) in &mounts {
        println!("  {prefix} → {}", dir.display());
    }
    accept(listener, Arc::new(mounts));
    Ok(())
}

/// Starts serving `mounts` on a free port in a background thread; returns the address.
pub fn spawn(mounts: Vec<(String, PathBuf)>) -> Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    let mounts = Arc::new(mounts);
    std::thread::spawn(move || accept(listener, mounts));
    Ok(addr)
}

/// Listens on 127.0.0.1:`port`, or the next free port among the following ten.
fn bind(port: u16) -> Result<TcpListener> {
    let mut last = None;
    for candidate in port..port.saturating_add(10) {
        match TcpListener::bind(("127.0.0.1", candidate)) {
            Ok(listener) => return Ok(listener),
            Err(e) => last = Some(e),
        }
    }
    Err(last.map_or_else(|| anyhow::anyhow!("no port"), anyhow::Error::from))
        .with_context(|| format!("cannot listen on 127.0.0.1:{port} or the next ports"))
}

fn accept(listener: TcpListener, mounts: Arc<Vec<(String, PathBuf)>>) {
    for stream in listener.incoming().flatten() {
        let mounts = Arc::clone(&mounts);
        std::thread::spawn(move || {
            if let Err(e) = respond(stream, &mounts) {
                eprintln!("serve: {e:#}");
            }
        });
    }
}

/// The request headers a response depends on.
#[derive(Debug, Default)]
struct Wants {
    /// `Accept-Encoding` names gzip.
    gzip: bool,
    /// `If-None-Match`, as sent.
    if_none_match: Option<String>,
}

/// Answers one request.
fn respond(stream: TcpStream, mounts: &[(String, PathBuf)]) -> Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut wants = Wants::default();
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        if let Some((name, value)) = line.split_once(':') {
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "accept-encoding" => {
                    wants.gzip = value
                        .split(',')
                        .any(|e| e.trim().split(';').next() == Some("gzip"));
                }
                "if-none-match" => wants.if_none_match = Some(value.to_owned()),
                _ => {}
            }
        }
        line.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let mut out = stream;
    if method != "GET" && method != "HEAD" {
        return send(
            &mut out,
            405,
            "text/plain; charset=utf-8",
            b"only GET and HEAD\n",
            true,
        );
    }
    match resolve(mounts, target) {
        Some(file) => {
            let gz = gzip_copy(&file).filter(|_| wants.gzip);
            match std::fs::read(gz.as_ref().unwrap_or(&file)) {
                Ok(body) => {
                    let tag = etag(&body, gz.is_some());
                    let file_headers = FileHeaders {
                        etag: &tag,
                        gzip: gz.is_some(),
                    };
                    if wants
                        .if_none_match
                        .as_deref()
                        .is_some_and(|sent| sent.split(',').any(|t| t.trim() == tag))
                    {
                        return send_full(
                            &mut out,
                            304,
                            mime(&file),
                            &[],
                            false,
                            Some(file_headers),
                        );
                    }
                    send_full(
                        &mut out,
                        200,
                        mime(&file),
                        &body,
                        method == "GET",
                        Some(file_headers),
                    )
                }
                Err(_) => send(
                    &mut out,
                    404,
                    "text/plain; charset=utf-8",
                    b"not found\n",
                    true,
                ),
            }
        }
        None => send(
            &mut out,
            404,
            "text/plain; charset=utf-8",
            b"not found\n",
            true,
        ),
    }
}

/// The headers of a file's response: its tag, and whether the body is gzip.
struct FileHeaders<'a> {
    etag: &'a str,
    gzip: bool,
}

fn send(
    out: &mut TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    with_body: bool,
) -> Result<()> {
    send_full(out, status, content_type, body, with_body, None)
}

fn send_full(
    out: &mut TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    with_body: bool,
    file: Option<FileHeaders<'_>>,
) -> Result<()> {
    let reason = match status {
        200 => "OK",
        304 => "Not Modified",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    let mut extra = String::new();
    if let Some(f) = file {
        extra.push_str(&format!("ETag: {}\r\nVary: Accept-Encoding\r\n", f.etag));
        if f.gzip {
            extra.push_str("Content-Encoding: gzip\r\n");
        }
    }
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Content-Security-Policy: {CSP}\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-cache\r\n\
         {extra}Connection: close\r\n\r\n",
        body.len()
    );
    out.write_all(head.as_bytes())?;
    if with_body {
        out.write_all(body)?;
    }
    out.flush()?;
    Ok(())
}

/// The gzip copy made for `file` by [`precompress`], if there is one.
fn gzip_copy(file: &Path) -> Option<PathBuf> {
    let mut name = file.file_name()?.to_os_string();
    name.push(".gz");
    let gz = file.with_file_name(name);
    gz.is_file().then_some(gz)
}

/// A strong tag of what is sent: a hash of the bytes (the gzip copy tagged apart).
fn etag(body: &[u8], gzip: bool) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in body {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("\"{h:016x}{}\"", if gzip { "-gz" } else { "" })
}

/// Extensions worth compressing: text and WebAssembly.
const COMPRESSED: &[&str] = &[
    "wasm", "js", "mjs", "css", "html", "json", "svg", "map", "txt",
];

/// Writes a `gzip -9` copy beside every text and WebAssembly file under `dir`
/// (`x.wasm` → `x.wasm.gz`), the way a portal's build would, so the server can
/// send them compressed. Needs the `gzip` program; without it nothing is done.
pub fn precompress(dir: &Path) -> Result<()> {
    if crate::sh::which("gzip").is_none() {
        println!("note: no gzip program: the site is served uncompressed");
        return Ok(());
    }
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    for file in files {
        let status = std::process::Command::new("gzip")
            .args(["-9", "-n", "-k", "-f"])
            .arg(&file)
            .status()
            .with_context(|| format!("cannot run gzip on {}", file.display()))?;
        if !status.success() {
            bail!("gzip failed on {}", file.display());
        }
    }
    Ok(())
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSED.contains(&e))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// The file a request target names: the longest matching mount, percent-decoded,
/// no `..`, folders to their `index.html`. `None` for anything outside the mounts.
pub fn resolve(mounts: &[(String, PathBuf)], target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let path = percent_decode(path)?;
    let (prefix, dir) = mounts
        .iter()
        .filter(|(prefix, _)| {
            path.starts_with(prefix.as_str()) || path == prefix.trim_end_matches('/')
        })
        .max_by_key(|(prefix, _)| prefix.len())?;
    let rest = path.get(prefix.trim_end_matches('/').len()..).unwrap_or("");
    let relative = Path::new(rest.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut file = dir.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

/// `%XX` escapes decoded; `None` for malformed escapes or invalid UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The Content-Type of a file, by extension.
pub fn mime(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" | "md" => "text/plain; charset=utf-8",
        "ts" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// A small site in a folder of its own: tests run in parallel, and one
    /// test rewriting another's files mid-request would make them flaky.
    fn site(test: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{}-{test}", std::process::id()));
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
        std::fs::write(dir.join("pkg/m_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
        dir
    }

    #[test]
    fn wasm_is_served_as_application_wasm() {
        assert_eq!(mime(Path::new("a/dangjian_bg.wasm")), "application/wasm");
        assert_eq!(
            mime(Path::new("index.js")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(mime(Path::new("x.unknown")), "application/octet-stream");
    }

    #[test]
    fn paths_stay_inside_the_mounts() {
        let dir = site("paths");
        let mounts = vec![("/".to_owned(), dir.clone())];
        assert_eq!(resolve(&mounts, "/"), Some(dir.join("index.html")));
        assert_eq!(
            resolve(&mounts, "/pkg/m_bg.wasm?v=1"),
            Some(dir.join("pkg/m_bg.wasm"))
        );
        assert_eq!(resolve(&mounts, "/../etc/passwd"), None);
        assert_eq!(resolve(&mounts, "/pkg/%2e%2e/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve(&mounts, "/missing.js"), None);
        assert_eq!(resolve(&mounts, "/bad%zz"), None);
    }

    #[test]
    fn the_longest_mount_wins() {
        let dir = site("longest");
        let mounts = vec![
            ("/".to_owned(), PathBuf::from("/nonexistent")),
            ("/pkg/".to_owned(), dir.join("pkg")),
        ];
        assert_eq!(
            resolve(&mounts, "/pkg/m_bg.wasm"),
            Some(dir.join("pkg/m_bg.wasm"))
        );
        assert_eq!(resolve(&mounts, "/index.html"), None);
    }

    /// Sends `request` to `addr` and returns the whole response.
    fn ask(addr: SocketAddr, request: &str) -> Vec<u8> {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        response
    }

    #[test]
    fn compressed_copies_go_to_browsers_that_take_gzip_and_tags_answer_304() {
        let dir = site("gzip");
        std::fs::write(dir.join("pkg/app.js"), "export const x = 1;\n".repeat(50)).unwrap();
        precompress(&dir).unwrap();
        assert!(dir.join("pkg/app.js.gz").is_file());
        assert!(dir.join("pkg/m_bg.wasm.gz").is_file());
        let addr = spawn(vec![("/".to_owned(), dir.clone())]).unwrap();
        let plain = ask(addr, "GET /pkg/app.js HTTP/1.1\r\nHost: x\r\n\r\n");
        let text = String::from_utf8_lossy(&plain);
        assert!(!text.contains("Content-Encoding"), "{text}");
        assert!(text.contains("ETag: \""), "{text}");
        let zipped = ask(
            addr,
            "GET /pkg/app.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br, gzip;q=1.0\r\n\r\n",
        );
        let head = String::from_utf8_lossy(&zipped);
        assert!(head.contains("Content-Encoding: gzip\r\n"), "{head}");
        assert!(head.contains("Vary: Accept-Encoding\r\n"));
        let gz = std::fs::read(dir.join("pkg/app.js.gz")).unwrap();
        assert!(zipped.ends_with(&gz));
        // The tag sent back: nothing to send again.
        let tag = head
            .lines()
            .find_map(|l| l.strip_prefix("ETag: "))
            .unwrap()
            .to_owned();
        let again = ask(
            addr,
            &format!(
                "GET /pkg/app.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nIf-None-Match: {tag}\r\n\r\n"
            ),
        );
        let again = String::from_utf8_lossy(&again);
        assert!(
            again.starts_with("HTTP/1.1 304 Not Modified\r\n"),
            "{again}"
        );
        assert!(again.ends_with("\r\n\r\n"), "no body: {again}");
        // The uncompressed file has another tag.
        let other = ask(
            addr,
            &format!("GET /pkg/app.js HTTP/1.1\r\nHost: x\r\nIf-None-Match: {tag}\r\n\r\n"),
        );
        assert!(String::from_utf8_lossy(&other).starts_with("HTTP/1.1 200 OK"));
    }

    #[test]
    fn responses_carry_type_and_policy() {
        let addr = spawn(vec![("/".to_owned(), site("responses"))]).unwrap();
        let mut stream = TcpStream::connect(addr).unwrap();
        stream
            .write_all(b"GET /pkg/m_bg.wasm HTTP/1.1\r\nHost: x\r\n\r\n")
            .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let text = String::from_utf8_lossy(&response);
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
        assert!(text.contains("Content-Type: application/wasm\r\n"));
        assert!(text.contains("Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'\r\n"));
        assert!(text.ends_with("\0asm\x01\0\0\0"));
    }
}
