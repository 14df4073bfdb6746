//! Yew components for party-building forms: a renderer for any compiled spec,
//! purpose-built views for the standard forms, and the ways a portal embeds
//! them — `mount(element, options)` from JavaScript, or one tag,
//! `<dj-form form="branch-checklist">`.
//!
//! The components decide nothing themselves. Every edit runs the engine
//! (`Form::validate`) and the interface shows the report: messages beside each
//! field, the score, the grade, the quorum, the verdict. Drafts stay in the
//! browser's `localStorage`; the components make no network request.
//!
//! The compiled module re-exports the engine API of `dangjian-wasm`, so the npm
//! package's main entry offers the same `compile`, `forms` and `Form` as its
//! headless entry, plus `mount`, `mountCalendar` and `defineElements`. Built
//! with the feature `supervision` it is the module of the
//! `dangjian-forms/supervision` entry instead: the engine with `supervise` and
//! `mountSupervision` (`supervision/`), without `mount()`. Built with the
//! feature `settings` it is the module of the `dangjian-forms/settings` entry:
//! the full module plus the settings editor (`settings/`, `mountSettings`).
#![deny(missing_docs)]

// The supervision entry's module leaves out `mount()`: the form components it
// reaches are then dropped by the linker.
#[cfg(not(feature = "supervision"))]
pub mod api;
pub mod bridge;
pub mod components;
pub mod data;
pub mod draft;
pub mod embed;
pub mod export;
pub mod filehash;
pub mod hooks;
pub mod host;
pub mod i18n;
pub mod import;
pub mod normalize;
pub mod places;
pub mod print;
pub mod report_view;
// The settings editor: its own entry (`dangjian-forms/settings`), beside
// `mount()`; compiled for the host's unit tests too.
#[cfg(all(any(test, feature = "settings"), not(feature = "supervision")))]
pub mod settings;
pub mod state;
#[cfg(feature = "supervision")]
pub mod supervision;
pub mod tree;
pub mod views;

pub use dangjian_wasm::*;
