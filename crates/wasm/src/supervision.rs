//! `supervise`: many branches' records summed up as of a date. Built only with
//! the feature `supervision` (the Node module and the browser's
//! `dangjian-forms/supervision` entry), so the headless and full browser
//! modules do not carry it.

use crate::convert::{from_js, to_js_via_json};
use crate::domain::needs_form;
use crate::error::{js_error, Code};
use crate::options::{is_date, Options};
use dangjian_standards::supervision::{self, SupervisionOptions};
use serde_json::Value;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// Many branches' records (bare, or `{ form?, source?, data }`) summed up as
/// of a date: each branch's figures, the ranking, who needs attention and why,
/// overdue rectification items, distributions and the totals of each month and
/// quarter. `options`: `{ as_of, today?, year? | from?, to?, locale?,
/// attention?, form_settings?, requirements?, minutes_check? }`. The specs of
/// every supervised form must be in the module (`form_not_loaded` names the
/// first that is not). Only in modules built with the `supervision` feature.
#[wasm_bindgen(js_name = "supervise")]
pub fn supervise(records: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let list = crate::domain::records(&records, "supervise", "records")?;
    let options = supervision_options(&options, "supervise")?;
    to_js_via_json(&supervision::supervise(&list, &options))
}

/// The options of a supervision, checked; and every supervised form's spec at hand.
fn supervision_options(options: &JsValue, function: &str) -> Result<SupervisionOptions, JsValue> {
    let Some(object) = Options::read(options)?.value() else {
        return Err(js_error(
            Code::BadOptions,
            &format!(
                "{function} needs options with the as-of date, like {{ as_of: \"2026-10-31\" }}"
            ),
        ));
    };
    let json = from_js(object, "the options")?;
    match json.get("as_of").and_then(Value::as_str) {
        Some(d) if is_date(d) => {}
        other => {
            return Err(js_error(
                Code::BadOptions,
                &format!(
                    "{function}: options.as_of must be a date \"YYYY-MM-DD\", got {}",
                    other.map_or_else(|| "nothing".to_owned(), |d| format!("“{d}”"))
                ),
            ))
        }
    }
    let options = <SupervisionOptions as serde::Deserialize>::deserialize(&json).map_err(|e| {
        js_error(
            Code::BadOptions,
            &format!("{function}: the options are not understood: {e}"),
        )
    })?;
    for id in supervision::forms() {
        needs_form(id)?;
    }
    Ok(options)
}

/// Largest JSON text one call reads (a record, or a `.json` file of records),
/// in bytes: a larger one is counted as unreadable, not parsed.
const MAX_TEXT_BYTES: usize = 256 * 1024 * 1024;

/// A supervision fed one record or file at a time, as JSON text — the way a
/// page reads many files without holding them all: memory keeps each
/// branch's figures, not the records. `new Supervision(options)`, then
/// `addJson(text, source)` per record and `addJsonFile(text, path)` per
/// `.json` file (a record or a list: `path#n`), then `finish()`, which gives
/// the report as JSON text (the report `supervise` gives for the same
/// records). Text that is not JSON is counted as unreadable, as the command
/// line counts it.
#[wasm_bindgen]
pub struct Supervision {
    run: Option<supervision::Supervisor>,
}

#[wasm_bindgen]
impl Supervision {
    /// A run with `options` (as `supervise` takes them).
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<Supervision, JsValue> {
        let options = supervision_options(&options, "new Supervision")?;
        Ok(Supervision {
            run: Some(supervision::Supervisor::new(&options)),
        })
    }

    fn run(&mut self) -> Result<&mut supervision::Supervisor, JsValue> {
        self.run.as_mut().ok_or_else(|| {
            js_error(
                Code::BadArgument,
                "this Supervision has finished: make a new one",
            )
        })
    }

    /// Makes this run check only shard `index` of `count` of the branches
    /// (before its first record): every worker of a page is given every
    /// record and one shard, and `mergeShards` of their reports is the report
    /// of one run over all of them.
    #[wasm_bindgen(js_name = setShard)]
    pub fn set_shard(&mut self, index: u32, count: u32) -> Result<(), JsValue> {
        let Some(shard) = supervision::Shard::new(index, count) else {
            return Err(js_error(
                Code::BadArgument,
                &format!("setShard: shard {index} of {count} does not exist"),
            ));
        };
        let run = self.run.take().map(|r| r.with_shard(shard));
        self.run = run;
        self.run().map(|_| ())
    }

    /// Counts one record given as JSON text, named `source`.
    #[wasm_bindgen(js_name = addJson)]
    pub fn add_json(&mut self, text: &str, source: &str) -> Result<(), JsValue> {
        let run = self.run()?;
        if text.len() > MAX_TEXT_BYTES {
            run.unreadable(source, "the record is larger than 256 MiB");
        } else {
            run.add_json(text, source);
        }
        Ok(())
    }

    /// Counts the records of a `.json` file's text (a record, or a list of records).
    #[wasm_bindgen(js_name = addJsonFile)]
    pub fn add_json_file(&mut self, text: &str, path: &str) -> Result<(), JsValue> {
        let run = self.run()?;
        if text.len() > MAX_TEXT_BYTES {
            run.unreadable(path, "the file is larger than 256 MiB");
        } else {
            run.add_json_file(text, path);
        }
        Ok(())
    }

    /// Ends the run: the report as JSON text.
    pub fn finish(&mut self) -> Result<String, JsValue> {
        let run = self
            .run
            .take()
            .ok_or_else(|| js_error(Code::BadArgument, "this Supervision has finished already"))?;
        dangjian_core::json_writer::to_string(&run.finish()).map_err(|e| {
            js_error(
                Code::BadArgument,
                &format!("the report could not be written: {e}"),
            )
        })
    }
}

/// The report of one run over all the records from the reports (JSON text)
/// of its shards, each from a `Supervision` given its `setShard`: the same
/// report, byte for byte, as JSON text.
#[wasm_bindgen(js_name = mergeShards)]
pub fn merge_shards(texts: Vec<String>) -> Result<String, JsValue> {
    let mut reports = Vec::with_capacity(texts.len());
    for (i, text) in texts.iter().enumerate() {
        let report = dangjian_core::json_text::read(text).map_err(|e| {
            js_error(
                Code::BadArgument,
                &format!("mergeShards: shard {i} is not a supervision report: {e}"),
            )
        })?;
        reports.push(report);
    }
    let merged = supervision::merge_shards(reports)
        .map_err(|e| js_error(Code::BadArgument, &format!("mergeShards: {e}")))?;
    dangjian_core::json_writer::to_string(&merged).map_err(|e| {
        js_error(
            Code::BadArgument,
            &format!("the report could not be written: {e}"),
        )
    })
}
