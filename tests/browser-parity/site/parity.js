// Loads the package from a plain folder and checks every golden vector through
// both entries: the headless one, and the full one (the module mount() and
// <dj-form> run on). `supervise` is in neither: the supervision vectors go
// through the supervision entry instead. The result goes to window.__parity
// for the runner (run.mjs) to read.
import init, * as headless from "./dangjian-forms/headless.js";
import initMain, * as main from "./dangjian-forms/index.js";
import initSupervision, * as supervision from "./dangjian-forms/supervision.js";
import { checkVector, kindOf } from "./lib/parity.mjs";

/** Every vector through `api`; a vector that throws is a failure, not the end of the run. */
function checkAll(api, vectors, entry) {
  return vectors.map((vector) => {
    const name = `${entry}: ${vector.name}`;
    if (vector.expected === null) return { name, problems: ["no expected file"] };
    try {
      return { name, problems: checkVector(api, vector) };
    } catch (e) {
      return { name, problems: [`threw: ${e && e.stack ? e.stack : e}`] };
    }
  });
}

async function run() {
  const vectors = await (await fetch("./vectors.json")).json();
  if (!Array.isArray(vectors) || vectors.length === 0) {
    throw new Error("vectors.json lists no vectors: nothing would be compared");
  }
  await init();
  await initMain();
  await initSupervision();
  // The browser builds fetch the built-in specs (forms/<id>.json) on demand.
  await Promise.all(headless.forms().flatMap((f) => [headless.loadForm(f.id), main.loadForm(f.id), supervision.loadForm(f.id)]));
  const entries = [];
  if (typeof main.mount !== "function") entries.push("the main entry has no mount(): it is not the full (UI) module");
  if (JSON.stringify(main.forms()) !== JSON.stringify(headless.forms())) entries.push("the main entry lists other forms than the headless one");
  if ("supervise" in headless || "supervise" in main) entries.push("supervise is in the headless or full entry: it belongs to the supervision entry");
  const supervised = vectors.filter((v) => kindOf(v.name) === "supervision");
  const others = vectors.filter((v) => kindOf(v.name) !== "supervision");
  // Every vector once through each browser module: the forms' through headless and full, supervision's through its entry (twice, to keep the count).
  const results = [
    ...checkAll(headless, others, "headless"),
    ...checkAll(main, others, "full"),
    ...checkAll(supervision, supervised, "supervision"),
    ...checkAll(supervision, supervised, "supervision (again, on the same instance)"),
  ];
  return { results, entries, vectors: vectors.length };
}

run().then(
  (result) => {
    const failed = result.results.filter((r) => r.problems.length > 0).length + result.entries.length;
    document.getElementById("out").textContent = `${result.vectors} vectors × 2 entries, ${failed} failed`;
    window.__parity = result;
  },
  (error) => {
    document.getElementById("out").textContent = String(error);
    window.__parity = { error: String(error && error.stack ? error.stack : error) };
  },
);
