// The golden vectors on disk (Node only): every `<case>.input.json` under the
// vectors folder with its `<case>.expected.json` and, if named, its spec file.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** The vectors folder: `$DANGJIAN_VECTORS`, else `tests/vectors` of the repository. */
export function vectorsDir() {
  return process.env.DANGJIAN_VECTORS ?? resolve(import.meta.dirname ?? ".", "../../vectors");
}

/** Every vector, sorted by name: `{ name, input, expected | null, spec? }`. */
export function loadVectors(dir = vectorsDir()) {
  const files = [];
  const walk = (d) => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith(".input.json")) files.push(path);
    }
  };
  walk(dir);
  return files.map((path) => {
    const input = readFileSync(path, "utf8");
    const expectedPath = path.replace(/\.input\.json$/, ".expected.json");
    const vector = {
      name: relative(dir, path).replace(/\.input\.json$/, "").split("\\").join("/"),
      input,
      expected: existsSync(expectedPath) ? readFileSync(expectedPath, "utf8") : null,
    };
    const specFile = JSON.parse(input).spec_file;
    if (specFile) vector.spec = readFileSync(join(dirname(path), specFile), "utf8");
    return vector;
  });
}
