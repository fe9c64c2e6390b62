// Benchmark: runs the real CLI as a fresh process, several times after a warm-up, and prints
// median wall time and peak RSS. Figures only, no pass/fail: machines here are shared and noisy.
// Usage: npm run bench   (builds first)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const PRELOAD = join(ROOT, 'bench', 'peak-rss.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function runOnce(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', PRELOAD, CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`status-catalog ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  const rss = Number(/bench:maxRSS=(\d+)/.exec(result.stderr)?.[1] ?? Number.NaN) / 1024;
  return { ms, rss };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function measure(label, args) {
  runOnce(args); // warm-up: file-system cache, not the process (each run is a fresh process)
  const runs = Array.from({ length: RUNS }, () => runOnce(args));
  return { label, ms: median(runs.map((r) => r.ms)), rss: Math.max(...runs.map((r) => r.rss)) };
}

const out = mkdtempSync(join(tmpdir(), 'status-catalog-bench-'));
try {
  const target = join(out, 'output');
  const rows = [
    measure('generate, default catalog (42 statuses)', ['generate', '--out', target]),
    measure('generate --check on fresh output', ['generate', '--out', target, '--check']),
  ];
  console.log(`status-catalog benchmark: ${RUNS} runs after a warm-up, whole process, Node ${process.version}`);
  console.log('| case | median wall time | peak RSS |');
  console.log('| --- | ---: | ---: |');
  for (const row of rows) console.log(`| ${row.label} | ${row.ms.toFixed(0)} ms | ${row.rss.toFixed(0)} MiB |`);
  console.log('\nLarge synthetic catalogs (100 / 1,000 / 10,000 error codes) and per-stage figures: not yet.');
} finally {
  rmSync(out, { recursive: true, force: true });
}
