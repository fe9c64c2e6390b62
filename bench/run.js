// Benchmark: the real CLI as a fresh process, on the default catalog and on synthetic catalogs
// of 100, 1,000 and 10,000 error codes (bench/synthetic.js, deterministic). Each case runs once
// to warm the file-system cache, then RUNS times; it prints median wall time, peak RSS (the
// process and its worker thread) and the median of each stage (`generate --timings`).
// It also prints the bytes of each output; the generation floor (floor.js: parse the catalog
// and write the same bytes, the least any generator does) beside the generator; and what
// consumers of the generated TypeScript pay (consumer.js): tsc CPU time against a yardstick,
// the same data as a plain typed table, and esbuild bundle sizes of one-line importers.
// Nothing to do and --watch (benchFreshAndWatch): `generate` on up-to-date output against
// `generate --check`, and how long a change to the default catalog takes to be on disk under
// `generate --watch`.
// Figures only, no pass/fail exit: machines here are shared and noisy.
// Usage: npm run bench   (builds first; BENCH_RUNS=n to change the number of runs;
// BENCH_ONLY=merge or BENCH_ONLY=fresh for one part)
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout } from 'node:timers';
import { gunzipSync } from 'node:zlib';
import { bundleSize, measureTscCpu, writeYardstick } from './consumer.js';
import { syntheticCatalog, syntheticSpec } from './synthetic.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const FLOOR = join(ROOT, 'bench', 'floor.js');
const PRELOAD = join(ROOT, 'bench', 'peak-rss.js');
const ROUND_TRIP = join(ROOT, 'bench', 'yaml-round-trip.js');
const OPENAI_SPEC = join(ROOT, 'test', 'fixtures', 'specs', 'openai', 'openapi.yaml.gz');
// BENCH_ONLY=merge runs only the merge cases (quick to repeat while working on merge).
const ONLY_MERGE = process.env.BENCH_ONLY === 'merge';
// BENCH_ONLY=fresh runs only the nothing-to-do and --watch cases.
const ONLY_FRESH = process.env.BENCH_ONLY === 'fresh';
// Changes timed under --watch.
const WATCH_CHANGES = Number(process.env.BENCH_RUNS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// A type-check of the 10,000-code output takes tens of seconds: fewer runs by default.
const TSC_RUNS = Number(process.env.BENCH_RUNS ?? 3);
const STAGES = ['load', 'validate', 'model', 'openapi', 'docs', 'typescript', 'write'];

// `prepare` runs before the clock starts (the floor wants a fresh folder every run). A process
// that reports `bench:setupMs=` (the floor) has that much taken off its wall time.
function runOnce(args, { script = CLI, prepare } = {}) {
  prepare?.();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', PRELOAD, script, ...args], { cwd: ROOT, encoding: 'utf8' });
  const setupMs = Number(/bench:setupMs=([\d.]+)/.exec(result.stderr)?.[1] ?? 0);
  const ms = Number(process.hrtime.bigint() - start) / 1e6 - setupMs;
  if (result.status !== 0) throw new Error(`${script} ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  const rss = Number(/bench:maxRSS=(\d+)/.exec(result.stderr)?.[1] ?? Number.NaN) / 1024;
  const timings = /^timings (.*)$/m.exec(result.stderr);
  return { ms, rss, stages: timings === null ? {} : JSON.parse(timings[1]) };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function measure(label, args, options) {
  runOnce(args, options);
  const runs = Array.from({ length: RUNS }, () => runOnce(args, options));
  const timed = STAGES.filter((stage) => runs.some((r) => stage in r.stages));
  const stages = Object.fromEntries(timed.map((stage) => [stage, median(runs.map((r) => r.stages[stage] ?? 0))]));
  return { label, ms: median(runs.map((r) => r.ms)), rss: Math.max(...runs.map((r) => r.rss)), stages };
}

/** Like measure, for two commands run in turns (a, b, a, b, …), `runs` times each after a warm-up of each. */
function measureInTurns([labelA, argsA], [labelB, argsB], runs) {
  runOnce(argsA);
  runOnce(argsB);
  const a = [];
  const b = [];
  for (let run = 0; run < runs; run += 1) {
    a.push(runOnce(argsA));
    b.push(runOnce(argsB));
  }
  const row = (label, rows) => ({ label, ms: median(rows.map((r) => r.ms)), rss: Math.max(...rows.map((r) => r.rss)), stages: {} });
  return [row(labelA, a), row(labelB, b)];
}

/** Total bytes of the files under `dir` (0 when it does not exist). */
function treeBytes(dir) {
  let total = 0;
  if (!existsSync(dir)) return total;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return total;
}
/** Type-checks a generated folder with TypeScript 7's native tsc; returns its error lines and wall time. */
function checkWithNativeTsc(dir, work) {
  const project = join(work, 'native-tsc');
  rmSync(project, { recursive: true, force: true });
  mkdirSync(project);
  cpSync(dir, join(project, 'src'), { recursive: true });
  writeFileSync(join(project, 'package.json'), '{"type":"module"}\n');
  const options = {
    strict: true,
    target: 'ES2022',
    lib: ['ES2022'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    noEmit: true,
    types: [],
    erasableSyntaxOnly: true,
    verbatimModuleSyntax: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
  };
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, include: ['src/**/*.ts'] }));
  const start = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript-native', 'bin', 'tsc'), '-p', join(project, 'tsconfig.json')],
    { encoding: 'utf8' },
  );
  const seconds = (Number(process.hrtime.bigint() - start) / 1e9).toFixed(2);
  const lines = result.stdout.split('\n').filter((line) => line.includes('error TS'));
  return { errors: lines.length === 0 ? 'no errors' : `${lines.length} errors, first: ${lines[0]}`, seconds };
}

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const MiB = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

/**
 * Merge into OpenAI's 3 MB spec (test/fixtures/specs/openai), beside the yaml library's
 * parseDocument + toString of the same spec, in the same run: merge with attachments, then
 * --check of the merged spec (nothing to do). Targets: merge at most the round trip's wall
 * time and 1.5 times its peak memory, nothing to do at most half its wall time.
 */
function benchMerge(work) {
  const spec = join(work, 'openai.yaml');
  writeFileSync(spec, gunzipSync(readFileSync(OPENAI_SPEC)));
  const merged = join(work, 'openai-merged.yaml');
  const flags = ['--attach', '400,404,500', '--attach-default', '--prefix', 'Sc'];
  const roundTrip = measure('yaml parseDocument + toString, OpenAI spec (2.9 MB)', [spec], { script: ROUND_TRIP });
  const merge = measure('merge --attach 400,404,500 --attach-default, OpenAI spec', ['merge', spec, ...flags, '--out', merged]);
  const check = measure('merge --check, nothing to do (merged OpenAI spec)', ['merge', merged, ...flags, '--check']);
  console.log('');
  console.log(`Merge into a large spec (${RUNS} runs after a warm-up; fresh node; median wall time, peak RSS)`);
  console.log('');
  console.log('| case | median wall time | peak RSS |');
  console.log('| --- | ---: | ---: |');
  for (const row of [roundTrip, merge, check]) console.log(`| ${row.label} | ${row.ms.toFixed(0)} ms | ${row.rss.toFixed(0)} MiB |`);
  console.log('');
  console.log('| target | measured | goal | met |');
  console.log('| --- | ---: | ---: | --- |');
  const targets = [
    ['merge / round trip, wall time', merge.ms / roundTrip.ms, 1],
    ['merge / round trip, peak RSS', merge.rss / roundTrip.rss, 1.5],
    ['nothing to do / round trip, wall time', check.ms / roundTrip.ms, 0.5],
  ];
  for (const [name, ratio, goal] of targets) console.log(`| ${name} | ${ratio.toFixed(2)} | ≤ ${goal} | ${ratio <= goal ? 'yes' : 'NO'} |`);
  benchMergeManyOperations(work);
}

/**
 * Merge into a synthetic spec of 32,000 paths (bench/synthetic.js, 2.5 MB), with and without
 * attaching to every operation: attaching costs per operation, and must stay linear. Target:
 * attaching 4 responses to each of the 32,000 operations in at most 3 times the merge without.
 */
function benchMergeManyOperations(work) {
  const paths = 32000;
  const spec = join(work, 'synthetic-spec.yaml');
  writeFileSync(spec, syntheticSpec(paths));
  const size = MiB(statSync(spec).size);
  const plain = measure(`merge, ${paths.toLocaleString('en')} paths (${size})`, [
    'merge',
    spec,
    '--out',
    join(work, 'synthetic-plain.yaml'),
  ]);
  const attached = measure(`merge --attach 400,404,500 --attach-default, ${paths.toLocaleString('en')} paths`, [
    'merge',
    spec,
    '--attach',
    '400,404,500',
    '--attach-default',
    '--out',
    join(work, 'synthetic-attached.yaml'),
  ]);
  console.log('');
  console.log(`Merge into a spec of many operations (${RUNS} runs after a warm-up; fresh node; median wall time, peak RSS)`);
  console.log('');
  console.log('| case | median wall time | peak RSS |');
  console.log('| --- | ---: | ---: |');
  for (const row of [plain, attached]) console.log(`| ${row.label} | ${row.ms.toFixed(0)} ms | ${row.rss.toFixed(0)} MiB |`);
  const ratio = attached.ms / plain.ms;
  console.log('');
  console.log(`attaching / not attaching, wall time: ${ratio.toFixed(2)} (goal ≤ 3: ${ratio <= 3 ? 'met' : 'NOT met'})`);
}

/**
 * Nothing to do, and --watch, on the default catalog. Targets: `generate` on up-to-date output
 * (the record answers: no emitter loaded, nothing written) in at most 1.5 times `generate
 * --check` on the same output; under `generate --watch`, a change to the catalog on disk (the
 * watch's "wrote" line, printed once the folder is swapped in) within 0.5 s.
 */
async function benchFreshAndWatch(work) {
  const catalog = join(work, 'fresh-status-codes.yaml');
  writeFileSync(catalog, readFileSync(join(ROOT, 'data', 'status-codes.yaml'), 'utf8'));
  const out = join(work, 'fresh-out');
  runOnce(['generate', '--catalog', catalog, '--out', out]);
  // Taken in turns, three times as many runs as the others (each is short): on a shared
  // machine, two series run one after the other meet different loads.
  const [fresh, check] = measureInTurns(
    ['generate, nothing to do, default catalog', ['generate', '--catalog', catalog, '--out', out]],
    ['generate --check, nothing to do, default catalog', ['generate', '--catalog', catalog, '--out', out, '--check']],
    3 * RUNS,
  );
  const full = measure('generate --force, default catalog', ['generate', '--catalog', catalog, '--out', out, '--force']);
  const watch = await watchLatency(catalog, join(work, 'watch-out'));
  console.log('');
  console.log(
    `Nothing to do, and --watch (fresh node; median wall time, peak RSS; nothing to do and --check ${3 * RUNS} runs each in turns, --force ${RUNS}, after a warm-up)`,
  );
  console.log('');
  console.log('| case | median wall time | peak RSS |');
  console.log('| --- | ---: | ---: |');
  for (const row of [fresh, check, full]) console.log(`| ${row.label} | ${row.ms.toFixed(0)} ms | ${row.rss.toFixed(0)} MiB |`);
  console.log('');
  console.log('| target | measured | goal | met |');
  console.log('| --- | ---: | ---: | --- |');
  const ratio = fresh.ms / check.ms;
  console.log(`| generate with nothing to do / generate --check | ${ratio.toFixed(2)} | ≤ 1.5 | ${ratio <= 1.5 ? 'yes' : 'NO'} |`);
  console.log(
    `| --watch: a change to the default catalog on disk (median of ${watch.latencies.length}; slowest ${watch.slowest.toFixed(0)} ms) | ${watch.median.toFixed(0)} ms | ≤ 500 ms | ${watch.median <= 500 ? 'yes' : 'NO'} |`,
  );
  console.log('');
  console.log(`--watch started in ${watch.startMs.toFixed(0)} ms (first generation, ts-morph loaded once for every change after it).`);
}

/**
 * Starts `generate --watch` on `catalog`, then changes the catalog WATCH_CHANGES times (its
 * version line, a new value each time, written in place) and times each change until the watch
 * says it wrote the output; checks the output holds the new version.
 */
async function watchLatency(catalog, out) {
  const text = readFileSync(catalog, 'utf8');
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'generate', '--watch', '--catalog', catalog, '--out', out], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let wake = () => {};
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    stdout += chunk;
    wake();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const printed = async (pattern, from) => {
    const deadline = Date.now() + 60_000;
    while (!pattern.test(stdout.slice(from))) {
      if (Date.now() > deadline) throw new Error(`generate --watch printed no ${pattern}:\n${stdout}\n${stderr}`);
      await new Promise((resolve) => {
        wake = resolve;
        setTimeout(resolve, 1000);
      });
    }
  };
  let result;
  let code;
  try {
    await printed(/^status-catalog: watching /m, 0);
    const startMs = performance.now() - started;
    const latencies = [];
    for (let change = 1; change <= WATCH_CHANGES; change += 1) {
      const version = `bench-${change}`;
      const from = stdout.length;
      const start = performance.now();
      writeFileSync(catalog, text.replace(/^version: .*$/m, `version: "${version}"`));
      await printed(/^status-catalog: wrote /m, from);
      latencies.push(performance.now() - start);
      if (!readFileSync(join(out, 'openapi', 'components.yaml'), 'utf8').includes(`version: ${version}\n`)) {
        throw new Error(`generate --watch wrote, but not version ${version}`);
      }
    }
    result = { startMs, latencies, median: median(latencies), slowest: Math.max(...latencies) };
  } finally {
    child.kill('SIGINT');
    code = await exited;
    writeFileSync(catalog, text);
  }
  if (code !== 130) throw new Error(`generate --watch ended with ${code} on SIGINT, not 130:\n${stderr}`);
  return result;
}

const work = mkdtempSync(join(tmpdir(), 'status-catalog-bench-'));
try {
  if (ONLY_FRESH) {
    await benchFreshAndWatch(work);
    rmSync(work, { recursive: true, force: true });
    process.exit(0);
  }
  benchMerge(work);
  if (ONLY_MERGE) {
    rmSync(work, { recursive: true, force: true });
    process.exit(0);
  }
  const cases = [{ label: 'default catalog (42 statuses)', catalog: join(ROOT, 'data', 'status-codes.yaml') }];
  for (const count of [100, 1000, 10000]) {
    const catalog = join(work, `codes-${count}.yaml`);
    writeFileSync(catalog, syntheticCatalog(count, catalog));
    cases.push({ label: `${count.toLocaleString('en')} error codes`, catalog, count });
  }
  const rows = [];
  const floors = [];
  for (const c of cases) {
    const out = join(work, `out-${c.count ?? 'default'}`);
    c.out = out;
    // --force: every run a full generation (without it, every run after the first finds the
    // output up to date).
    const generated = measure(`generate, ${c.label}`, ['generate', '--catalog', c.catalog, '--out', out, '--timings', '--force']);
    rows.push({ ...generated, count: c.count });
    c.bytes = { ts: treeBytes(join(out, 'ts')), openapi: treeBytes(join(out, 'openapi')), all: treeBytes(out) };
    if (c.count === undefined || c.count === 10000) {
      rows.push(measure(`generate --check on fresh output, ${c.label}`, ['generate', '--catalog', c.catalog, '--out', out, '--check']));
      const floorOut = join(work, 'floor-out');
      const prepare = () => rmSync(floorOut, { recursive: true, force: true });
      floors.push({
        generated,
        floor: measure(`floor, ${c.label}`, [c.catalog, out, floorOut], { script: FLOOR, prepare }),
        label: c.label,
      });
    }
  }

  console.log(
    `status-catalog benchmark: ${RUNS} runs after a warm-up, whole process (fresh node, worker included), Node ${process.version}`,
  );
  console.log('');
  console.log(`| case | median wall time | peak RSS | ${STAGES.join(' | ')} |`);
  console.log(`| --- | ---: | ---: | ${STAGES.map(() => '---:').join(' | ')} |`);
  for (const row of rows) {
    const stages = STAGES.map((stage) => (stage in row.stages ? `${row.stages[stage]}` : '')).join(' | ');
    console.log(`| ${row.label} | ${row.ms.toFixed(0)} ms | ${row.rss.toFixed(0)} MiB | ${stages} |`);
  }
  console.log('');
  console.log('Stage columns are medians in ms inside the process; typescript runs on a worker thread, overlapping openapi and docs.');
  console.log("There is no format stage: the TypeScript is written in prettier's layout, which the tests check with prettier.");

  const find = (label) => rows.find((row) => row.label === label);
  const t10k = find('generate, 10,000 error codes');
  const t1k = find('generate, 1,000 error codes');
  const floor10k = floors.find((f) => f.label === '10,000 error codes').floor;
  const targets = [
    ['10,000 codes: wall time', `${t10k.ms.toFixed(0)} ms`, '≤ 2000 ms', t10k.ms <= 2000],
    ['10,000 codes: peak RSS', `${t10k.rss.toFixed(0)} MiB`, '≤ 400 MiB', t10k.rss <= 400],
    ['10,000 codes: generate / floor (floor table below)', (t10k.ms / floor10k.ms).toFixed(2), '≤ 2.5', t10k.ms / floor10k.ms <= 2.5],
    ['time(10k) / time(1k)', (t10k.ms / t1k.ms).toFixed(2), '≤ 5', t10k.ms / t1k.ms <= 5],
    [
      'default catalog',
      `${find('generate, default catalog (42 statuses)').ms.toFixed(0)} ms`,
      '≤ 600 ms',
      find('generate, default catalog (42 statuses)').ms <= 600,
    ],
    [
      '--check on fresh output (default)',
      `${find('generate --check on fresh output, default catalog (42 statuses)').ms.toFixed(0)} ms`,
      '≤ 300 ms',
      find('generate --check on fresh output, default catalog (42 statuses)').ms <= 300,
    ],
  ];
  console.log('');
  console.log('| target | measured | goal | met |');
  console.log('| --- | ---: | ---: | --- |');
  for (const [name, value, goal, met] of targets) console.log(`| ${name} | ${value} | ${goal} | ${met ? 'yes' : 'NO'} |`);

  await benchFreshAndWatch(work);

  console.log('');
  console.log('Output bytes (TypeScript: ts/; OpenAPI: the four files of openapi/; all: docs and manifest included)');
  console.log('');
  console.log('| case | TypeScript | OpenAPI | all |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const c of cases)
    console.log(
      `| ${c.label} | ${c.bytes.ts} (${MiB(c.bytes.ts)}) | ${c.bytes.openapi} (${MiB(c.bytes.openapi)}) | ${c.bytes.all} (${MiB(c.bytes.all)}) |`,
    );

  // The floor: same measure as the CLI (fresh process, wall time, peak RSS), minus the time it
  // took to read the finished output into memory first.
  console.log('');
  console.log(
    'Generation floor (bench/floor.js: fresh node, js-yaml parse following extends, write the same output bytes to a fresh folder)',
  );
  console.log('');
  console.log('| case | generate median | floor median | generate / floor | generate peak RSS | floor peak RSS |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const { label, generated, floor } of floors) {
    console.log(
      `| ${label} | ${generated.ms.toFixed(0)} ms | ${floor.ms.toFixed(0)} ms | ${(generated.ms / floor.ms).toFixed(2)} | ${generated.rss.toFixed(0)} MiB | ${floor.rss.toFixed(0)} MiB |`,
    );
  }

  // Consumers: tsc CPU time of the generated TypeScript against the yardstick, sequentially
  // (two cores: parallel runs would slow each other down).
  const empty = join(work, 'empty');
  mkdirSync(empty);
  writeFileSync(join(empty, 'index.ts'), 'export const answer = 42;\n');
  const tscMedian = (dir) => {
    const runs = Array.from({ length: TSC_RUNS }, () => measureTscCpu(dir));
    return { ...runs[0], cpuMs: median(runs.map((r) => r.cpuMs)), maxRssMiB: Math.max(...runs.map((r) => r.maxRssMiB)) };
  };
  const baseline = tscMedian(empty);
  const tscRows = [];
  for (const c of cases.filter((c) => c.count === 1000 || c.count === 10000)) {
    c.yardstick = join(work, `yardstick-${c.count}`);
    writeYardstick(c.catalog, c.yardstick);
    tscRows.push({ label: c.label, output: tscMedian(join(c.out, 'ts')), yardstick: tscMedian(c.yardstick) });
  }
  // Per-code classes are opt-in (typescript.errorCodeClasses): measured beside the default,
  // against the same yardstick, so the note on why they are opt-in stays honest.
  for (const c of cases.filter((c) => c.count === 1000 || c.count === 10000)) {
    const catalog = join(work, `classes-${c.count}.yaml`);
    writeFileSync(
      catalog,
      syntheticCatalog(c.count, catalog).replace('\nerrorBody:', '\ntypescript:\n  errorCodeClasses: true\nerrorBody:'),
    );
    const out = join(work, `classes-out-${c.count}`);
    runOnce(['generate', '--catalog', catalog, '--out', out]);
    tscRows.push({
      label: `${c.label}, one class per code (opt-in)`,
      output: tscMedian(join(out, 'ts')),
      yardstick: tscMedian(c.yardstick),
    });
  }
  const s = (ms) => (ms / 1000).toFixed(2);
  console.log('');
  console.log(
    `tsc CPU time (TypeScript 5.9 API in a fresh process, user + system, median of ${TSC_RUNS}; strict, NodeNext, lib ES2022, types [], skipLibCheck, noEmit)`,
  );
  console.log(
    `Empty project (one tiny file): ${s(baseline.cpuMs)} s CPU, ${baseline.maxRssMiB.toFixed(0)} MiB; "above" columns subtract it.`,
  );
  console.log('');
  console.log(
    '| size | output CPU s | yardstick CPU s | ratio (goal ≤ 3) | output above | yardstick above | ratio above | output peak RSS | yardstick peak RSS | output tsc errors |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const { label, output, yardstick } of tscRows) {
    const above = (r) => r.cpuMs - baseline.cpuMs;
    const errors = output.errors === 0 ? 'none' : `${output.errors}: ${output.firstError}`;
    const yardErrors = yardstick.errors === 0 ? '' : ` (yardstick: ${yardstick.firstError})`;
    console.log(
      `| ${label} | ${s(output.cpuMs)} | ${s(yardstick.cpuMs)} | ${(output.cpuMs / yardstick.cpuMs).toFixed(2)} | ` +
        `${s(above(output))} | ${s(above(yardstick))} | ${(above(output) / above(yardstick)).toFixed(2)} | ` +
        `${output.maxRssMiB.toFixed(0)} MiB | ${yardstick.maxRssMiB.toFixed(0)} MiB | ${errors}${yardErrors} |`,
    );
  }

  // TypeScript 7 (native) on the largest output, with the flags users of erasable-syntax toolchains set.
  const largest = cases.find((c) => c.count === 10000);
  const native = checkWithNativeTsc(join(largest.out, 'ts'), work);
  console.log('');
  console.log(
    `TypeScript 7 (native tsc, --erasableSyntaxOnly --verbatimModuleSyntax, strict) on the 10,000-code output: ${native.errors}, ${native.seconds} s wall`,
  );

  // Bundles: what one import costs an app built with esbuild (minified ESM, platform neutral).
  const defaultCase = cases.find((c) => c.count === undefined);
  const thousand = cases.find((c) => c.count === 1000);
  writeYardstick(defaultCase.catalog, (defaultCase.yardstick = join(work, 'yardstick-default')));
  const importers = {
    StatusCode: 'import { StatusCode } from "./index.ts"; console.log(StatusCode);',
    NotFoundError: 'import { NotFoundError } from "./index.ts"; console.log(new NotFoundError());',
    'everything (import * as all)': 'import * as all from "./index.ts"; console.log(all);',
  };
  const bundles = [
    [defaultCase, 'StatusCode', 3 * 1024],
    [thousand, 'StatusCode', 3 * 1024],
    [defaultCase, 'NotFoundError', 8 * 1024],
    [defaultCase, 'everything (import * as all)'],
    [thousand, 'everything (import * as all)'],
  ];
  console.log('');
  console.log(
    "Bundle sizes (esbuild --bundle --minify --format=esm --platform=neutral of a one-line importer; gzip at zlib's default level)",
  );
  console.log('');
  console.log('| import | catalog | bytes | gzip | goal | met | yardstick bytes (gzip) |');
  console.log('| --- | --- | ---: | ---: | ---: | --- | ---: |');
  for (const [c, name, goal] of bundles) {
    const size = bundleSize(join(c.out, 'ts'), importers[name]);
    // The yardstick has no classes: it only answers the StatusCode and namespace importers.
    const yard = name === 'NotFoundError' ? undefined : bundleSize(c.yardstick, importers[name]);
    console.log(
      `| ${name} | ${c.label} | ${size.bytes} (${kB(size.bytes)}) | ${size.gzipBytes} (${kB(size.gzipBytes)}) | ` +
        `${goal === undefined ? '' : `≤ ${goal / 1024} KiB`} | ${goal === undefined ? '' : size.bytes <= goal ? 'yes' : 'NO'} | ` +
        `${yard === undefined ? '' : `${yard.bytes} (${yard.gzipBytes})`} |`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
