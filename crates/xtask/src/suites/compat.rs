//! The compatibility lint (`tests/compat`): the CSS and JavaScript the package
//! ships to browsers, checked against the supported browsers (README
//! "Browsers"; the browserslist of `tests/compat/package.json`) by
//! stylelint-no-unsupported-browser-features and eslint-plugin-compat,
//! installed by npm here. Needs no build.

use crate::paths;
use crate::setup;
use crate::sh::{cmd, run};
use crate::test::{Ctx, Step};
use anyhow::Result;

/// The compat step.
pub fn steps() -> Vec<Step> {
    vec![Step {
        name: "compat",
        about: "tests/compat: the shipped CSS and JS against the supported browsers (stylelint, eslint-plugin-compat)",
        run: compat,
    }]
}

fn compat(_: &mut Ctx) -> Result<()> {
    let dir = paths::root().join("tests/compat");
    setup::npm_ci(&dir)?;
    run(cmd("npm", &dir).args(["test", "--silent"]))
}
