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
import { functionSizesAndNames } from './lib/wasm-bytes.mjs';

const [listFile, wasmFile] = process.argv.slice(2);
if (!listFile || !wasmFile) throw new Error('usage: node lazy-names.dev.mjs <LAZY_LIST file> <module with a name section>');
const buf = fs.readFileSync(wasmFile);
const { names, sizes } = functionSizesAndNames(buf);
let mismatches = 0;
for (const line of fs.readFileSync(listFile, 'utf8').trim().split('\n')) {
  const [index, size] = line.split('\t').map(Number);
  if (sizes.get(index) !== size) mismatches++;
  console.log(`${size}\t${names.get(index) ?? '?'}`);
}
console.error(`size mismatches: ${mismatches}`);
