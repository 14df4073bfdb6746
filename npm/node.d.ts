// dangjian-forms/node — the headless engine for Node ≥ 18, ready on import.
export * from "./types.js";
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
  supervise,
  evaluateRule,
  isDangjianError,
} from "./api.js";
