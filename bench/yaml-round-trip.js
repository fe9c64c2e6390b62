// The yardstick of merge's cost: what the yaml library takes to read a spec as a Document (the
// kind of parse that keeps comments and layout) and print it back. run.js measures this
// process like the CLI (fresh node, wall time, peak RSS through peak-rss.js).
// Usage: node bench/yaml-round-trip.js SPEC
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';

const text = readFileSync(process.argv[2], 'utf8');
const printed = parseDocument(text).toString();
if (printed.length === 0) throw new Error(`${process.argv[2]}: printed nothing`);
