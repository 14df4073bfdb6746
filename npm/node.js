// dangjian-forms/node — the headless engine for Node ≥ 18, initialised
// synchronously from the .wasm bytes when this module is imported.
import { readFileSync } from "node:fs";
import { initSync } from "./headless.js";

initSync({ module: readFileSync(new URL("./wasm/headless/dangjian_bg.wasm", import.meta.url)) });

export {
  forms,
  compile,
  Form,
  version,
  idNumber,
  annualCompliance,
  reviewSlate,
  isDangjianError,
} from "./headless.js";
