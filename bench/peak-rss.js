// Preloaded into each measured process (node --import): reports its peak resident set size
// on exit, on stderr, as a line the benchmark reads.
process.on('exit', () => {
  process.stderr.write(`\nbench:maxRSS=${process.resourceUsage().maxRSS}\n`);
});
