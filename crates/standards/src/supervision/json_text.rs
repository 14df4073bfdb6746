//! Records given as JSON text, read as the command line reads files: one
//! record (an NDJSON line), or a `.json` file holding a record or a list of
//! records. Text that is not JSON is counted as unreadable with where it
//! fails. The CLI and the browser's supervision entry both read this way, so
//! the same files give the same report.

use super::Supervisor;
use dangjian_core::json_text::TextError;
use serde_json::Value;

/// Why `e` is not JSON, in the words every reader uses.
pub fn json_error(e: &TextError) -> String {
    format!("invalid JSON at line {}, column {}: {e}", e.line, e.column)
}

impl Supervisor {
    /// Counts the record whose JSON text is `text` (an NDJSON line), named `source`.
    pub fn add_json(&mut self, text: &str, source: &str) {
        match dangjian_core::json_text::from_str(text) {
            Ok(record) => self.add(&record, source),
            Err(e) => self.unreadable(source, &json_error(&e)),
        }
    }

    /// Counts the records of a `.json` file named `path`: a list of records
    /// (each `path#n`, from 1) or one record (`path`).
    pub fn add_json_file(&mut self, text: &str, path: &str) {
        match dangjian_core::json_text::from_str(text) {
            Ok(Value::Array(list)) => {
                for (i, r) in list.iter().enumerate() {
                    self.add(r, &format!("{path}#{}", i + 1));
                }
            }
            Ok(record) => self.add(&record, path),
            Err(e) => self.unreadable(path, &json_error(&e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::SupervisionOptions;
    use super::*;

    #[test]
    fn text_that_is_not_json_is_unreadable_with_where_it_fails() {
        let mut run = Supervisor::new(&SupervisionOptions::as_of("2026-03-31"));
        run.add_json("{\"meeting\": ", "a.ndjson:3");
        run.add_json_file("[{\"x\": 1}, {\"y\": 2}]", "b.json");
        let report = run.finish();
        assert_eq!(report.counts.records, 3);
        assert_eq!(report.counts.unreadable, 1);
        assert_eq!(report.counts.unrecognised, 2);
        let issue = &report.issues[0];
        assert_eq!(issue.code, "supervision.unreadable");
        assert!(issue.message.contains("a.ndjson:3"), "{}", issue.message);
    }
}
