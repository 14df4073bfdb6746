// dangjian-forms — the full entry. This build carries no UI components yet, so
// it is the headless engine under the package's main name.
export * from "./headless.js";
export { default } from "./headless.js";
