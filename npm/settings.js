// dangjian-forms/settings — the full entry plus the settings editor
// <dj-settings> / mountSettings(): a county's IT person adapts a form's
// settings and sees the effect on its example records. Its own module
// (wasm/settings/), so the main entry the clerk downloads does not carry the
// editor; the engine and the form components are the same as the main entry's.
//
//   import init, { defineElements } from "dangjian-forms/settings";
//   await init();
//   defineElements();          // <dj-form>, <dj-calendar> and <dj-settings> mount
import { createModule } from "./wasm/settings/dangjian.js";
import { Engine, createApi } from "./engine.js";
import { createUi } from "./ui.js";

const engine = new Engine(createModule, "dangjian-forms/settings");
const api = createApi(engine, {
  wasm: () => new URL("./wasm/settings/dangjian_bg.wasm", import.meta.url),
  form: (id) => new URL(`./forms/${id}.json`, import.meta.url),
});
const ui = createUi(engine, api, {
  settings: true,
  examples: (id) => new URL(`./examples/${id}.json`, import.meta.url),
});

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
export const { mount, mountCalendar, mountSettings, defineElements } = ui;
export default init;
export { Form } from "./engine.js";
export { FormHandle, CalendarHandle, SettingsHandle } from "./ui.js";
export { isDangjianError } from "./errors.js";
