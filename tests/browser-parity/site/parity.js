// Loads the package from a plain folder and checks every golden vector.
// The result goes to window.__parity for the runner (run.mjs) to read.
import init, * as headless from "./dangjian-forms/headless.js";
import initMain, * as main from "./dangjian-forms/index.js";
import { checkVector } from "./lib/parity.mjs";

async function run() {
  await init();
  const vectors = await (await fetch("./vectors.json")).json();
  const results = vectors.map((vector) => {
    if (vector.expected === null) return { name: vector.name, problems: ["no expected file"] };
    try {
      return { name: vector.name, problems: checkVector(headless, vector) };
    } catch (e) {
      return { name: vector.name, problems: [`threw: ${e && e.stack ? e.stack : e}`] };
    }
  });
  // The main entry (with the UI when built) loads from the folder too and lists the same forms.
  await initMain();
  const entries = JSON.stringify(main.forms()) === JSON.stringify(headless.forms())
    ? []
    : ["the main entry lists other forms than the headless one"];
  return { results, entries };
}

run().then(
  (result) => {
    const failed = result.results.filter((r) => r.problems.length > 0).length + result.entries.length;
    document.getElementById("out").textContent = `${result.results.length} vectors, ${failed} failed`;
    window.__parity = result;
  },
  (error) => {
    document.getElementById("out").textContent = String(error);
    window.__parity = { error: String(error && error.stack ? error.stack : error) };
  },
);
