/**
 * Build step: copies the HTML reference's style and script (generator/targets/docs/page/, see
 * page-assets.ts) beside the compiled generator. Usage: node dist/targets/docs/copy-page.js
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { PAGE_ASSETS, PAGE_DIR } from './page-assets.js';

const source = new URL('../../../generator/targets/docs/page/', import.meta.url);
mkdirSync(PAGE_DIR, { recursive: true });
for (const name of PAGE_ASSETS) copyFileSync(new URL(name, source), new URL(name, PAGE_DIR));
