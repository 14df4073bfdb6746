// dangjian-forms/node — the headless engine for Node ≥ 18, initialised
// synchronously from the .wasm bytes when this module is imported. It loads
// the speed-first build of the engine (wasm/node/), which browsers never
// download and which carries the built-in specs; its answers are the same as
// the browser build's.
import { readFileSync } from "node:fs";
import { createModule } from "./wasm/node/dangjian.js";
import { Engine, createApi } from "./engine.js";

const engine = new Engine(createModule, "dangjian-forms/node");
const api = createApi(engine, {
  wasm: () => new URL("./wasm/node/dangjian_bg.wasm", import.meta.url),
  form: (id) => new URL(`./forms/${id}.json`, import.meta.url),
});
api.initSync({ module: readFileSync(new URL("./wasm/node/dangjian_bg.wasm", import.meta.url)) });

export const {
  forms,
  compile,
  compileAsync,
  loadForm,
  version,
  idNumber,
  annualCompliance,
  reviewSlate,
  supervise,
  evaluateRule,
  engineInfo,
} = api;
export { Form } from "./engine.js";
export { isDangjianError } from "./errors.js";
