// dangjian-forms — the full entry: the engine (typed as in dangjian-forms/headless)
// and the UI components (typed in ui.d.ts).
export * from "./headless.js";
export { default } from "./headless.js";
export * from "./ui.js";
