// dangjian-forms — the full entry: the engine (typed as in dangjian-forms/headless)
// and the UI components (typed in ui.d.ts).
export * from "./types.js";
export { default, init, initSync, type InitInput } from "./headless.js";
export {
  forms,
  compile,
  compileAsync,
  loadForm,
  engineInfo,
  Form,
  version,
  idNumber,
  annualCompliance,
  reviewSlate,
  evaluateRule,
  isDangjianError,
} from "./api.js";
export * from "./ui.js";
