// A static server for running the suite on its own (`npm test` without the
// xtask): serves the assembled demo site on 127.0.0.1 the way the xtask server
// does — the same strict Content-Security-Policy, the gzip copy of a file
// (`x.wasm.gz`) to browsers that accept gzip, an ETag on every file and
// `304 Not Modified` when the browser already has it.
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

export const CSP = "script-src 'self' 'wasm-unsafe-eval'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

async function exists(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Serves `root`; resolves to `{ url, close }`. */
export function serve(root) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) throw new Error("outside");
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "") && (await exists(`${file}.gz`));
      const body = await readFile(gzip ? `${file}.gz` : file);
      const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}${gzip ? "-gz" : ""}"`;
      const headers = {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        "Content-Security-Policy": CSP,
        "Cache-Control": "no-cache",
        ETag: etag,
        Vary: "Accept-Encoding",
        ...(gzip ? { "Content-Encoding": "gzip" } : {}),
      };
      if ((req.headers["if-none-match"] ?? "").split(",").some((t) => t.trim() === etag)) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain", "Content-Security-Policy": CSP });
      res.end("not found");
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
