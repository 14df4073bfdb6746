// Writes standard.json: each case of cases.mjs with the result json-logic-js
// gives (JSON round trip: NaN and ±Infinity become null, as in any JSON).
// Run with json-logic-js installed: `npm i --no-save json-logic-js@2.0.5 && node generate.mjs`.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import cases from "./cases.mjs";
const jsonLogic = createRequire(import.meta.url)("json-logic-js");
const out = cases.map(([about, rule, data]) => ({
  about,
  rule,
  data,
  result: JSON.parse(JSON.stringify(jsonLogic.apply(rule, data)) ?? "null"),
}));
writeFileSync(new URL("./standard.json", import.meta.url), JSON.stringify(out, null, 1) + "\n");
console.log(`${out.length} cases`);
