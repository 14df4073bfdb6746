// dangjian-forms/headless — the validation engine alone: no UI code in its .wasm.
//
// Initialise once, then use synchronously:
//   await init();                       // browsers and bundlers (fetches the .wasm next to this file)
//   initSync({ module: wasmBytes });    // anywhere the bytes are at hand (Node: see dangjian-forms/node)
// Built-in specs are fetched from forms/<id>.json when first needed:
//   const form = await compileAsync("branch-checklist");   // or: await loadForm(id); compile(id)
import { createModule } from "./wasm/headless/dangjian.js";
import { Engine, createApi } from "./engine.js";

const engine = new Engine(createModule, "dangjian-forms/headless");
const api = createApi(engine, {
  // Written out here so bundlers see the files (Vite emits them as assets).
  wasm: () => new URL("./wasm/headless/dangjian_bg.wasm", import.meta.url),
  form: (id) => new URL(`./forms/${id}.json`, import.meta.url),
});

export const {
  init,
  initSync,
  forms,
  compile,
  compileAsync,
  loadForm,
  version,
  idNumber,
  annualCompliance,
  reviewSlate,
  evaluateRule,
  engineInfo,
} = api;
export default init;
export { Form } from "./engine.js";
export { isDangjianError } from "./errors.js";
