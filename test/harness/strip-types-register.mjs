// `node --import ./strip-types-register.mjs`: registers strip-types.mjs, the .ts loader.
import { register } from 'node:module';

register('./strip-types.mjs', import.meta.url);
