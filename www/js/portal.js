// The portal's own script: loads the form components, switches tabs, fills in
// example records on request, and shows what the forms submit.
import init, { defineElements } from "../pkg/index.js";

await init();
defineElements();

// Today's date in the top bar.
const now = new Date();
const weekdays = ["日", "一", "二", "三", "四", "五", "六"];
document.getElementById("today").textContent =
  `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日　星期${weekdays[now.getDay()]}`;

// Tabs follow the address (#checklist, #minutes, …) so they can be bookmarked.
const tabs = [...document.querySelectorAll("main > .tab")];
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

for (const button of document.querySelectorAll("[data-example]")) {
  button.addEventListener("click", async () => {
    const form = document.getElementById(button.dataset.target);
    try {
      form.data = await loadJson(`examples/${button.dataset.example}.json`);
    } catch (e) {
      console.error("示例数据无法载入", e);
    }
  });
}
for (const button of document.querySelectorAll("[data-clear]")) {
  button.addEventListener("click", () => {
    document.getElementById(button.dataset.clear).data = null;
  });
}

// The compliance calendar reads a year of one branch's minutes.
const calendar = document.getElementById("calendar-2026");
loadJson("examples/minutes-2026.json")
  .then((minutes) => {
    calendar.minutes = minutes;
  })
  .catch((e) => console.error("会议记录无法载入", e));

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
