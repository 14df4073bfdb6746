// The API of the installed package in Node: every entry, every function, and
// every wrong argument turned into a thrown DangjianError (never a trap).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as node from "dangjian-forms/node";
import { compile, forms, isDangjianError, version, idNumber, annualCompliance, reviewSlate } from "dangjian-forms/node";

const require = createRequire(import.meta.url);
const today = { locale: "en", today: "2026-06-30" };

/** Asserts that `fn` throws a DangjianError with `code` and a message matching `pattern`. */
function throwsCode(fn, code, pattern) {
  assert.throws(fn, (e) => {
    assert.ok(isDangjianError(e), `not a DangjianError: ${e}`);
    assert.equal(e.code, code, e.message);
    if (pattern) assert.match(e.message, pattern);
    return true;
  });
}

const tinySpec = {
  id: "tiny",
  version: "1",
  title: { "zh-CN": "小表", en: "Tiny" },
  sections: [{ id: "s", title: "S", items: [{ id: "name", type: "person_name", required: true, title: "Name" }] }],
};

test("forms() lists the built-in forms with titles in both languages", () => {
  const list = forms();
  assert.ok(list.length >= 1);
  for (const f of list) {
    assert.match(f.id, /^[a-z0-9_-]+$/);
    assert.equal(typeof f.version, "string");
    assert.ok(f.title["zh-CN"].length > 0 && f.title.en.length > 0, f.id);
  }
  assert.ok(list.some((f) => f.id === "branch-checklist"));
});

test("every built-in form compiles and validates its empty record", () => {
  for (const { id } of forms()) {
    const form = compile(id);
    assert.equal(form.id, id);
    const report = form.validate(form.emptyData(), today);
    assert.equal(report.form.id, id);
    assert.equal(report.locale, "en");
    assert.equal(typeof report.valid, "boolean");
    assert.equal(report.counts.errors, report.issues.filter((i) => i.severity === "error").length);
    form.free();
  }
});

test("compile accepts a spec object and the same spec as JSON text", () => {
  const fromObject = compile(tinySpec);
  const fromText = compile(JSON.stringify(tinySpec));
  const a = fromObject.validate({ s: {} }, today);
  const b = fromText.validate({ s: {} }, today);
  assert.deepEqual(a, b);
  assert.equal(a.valid, false);
  assert.deepEqual(a.issues.map((i) => [i.path, i.code]), [["/s/name", "required"]]);
  assert.equal(fromObject.spec().id, "tiny");
  assert.equal(fromObject.version, "1");
});

test("withSettings refuses values that break a check between settings, at each setting it names", () => {
  const form = compile("meeting-minutes");
  try {
    form.withSettings({ election_quorum_num: 9, election_quorum_den: 5 });
    assert.fail("9/5 was accepted");
  } catch (e) {
    assert.equal(e.code, "spec_invalid");
    assert.deepEqual(
      e.diagnostics.map((d) => [d.path, d.code]),
      [["/settings/election_quorum_num", "settings.election_quorum"], ["/settings/election_quorum_den", "settings.election_quorum"]],
    );
    assert.match(e.diagnostics[0].message_zh, /9\/5 不能大于 1/);
    assert.match(e.diagnostics[0].message_en, /9\/5 cannot be above 1/);
  }
  assert.equal(form.withSettings({ election_quorum_num: 5, election_quorum_den: 5 }).settings().election_quorum_num, 5);
});

test("a bad spec throws spec_invalid with every diagnostic and its path", () => {
  const bad = { ...tinySpec, sections: [{ id: "s", items: [{ id: "x", type: "integer", min: 5, max: 1, visible_if: { "==": [{ var: "s.nope" }, 1] } }] }] };
  throwsCode(() => compile(bad), "spec_invalid");
  try {
    compile(bad);
  } catch (e) {
    assert.ok(Array.isArray(e.diagnostics) && e.diagnostics.length >= 1);
    for (const d of e.diagnostics) {
      assert.equal(typeof d.path, "string");
      assert.ok(d.path.startsWith("/"), d.path);
      assert.ok(d.message_zh && d.message_en && d.code);
    }
  }
});

test("wrong JavaScript types are thrown errors with clear messages", () => {
  throwsCode(() => compile(42), "bad_argument", /got a number/);
  throwsCode(() => compile(undefined), "bad_argument", /got undefined/);
  throwsCode(() => compile(null), "bad_argument", /got null/);
  throwsCode(() => compile([tinySpec]), "bad_argument", /got an array/);
  throwsCode(() => compile("no-such-form"), "unknown_form", /branch-checklist/);
  throwsCode(() => compile("{ not json"), "spec_invalid");
  const form = compile(tinySpec);
  throwsCode(() => form.validate(undefined), "bad_argument", /undefined/);
  throwsCode(() => form.validate(() => 1), "bad_argument", /function/);
  throwsCode(() => form.validate(10n), "bad_argument", /bigint/);
  const cyclic = { s: {} };
  cyclic.s.self = cyclic;
  throwsCode(() => form.validate(cyclic, today), "bad_argument", /cycl|circular|nested/i);
  throwsCode(() => form.validateJson({ s: {} }), "bad_argument", /JSON text/);
  throwsCode(() => form.validateJson("{ nope"), "bad_json", /line 1, column/);
  throwsCode(() => form.validateMany({ s: {} }), "bad_argument", /array/);
  throwsCode(() => form.validate({}, { locale: "fr" }), "bad_options", /locale/);
  throwsCode(() => form.validate({}, { today: "30/06/2026" }), "bad_options", /today/);
  throwsCode(() => form.validate({}, "en"), "bad_options");
});

test("hostile records give reports or errors, never a trap", () => {
  const form = compile(tinySpec);
  let deep = {};
  for (let i = 0; i < 100000; i++) deep = { d: deep };
  throwsCode(() => form.validate(deep, today), "bad_argument");
  throwsCode(() => form.validateJson("[".repeat(100000) + "]".repeat(100000), today), "bad_json");
  const report = form.validate({ s: { name: "x".repeat(200000), __proto__: 1 }, extra: [1, 2, 3] }, today);
  assert.equal(report.valid, false);
  const weird = form.validate(JSON.parse('{"s": {"__proto__": {"polluted": true}}, "constructor": 1}'), today);
  assert.equal(weird.valid, false);
  assert.equal({}.polluted, undefined);
  // The module still works after all of that.
  assert.equal(form.validate({ s: { name: "张三" } }, today).valid, true);
});

test("validate, validateJson and validateMany agree byte for byte", () => {
  for (const { id } of forms()) {
    const form = compile(id);
    const record = form.emptyData();
    const viaObject = JSON.stringify(form.validate(record, today));
    assert.equal(form.validateJson(JSON.stringify(record), today), viaObject, id);
    assert.equal(JSON.stringify(form.validateMany([record, record], today)), `[${viaObject},${viaObject}]`, id);
    form.free();
  }
});

test("locale and today are honoured; today: null switches date limits off", () => {
  const form = compile(tinySpec);
  assert.equal(form.validate({ s: {} }, { locale: "zh-CN" }).locale, "zh-CN");
  assert.equal(form.validate({ s: {} }).locale, "zh-CN");
  const en = form.validate({ s: {} }, { locale: "en" }).issues[0].message;
  const zh = form.validate({ s: {} }, { locale: "zh-CN" }).issues[0].message;
  assert.notEqual(en, zh);
  const dated = compile({ ...tinySpec, sections: [{ id: "s", items: [{ id: "d", type: "date", latest: "$today" }] }] });
  assert.equal(dated.validate({ s: { d: "2026-07-01" } }, { today: "2026-06-30" }).valid, false);
  assert.equal(dated.validate({ s: { d: "2026-07-01" } }, { today: null }).valid, true);
});

test("withSettings changes a threshold and leaves the form as it was", () => {
  const form = compile("meeting-minutes");
  assert.equal(form.settings().majority_strict, true);
  const lenient = form.withSettings({ majority_strict: false });
  assert.equal(lenient.settings().majority_strict, false);
  assert.equal(form.settings().majority_strict, true);
  throwsCode(() => form.withSettings({ no_such_setting: 1 }), "spec_invalid", /no_such_setting/);
  throwsCode(() => form.withSettings({ majority_strict: "no" }), "spec_invalid");
  throwsCode(() => form.withSettings("majority_strict=false"), "bad_argument", /object/);
});

test("a freed form throws instead of trapping", () => {
  const form = compile(tinySpec);
  form.free();
  assert.throws(() => form.validate({ s: {} }, today), Error);
});

test("idNumber describes a citizen ID number", () => {
  const good = idNumber("11010519491231002X", { locale: "en", today: "2026-06-30" });
  assert.equal(good.valid, true);
  assert.equal(good.birth_date, "1949-12-31");
  assert.equal(good.gender, "female");
  assert.notEqual(good.number, "11010519491231002X", "masked by default");
  assert.equal(idNumber("11010519491231002X", { reveal: true }).number, "11010519491231002X");
  const bad = idNumber("110105194912310021", { locale: "en" });
  assert.equal(bad.valid, false);
  assert.ok(bad.problems.length >= 1);
  throwsCode(() => idNumber(110105), "bad_argument", /string/);
  throwsCode(() => idNumber("1", { reveal: "yes" }), "bad_options", /reveal/);
});

test("annualCompliance and reviewSlate check many records at once", () => {
  const calendar = annualCompliance([], { year: 2026, locale: "en" });
  assert.equal(calendar.compliant, false);
  assert.ok(calendar.requirements.length > 0);
  throwsCode(() => annualCompliance({}, { year: 2026 }), "bad_argument", /array/);
  throwsCode(() => annualCompliance([], { year: "2026" }), "bad_options");
  const slate = reviewSlate([], { today: "2026-06-30", locale: "en" });
  assert.equal(typeof slate, "object");
  throwsCode(() => reviewSlate([], { no_such_threshold: 1 }), "bad_options", /no_such_threshold/);
  throwsCode(() => reviewSlate("x"), "bad_argument");
});

test("the entries resolve through the exports map", async () => {
  const pkg = JSON.parse(readFileSync(require.resolve("dangjian-forms/package.json"), "utf8"));
  assert.equal(pkg.type, "module");
  assert.ok(pkg.sideEffects.includes("./node.js"));
  for (const entry of [".", "./headless", "./node"]) assert.ok(pkg.exports[entry].types, entry);
  assert.equal(version(), pkg.version);
  const headless = await import("dangjian-forms/headless");
  const bytes = readFileSync(require.resolve("dangjian-forms/headless.wasm"));
  headless.initSync({ module: bytes });
  assert.deepEqual(headless.forms(), node.forms());
  const main = await import("dangjian-forms");
  assert.equal(typeof main.default, "function");
  assert.equal(typeof main.isDangjianError, "function");
});
