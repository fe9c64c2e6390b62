/**
 * The limits that keep hostile or mistaken input from hanging the generator or exhausting
 * memory. Each one is named in the error that enforces it.
 */

/**
 * Catalogs past this size are refused before parsing: a catalog is hand-written text (10,000
 * codes with real messages take 2.7 MB). It bounds what a problem costs to locate: the parse
 * that knows positions takes about 8 s and 1 GB on 8 MiB of the smallest entries.
 */
export const MAX_CATALOG_BYTES = 8 * 1024 * 1024;

/**
 * Error codes a catalog and those it extends may list in all: the checks and the outputs grow
 * with them. The worst catalog these limits accept (this many codes, 500 statuses each listing
 * every one of MAX_HEADERS headers, MAX_CATALOG_BYTES in all) generates in 11 to 14 s with at
 * most 1.5 GB on a shared 2-core machine. Real services publish a few thousand codes.
 */
export const MAX_ERROR_CODES = 50_000;

/** Entries of statuses in one catalog: one per status 100-599, so no valid catalog lists more. */
export const MAX_STATUSES = 500;

/** Headers a catalog and those it extends may declare in all; every status may list each of them. */
export const MAX_HEADERS = 100;

/** Aliases a catalog or spec may hold; far above honest use, far below an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/**
 * How much data all the aliases of a file may stand for, each counted as what it names written
 * out (1 per node plus the characters of its scalars, the aliases inside it counted again): a
 * few aliases can name each other into data of exponential size, which every walk would expand.
 */
export const MAX_ALIAS_EXPANSION = 1_000_000;

/** How many catalogs an `extends` chain may hold; deeper is surely a mistake. */
export const MAX_EXTENDS_DEPTH = 8;

/** How deeply collections may nest; a real catalog needs six levels, parsers' stacks run out. */
export const MAX_NESTING = 100;

/** Specs past this size are refused before parsing; public specs run to a few MB. */
export const MAX_SPEC_BYTES = 64 * 1024 * 1024;

/**
 * Manifests (and the fast path's record of one) past this size are not read: the generator's
 * own lists one line per file, some 100 bytes each.
 */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

/** Characters a codePattern may hold: a pattern for codes is a line, and its check grows with it. */
export const MAX_CODE_PATTERN_LENGTH = 1000;

/**
 * Steps the backtracking check of a codePattern may take (redos-detector's maxSteps): what
 * decides the verdict, so it is the same on every machine. Real code patterns take under a
 * hundred; an ambiguous alternation of long words a few hundred.
 */
export const PATTERN_CHECK_STEPS = 2000;

/**
 * Time the backtracking check may take at most, for patterns whose every step is costly; past
 * it the pattern is refused. A backstop only: 2,000 steps of an ordinary pattern take about
 * 0.2 s, and up to a second on a busy 2-core machine, so the bound sits well above that and
 * the verdict stays the step bound's, the same on every machine.
 */
export const PATTERN_CHECK_TIME_LIMIT_MS = 3000;
