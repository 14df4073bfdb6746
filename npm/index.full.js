// dangjian-forms — the full entry: the engine and the UI components in one
// module (the same API as dangjian-forms/headless, plus the components).
export * from "./wasm/full/dangjian.js";
export { default, default as init } from "./wasm/full/dangjian.js";
export { isDangjianError } from "./errors.js";
