// The blue portal example: the same package, themed by css/theme-blue.css alone.
import init, { defineElements } from "../pkg/index.js";

init().then(() => defineElements());

// Filled in, so the score panel and its bars show the theme's colour.
fetch("examples/branch-checklist.json")
  .then((r) => r.json())
  .then((record) => {
    document.getElementById("blue-checklist").data = record;
  })
  .catch((e) => console.error("示例数据无法载入", e));
