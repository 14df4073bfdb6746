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
