// The module hooks behind loaded-modules.js: they run on the loader's own thread, and append
// each URL as it is loaded (a module is loaded once per thread).
import { appendFileSync } from 'node:fs';

let log = '';

export function initialize(data) {
  log = data.log;
}

export async function load(url, context, nextLoad) {
  appendFileSync(log, `${url}\n`);
  return nextLoad(url, context);
}
