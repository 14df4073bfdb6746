// dangjian-forms/headless — the validation engine alone: no UI code in its .wasm.
//
// Initialise once, then use synchronously:
//   await init();                       // browsers and bundlers (fetches the .wasm next to this file)
//   initSync({ module: wasmBytes });    // anywhere the bytes are at hand (Node: see dangjian-forms/node)
export {
  default,
  default as init,
  initSync,
  forms,
  compile,
  Form,
  version,
  idNumber,
  annualCompliance,
  reviewSlate,
} from "./wasm/headless/dangjian.js";

export { isDangjianError } from "./errors.js";
