// A module hook for Node 20 that loads .ts files as Node 22.6+ does under type stripping (and
// Deno and Bun do by default): each file on its own, its types removed, its imports kept as
// written (verbatimModuleSyntax: an import of a type without `type` fails, as it does there),
// its relative specifiers resolved as they are, `.ts` included. esbuild does the removing;
// unlike Node's strip-only mode it also compiles enums, so a test of erasable syntax is tsc's
// --erasableSyntaxOnly, not this. Registered with `node --import <this file's register.mjs>`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const source = readFileSync(fileURLToPath(url), 'utf8');
  const { code } = transformSync(source, {
    loader: 'ts',
    format: 'esm',
    target: 'es2022',
    sourcefile: fileURLToPath(url),
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
  });
  return { format: 'module', source: code, shortCircuit: true };
}
