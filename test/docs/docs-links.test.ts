/**
 * The documentation (README.md and docs/*.md) stays true to the repository: every relative link
 * reaches a file, and a heading when it names one; every CLI invocation shown in code uses a
 * command and flags that `status-catalog --help` lists. Each check is also run on a control
 * page that breaks it, so that it is seen to fail.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, removeDir, runCli, tempDir, writeFile } from '../harness/helpers.js';
import { parser } from '../harness/markdown.js';

type Token = ReturnType<typeof parser.parse>[number];

const DOC_FILES = [
  join(ROOT, 'README.md'),
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(ROOT, 'docs', name)),
];

/** Every token of a page, the inline ones' children included, in document order. */
function tokensOf(markdown: string): Token[] {
  return parser.parse(markdown, {}).flatMap((token) => [token, ...(token.children ?? [])]);
}

/** An attribute of a token as text (markdown-it's types allow numbers too). */
function attribute(token: Token, name: string): string | null {
  const value = token.attrGet(name);
  return value === null ? null : String(value);
}

/** The text GitHub makes an anchor of: what the heading shows, markup left out. */
function headingText(inline: Token): string {
  return (inline.children ?? [])
    .filter((child) => child.type === 'text' || child.type === 'code_inline')
    .map((child) => child.content)
    .join('');
}

/**
 * GitHub's anchor for a heading (as github-slugger makes it): lower case, punctuation removed
 * (letters, marks, digits, `_`, `-` and spaces kept), spaces turned into hyphens.
 */
function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a page's headings; a repeated heading gets `-1`, `-2`, … as on GitHub. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const tokens = parser.parse(markdown, {});
  tokens.forEach((token, index) => {
    const inline = tokens[index + 1];
    if (token.type !== 'heading_open' || inline === undefined) return;
    const slug = githubSlug(headingText(inline));
    let anchor = slug;
    for (let n = 1; anchors.has(anchor); n++) anchor = `${slug}-${n}`;
    anchors.add(anchor);
  });
  return anchors;
}

/** The relative links of a page (links and images) that lead nowhere, one message each. */
function brokenLinks(file: string): string[] {
  const problems: string[] = [];
  for (const token of tokensOf(readFileSync(file, 'utf8'))) {
    const href = token.type === 'link_open' ? attribute(token, 'href') : token.type === 'image' ? attribute(token, 'src') : null;
    // Absolute URLs (https:, mailto:, protocol-relative) are not the repository's to check.
    if (href === null || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue;
    const hash = href.indexOf('#');
    const path = decodeURIComponent(hash === -1 ? href : href.slice(0, hash));
    const anchor = hash === -1 ? undefined : decodeURIComponent(href.slice(hash + 1));
    const target = path === '' ? file : resolve(dirname(file), path);
    if (!existsSync(target)) {
      problems.push(`${href}: no file ${relative(ROOT, target)}`);
    } else if (anchor !== undefined && target.endsWith('.md') && !anchorsOf(readFileSync(target, 'utf8')).has(anchor)) {
      problems.push(`${href}: no heading #${anchor} in ${relative(ROOT, target)}`);
    }
  }
  return problems;
}

/** What `status-catalog --help` lists: the commands with their flags, and the flags every command takes. */
interface CliHelp {
  readonly commands: ReadonlyMap<string, ReadonlySet<string>>;
  readonly global: ReadonlySet<string>;
}

const FLAG = /(?<![\w-])--?[a-z][\w-]*/gi;

/**
 * Reads the help: the usage lines (`status-catalog CMD [--flag …]`, continued on indented lines),
 * then a section per command (a line `CMD …:` and its `  --flag` lines up to a blank line);
 * flag lines outside a section (`--debug`, `--help`, `--version`) belong to every command.
 */
function parseHelp(help: string): CliHelp {
  const commands = new Map<string, Set<string>>();
  const global = new Set<string>();
  let flags: Set<string> | undefined;
  let inUsage = false;
  for (const line of help.split('\n')) {
    if (line === 'Usage:') {
      inUsage = true;
      continue;
    }
    if (inUsage) {
      const invocation = /^\s+status-catalog\s+(\S+)/.exec(line);
      if (invocation !== null) {
        const command = invocation[1]!;
        flags = command.startsWith('-') ? global : (commands.get(command) ?? new Set());
        if (!command.startsWith('-')) commands.set(command, flags);
      }
      if (line.trim() === '') inUsage = false;
      else for (const flag of line.match(FLAG) ?? []) flags?.add(flag);
      if (!inUsage) flags = undefined;
      continue;
    }
    const section = /^([a-z]+)\b.*:$/.exec(line);
    if (section !== null && commands.has(section[1]!)) {
      flags = commands.get(section[1]!);
    } else if (line.trim() === '') {
      flags = undefined;
    } else if (/^\s+-/.test(line)) {
      // The flag column ends where the description starts, after two spaces or more.
      for (const flag of line
        .trim()
        .split(/\s{2,}/)[0]!
        .match(FLAG) ?? [])
        (flags ?? global).add(flag);
    }
  }
  return { commands, global };
}

/** The text of every code block and code span of a page, lines continued by `\` or by an indented `[` joined. */
function codeLinesOf(markdown: string): string[] {
  const lines: string[] = [];
  for (const token of tokensOf(markdown)) {
    if (token.type !== 'fence' && token.type !== 'code_block' && token.type !== 'code_inline') continue;
    for (const line of token.content.split('\n')) {
      const previous = lines.at(-1);
      if (previous !== undefined && (previous.endsWith('\\') || /^\s+\[/.test(line))) {
        lines[lines.length - 1] = `${previous.replace(/\\$/, '')} ${line.trim()}`;
      } else {
        lines.push(line);
      }
    }
  }
  return lines;
}

/** One CLI invocation shown in the docs: the command (or a global flag) and the flags after it. */
interface Invocation {
  readonly text: string;
  readonly command: string;
  readonly flags: readonly string[];
}

const INVOCATION = /(?:^|\s)(?:npx\s+status-catalog|status-catalog|node\s+dist\/cli\.js)\s+(\S.*)$/;

/** Every `status-catalog …`, `npx status-catalog …` and `node dist/cli.js …` in a page's code. */
function invocationsOf(markdown: string): Invocation[] {
  const invocations: Invocation[] = [];
  for (const line of codeLinesOf(markdown)) {
    const match = INVOCATION.exec(line);
    if (match === null) continue;
    // Up to a shell comment or the next command; `|` before a flag is an alternative in a synopsis.
    const words = match[1]!
      .replace(/\s#.*$/, '')
      .split(/\s(?:&&|\|\||;|>>?|\|(?!\s*-))\s/)[0]!
      .trim()
      .split(/\s+/)
      .map((word) => word.replace(/^[[(]+|[\])]+$/g, ''));
    const [command, ...rest] = words;
    if (command === undefined || command === '') continue;
    const flags = [command, ...rest].filter((word) => /^--?[a-z]/i.test(word)).map((word) => word.split('=')[0]!);
    invocations.push({ text: line.trim().replace(/\s+/g, ' '), command, flags });
  }
  return invocations;
}

/** The invocations of a page that the help does not allow: an unknown command, or a flag its command does not take. */
function cliMismatches(markdown: string, help: CliHelp): string[] {
  const problems: string[] = [];
  for (const { text, command, flags } of invocationsOf(markdown)) {
    const allowed = command.startsWith('-') ? help.global : help.commands.get(command);
    if (allowed === undefined) {
      problems.push(`${text}: no command ${command} in status-catalog --help`);
      continue;
    }
    for (const flag of flags) {
      if (!allowed.has(flag) && !help.global.has(flag)) problems.push(`${text}: ${command} takes no ${flag}`);
    }
  }
  return problems;
}

describe('GitHub anchors', () => {
  it.each([
    ['What the generator guarantees', 'what-the-generator-guarantees'],
    ['Add a body preset', 'add-a-body-preset'],
    ['`retry` and `extends`', 'retry-and-extends'],
    ['CLI (every flag)', 'cli-every-flag'],
    ['Merge into a spec: 3.0/3.1', 'merge-into-a-spec-3031'],
    ['snake_case and kebab-case', 'snake_case-and-kebab-case'],
  ])('%s → #%s', (heading, anchor) => {
    expect([...anchorsOf(`## ${heading}\n`)]).toEqual([anchor]);
  });

  it('numbers repeated headings', () => {
    expect([...anchorsOf('# Usage\n\n## Usage\n\n### Usage\n')]).toEqual(['usage', 'usage-1', 'usage-2']);
  });
});

describe('the documentation', () => {
  let help: CliHelp;

  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${relative(ROOT, CLI)} is missing: run npm run -s build first`);
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    help = parseHelp(result.stdout);
  });

  it('reads the commands and flags of the help', () => {
    expect([...help.commands.keys()]).toEqual(['init', 'generate', 'lint', 'diff', 'merge']);
    expect(help.commands.get('generate')).toContain('--timings');
    expect(help.commands.get('lint')).toContain('--strict');
    expect(help.commands.get('lint')).not.toContain('--check');
    expect([...help.global].sort()).toEqual(['--debug', '--help', '--version', '-h', '-v']);
  });

  it('has a page per topic, each linked from the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const linked = tokensOf(readme)
      .filter((token) => token.type === 'link_open')
      .map((token) => attribute(token, 'href')?.replace(/#.*$/, ''));
    for (const file of DOC_FILES.slice(1)) expect(linked).toContain(relative(ROOT, file));
  });

  it.each(DOC_FILES.map((file) => [relative(ROOT, file), file]))('%s: every relative link reaches its file and heading', (_name, file) => {
    expect(brokenLinks(file)).toEqual([]);
  });

  it.each(DOC_FILES.map((file) => [relative(ROOT, file), file]))('%s: every CLI example matches status-catalog --help', (_name, file) => {
    expect(cliMismatches(readFileSync(file, 'utf8'), help)).toEqual([]);
  });

  it('shows every command of the help in an example', () => {
    const shown = new Set(DOC_FILES.flatMap((file) => invocationsOf(readFileSync(file, 'utf8')).map((invocation) => invocation.command)));
    for (const command of help.commands.keys()) expect(shown).toContain(command);
  });

  describe('control pages, which must be reported', () => {
    let dir: string;
    beforeAll(() => {
      dir = tempDir('status-catalog-docs-');
      writeFile(join(dir, 'other.md'), '# Other\n\n## Second part\n');
      writeFile(join(dir, 'sub', 'file.txt'), 'text\n');
    });
    afterAll(() => removeDir(dir));

    it('a link to a missing file or heading', () => {
      const page = writeFile(
        join(dir, 'links.md'),
        [
          '# Links',
          '',
          '## A heading',
          '',
          '[fine](other.md#second-part) [self](#a-heading) [file](sub/file.txt) [site](https://example.com/x.md#nope)',
          '',
          '[gone](missing.md) [no anchor](#no-such-heading) [other anchor](other.md#nowhere) ![image](img/none.png)',
          '',
          '[ref][r]',
          '',
          '[r]: ./sub/none.md',
        ].join('\n'),
      );
      expect(brokenLinks(page).map((problem) => problem.replace(relative(ROOT, dir), 'DIR'))).toEqual([
        'missing.md: no file DIR/missing.md',
        '#no-such-heading: no heading #no-such-heading in DIR/links.md',
        'other.md#nowhere: no heading #nowhere in DIR/other.md',
        'img/none.png: no file DIR/img/none.png',
        './sub/none.md: no file DIR/sub/none.md',
      ]);
    });

    it('a CLI example with an unknown command or flag', () => {
      const page = [
        '```sh',
        'npx status-catalog generate --check --timings   # fine',
        'status-catalog generate --no-such-flag',
        'status-catalog frobnicate --check',
        'node dist/cli.js lint --check && npm test --coverage',
        'status-catalog merge api.yaml \\',
        '  --attach 404 --attach-all',
        'status-catalog --help | --versions',
        '```',
        '',
        'Run `status-catalog diff a.yaml b.yaml --fail-on=major --json` or `status-catalog init --form iana`.',
      ].join('\n');
      expect(cliMismatches(page, help)).toEqual([
        'status-catalog generate --no-such-flag: generate takes no --no-such-flag',
        'status-catalog frobnicate --check: no command frobnicate in status-catalog --help',
        'node dist/cli.js lint --check && npm test --coverage: lint takes no --check',
        'status-catalog merge api.yaml --attach 404 --attach-all: merge takes no --attach-all',
        'status-catalog --help | --versions: --help takes no --versions',
        'status-catalog init --form iana: init takes no --form',
      ]);
    });
  });
});
