//! Memory that validations in a row reuse: a host that keeps a [`Form`] for a
//! long time (the npm package's `Form`, a server) validates every record in
//! one [`Workspace`], so the memory a record takes is freed when the next one
//! starts, and given back after an unusually large one.

use crate::data::JsonError;
use crate::form::{Form, ValidateOptions};
use crate::report::Report;
use bumpalo::Bump;

/// Above this many bytes the workspace gives its memory back after a record
/// instead of keeping it for the next one (records are usually a few KB).
const KEEP_BYTES: usize = 4 * 1024 * 1024;

/// Memory for validating records one after another; see [`Form::validate_json_in`].
#[derive(Default)]
pub struct Workspace {
    arena: Bump,
}

impl Workspace {
    /// An empty workspace.
    pub fn new() -> Workspace {
        Workspace::default()
    }

    /// Bytes the workspace holds now.
    pub fn allocated_bytes(&self) -> usize {
        self.arena.allocated_bytes()
    }

    /// Frees what the last record took; gives the memory back when it was large.
    fn reset(&mut self) {
        if self.arena.allocated_bytes() > KEEP_BYTES {
            self.arena = Bump::new();
        } else {
            self.arena.reset();
        }
    }
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace")
            .field("allocated_bytes", &self.allocated_bytes())
            .finish()
    }
}

impl Form {
    /// [`Form::validate_json`] in `workspace`: the previous record's memory is
    /// reused (or, after a large record, given back) before this one is read.
    pub fn validate_json_in(
        &self,
        workspace: &mut Workspace,
        text: &str,
        options: &ValidateOptions,
    ) -> Result<Report, JsonError> {
        workspace.reset();
        let result = crate::validate::validate_json(self, text, &workspace.arena, options);
        if workspace.allocated_bytes() > KEEP_BYTES {
            workspace.arena = Bump::new();
        }
        result
    }

    /// [`Form::validate`] in `workspace`: a record already read into a JSON
    /// value (a caller that reads its fields too), with the memory of the
    /// previous record reused as [`Form::validate_json_in`] reuses it.
    pub fn validate_in(
        &self,
        workspace: &mut Workspace,
        data: &serde_json::Value,
        options: &ValidateOptions,
    ) -> Report {
        workspace.reset();
        let report = crate::validate::validate(self, data, &workspace.arena, options);
        if workspace.allocated_bytes() > KEEP_BYTES {
            workspace.arena = Bump::new();
        }
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_workspace_keeps_small_records_memory_and_returns_large_ones() {
        let spec = json!({"id": "w", "version": "1", "title": "W",
            "sections": [{"id": "s", "items": [{"id": "name", "type": "text"}]}]});
        let Ok(form) = crate::Engine::new().compile(&spec) else {
            panic!("spec")
        };
        let options = ValidateOptions::default();
        let mut ws = Workspace::new();
        let small = r#"{"s": {"name": "张三"}}"#;
        for _ in 0..2 {
            assert!(form.validate_json_in(&mut ws, small, &options).is_ok());
        }
        let kept = ws.allocated_bytes();
        assert!(kept <= KEEP_BYTES);
        let value = json!({"s": {"name": "张三"}});
        assert_eq!(
            form.validate_in(&mut ws, &value, &options),
            form.validate(&value, &options),
            "a value validates in a workspace as it does alone"
        );
        for _ in 0..100 {
            assert!(form.validate_json_in(&mut ws, small, &options).is_ok());
        }
        assert_eq!(
            ws.allocated_bytes(),
            kept,
            "the same memory serves every record"
        );
        let large = format!(
            r#"{{"s": {{}}, "extra": [{}]}}"#,
            vec!["[0]"; 200_000].join(",")
        );
        assert!(form.validate_json_in(&mut ws, &large, &options).is_ok());
        assert!(
            ws.allocated_bytes() <= KEEP_BYTES,
            "a large record's memory is given back"
        );
    }
}
