//! `<dj-supervision>` / `mountSupervision`: a town's or county's view of many
//! branches' records (一月一调度、一季度一检查), drawn from the engine's
//! supervision report (`docs/supervision.md`).
//!
//! The component decides nothing: the figures, the ranking and the reasons a
//! branch needs attention are the report's. The records are read and
//! supervised by the host's `run` function — the package's runs it in a Web
//! Worker, so a thousand branches' year never blocks the page — which hands
//! back the report as JSON text; the component reads it into the typed
//! [`SupervisionReport`](dangjian_standards::supervision::SupervisionReport)
//! and draws it: the branch table (sorted, filtered, paged), the heat map of
//! months, the score and stars charts, the overdue items, one branch in
//! detail, the CSV and JSON exports and the printed 月度调度表 and 季度检查表.
//!
//! One file a part: `app.rs` (state and messages), `table.rs`, `heatmap.rs`,
//! `charts.rs`, `overdue.rs`, `detail.rs`, `sheets.rs` (print), `rows.rs`
//! (filter and sort), `text.rs` (the interface's words in both languages),
//! `api.rs` (the JavaScript API).

pub mod api;
mod app;
mod charts;
mod detail;
mod heatmap;
mod overdue;
mod rows;
mod sheets;
mod table;
mod text;
