//! Running the built `dangjian` binary the way a user's shell does: arguments,
//! text on standard input, and what comes back.

use std::ffi::OsStr;
use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `dangjian ARGS` with `stdin` as its standard input and returns its
/// standard output, standard error (both must be UTF-8) and exit code (-1 when
/// a signal ended it).
pub fn dangjian<S: AsRef<OsStr>>(args: &[S], stdin: &str) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dangjian"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The process may exit before reading its input (usage errors): ignore a broken pipe.
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin.as_bytes());
    }
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}
