// The settings page of the demo: a county's IT person edits a form's settings
// in <dj-settings>, sees which example records change, and exports the variant.
import init, { defineElements } from "../pkg/settings.js";

init().then(() => defineElements());

const editor = document.getElementById("settings");
document.getElementById("settings-form").addEventListener("change", (e) => {
  editor.form = e.target.value;
});
