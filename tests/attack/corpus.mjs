// The hostile corpus: what a careless or hostile user can hand the package,
// each case with what must come out — an error value with its stable code, or
// a report — and a healthy engine afterwards. Budgets make every bound
// deterministic: no case asserts a time.
//
// The same cases run through the Node entry, the headless entry in Node and
// in Chromium (tests/attack/run-node.mjs, tests/attack/site/). No Node APIs here.
//
// The rule budget (crates/core/src/logic/budget.rs) bounds what one rule may
// cost: the cases "rule-doubling-merge" and "rule-over-a-long-list" run at full
// size and expect a `rule_budget` issue on the rule.

/** Cases that wait for a change of the engine (none now). */
export const FIXME_EVALUATOR = [];

/** A failed expectation. */
export class Expectation extends Error {}

function check(condition, message) {
  if (!condition) throw new Expectation(message);
}

/** Runs `fn`, which must throw a DangjianError with `code` (or one of several); returns the error. */
export function throwsCode(fn, code, what) {
  let thrown = null;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  check(thrown !== null, `${what}: no error, expected ${code}`);
  check(thrown.name === "DangjianError", `${what}: ${thrown.name} thrown (${thrown.message}), expected a DangjianError ${code}`);
  const codes = Array.isArray(code) ? code : [code];
  check(codes.includes(thrown.code), `${what}: code ${thrown.code} (${String(thrown.message).slice(0, 300)}), expected ${codes.join(" or ")}`);
  check(String(thrown.message).length < 2_000, `${what}: the message is ${thrown.message.length} characters long`);
  return thrown;
}

/** A small spec every case can lean on. */
export const TINY = {
  id: "tiny",
  version: "1",
  title: { "zh-CN": "小表", en: "Tiny" },
  sections: [
    {
      id: "s",
      items: [
        { id: "name", type: "person_name", required: true },
        { id: "choice", type: "choice", options: [{ value: "a" }, { value: "b" }] },
        { id: "list", type: "group", repeat: {}, items: [{ id: "x", type: "text" }] },
      ],
    },
  ],
};

/** The engine still answers, and answers right. */
export function healthy(api, what) {
  const form = api.compile(TINY);
  try {
    const report = form.validate({ s: {} }, { today: null, locale: "en" });
    check(report.valid === false && report.issues.some((i) => i.path === "/s/name" && i.code === "required"), `${what}: the engine answers wrongly afterwards`);
    const ok = form.validate({ s: { name: "张三" } }, { today: null });
    check(ok.valid === true, `${what}: a valid record is not valid afterwards`);
  } finally {
    form.free();
  }
  check(api.idNumber("11010519491231002X").valid === true, `${what}: idNumber answers wrongly afterwards`);
  const info = api.engineInfo();
  check(info.memoryBytes < 1024 * 1024 * 1024, `${what}: the module holds ${info.memoryBytes} bytes afterwards`);
}

const repeatJoin = (item, times) => {
  // Builds "item,item,…" without an array of `times` strings.
  let out = item;
  let n = 1;
  while (n * 2 <= times) {
    out = `${out},${out}`;
    n *= 2;
  }
  let rest = "";
  for (let i = n; i < times; i++) rest += `,${item}`;
  return out + rest;
};

const full = () => (typeof process === "object" && process.env && process.env.ATTACK_FULL === "1");

/**
 * The cases. `run(api, env)` throws an Expectation when the package misbehaves.
 * `env.fetchSpec(id)` reads a built-in spec file (for entries that fetch them).
 */
export const CASES = [
  {
    name: "record-70mb",
    about: "a 70 MB legal JSON record is refused before it is copied or parsed (too_large, max_record_bytes)",
    run(api) {
      const form = api.compile(TINY);
      const text = `{"s": {"list": [${repeatJoin('{"x": "0123456789abcdef"}', 2_900_000)}]}}`;
      check(text.length > 70_000_000, "the record is 70 MB");
      const e = throwsCode(() => form.validateJson(text), "too_large", "validateJson(70 MB)");
      check(e.limit === "max_record_bytes", `limit ${e.limit}`);
      const object = { s: { list: Array.from({ length: 400_000 }, () => ({ x: "0123456789abcdef" })) } };
      throwsCode(() => form.validate(object), "too_large", "validate(9 MB object)");
      throwsCode(() => form.validateMany([object]), "too_large", "validateMany([9 MB object])");
      form.free();
    },
  },
  {
    name: "record-million-values",
    about: "a 2 MB record of a million tiny values is refused before parsing (max_values)",
    run(api) {
      const form = api.compile(TINY);
      const text = `{"s": {"list": [${repeatJoin("0", 1_000_001)}]}}`;
      const e = throwsCode(() => form.validateJson(text), "too_large", "validateJson(10^6 values)");
      check(e.limit === "max_values", `limit ${e.limit}`);
      form.free();
    },
  },
  {
    name: "record-near-the-limit",
    about: "a 7 MB record within the budgets gives a report (lists over 10,000 entries flagged)",
    run(api) {
      const form = api.compile(TINY);
      const text = `{"s": {"name": "张三", "list": [${repeatJoin('{"x": "党建工作记录党建工作记录党建工作记录"}', 120_000)}]}}`;
      check(new TextEncoder().encode(text).length > 6_000_000, "the record is over 6 MB");
      const report = JSON.parse(form.validateJson(text, { today: null }));
      check(report.issues.some((i) => i.code === "too_many" && i.path === "/s/list"), "the long list is flagged");
      form.free();
    },
  },
  {
    name: "deep-nesting",
    about: "10^6 levels of nesting: as an object and as JSON text, an error value",
    run(api) {
      const form = api.compile(TINY);
      let deep = [];
      for (let i = 0; i < 1_000_000; i++) deep = [deep];
      // JSON.stringify may give up first (a small stack) or the engine's value budget.
      throwsCode(() => form.validate({ s: { list: deep } }), ["bad_argument", "too_large"], "validate(10^6-deep object)");
      // Deep but within max_values, so the parser's depth limit is what refuses it.
      const text = `{"s": ${"[".repeat(400_000)}${"]".repeat(400_000)}}`;
      throwsCode(() => form.validateJson(text), "bad_json", "validateJson(400,000-deep text)");
      const deeper = `{"s": ${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}}`;
      throwsCode(() => form.validateJson(deeper), "too_large", "validateJson(10^6-deep text)");
      form.free();
    },
  },
  {
    name: "exotic-values",
    about: "bigint, symbol, function, cycles, throwing getters, proxies: error values, never a trap",
    run(api) {
      const form = api.compile(TINY);
      const cyclic = { s: {} };
      cyclic.s.self = cyclic;
      const getter = { s: { get name() { throw new Error("hostile getter"); } } };
      for (const [what, value] of [
        ["bigint", 10n],
        ["symbol", Symbol("x")],
        ["function", () => 1],
        ["undefined", undefined],
        ["cycle", cyclic],
        ["getter", getter],
        ["bigint inside", { s: { name: 10n } }],
      ]) {
        throwsCode(() => form.validate(value), "bad_argument", `validate(${what})`);
      }
      throwsCode(() => api.compile(42), "bad_argument", "compile(42)");
      throwsCode(() => api.compile([]), "bad_argument", "compile([])");
      throwsCode(() => form.validateMany(42), "bad_argument", "validateMany(42)");
      throwsCode(() => form.validateEach(null), "bad_argument", "validateEach(null)");
      form.free();
    },
  },
  {
    name: "proxy-trap-reset",
    about: "an exception thrown through the module (a hostile Proxy) resets the engine; forms made before keep working",
    run(api) {
      const before = api.compile(TINY);
      const resets = api.engineInfo().resets;
      const hostile = new Proxy([{ s: {} }, { s: {} }], {
        get(target, key, receiver) {
          if (key === "1") throw new Error("hostile element");
          return Reflect.get(target, key, receiver);
        },
      });
      throwsCode(() => before.validateMany(hostile), "engine_reset", "validateMany(hostile Proxy)");
      check(api.engineInfo().resets === resets + 1, "the engine was reset once");
      const report = before.validate({ s: { name: "李四" } }, { today: null });
      check(report.valid === true, "a form compiled before the reset validates on the new engine");
      const derived = before.withSettings({});
      check(derived.validate({ s: {} }, { today: null }).valid === false, "withSettings after a reset");
      derived.free();
      before.free();
    },
  },
  {
    name: "stack-exhaustion",
    about: "calls made with the JS stack nearly full fail cleanly (RangeError or engine_reset) or succeed, never corrupt",
    run(api) {
      const form = api.compile(TINY);
      const outcomes = { ok: 0, reset: 0, range: 0 };
      const attempt = () => {
        try {
          const r = form.validate({ s: { name: "张三" } }, { today: null });
          check(r.valid === true, "a call near the stack limit answered wrongly");
          outcomes.ok += 1;
        } catch (e) {
          if (e instanceof Expectation) throw e;
          if (e && e.code === "engine_reset") outcomes.reset += 1;
          else if (e instanceof RangeError) outcomes.range += 1;
          else throw new Expectation(`a call near the stack limit threw ${e && e.name} ${e && e.code}: ${e && e.message}`);
        }
      };
      // Recurse until the stack overflows, then call the engine from the catch
      // handler of each of the 1,500 deepest frames as the overflow unwinds them:
      // the first calls find almost no stack, later ones more and more.
      let calls = 0;
      const dive = (depth) => {
        try {
          dive(depth + 1);
        } catch (e) {
          if (e instanceof Expectation) throw e;
          if (calls < 1_500) {
            calls += 1;
            attempt();
            throw e;
          }
        }
      };
      for (let round = 0; round < 3; round++) {
        calls = 0;
        dive(0);
      }
      check(outcomes.ok + outcomes.reset + outcomes.range > 0, "no call was made");
      form.free();
    },
  },
  {
    name: "validate-many-streams",
    about: "validateEach over 20,000 generated records runs in flat memory (the module does not grow after the first 2,000)",
    run(api) {
      const form = api.compile(TINY);
      function* records(n) {
        for (let i = 0; i < n; i++) yield { s: { name: i % 2 ? "张三" : "", list: [{ x: `entry ${i}` }] } };
      }
      let count = 0;
      let invalid = 0;
      let afterWarmup = 0;
      for (const report of form.validateEach(records(20_000), { today: null, detail: "summary" })) {
        count += 1;
        if (!report.valid) invalid += 1;
        if (count === 2_000) afterWarmup = api.engineInfo().memoryBytes;
      }
      check(count === 20_000 && invalid === 10_000, `${count} reports, ${invalid} invalid`);
      check(api.engineInfo().memoryBytes === afterWarmup, `memory grew from ${afterWarmup} to ${api.engineInfo().memoryBytes}`);
      const many = form.validateMany(records(100), { today: null });
      check(Array.isArray(many) && many.length === 100, "validateMany takes any iterable");
      form.free();
    },
  },
  {
    name: "huge-pattern",
    about: "a 50 MB pattern is refused unread (spec.too_large); a 2,000-character one by max_pattern_chars",
    run(api) {
      const pattern = "a".repeat(50_000_000);
      const spec = JSON.stringify({ ...TINY, sections: [{ id: "s", items: [{ id: "t", type: "text", pattern }] }] });
      const e = throwsCode(() => api.compile(spec), "spec_invalid", "compile(50 MB pattern)");
      check(e.diagnostics.some((d) => d.code === "spec.too_large"), "spec.too_large");
      const long = { ...TINY, sections: [{ id: "s", items: [{ id: "t", type: "text", pattern: "(a|b)".repeat(400) }] }] };
      const e2 = throwsCode(() => api.compile(long), "spec_invalid", "compile(2,000-character pattern)");
      check(e2.diagnostics.some((d) => d.code === "spec.pattern_too_long" && d.path === "/sections/0/items/0/pattern"), "spec.pattern_too_long at its path");
    },
  },
  {
    name: "huge-settings",
    about: "settings over 1 MiB are refused at compile time and in withSettings (spec.settings_too_large)",
    run(api) {
      const big = Array.from({ length: 300_000 }, (_, i) => i);
      const spec = { ...TINY, settings: { big: { value: big, title: "big" } } };
      const e = throwsCode(() => api.compile(spec), "spec_invalid", "compile(huge setting)");
      check(e.diagnostics.some((d) => d.code === "spec.settings_too_large"), "spec.settings_too_large");
      const form = api.compile({ ...TINY, settings: { big: { value: [1], title: "big" } } });
      const e2 = throwsCode(() => form.withSettings({ big }), "spec_invalid", "withSettings(huge)");
      check(e2.diagnostics.some((d) => d.code === "spec.settings_too_large"), "withSettings: spec.settings_too_large");
      form.free();
    },
  },
  {
    name: "compliance-range",
    about: "annualCompliance from 0001-01-01 to 9999-12-31 is refused before any work (compliance.invalid_range: over 20 years)",
    run(api) {
      const report = api.annualCompliance([], { from: "0001-01-01", to: "9999-12-31", minutes_check: "off" });
      check(report.issues.some((i) => i.code === "compliance.invalid_range" && /20/.test(i.message)), "compliance.invalid_range naming the 20-year bound");
    },
  },
  {
    name: "impossible-dates",
    about: "today: \"2026-13-45\" and other impossible dates are refused (bad_options), as the CLI refuses them",
    run(api) {
      const form = api.compile(TINY);
      for (const today of ["2026-13-45", "2026-02-30", "2026-6-1", "tomorrow"]) {
        throwsCode(() => form.validate({ s: {} }, { today }), "bad_options", `validate today ${today}`);
        throwsCode(() => form.validateJson("{}", { today }), "bad_options", `validateJson today ${today}`);
      }
      throwsCode(() => api.idNumber("11010519491231002X", { today: "2026-13-45" }), "bad_options", "idNumber");
      throwsCode(() => api.annualCompliance([], { year: 2026, today: "2026-13-45", minutes_check: "off" }), "bad_options", "annualCompliance");
      throwsCode(() => form.validate({ s: {} }, { locale: "fr" }), "bad_options", "locale fr");
      form.free();
    },
  },
  {
    name: "echo-of-huge-input",
    about: "errors and issues never echo a huge input: messages and params are cut",
    run(api) {
      throwsCode(() => api.compile("x".repeat(50_000_000)), "unknown_form", "compile(50 MB id)");
      const form = api.compile(TINY);
      throwsCode(() => form.validate({ s: {} }, { locale: "x".repeat(1_000_000) }), "bad_options", "huge locale");
      const report = form.validate({ s: { name: "张三", choice: "c".repeat(50_000) } }, { today: null });
      const issue = report.issues.find((i) => i.code === "choice");
      check(issue && issue.message.length < 2_000 && JSON.stringify(issue.params).length < 2_000, "the choice issue is short");
      form.free();
    },
  },
  {
    name: "lone-surrogates",
    about: "validate and validateJson both refuse a lone surrogate",
    run(api) {
      const form = api.compile(TINY);
      throwsCode(() => form.validate({ s: { name: "张\ud800三" } }), "bad_argument", "validate(lone surrogate)");
      throwsCode(() => form.validateJson('{"s": {"name": "张\ud800三"}}'), "bad_json", "validateJson(raw lone surrogate)");
      throwsCode(() => form.validateJson('{"s": {"name": "\\udc00"}}'), "bad_json", "validateJson(escaped lone surrogate)");
      const pair = form.validate({ s: { name: "张😀三" } }, { today: null });
      check(Array.isArray(pair.issues), "a surrogate pair is fine");
      form.free();
    },
  },
  {
    name: "prototype-keys",
    about: "__proto__ and constructor keys are issues in the report, never pollution",
    run(api) {
      const form = api.compile(TINY);
      const report = JSON.parse(form.validateJson('{"s": {"name": "张三", "__proto__": {"polluted": true}}, "constructor": 1}', { today: null }));
      check(report.issues.some((i) => i.code === "forbidden_key"), "forbidden_key");
      check(({}).polluted === undefined, "Object.prototype is untouched");
      form.free();
    },
  },
  {
    name: "limits-in-options",
    about: "options.limits lowers a budget; a malformed one is bad_options",
    run(api) {
      const form = api.compile(TINY);
      const e = throwsCode(() => form.validate({ s: { name: "张三" } }, { limits: { maxRecordBytes: 10 } }), "too_large", "maxRecordBytes 10");
      check(e.limit === "max_record_bytes" && e.max === 10, "limit and max on the error");
      throwsCode(() => form.validate({ s: {} }, { limits: { maxValues: -1 } }), "bad_options", "maxValues -1");
      throwsCode(() => form.validate({ s: {} }, { limits: 5 }), "bad_options", "limits 5");
      const cut = form.validate({ s: { choice: "x".repeat(500) } }, { today: null, limits: { maxParamChars: 10 } });
      check(cut.issues.some((i) => i.code === "choice" && i.params.value.length === 11), "maxParamChars cuts the echoed value");
      form.free();
    },
  },
  {
    name: "rule-doubling-merge",
    about: "a rule whose cost doubles per element (reduce with merge(acc, acc, [1])) stops at its budget",
    run(api) {
      const n = 26;
      const grown = { count: [{ reduce: [{ var: "s.list" }, { merge: [{ var: "accumulator" }, { var: "accumulator" }, [1]] }, []] }] };
      const spec = { ...TINY, rules: [{ code: "grow", assert: { "<": [grown, 0] }, message: "{n}", params: { n: grown } }] };
      const form = api.compile(spec);
      const record = { s: { name: "张三", list: Array.from({ length: n }, () => ({ x: "a" })) } };
      const report = form.validate(record, { today: null });
      const stopped = report.issues.find((i) => i.code === "rule_budget");
      check(stopped && stopped.params.rule === "grow" && stopped.params.limit === "max_rule_size", `the budget stops the rule: ${JSON.stringify(report.issues).slice(0, 300)}`);
      check(!report.issues.some((i) => i.code === "grow"), "the rule itself is not reported");
      form.free();
    },
  },
  {
    name: "rule-over-a-long-list",
    about: "distinct over a list longer than max_items: the rule stops at max_items",
    run(api) {
      const n = 80_000;
      const spec = { ...TINY, rules: [{ code: "dup", assert: { distinct: [{ var: "s.list" }, "x"] }, message: "dup" }] };
      const form = api.compile(spec);
      const list = Array.from({ length: n }, (_, i) => ({ x: `name ${i}` }));
      list[n - 1].x = list[n - 2].x;
      const report = form.validate({ s: { name: "张三", list } }, { today: null });
      check(report.issues.some((i) => i.code === "too_many"), "the long list is flagged");
      check(!report.issues.some((i) => i.code === "dup"), "the rule does not run over the whole list");
      const stopped = report.issues.find((i) => i.code === "rule_budget");
      check(stopped && stopped.params.rule === "dup" && stopped.params.limit === "max_items", `a rule_budget issue on the rule: ${JSON.stringify(stopped)}`);
      form.free();
    },
  },
];

/** Cases for an entry whose built-in specs are fetched: loading and its errors. */
export const FETCHING_CASES = [
  {
    name: "specs-on-demand",
    about: "a built-in form must be loaded before compile(id); a failed fetch is form_unavailable; then it compiles",
    async run(api, env) {
      const failing = async () => new Response("<html>404</html>", { status: 404 });
      const wrong = async () => new Response('{"id": "meeting-minutes"}', { status: 200 });
      await rejectsCode(() => api.loadForm("member-points", { fetch: failing }), "form_unavailable", "HTTP 404");
      await rejectsCode(() => api.loadForm("member-points", { fetch: wrong }), "form_unavailable", "another form's spec");
      throwsCode(() => api.compile("member-points"), "form_not_loaded", "compile before loading");
      await rejectsCode(() => api.loadForm("no-such-form"), "unknown_form", "loadForm(unknown)");
      await api.loadForm("member-points", { fetch: env.fetchSpec });
      const form = api.compile("member-points");
      check(form.id === "member-points", "compiles once loaded");
      form.free();
      const viaAsync = await api.compileAsync("rectification-list", { fetch: env.fetchSpec });
      check(viaAsync.id === "rectification-list", "compileAsync");
      viaAsync.free();
    },
  },
];

async function rejectsCode(fn, code, what) {
  let thrown = null;
  try {
    await fn();
  } catch (e) {
    thrown = e;
  }
  check(thrown !== null, `${what}: no error, expected ${code}`);
  check(thrown.name === "DangjianError" && thrown.code === code, `${what}: ${thrown.name} ${thrown.code} (${thrown.message}), expected ${code}`);
}

/** Runs every case on `api`; returns `[{ name, ok, message }]`. */
export async function runCases(api, env, cases = CASES) {
  const results = [];
  for (const c of cases) {
    const name = FIXME_EVALUATOR.includes(c.name) ? `${c.name} [FIXME(evaluator)]` : c.name;
    try {
      await c.run(api, env);
      healthy(api, c.name);
      results.push({ name, ok: true, message: c.about });
    } catch (e) {
      results.push({ name, ok: false, message: e instanceof Expectation ? e.message : `${e && e.name}: ${e && e.message}\n${e && e.stack}` });
      try {
        healthy(api, `${c.name} (after the failure)`);
      } catch (h) {
        results.push({ name: `${c.name}: health`, ok: false, message: h.message });
      }
    }
  }
  return results;
}
