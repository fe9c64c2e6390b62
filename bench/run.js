// Benchmark: the real CLI as a fresh process, on the default catalog and on synthetic catalogs
// of 100, 1,000 and 10,000 error codes (bench/synthetic.js, deterministic). Each case runs once
// to warm the file-system cache, then RUNS times; it prints median wall time, peak RSS (the
// process and its worker thread) and the median of each stage (`generate --timings`).
// Figures only, no pass/fail exit: machines here are shared and noisy.
// Usage: npm run bench   (builds first; BENCH_RUNS=n to change the number of runs)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticCatalog } from './synthetic.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const PRELOAD = join(ROOT, 'bench', 'peak-rss.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const STAGES = ['load', 'validate', 'model', 'openapi', 'docs', 'typescript', 'write'];

function runOnce(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', PRELOAD, CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`status-catalog ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  const rss = Number(/bench:maxRSS=(\d+)/.exec(result.stderr)?.[1] ?? Number.NaN) / 1024;
  const timings = /^timings (.*)$/m.exec(result.stderr);
  return { ms, rss, stages: timings === null ? {} : JSON.parse(timings[1]) };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function measure(label, args) {
  runOnce(args);
  const runs = Array.from({ length: RUNS }, () => runOnce(args));
  const timed = STAGES.filter((stage) => runs.some((r) => stage in r.stages));
  const stages = Object.fromEntries(timed.map((stage) => [stage, median(runs.map((r) => r.stages[stage] ?? 0))]));
  return { label, ms: median(runs.map((r) => r.ms)), rss: Math.max(...runs.map((r) => r.rss)), stages };
}

const work = mkdtempSync(join(tmpdir(), 'status-catalog-bench-'));
try {
  const cases = [{ label: 'default catalog (42 statuses)', catalog: join(ROOT, 'data', 'status-codes.yaml') }];
  for (const count of [100, 1000, 10000]) {
    const catalog = join(work, `codes-${count}.yaml`);
    writeFileSync(catalog, syntheticCatalog(count, catalog));
    cases.push({ label: `${count.toLocaleString('en')} error codes`, catalog, count });
  }
  const rows = [];
  for (const c of cases) {
    const out = join(work, `out-${c.count ?? 'default'}`);
    rows.push({ ...measure(`generate, ${c.label}`, ['generate', '--catalog', c.catalog, '--out', out, '--timings']), count: c.count });
    if (c.count === undefined || c.count === 10000) {
      rows.push(measure(`generate --check on fresh output, ${c.label}`, ['generate', '--catalog', c.catalog, '--out', out, '--check']));
    }
  }

  console.log(`status-catalog benchmark: ${RUNS} runs after a warm-up, whole process (fresh node, worker included), Node ${process.version}`);
  console.log('');
  console.log(`| case | median wall time | peak RSS | ${STAGES.join(' | ')} |`);
  console.log(`| --- | ---: | ---: | ${STAGES.map(() => '---:').join(' | ')} |`);
  for (const row of rows) {
    const stages = STAGES.map((stage) => (stage in row.stages ? `${row.stages[stage]}` : '')).join(' | ');
    console.log(`| ${row.label} | ${row.ms.toFixed(0)} ms | ${row.rss.toFixed(0)} MiB | ${stages} |`);
  }
  console.log('');
  console.log('Stage columns are medians in ms inside the process; typescript runs on a worker thread, overlapping openapi and docs.');
  console.log('There is no format stage: the TypeScript is written in prettier\'s layout, which the tests check with prettier.');

  const find = (label) => rows.find((row) => row.label === label);
  const t10k = find('generate, 10,000 error codes');
  const t1k = find('generate, 1,000 error codes');
  const targets = [
    ['10,000 codes: wall time', `${t10k.ms.toFixed(0)} ms`, '≤ 2000 ms', t10k.ms <= 2000],
    ['10,000 codes: peak RSS', `${t10k.rss.toFixed(0)} MiB`, '≤ 400 MiB', t10k.rss <= 400],
    ['time(10k) / time(1k)', (t10k.ms / t1k.ms).toFixed(2), '≤ 5', t10k.ms / t1k.ms <= 5],
    ['default catalog', `${find('generate, default catalog (42 statuses)').ms.toFixed(0)} ms`, '≤ 600 ms', find('generate, default catalog (42 statuses)').ms <= 600],
    ['--check on fresh output (default)', `${find('generate --check on fresh output, default catalog (42 statuses)').ms.toFixed(0)} ms`, '≤ 300 ms', find('generate --check on fresh output, default catalog (42 statuses)').ms <= 300],
  ];
  console.log('');
  console.log('| target | measured | goal | met |');
  console.log('| --- | ---: | ---: | --- |');
  for (const [name, value, goal, met] of targets) console.log(`| ${name} | ${value} | ${goal} | ${met ? 'yes' : 'NO'} |`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
