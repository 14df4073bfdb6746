// The two ways across the boundary, timed: records as objects (`validate`) and
// as JSON text (`validateJson`). Not part of the test run (timings vary); run
// it with `cargo xtask bench`. Prints microseconds per record.
import { compile, forms } from "dangjian-forms/node";
import { loadVectors } from "./lib/vectors.mjs";
import { kindOf } from "./lib/parity.mjs";

const options = { locale: "zh-CN", today: "2026-06-30" };
const rounds = Number(process.env.BENCH_ROUNDS ?? 300);

function perCall(fn) {
  for (let i = 0; i < 20; i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e3 / rounds;
}

const samples = new Map();
for (const v of loadVectors()) {
  if (kindOf(v.name) !== "form") continue;
  const input = JSON.parse(v.input);
  if (!input.form) continue;
  const size = JSON.stringify(input.data).length;
  const best = samples.get(input.form);
  if (!best || size > best.size) samples.set(input.form, { name: v.name, form: input.form, data: input.data, size });
}
for (const { id } of forms()) {
  if (!samples.has(id)) samples.set(id, { name: `${id} (empty record)`, form: id, data: compile(id).emptyData(), size: 0 });
}

console.log(`µs per record, ${rounds} rounds, ${process.version}`);
console.log("object in/out   text in/out   text (stringify+parse)   record");
for (const s of samples.values()) {
  const form = compile(s.form);
  const text = JSON.stringify(s.data);
  const object = perCall(() => form.validate(s.data, options));
  const json = perCall(() => form.validateJson(text, options));
  const roundTrip = perCall(() => JSON.parse(form.validateJson(JSON.stringify(s.data), options)));
  console.log(
    `${object.toFixed(0).padStart(13)} ${json.toFixed(0).padStart(13)} ${roundTrip.toFixed(0).padStart(24)}   ${s.name} (${text.length} B)`,
  );
  form.free();
}
