// The data segments of a WebAssembly module, by origin: which source each string of the data comes
// from, and what each origin costs the module gzip -9 (the module with that origin's bytes zeroed,
// minus the module as it is).
//
//   node data-map.dev.mjs <module.wasm> [--root <repo>] [--src <folder>]… [--file <group>=<path>]…
//                         [--package dangjian-ui] [--map link.map --map-module linked.wasm]
//                         [--json out.json] [--left 40]
//
// Strings are found by their bytes: every string literal of the repository's crates, of the
// crates under ~/.cargo/registry/src that `--package` depends on for the wasm target and of the toolchain's std source (or the folders given with
// `--src`), whole and cut at its `{…}` placeholders, is looked for in the data; where two overlap
// the longer wins, and the repository's own before a dependency's. `--file group=path` adds a
// whole file's text (a style sheet minified by a build script, a table compacted by one). What no
// literal covers is classed by its look: zeros, words of 4 bytes that point into the data (the
// tables of `&str`s, vtables), other text, other bytes. `--left N` prints the N largest runs of
// text left unattributed, for a look by hand.
//
// Tables have no literal: `--map` takes wasm-ld's link map of a module linked with
// `-C link-arg=--Map=link.map` (`--map-module`, the module that link wrote; its layout may differ
// from the measured module's), and each named static of 16 bytes or more that is found once in
// the measured module's data, byte for byte, is counted as `static <its path>`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { WasmReader } from './lib/wasm-bytes.mjs';

const args = process.argv.slice(2);
const wasmFile = args.shift();
if (!wasmFile) throw new Error('usage: node data-map.dev.mjs <module.wasm> [--root R] [--src DIR]… [--file group=path]… [--json out] [--left N]');
const option = (name) => {
  const out = [];
  for (let i = 0; i < args.length; i++) if (args[i] === name) out.push(args[++i]);
  return out;
};
const root = option('--root')[0] ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const leftCount = Number(option('--left')[0] ?? 40);

const buf = fs.readFileSync(wasmFile);

/** The active data segments: `{ addr, start, end }` (file offsets of their bytes). */
function segments(buf) {
  const r = new WasmReader(buf);
  const out = [];
  while (r.more()) {
    const id = r.byte();
    const size = r.leb();
    const end = r.pos + size;
    if (id === 11) {
      const n = r.leb();
      for (let i = 0; i < n; i++) {
        const flags = r.leb();
        if (flags === 2) r.leb();
        let addr = null;
        if (flags !== 1) {
          const op = r.byte();
          if (op !== 0x41) throw new Error(`segment ${i}: offset is not an i32.const`);
          // signed LEB128
          let v = 0;
          let s = 0;
          let b;
          do {
            b = r.byte();
            v |= (b & 0x7f) << s;
            s += 7;
          } while (b & 0x80);
          if (s < 32 && b & 0x40) v |= -1 << s;
          addr = v >>> 0;
          if (r.byte() !== 0x0b) throw new Error(`segment ${i}: offset expression too long`);
        }
        const len = r.leb();
        out.push({ addr, start: r.pos, end: r.pos + len });
        r.pos += len;
      }
    }
    r.pos = end;
  }
  return out;
}

const segs = segments(buf);
const dataBytes = segs.reduce((n, s) => n + s.end - s.start, 0);
const lo = Math.min(...segs.map((s) => s.addr));
const hi = Math.max(...segs.map((s) => s.addr + s.end - s.start));

// The data as one buffer indexed from `lo` (gaps between segments are zeros at run time).
const mem = Buffer.alloc(hi - lo);
for (const s of segs) buf.copy(mem, s.addr - lo, s.start, s.end);
const present = new Uint8Array(mem.length);
for (const s of segs) present.fill(1, s.addr - lo, s.addr - lo + s.end - s.start);

// ---- literals ----

/** The string literals of Rust source `text`, unescaped (normal, raw, byte). */
function rustLiterals(text) {
  const out = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const e = text.indexOf('\n', i);
      i = e < 0 ? n : e;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 2;
      continue;
    }
    if (c === "'") {
      // char literal or lifetime: skip a char literal's body so a '"' is not taken for a string
      const m = /^'(?:\\(?:u\{[0-9a-fA-F]+\}|x[0-9a-fA-F]{2}|.)|[^\\'])'/su.exec(text.slice(i, i + 14));
      i += m ? m[0].length : 1;
      continue;
    }
    if ((c === 'r' || (c === 'b' && text[i + 1] === 'r')) && !/[A-Za-z0-9_]/.test(text[i - 1] ?? ' ')) {
      const m = /^b?r(#*)"/.exec(text.slice(i, i + 40));
      if (m) {
        const close = `"${m[1]}`;
        const s = i + m[0].length;
        const e = text.indexOf(close, s);
        if (e < 0) break;
        out.push(text.slice(s, e));
        i = e + close.length;
        continue;
      }
    }
    if (c === '"') {
      let s = '';
      let j = i + 1;
      while (j < n && text[j] !== '"') {
        if (text[j] === '\\') {
          const d = text[j + 1];
          if (d === 'n') s += '\n';
          else if (d === 't') s += '\t';
          else if (d === 'r') s += '\r';
          else if (d === '0') s += '\0';
          else if (d === '\\' || d === '"' || d === "'") s += d;
          else if (d === 'x') {
            s += String.fromCharCode(parseInt(text.slice(j + 2, j + 4), 16));
            j += 2;
          } else if (d === 'u') {
            const e = text.indexOf('}', j);
            s += String.fromCodePoint(parseInt(text.slice(j + 3, e), 16) || 0);
            j = e - 1;
          } else if (d === '\n' || d === '\r') {
            j += 1;
            while (/\s/.test(text[j + 1] ?? '')) j++;
            j += 1;
            continue;
          }
          j += 2;
          continue;
        }
        s += text[j];
        j++;
      }
      out.push(s);
      i = j + 1;
      continue;
    }
    i++;
  }
  return out;
}

/** `lit` whole and cut at its format placeholders (`{}`, `{0}`, `{name:?}`), `{{`/`}}` as one brace. */
function pieces(lit) {
  const out = [lit];
  if (lit.includes('{') || lit.includes('}')) {
    const parts = lit.split(/\{[A-Za-z0-9_.:?#<>^+\-]*\}/);
    for (const p of parts) out.push(p.replaceAll('{{', '{').replaceAll('}}', '}'));
    out.push(lit.replaceAll('{{', '{').replaceAll('}}', '}'));
  }
  return out;
}

/** Every file under `dir` whose name ends with one of `exts`, skipping `target`, `node_modules`, `.git`. */
function walk(dir, exts, out = []) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    // not linked into a module: build output, tests, benches, the CLI and the build tool
    if (['target', 'node_modules', 'tests', 'benches', 'examples', 'cli', 'xtask'].includes(e.name) || e.name.startsWith('.') || /tests$/.test(e.name)) continue;
    if (e.name === 'tests.rs') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, exts, out);
    else if (exts.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out;
}

/** The group a source file's literals are counted in. */
function groupOf(file) {
  const rel = path.relative(root, file);
  if (!rel.startsWith('..')) {
    const m = /^crates\/([^/]+)\/src\/([^/.]+)/.exec(rel);
    if (m) {
      const [, crate, top] = m;
      if (crate === 'ui' && ['components', 'views', 'hooks', 'settings', 'supervision'].includes(top)) return `ui/${top}`;
      if (crate === 'ui') return 'ui/other';
      if (crate === 'core' || crate === 'standards') return `${crate}/${top}`;
      return crate;
    }
    return `repo:${rel.split('/').slice(0, 2).join('/')}`;
  }
  const reg = /registry\/src\/[^/]+\/([^/]+)\//.exec(file);
  if (reg) return reg[1].replace(/-\d+(\.\d+)*(-[\w.]+)?$/, '');
  const std = /library\/([^/]+)\//.exec(file);
  if (std) return `std:${std[1]}`;
  return file;
}

const sourceRoots = option('--src');
if (sourceRoots.length === 0) {
  sourceRoots.push(path.join(root, 'crates'));
  // the crates the UI crate depends on for the wasm target (not every crate of the registry)
  const reg = path.join(os.homedir(), '.cargo/registry/src');
  const tree = execFileSync(
    'cargo',
    ['tree', '-p', option('--package')[0] ?? 'dangjian-ui', '--target', 'wasm32-unknown-unknown', '-e', 'normal,no-proc-macro', '--prefix', 'none', '--format', '{p}'],
    { cwd: root, encoding: 'utf8' },
  );
  const deps = new Set();
  for (const line of tree.split('\n')) {
    const m = /^(\S+) v(\S+)$/.exec(line.replace(/ \(\*\)$/, '').trim());
    if (m) deps.add(`${m[1]}-${m[2]}`);
  }
  for (const index of fs.existsSync(reg) ? fs.readdirSync(reg) : []) {
    for (const dep of deps) if (fs.existsSync(path.join(reg, index, dep))) sourceRoots.push(path.join(reg, index, dep));
  }
  try {
    const sysroot = execFileSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' }).trim();
    sourceRoots.push(path.join(sysroot, 'lib/rustlib/src/rust/library'));
  } catch {
    // no toolchain source: std's strings stay unattributed
  }
}

// Candidate literals: bytes → group, the repository's first.
const candidates = new Map();
const ownGroups = new Set();
function add(text, group, own) {
  if (own) ownGroups.add(group);
  for (const p of pieces(text)) {
    const bytes = Buffer.from(p, 'utf8');
    if (bytes.length < 3) continue;
    const key = bytes.toString('latin1');
    const had = candidates.get(key);
    if (had === undefined || (!ownGroups.has(had) && own)) candidates.set(key, group);
  }
}
for (const spec of option('--file')) {
  const [group, file] = spec.split('=');
  add(fs.readFileSync(file, 'utf8'), group, true);
}
for (const dir of sourceRoots) {
  for (const file of walk(dir, ['.rs'])) {
    let text;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (!text.includes('"')) continue;
    const g = groupOf(file);
    const mine = !path.relative(root, file).startsWith('..');
    for (const lit of rustLiterals(text)) add(lit, g, mine);
  }
  // data files embedded whole (include_str!)
  if (dir.startsWith(path.join(root, 'crates'))) {
    for (const file of walk(dir, ['.json', '.css', '.txt'])) add(fs.readFileSync(file, 'utf8'), `${groupOf(file)} (${path.basename(file)})`, true);
  }
}

/** The path of a Rust v0 symbol (`_RNvNtCs…_4core3num…`) as `core::num::…`: its identifiers in order. */
function demangle(sym) {
  if (!sym.startsWith('_R')) return sym;
  const t = sym.replace(/C[sh][0-9A-Za-z]*_/g, 'C').replace(/\.\d+$/, '');
  const out = [];
  for (let i = 2; i < t.length; ) {
    if (!/[0-9]/.test(t[i]) || t[i] === '0') {
      i++;
      continue;
    }
    let j = i;
    while (/[0-9]/.test(t[j])) j++;
    const n = Number(t.slice(i, j));
    if (t[j] === '_') j++;
    const id = t.slice(j, j + n);
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(id)) {
      out.push(id);
      i = j + n;
    } else i++;
  }
  return out.filter((x) => !/^(RUST_STD_INTERNAL_VAL|VAL)$/.test(x)).join('::');
}

// Named statics from a link map, found again by their bytes.
const mapFile = option('--map')[0];
const owner0 = new Array(mem.length).fill(null);
if (mapFile) {
  const linked = (() => {
    const b = fs.readFileSync(option('--map-module')[0]);
    const ss = segments(b);
    const top = Math.max(...ss.map((x) => x.addr + x.end - x.start));
    const m = Buffer.alloc(top);
    for (const x of ss) b.copy(m, x.addr, x.start, x.end);
    return m;
  })();
  let inData = false;
  for (const line of fs.readFileSync(mapFile, 'utf8').split('\n')) {
    const p = line.trim().split(/\s+/);
    if (p[3] === 'DATA') inData = true;
    else if (p.length === 4 && p[0] === '-') inData = false;
    if (!inData || p.length < 4 || p[0] === '-' || line.includes('.o:(') || p[3].startsWith('.')) continue;
    const addr = parseInt(p[0], 16);
    const size = parseInt(p[2], 16);
    if (size < 16 || addr + size > linked.length) continue;
    const bytes = linked.subarray(addr, addr + size);
    if (bytes.every((b) => b === 0)) continue;
    const at = mem.indexOf(bytes);
    if (at < 0 || mem.indexOf(bytes, at + 1) >= 0) continue;
    owner0.fill(`static ${demangle(p[3])}`, at, at + size);
  }
}

// Index of the data by its first 3 bytes.
const index = new Map();
for (let i = 0; i + 3 <= mem.length; i++) {
  if (!present[i]) continue;
  const k = mem[i] | (mem[i + 1] << 8) | (mem[i + 2] << 16);
  let a = index.get(k);
  if (!a) index.set(k, (a = []));
  a.push(i);
}

// Matches: longest first; a byte is taken by the first literal that covers it, a literal of
// 3–5 bytes counts only where it stands between bytes no other literal took and is not inside text.
const owner = owner0;
const keys = [...candidates.keys()].sort((a, b) => b.length - a.length);
for (const key of keys) {
  const bytes = Buffer.from(key, 'latin1');
  const k = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
  const at = index.get(k);
  if (!at) continue;
  const group = candidates.get(key);
  for (const i of at) {
    if (i + bytes.length > mem.length) continue;
    if (owner[i] !== null) continue;
    if (mem.compare(bytes, 0, bytes.length, i, i + bytes.length) !== 0) continue;
    let free = true;
    for (let j = i; j < i + bytes.length; j++) if (owner[j] !== null) free = false;
    if (!free) continue;
    if (bytes.length < 6) {
      // a short literal inside a longer run of text is more likely a coincidence
      const before = mem[i - 1];
      const after = mem[i + bytes.length];
      const texty = (b) => b !== undefined && b >= 0x20 && b < 0x7f && /[A-Za-z]/.test(String.fromCharCode(b));
      if (texty(before) && texty(after)) continue;
    }
    owner.fill(group, i, i + bytes.length);
  }
}

// What no literal took, by its look.
/** The length of the printable UTF-8 character at `i` (0 when it is not one): ASCII text, or a
 * well-formed sequence of 2–4 bytes for a character from U+00A0 on (CJK, punctuation, …). */
function textChar(i) {
  const b = mem[i];
  if ((b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x09) return 1;
  const n = b >= 0xf0 && b < 0xf5 ? 4 : b >= 0xe0 ? (b < 0xf0 ? 3 : 0) : b >= 0xc2 ? 2 : 0;
  if (n === 0 || i + n > mem.length) return 0;
  for (let k = 1; k < n; k++) if ((mem[i + k] & 0xc0) !== 0x80) return 0;
  const cp = Buffer.from(mem.subarray(i, i + n)).toString('utf8').codePointAt(0);
  if (cp < 0xa0 || (cp >= 0xd800 && cp < 0xe000) || cp >= 0xf0000) return 0;
  // outside the blocks text here is written in: Latin, punctuation, CJK, full-width forms
  if (!(cp < 0x600 || (cp >= 0x2000 && cp < 0x2c00) || (cp >= 0x3000 && cp < 0xa000) || (cp >= 0xfe30 && cp < 0x10000))) return 0;
  return n;
}
for (let i = 0; i < mem.length; ) {
  if (owner[i] !== null || !present[i]) {
    i++;
    continue;
  }
  // aligned 4-byte pointers into the data
  if ((i + lo) % 4 === 0 && i + 4 <= mem.length) {
    const v = mem.readUInt32LE(i);
    if (v >= lo && v < hi && owner[i + 1] === null && owner[i + 2] === null && owner[i + 3] === null) {
      owner.fill('(pointers into the data: &str tables, vtables)', i, i + 4);
      i += 4;
      continue;
    }
  }
  if (mem[i] === 0) {
    owner[i] = '(zeros)';
    i++;
    continue;
  }
  let j = i;
  let chars = 0;
  for (let n; j < mem.length && owner[j] === null && present[j] && (n = textChar(j)) > 0; j += n) chars++;
  if (chars >= 4) {
    owner.fill('(text, origin not found)', i, j);
    i = j;
    continue;
  }
  owner[i] = '(other bytes: numbers, lengths, tables)';
  i++;
}

// ---- sizes ----

function gz(bytes) {
  return execFileSync('gzip', ['-9', '-n', '-c'], { input: bytes, maxBuffer: 1 << 28 }).length;
}
const base = gz(buf);
/** The gzip -9 cost of `group`'s bytes (every byte of it zeroed in the module). */
function share(test) {
  const copy = Buffer.from(buf);
  for (const s of segs) {
    for (let f = s.start; f < s.end; f++) {
      const i = s.addr - lo + (f - s.start);
      if (test(owner[i])) copy[f] = 0;
    }
  }
  return base - gz(copy);
}

const byGroup = new Map();
for (let i = 0; i < mem.length; i++) {
  if (!present[i]) continue;
  const g = owner[i];
  byGroup.set(g, (byGroup.get(g) ?? 0) + 1);
}
const rows = [...byGroup.entries()]
  .map(([group, bytes]) => ({ group, bytes, gzip: share((o) => o === group) }))
  .sort((a, b) => b.gzip - a.gzip || b.bytes - a.bytes);
const all = share(() => true);

/** The broad origin of a group, for the summary. */
function category(group) {
  if (group === null) return '(zeros)';
  if (/dec2flt/.test(group)) return "std: reading floats (dec2flt's powers of five)";
  if (/flt2dec/.test(group)) return 'std: writing floats (grisu, dragon)';
  if (/unicode/.test(group)) return "std: Unicode tables (char classes, escapes)";
  if (/style sheet/.test(group)) return 'the style sheet';
  if (/^ui\//.test(group)) return "the UI's words";
  if (/^core\//.test(group)) return "the engine's words (core)";
  if (/^standards/.test(group)) return "the standard forms' words and tables";
  if (group === 'wasm') return "the npm layer's messages (crates/wasm)";
  if (/^std:|^static /.test(group)) return "std's strings and statics";
  if (group.startsWith('(')) return group;
  return "dependencies' strings (regex-lite, web-sys, wasm-bindgen, Yew, serde_json, itoa, gloo, …)";
}
const categories = new Map();
for (const r of rows) {
  const c = category(r.group);
  categories.set(c, (categories.get(c) ?? 0) + r.bytes);
}
const summary = [...categories.entries()]
  .map(([name, bytes]) => ({ name, bytes, gzip: share((o) => category(o) === name) }))
  .sort((a, b) => b.gzip - a.gzip || b.bytes - a.bytes);

console.log(`${wasmFile}: ${buf.length} bytes, gzip -9 ${base}; data ${dataBytes} bytes in ${segs.length} segments, all of it zeroed: −${all} gzip`);
console.log('origin\tbytes\tgzip -9 share');
for (const r of summary) console.log(`${r.name}\t${r.bytes}\t${r.gzip}`);
console.log('\ngroup\tbytes\tgzip -9 share');
for (const r of rows) console.log(`${r.group}\t${r.bytes}\t${r.gzip}`);

const left = [];
for (let i = 0; i < mem.length; ) {
  if (owner[i] !== '(text, origin not found)') {
    i++;
    continue;
  }
  let j = i;
  while (j < mem.length && owner[j] === '(text, origin not found)') j++;
  left.push({ at: i + lo, text: mem.subarray(i, j).toString('utf8') });
  i = j;
}
left.sort((a, b) => b.text.length - a.text.length);
if (leftCount > 0) {
  console.log(`\nlargest runs of text not attributed (${left.length} runs):`);
  for (const l of left.slice(0, leftCount)) console.log(`${l.at}\t${l.text.length}\t${JSON.stringify(l.text.slice(0, 160))}`);
}

const jsonOut = option('--json')[0];
if (jsonOut) {
  // runs of one owner, for comparing modules and looking by hand
  const runs = [];
  for (let i = 0; i < mem.length; ) {
    if (!present[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < mem.length && present[j] && owner[j] === owner[i]) j++;
    runs.push({ at: i + lo, group: owner[i], text: mem.subarray(i, j).toString('latin1') });
    i = j;
  }
  fs.writeFileSync(jsonOut, JSON.stringify({ module: wasmFile, base, all, summary, rows, runs }));
}
