// dangjian-forms — the full entry: the engine and the UI components in one
// module (the same API as dangjian-forms/headless, plus the components).
import { createModule } from "./wasm/full/dangjian.js";
import { Engine, createApi } from "./engine.js";
import { createUi } from "./ui.js";

const engine = new Engine(createModule, "dangjian-forms");
const api = createApi(engine, {
  wasm: () => new URL("./wasm/full/dangjian_bg.wasm", import.meta.url),
  form: (id) => new URL(`./forms/${id}.json`, import.meta.url),
});
// The settings editor is not in this module: see settings.js (dangjian-forms/settings).
const ui = createUi(engine, api);

export const {
  init,
  initSync,
  forms,
  compile,
  compileAsync,
  loadForm,
  version,
  idNumber,
  annualCompliance,
  reviewSlate,
  evaluateRule,
  engineInfo,
} = api;
export const { mount, mountCalendar, defineElements } = ui;
export default init;
export { Form } from "./engine.js";
export { FormHandle, CalendarHandle } from "./ui.js";
export { isDangjianError } from "./errors.js";
