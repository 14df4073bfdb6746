//! Standard output. A reader that stops early — `dangjian validate … | head` —
//! closes the pipe; writing then fails with `BrokenPipe`, which ends the
//! command quietly (exit 0) instead of a panic.

use crate::Failure;
use std::io::Write;

/// Writes `text` to standard output.
pub fn print(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| written(&e))
}

/// Writes `text` and a newline to standard output.
pub fn println(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush())
        .map_err(|e| written(&e))
}

/// The failure for an error while writing output: a closed pipe is the normal end.
pub fn written(e: &std::io::Error) -> Failure {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Failure::closed()
    } else {
        Failure::new("io", format!("cannot write the output: {e}"))
    }
}

/// `print!` to standard output, returning early with the failure.
macro_rules! out {
    ($($arg:tt)*) => { crate::output::print(&format!($($arg)*))? };
}

/// `println!` to standard output, returning early with the failure.
macro_rules! outln {
    ($($arg:tt)*) => { crate::output::println(&format!($($arg)*))? };
}
