// Bundles the dashboard into the folder given as the first argument (the api jar's dashboard/ folder; default
// dist/): index.html, and app-<hash>.js and app-<hash>.css, whose hashed names let them be cached for good.
import * as esbuild from 'esbuild';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(process.argv[2] ?? path.join(here, 'dist'));
await rm(out, { recursive: true, force: true });

const result = await esbuild.build({
  entryPoints: [path.join(here, 'src', 'app.js')],
  bundle: true,
  format: 'esm',
  target: ['es2022'],
  minify: true,
  outdir: out,
  entryNames: '[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
});

const [script, output] = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint?.endsWith('app.js'));
const html = (await readFile(path.join(here, 'index.html'), 'utf8'))
  .replace('%SCRIPT%', path.basename(script))
  .replace('%STYLE%', path.basename(output.cssBundle));
await writeFile(path.join(out, 'index.html'), html);
const size = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(`dashboard: ${Object.keys(result.metafile.outputs).length + 1} files, ${Math.round(size / 1024)} KiB, in ${out}`);
