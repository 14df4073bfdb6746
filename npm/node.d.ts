// dangjian-forms/node — the headless engine for Node ≥ 18, ready on import.
export * from "./common.js";
export { supervise } from "./api.js";
