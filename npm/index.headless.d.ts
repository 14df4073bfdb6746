// dangjian-forms — the full entry; this build has no UI components, so it is the headless engine.
export * from "./headless.js";
export { default } from "./headless.js";
