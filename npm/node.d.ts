// dangjian-forms/node — the headless engine for Node ≥ 18, ready on import.
export * from "./types.js";
export {
  forms,
  compile,
  Form,
  version,
  idNumber,
  annualCompliance,
  reviewSlate,
  isDangjianError,
} from "./api.js";
