// dangjian-forms/node — the headless engine for Node ≥ 18, initialised
// synchronously from the .wasm bytes when this module is imported. It loads
// the speed-first build of the engine (wasm/node/), which browsers never
// download; its answers are the same as the browser build's.
import { readFileSync } from "node:fs";
import { initSync } from "./wasm/node/dangjian.js";

initSync({ module: readFileSync(new URL("./wasm/node/dangjian_bg.wasm", import.meta.url)) });

export {
  forms,
  compile,
  Form,
  version,
  idNumber,
  annualCompliance,
  reviewSlate,
} from "./wasm/node/dangjian.js";
export { isDangjianError } from "./errors.js";
