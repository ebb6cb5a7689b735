// Minimal .npy reader/writer (format 1.0/2.0, little-endian float32/float64/uint8, C order).
import fs from 'fs';

/** Reads a .npy file: {shape, data (Float32Array|Float64Array|Uint8Array), dtype}. */
export function readNpy(path) {
  const buf = fs.readFileSync(path);
  if (buf.toString('latin1', 1, 6) !== 'NUMPY') throw new Error(`${path}: not a .npy file`);
  const major = buf[6];
  const hlen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const start = (major === 1 ? 10 : 12);
  const header = buf.toString('latin1', start, start + hlen);
  const descr = /'descr':\s*'([^']+)'/.exec(header)[1];
  const fortran = /'fortran_order':\s*True/.test(header);
  if (fortran) throw new Error(`${path}: Fortran order not supported`);
  const shape = /'shape':\s*\(([^)]*)\)/.exec(header)[1].split(',').map(s => s.trim()).filter(s => s).map(Number);
  const off = start + hlen;
  const n = shape.reduce((a, b) => a * b, 1);
  const bytes = buf.subarray(off);
  const copy = (k) => new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + n * k));
  let data;
  if (descr === '<f4') data = new Float32Array(copy(4).buffer);
  else if (descr === '<f8') data = new Float64Array(copy(8).buffer);
  else if (descr === '|u1' || descr === '<u1') data = copy(1);
  else throw new Error(`${path}: dtype ${descr} not supported`);
  return { shape, data, dtype: descr };
}

/** Writes a float32 (default) or float64 .npy file. */
export function writeNpy(path, shape, values, dtype = '<f4') {
  const n = shape.reduce((a, b) => a * b, 1);
  if (values.length !== n) throw new Error(`writeNpy ${path}: ${values.length} values for shape ${shape}`);
  const arr = dtype === '<f8' ? Float64Array.from(values) : Float32Array.from(values);
  const shapeStr = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${dtype}', 'fortran_order': False, 'shape': ${shapeStr}, }`;
  const total = 10 + header.length + 1;
  header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const pre = Buffer.alloc(10);
  pre[0] = 0x93; pre.write('NUMPY', 1, 'latin1'); pre[6] = 1; pre[7] = 0; pre.writeUInt16LE(header.length, 8);
  fs.writeFileSync(path, Buffer.concat([pre, Buffer.from(header, 'latin1'), Buffer.from(arr.buffer)]));
}
