// The portal's own script: switches tabs, fills in example records on request,
// shows what the forms submit — and loads the form components. The page works
// from the first moment: importing the package defines <dj-form> at once (each
// shows a placeholder of its form), the tabs and buttons answer while the
// WebAssembly module is still on its way, and the forms come alive when it is.
import init, { defineElements, forms } from "../pkg/index.js";

// Today's date in the top bar.
const now = new Date();
const weekdays = ["日", "一", "二", "三", "四", "五", "六"];
document.getElementById("today").textContent =
  `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日　星期${weekdays[now.getDay()]}`;

// Tabs follow the address (#checklist, #minutes, …) so they can be bookmarked.
let tabs = [...document.querySelectorAll("main > .tab")];
function showTab() {
  const wanted = location.hash.slice(1);
  const current = tabs.find((t) => t.id === wanted) ?? tabs[0];
  for (const t of tabs) t.hidden = t !== current;
  for (const a of document.querySelectorAll(".site-nav a")) {
    if (a.dataset.tab === current.id) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}
window.addEventListener("hashchange", showTab);
showTab();

async function loadJson(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

function exampleButton(button) {
  button.addEventListener("click", async () => {
    const form = document.getElementById(button.dataset.target);
    try {
      form.data = await loadJson(`examples/${button.dataset.example}.json`);
    } catch (e) {
      console.error("示例数据无法载入", e);
    }
  });
}
// Emptying a form that holds what the person typed can be undone in the form
// itself (撤销), and what was there is kept among its earlier drafts.
function clearButton(button) {
  button.addEventListener("click", () => {
    document.getElementById(button.dataset.clear).data = null;
  });
}
document.querySelectorAll("[data-example]").forEach(exampleButton);
document.querySelectorAll("[data-clear]").forEach(clearButton);

/** A tab for a built-in form the page has none for yet (a form added to the package later). */
function addTab({ id, title: titles }) {
  const title = titles["zh-CN"];
  const tab = `form-${id}`;
  const nav = document.createElement("li");
  const link = document.createElement("a");
  link.href = `#${tab}`;
  link.dataset.tab = tab;
  link.textContent = title;
  nav.append(link);
  document.querySelector(".site-nav ul").insertBefore(nav, document.querySelector('.site-nav a[data-tab="calendar"]').parentElement);
  const section = document.createElement("section");
  section.id = tab;
  section.className = "tab";
  section.hidden = true;
  const head = document.createElement("div");
  head.className = "tab-head";
  const h2 = document.createElement("h2");
  h2.textContent = title;
  const actions = document.createElement("div");
  actions.className = "tab-actions";
  const example = document.createElement("button");
  Object.assign(example, { type: "button", className: "btn", textContent: "载入示例数据" });
  Object.assign(example.dataset, { example: id, target: `dj-${id}` });
  const clear = document.createElement("button");
  Object.assign(clear, { type: "button", className: "btn btn-plain", textContent: "清空重填" });
  clear.dataset.clear = `dj-${id}`;
  exampleButton(example);
  clearButton(clear);
  actions.append(example, clear);
  head.append(h2, actions);
  const form = document.createElement("dj-form");
  form.id = `dj-${id}`;
  form.setAttribute("form", id);
  form.setAttribute("draft-key", `lishui:${id}`);
  section.append(head, form);
  document.getElementById("calendar").before(section);
  tabs = [...document.querySelectorAll("main > .tab")];
}

// What the forms submit arrives here as DOM events, like any host page would see it.
const inbox = document.getElementById("inbox");
document.addEventListener("dj-submit", (event) => {
  const { data, report } = event.detail;
  document.getElementById("inbox-empty").hidden = true;
  const item = document.createElement("li");
  item.dataset.form = report.form.id;
  const title = document.createElement("strong");
  title.textContent = event.target.closest(".tab")?.querySelector("h2")?.textContent ?? report.form.id;
  const meta = document.createElement("span");
  const score = report.score ? `，得分 ${report.score.total}${report.score.grade ? `（${report.score.grade.title}）` : ""}` : "";
  meta.textContent = `${new Date().toLocaleTimeString("zh-CN")} 收到${score}，数据 ${JSON.stringify(data).length} 字节`;
  item.append(title, meta);
  inbox.prepend(item);
});

// The compliance calendar reads a year of one branch's minutes.
const calendar = document.getElementById("calendar-2026");
loadJson("examples/minutes-2026.json")
  .then((minutes) => {
    calendar.minutes = minutes;
  })
  .catch((e) => console.error("会议记录无法载入", e));

// Last: the module. Nothing above waits for it.
init()
  .then(() => {
    // Every built-in form has a tab: those the page does not describe get a plain one.
    const present = new Set([...document.querySelectorAll("dj-form")].map((el) => el.getAttribute("form")));
    for (const form of forms()) if (!present.has(form.id)) addTab(form);
    showTab();
    defineElements();
  })
  .catch((e) => {
    console.error("表单组件无法加载", e);
    for (const el of document.querySelectorAll("dj-form, dj-calendar")) {
      const note = document.createElement("p");
      note.className = "load-failed";
      note.setAttribute("role", "alert");
      note.textContent = "表单组件没有加载成功，请检查网络后刷新页面。";
      el.before(note);
    }
  });
