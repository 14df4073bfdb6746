// Reading and writing the bytes of a WebAssembly module, for the profiling drivers.

/** A cursor over a module's bytes: `leb()` reads an unsigned LEB128, `byte()` one byte. */
export class WasmReader {
  /** Starts after the module's 8-byte header unless `pos` is given. */
  constructor(buf, pos = 8) {
    this.buf = buf;
    this.pos = pos;
  }

  byte() {
    return this.buf[this.pos++];
  }

  leb() {
    let r = 0;
    let s = 0;
    let b;
    do {
      b = this.buf[this.pos++];
      r += (b & 0x7f) * 2 ** s;
      s += 7;
    } while (b & 0x80);
    return r;
  }

  /** Skips a name (its length, then its bytes). */
  skipName() {
    const length = this.leb(); // read before `pos`: `this.pos += this.leb()` would add to the old value
    this.pos += length;
  }

  /** Whether bytes are left. */
  more() {
    return this.pos < this.buf.length;
  }
}

/** `n` as an unsigned LEB128, an array of bytes. */
export function uleb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

/** Code size of each function and its name (from the name section, when the module has one), by function index: `{ names, sizes }`. */
export function functionSizesAndNames(buf) {
  const r = new WasmReader(buf);
  const names = new Map();
  const sizes = new Map();
  let imported = 0;
  while (r.more()) {
    const id = r.byte();
    const size = r.leb();
    const end = r.pos + size;
    if (id === 2) {
      // Imports: functions among them take the first indices.
      const n = r.leb();
      for (let i = 0; i < n; i++) {
        r.skipName();
        r.skipName();
        const kind = r.byte();
        if (kind === 0) {
          r.leb();
          imported++;
        } else if (kind === 1) {
          r.pos++;
          if (r.leb() & 1) r.leb();
          r.leb();
        } else if (kind === 2) {
          const flags = r.leb();
          r.leb();
          if (flags & 1) r.leb();
        } else if (kind === 3) {
          r.pos += 2;
        } else if (kind === 4) {
          r.pos++;
          r.leb();
        }
      }
    } else if (id === 10) {
      const n = r.leb();
      for (let i = 0; i < n; i++) {
        const s = r.leb();
        sizes.set(imported + i, s);
        r.pos += s;
      }
    } else if (id === 0) {
      const l = r.leb();
      const section = buf.subarray(r.pos, r.pos + l).toString();
      r.pos += l;
      while (section === 'name' && r.pos < end) {
        const sub = r.byte();
        const subEnd = r.leb() + r.pos;
        if (sub === 1) {
          const n = r.leb();
          for (let i = 0; i < n; i++) {
            const index = r.leb();
            const ln = r.leb();
            names.set(index, buf.subarray(r.pos, r.pos + ln).toString());
            r.pos += ln;
          }
        }
        r.pos = subEnd;
      }
    }
    r.pos = end;
  }
  return { names, sizes };
}
