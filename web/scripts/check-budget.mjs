// Fails the build when the initial load (the scripts and styles index.html pulls in, with their static imports)
// weighs more than the budget gzipped. Lazily loaded chunks and data files (the atlas) are not part of it.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET = 500 * 1024;
const out = process.argv[2] ?? 'target/classes/META-INF/resources';
const manifest = JSON.parse(readFileSync(join(out, '.vite/manifest.json'), 'utf8'));

const files = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  (chunk.css ?? []).forEach((css) => files.add(css));
  (chunk.imports ?? []).forEach(visit);
};
Object.entries(manifest).filter(([, chunk]) => chunk.isEntry).forEach(([key]) => visit(key));

let total = 0;
for (const file of files) {
  const gzipped = gzipSync(readFileSync(join(out, file)), { level: 9 }).length;
  total += gzipped;
  console.log(`  ${file}: ${(gzipped / 1024).toFixed(1)} KB gzipped`);
}
console.log(`Initial load: ${(total / 1024).toFixed(1)} KB of JavaScript and CSS gzipped (budget ${BUDGET / 1024} KB)`);
if (total > BUDGET) {
  console.error(`Over budget by ${((total - BUDGET) / 1024).toFixed(1)} KB`);
  process.exit(1);
}
