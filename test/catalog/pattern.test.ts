/**
 * The check every codePattern passes before it is run: patterns that can backtrack
 * catastrophically are refused with the reason, the patterns catalogs really use are accepted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MAX_CODE_PATTERN_LENGTH } from '../../generator/util/limits.js';
import { codePatternProblem } from '../../generator/catalog/pattern.js';
import { ROOT } from '../harness/helpers.js';

/** Every errorBody.codePattern written in a catalog under data/ and test/fixtures/, by file. */
function patternsInRepository(): [string, string][] {
  const found: [string, string][] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(ya?ml|json)$/.test(entry.name)) {
        let data: unknown;
        try {
          data = parse(readFileSync(path, 'utf8'));
        } catch {
          continue; // the malformed fixtures
        }
        const pattern = (data as { errorBody?: { codePattern?: unknown } } | null)?.errorBody?.codePattern;
        if (typeof pattern === 'string') found.push([relative(ROOT, path), pattern]);
      }
    }
  };
  visit(join(ROOT, 'data'));
  visit(join(ROOT, 'test', 'fixtures'));
  return found;
}

describe('codePattern check', () => {
  const inRepository = patternsInRepository();

  it('finds the patterns of the default catalog and the fixtures', () => {
    expect(inRepository.map(([file]) => file)).toEqual(
      expect.arrayContaining([join('data', 'status-codes.yaml'), join('test', 'fixtures', 'catalogs', 'storage.yaml')]),
    );
  });

  it.each(inRepository)('accepts the pattern of %s (%s)', (_file, pattern) => {
    expect(codePatternProblem(pattern)).toBeUndefined();
  });

  it.each([
    '^S3M\\.[0-9]{4}$',
    '^SVCSTG\\.[A-Z]+(?:-[A-Z]+)*\\.[0-9]{4,8}$',
    '^[0-9]{4,8}$',
    '^.+$',
    '^[A-Z]{2,5}\\.[0-9]{4}$',
    '^[a-z]+(?:_[a-z]+)*$',
    '^[A-Z][A-Za-z0-9]*(?:\\.[A-Z][A-Za-z0-9]*)*$',
    '^[A-Z0-9]{1,20}(\\.[A-Z0-9]{1,20}){0,5}$',
    '^(?:InvalidParameterValue|InvalidParameter|InvalidParameterCombination)$',
    '^(?:AUTH|BILLING|STORAGE)_[0-9]{3}$',
    '^\\p{Lu}{2,5}\\.[0-9]{4}$',
    '^(?=[A-Z]{2,5}\\.)[A-Z]+\\.[0-9]{4}$',
    // The rewrite the refusal suggests.
    '^[A-Z]+(?:\\.[A-Z]+)*$',
  ])('accepts %s', (pattern) => {
    expect(codePatternProblem(pattern)).toBeUndefined();
  });

  it.each([
    // Repetitions of a part that can itself repeat: exponential.
    ['^([A-Z0-9]+\\.?)+[0-9]{4}$', 'may backtrack catastrophically: [A-Z0-9] (character 3 of the pattern) and [0-9] (character 17)'],
    ['^(A|A)*$', 'may backtrack catastrophically'],
    ['^(a+)+$', 'may backtrack catastrophically: the repetitions of'],
    ['^(\\w+\\s?)*$', 'may backtrack catastrophically'],
    ['^(\\d+|\\d+\\.)+$', 'may backtrack catastrophically'],
    // Neighbours that can take the same characters: polynomial, still too slow on a long code.
    ['^[a-z]*[a-z0-9]*$', 'may backtrack catastrophically: [a-z] (character 2 of the pattern) and [a-z0-9] (character 8)'],
    ['^.*.*=.*$', 'may backtrack catastrophically'],
  ])('refuses %s', (pattern, reason) => {
    const problem = codePatternProblem(pattern);
    expect(problem).toContain(reason);
    expect(problem).toContain('rewrite it so that each character can be matched one way only, e.g. ^[A-Z]+(?:\\.[A-Z]+)*$');
  });

  it('refuses a pattern whose check would take too long, whatever the machine', () => {
    // Fifty nested counted repetitions: each step of the check costs more than the last, so the
    // check outlasts a short limit on any machine (the usual limit, 3 s, is only slower to reach).
    const pattern = `^${'(?:'.repeat(50)}A${'){1,2}'.repeat(50)}$`;
    expect(codePatternProblem(pattern, 100)).toBe('is too complex to check for catastrophic backtracking within 100 ms; simplify it');
  });

  it('refuses what its checker cannot read, with the reason', () => {
    expect(codePatternProblem('^(?<prefix>[A-Z]+)\\.[0-9]{4}$')).toBe(
      'cannot be checked for catastrophic backtracking (Expected atom at position 2); simplify it, without named groups',
    );
  });

  it('refuses a pattern past the length limit before checking it', () => {
    const pattern = `^(?:${'A|'.repeat(MAX_CODE_PATTERN_LENGTH / 2)}B)$`;
    expect(codePatternProblem(pattern)).toBe(
      `is ${pattern.length} characters long; code patterns are limited to ${MAX_CODE_PATTERN_LENGTH}`,
    );
  });
});
