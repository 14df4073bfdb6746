// Parity of one golden vector: the package must give exactly the CLI's report.
// Runs in Node and in the browser (no Node APIs here).

/** JSON text with the whitespace between tokens removed: a pretty `serde_json`
 * document becomes exactly what `serde_json::to_string` writes. */
export function compact(text) {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === "\\") {
        out += text[++i];
      } else if (c === '"') {
        inString = false;
      }
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c !== " " && c !== "\n" && c !== "\r" && c !== "\t") {
      out += c;
    }
  }
  return out;
}

/** The exact source text of the value of a top-level `key` of a JSON object
 * text (so numbers like `12.0` reach the engine as the CLI read them). */
export function rawMember(text, key) {
  let i = text.indexOf("{") + 1;
  const skipWs = () => {
    while (/\s/.test(text[i])) i++;
  };
  const skipString = () => {
    i++;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
  };
  const skipValue = () => {
    skipWs();
    const start = i;
    if (text[i] === '"') {
      skipString();
    } else if (text[i] === "{" || text[i] === "[") {
      let depth = 0;
      do {
        if (text[i] === '"') {
          skipString();
          continue;
        }
        if (text[i] === "{" || text[i] === "[") depth++;
        if (text[i] === "}" || text[i] === "]") depth--;
        i++;
      } while (depth > 0);
    } else {
      while (i < text.length && !/[\s,}\]]/.test(text[i])) i++;
    }
    return text.slice(start, i);
  };
  for (;;) {
    skipWs();
    if (text[i] !== '"') return undefined;
    const keyStart = i;
    skipString();
    const name = JSON.parse(text.slice(keyStart, i));
    skipWs();
    i++; // ':'
    const value = skipValue();
    if (name === key) return value;
    skipWs();
    if (text[i] !== ",") return undefined;
    i++;
  }
}

/** `obj` without its `undefined` members. */
function defined(obj) {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

/** The kind of a vector, from its folder. */
export function kindOf(name) {
  if (name.startsWith("compliance/")) return "compliance";
  if (name.startsWith("slate/")) return "slate";
  if (name.startsWith("supervision/")) return "supervision";
  return "form";
}

/**
 * Checks one vector against `api` (the package's exports). `vector` is
 * `{ name, input, expected, spec? }` with the files' texts. Returns the list of
 * differences (empty when the package agrees with the CLI byte for byte).
 */
export function checkVector(api, vector) {
  const problems = [];
  const input = JSON.parse(vector.input);
  const expectedCompact = compact(vector.expected);
  const expectedJs = JSON.stringify(JSON.parse(vector.expected));
  const same = (what, actual, expected) => {
    if (actual !== expected) problems.push(`${what}: ${firstDifference(actual, expected)}`);
  };
  const kind = kindOf(vector.name);
  if (kind === "compliance") {
    const { minutes, ...options } = input;
    same("annualCompliance", JSON.stringify(api.annualCompliance(minutes, options)), expectedJs);
  } else if (kind === "supervision") {
    const { records, ...options } = input;
    same("supervise", JSON.stringify(api.supervise(records ?? [], options)), expectedJs);
  } else if (kind === "slate") {
    const options = defined({ ...(input.options ?? {}), today: input.today, locale: input.locale });
    same("reviewSlate", JSON.stringify(api.reviewSlate(input.candidates ?? [], options)), expectedJs);
  } else {
    const compiled = api.compile(input.form ?? JSON.parse(vector.spec));
    const form = input.settings ? compiled.withSettings(input.settings) : compiled;
    try {
      const options = defined({ locale: input.locale, today: input.today });
      same("validate", JSON.stringify(form.validate(input.data, options)), expectedJs);
      same("validateMany", JSON.stringify(form.validateMany([input.data], options)[0]), expectedJs);
      same("validateJson", form.validateJson(rawMember(vector.input, "data") ?? "null", options), expectedCompact);
    } finally {
      if (form !== compiled) form.free();
      compiled.free();
    }
  }
  return problems;
}

/** Where two texts first differ, with some context. */
export function firstDifference(actual, expected) {
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const from = Math.max(0, i - 60);
  return `differs at character ${i}:\n    got      …${actual.slice(from, i + 60)}\n    expected …${expected.slice(from, i + 60)}`;
}
