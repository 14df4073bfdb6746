// Names the functions `LAZY_LIST=list.txt node lazy.dev.mjs <package>` listed, from the same
// module bound again with its name section. The package's module has no names (and its glue
// short ones, so a named module cannot be dropped into it); the functions are matched by index,
// and each one's body size is checked, so a module bound differently is caught.
//
//   LAZY_LIST=list.txt node lazy.dev.mjs target/npm/dangjian-forms
//   wasm-bindgen target/npm-build/full.wasm --out-dir /tmp/named --out-name dangjian --target web
//   wasm-opt /tmp/named/dangjian_bg.wasm -o /tmp/named/named.wasm <the flags of crates/xtask/src/shrink.rs, -g for --strip-debug>
//   node lazy-names.dev.mjs list.txt /tmp/named/named.wasm > names.txt    # size <TAB> name, one a line
import fs from 'node:fs';
import { WasmReader } from './lib/wasm-bytes.mjs';

const [listFile, wasmFile] = process.argv.slice(2);
if (!listFile || !wasmFile) throw new Error('usage: node lazy-names.dev.mjs <LAZY_LIST file> <module with a name section>');
const buf = fs.readFileSync(wasmFile);
const r = new WasmReader(buf);
const names = new Map();
const sizes = new Map();
let imported = 0;
while (r.more()) {
  const id = r.byte();
  const end = r.leb() + r.pos;
  if (id === 2) {
    // Imports: only the functions count, since they come first in the function index space.
    const n = r.leb();
    for (let i = 0; i < n; i++) {
      r.skipName();
      r.skipName();
      const kind = r.byte();
      if (kind === 0) (r.leb(), imported++);
      else if (kind === 1) (r.pos++, r.leb() & 1 ? (r.leb(), r.leb()) : r.leb());
      else if (kind === 2) { const flags = r.leb(); r.leb(); if (flags & 1) r.leb(); }
      else if (kind === 3) r.pos += 2;
      else if (kind === 4) (r.pos++, r.leb());
    }
  } else if (id === 10) {
    const n = r.leb();
    for (let i = 0; i < n; i++) {
      const size = r.leb();
      sizes.set(imported + i, size);
      r.pos += size;
    }
  } else if (id === 0) {
    const length = r.leb();
    const name = buf.subarray(r.pos, r.pos + length).toString();
    r.pos += length;
    while (name === 'name' && r.pos < end) {
      const sub = r.byte();
      const subEnd = r.leb() + r.pos;
      if (sub === 1) {
        const n = r.leb();
        for (let i = 0; i < n; i++) {
          const index = r.leb();
          const l = r.leb();
          names.set(index, buf.subarray(r.pos, r.pos + l).toString());
          r.pos += l;
        }
      }
      r.pos = subEnd;
    }
  }
  r.pos = end;
}
let mismatches = 0;
for (const line of fs.readFileSync(listFile, 'utf8').trim().split('\n')) {
  const [index, size] = line.split('\t').map(Number);
  if (sizes.get(index) !== size) mismatches++;
  console.log(`${size}\t${names.get(index) ?? '?'}`);
}
console.error(`size mismatches: ${mismatches}`);
