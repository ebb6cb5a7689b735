#!/usr/bin/env node
// Compares two .npy files of the same shape: prints shape, max |a-b|, where, and mean |a-b|.
// Usage: node compare.mjs A.npy B.npy [--tol 1e-3]   (exit 1 when max |a-b| > tol)
import { readNpy } from './lib/npy.mjs';

const args = process.argv.slice(2);
const tolIdx = args.indexOf('--tol');
const tol = tolIdx >= 0 ? Number(args.splice(tolIdx, 2)[1]) : 1e-3;
if (args.length !== 2) { console.error('usage: node compare.mjs A.npy B.npy [--tol 1e-3]'); process.exit(2); }
const a = readNpy(args[0]), b = readNpy(args[1]);
const sa = a.shape.filter(d => d !== 1).join('x'), sb = b.shape.filter(d => d !== 1).join('x');
if (sa !== sb) { console.log(`shape mismatch: ${a.shape} vs ${b.shape}`); process.exit(1); }
let max = 0, at = 0, sum = 0;
for (let i = 0; i < a.data.length; i++) {
  const d = Math.abs(a.data[i] - b.data[i]);
  if (!(d <= max)) { max = d; at = i; }
  sum += d;
}
const idx = []; let r = at;
for (let k = a.shape.length - 1; k >= 0; k--) { idx.unshift(r % a.shape[k]); r = Math.floor(r / a.shape[k]); }
console.log(`shape ${a.shape.join('x')}  max|a-b| ${max.toExponential(3)} at [${idx}] (a=${a.data[at]}, b=${b.data[at]})  mean|a-b| ${(sum / a.data.length).toExponential(3)}  ${max <= tol ? 'OK' : 'FAIL'} (tol ${tol})`);
process.exit(max <= tol ? 0 : 1);
