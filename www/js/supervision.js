// The supervision demo page: <dj-supervision> with the example town's records,
// or a generated county of 300 branches (examples/supervision/generate.mjs),
// or the files the person picks in the component.
import { defineElements } from "../pkg/supervision.js";

const element = document.getElementById("supervision");
const status = document.getElementById("sample-status");

async function load(url, lines) {
  status.textContent = "正在下载示例数据…";
  const text = await (await fetch(url)).text();
  const records = lines ? text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l)) : JSON.parse(text);
  status.textContent = `示例数据 ${records.length} 条记录，正在核查…`;
  element.records = records;
}

element.addEventListener("dj-supervised", (event) => {
  status.textContent = `已核查 ${event.detail.records} 条记录：${event.detail.branches} 个支部，${event.detail.attention} 个需关注。`;
});
document.getElementById("load-town").addEventListener("click", () => load("examples/supervision-town.json", false));
document.getElementById("load-county").addEventListener("click", () => load("examples/supervision-county.ndjson", true));

await defineElements();
if (new URLSearchParams(location.search).has("town")) load("examples/supervision-town.json", false);
