// The compatibility lint of what the package ships to browsers, against the
// supported browsers (README "Browsers"; the browserslist in package.json):
// the components' style sheets and the placeholder's CSS through stylelint and
// stylelint-no-unsupported-browser-features, the package's JavaScript through
// ESLint and eslint-plugin-compat. Features used with a fallback are listed
// below, each with the fallback that covers it.
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import stylelint from "stylelint";
import { ESLint } from "eslint";
import compat from "eslint-plugin-compat";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const browsers = JSON.parse(await readFile(join(here, "package.json"), "utf8")).browserslist;

// CSS features used on purpose, with what older browsers get instead.
const CSS_WITH_FALLBACK = [
  // @container: crates/ui/build.rs repeats every block under
  // `@supports not (container-type: inline-size) { @media … }`.
  "css-container-queries",
  "css-container-query-units",
  // overflow: clip follows overflow: hidden in the same rule.
  "css-overflow",
  // content-visibility (Chromium 85+) only skips work; without it everything is laid out.
  "css-content-visibility",
  // contain-intrinsic-block-size follows contain-intrinsic-size (Chromium 83+).
  "css-contain-intrinsic-size",
  // print-color-adjust is written beside -webkit-print-color-adjust.
  "css-color-adjust",
  // Cosmetic only: an underline a little closer to the text, a thin sticky shadow.
  "text-decoration",
  "css-text-underline-offset",
  // prefers-reduced-motion is a wish: browsers without it animate.
  "prefers-reduced-motion",
  // Touch screens have no pointer to shape, and a textarea keeps its size where it cannot be resized.
  "css3-cursors",
  "css-resize",
  // ui-monospace comes first in a font list that goes on to Menlo, Consolas and monospace.
  "extended-system-fonts",
];

async function lintCss() {
  const files = [join(root, "crates/ui/styles/ui.css"), join(root, "crates/ui/styles/supervision.css")];
  const elements = await readFile(join(root, "crates/ui/js/elements.js"), "utf8");
  const placeholder = elements.match(/const PLACEHOLDER_CSS = `([\s\S]*?)`;/)[1].replace("${THEME}", "");
  const config = {
    plugins: ["stylelint-no-unsupported-browser-features"],
    rules: {
      "plugin/no-unsupported-browser-features": [
        true,
        { browsers, ignore: CSS_WITH_FALLBACK, ignorePartialSupport: true, severity: "error" },
      ],
    },
  };
  const results = [];
  for (const file of files) {
    const r = await stylelint.lint({ code: await readFile(file, "utf8"), codeFilename: file, config });
    results.push(...r.results);
  }
  const r = await stylelint.lint({ code: placeholder, codeFilename: "elements.js (PLACEHOLDER_CSS)", config });
  results.push(...r.results);
  const problems = results.flatMap((res) =>
    res.warnings.map((w) => `${res.source}:${w.line}:${w.column} ${w.text}`),
  );
  return problems;
}

// Web APIs the code uses only after checking they exist (each `typeof … === "function"` or `?.`).
const GUARDED_APIS = [
  "requestIdleCallback",
  "Element.checkVisibility",
  "IntersectionObserver",
  "WebAssembly.compileStreaming",
];

async function lintJs() {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ["**/*.js"],
        languageOptions: { ecmaVersion: 2022, sourceType: "module" },
        plugins: { compat },
        settings: { browsers, polyfills: GUARDED_APIS },
        rules: { "compat/compat": "error" },
      },
    ],
  });
  const files = ["npm/engine.js", "npm/errors.js", "npm/ui.js", "npm/index.full.js", "npm/headless.js", "crates/ui/js/elements.js"];
  const results = await eslint.lintFiles(files);
  return results.flatMap((res) =>
    res.messages.map((m) => `${res.filePath.replace(root + "/", "")}:${m.line}:${m.column} ${m.message}`),
  );
}

const problems = [...(await lintCss()), ...(await lintJs())];
console.log(`browsers: ${browsers.join(", ")}`);
if (problems.length) {
  console.error(`${problems.length} feature(s) the supported browsers lack:\n${problems.join("\n")}`);
  process.exit(1);
}
console.log("the shipped CSS and JavaScript use nothing the supported browsers lack");
