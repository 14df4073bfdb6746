//! The settings editor, `<dj-settings form="…">` / `mountSettings()`: a spec's
//! settings as a form (`model`), the effect of new values on the form's example
//! records (`preview`), the component (`editor`) and its JavaScript API (`mount`).

pub mod editor;
pub mod model;
pub mod mount;
pub mod preview;
