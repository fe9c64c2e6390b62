// Preloaded into a CLI process under test (node --import): appends the URL of every module the
// process loads, on the main thread and on each worker thread (a worker runs the same
// --import), to the file named by LOADED_MODULES_LOG, one per line. Tests read it to see what a
// run loaded: ts-morph and prettier, or not.
import { register } from 'node:module';
import process from 'node:process';
import { URL } from 'node:url';

const log = process.env.LOADED_MODULES_LOG;
if (log !== undefined && log !== '') register(new URL('./loaded-modules-hooks.js', import.meta.url), { data: { log } });
