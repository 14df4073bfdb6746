// What every engine entry exports (dangjian-forms, /headless, /settings and
// /node): the types and the engine's API, declared in api.d.ts. The entries'
// own additions — init / initSync, supervise, the components — are in theirs.
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
  evaluateRule,
  isDangjianError,
} from "./api.js";
