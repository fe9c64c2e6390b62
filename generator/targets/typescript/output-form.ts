/**
 * The form of the TypeScript folder (typescript.importExtension and typescript.emit), applied
 * to every file the target writes once they are all built, the runtime copied in included,
 * whatever their number and folder: the modules are written with `.js` specifiers, as tsc
 * resolves them under nodenext and bundler, and this stage changes what the catalog asks for.
 *
 * - importExtension `.ts`: each relative specifier ending in `.js` ends in `.ts`, found by
 *   TypeScript's parser (import and export declarations, `import("…")` types and calls), never
 *   by searching the text, so that a specifier in a comment or a string stays as written.
 * - emit `js`: the folder is compiled, in memory, by the TypeScript compiler ts-morph bundles,
 *   into ES2022 modules with a declaration file beside each (and a package.json saying they are
 *   ES modules), JSDoc kept in both and formatted by prettier; the `/*#__PURE__*\/` annotations
 *   survive, so bundlers still drop what is unused.
 */
import { format } from 'prettier';
import { Project, ts } from 'ts-morph';
import type { TypeScriptForm } from '../../model/model.js';
import { stringLiteral } from '../../util/escape.js';
import { byPath } from '../../util/compare.js';
import type { GeneratedFile } from '../target.js';
import { PRETTIER_OPTIONS } from './writer/layout.js';

/** The files in the form the catalog asks for; the TypeScript sources themselves by default. */
export async function inOutputForm(files: readonly GeneratedFile[], form: TypeScriptForm): Promise<GeneratedFile[]> {
  if (form.emit === 'js') return compileToJavaScript(files);
  if (form.importExtension === '.ts') return files.map((file) => (isTypeScriptSource(file.path) ? withTsSpecifiers(file) : file));
  return [...files];
}

function isTypeScriptSource(path: string): boolean {
  return path.endsWith('.ts') && !path.endsWith('.d.ts');
}

/** Whether a module specifier names a file of the folder itself (`./x.js`, `../x.js`), not a package. */
function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

/**
 * The string literals naming another module in a file: those of import and export
 * declarations (type-only ones included), and of `import("…")`, as a type or a call.
 */
function moduleSpecifiers(source: ts.SourceFile): ts.StringLiteral[] {
  const found: ts.StringLiteral[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) found.push(argument.literal);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [first] = node.arguments;
      if (first !== undefined && ts.isStringLiteral(first)) found.push(first);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A module whose relative `.js` specifiers end in `.ts` instead; the rest of its text is unchanged. */
function withTsSpecifiers(file: GeneratedFile): GeneratedFile {
  const source = ts.createSourceFile(file.path, file.contents, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const edits = moduleSpecifiers(source)
    .filter((literal) => isRelative(literal.text) && literal.text.endsWith('.js'))
    .map((literal) => ({ start: literal.getStart(source), end: literal.end, text: stringLiteral(`${literal.text.slice(0, -3)}.ts`) }))
    .sort((a, b) => b.start - a.start);
  let contents = file.contents;
  for (const edit of edits) contents = contents.slice(0, edit.start) + edit.text + contents.slice(edit.end);
  return { path: file.path, contents };
}

/** Where the folder's files are put in the compiler's memory; paths inside stay the output's. */
const SOURCE_ROOT = '/ts/';
const OUT_ROOT = '/js/';

/** Compiler settings of the JavaScript: ES2022 modules (Node 20, current bundlers), imports as written, declarations with their JSDoc. */
const JAVASCRIPT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts'],
  types: [],
  strict: true,
  declaration: true,
  removeComments: false,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  skipLibCheck: true,
  newLine: ts.NewLineKind.LineFeed,
  rootDir: SOURCE_ROOT,
  outDir: OUT_ROOT,
};

/**
 * The folder as JavaScript: for each module `x.ts`, `x.js` and `x.d.ts`, prettier-formatted.
 * The sources are the generated ones, which compile under the strict options; a problem the
 * compiler still reports (its syntax, or a declaration it cannot write) is the generator's own
 * fault, and fails the run rather than writing a folder that does not match its declarations.
 */
async function compileToJavaScript(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: JAVASCRIPT_OPTIONS });
  const others: GeneratedFile[] = [];
  for (const file of files) {
    if (isTypeScriptSource(file.path)) project.createSourceFile(SOURCE_ROOT + file.path, file.contents);
    else others.push(file);
  }
  const syntax = project.getProgram().getSyntacticDiagnostics();
  const emitted = project.emitToMemory({ customTransformers: { before: [pureEnums] } });
  const problems = [...syntax, ...emitted.getDiagnostics()];
  if (problems.length > 0 || emitted.getEmitSkipped()) {
    throw new Error(`compiling the TypeScript to JavaScript failed:\n${project.formatDiagnosticsWithColorAndContext(problems)}`);
  }
  // Node and TypeScript (nodenext) read a .js or .d.ts file as an ES module by the nearest
  // package.json: this one makes the folder ES modules in a CommonJS project too.
  const out: GeneratedFile[] = [...others, { path: 'package.json', contents: '{ "type": "module" }\n' }];
  for (const file of emitted.getFiles()) {
    if (!file.filePath.startsWith(OUT_ROOT)) throw new Error(`the compiler wrote ${file.filePath}, outside ${OUT_ROOT}`);
    const path = file.filePath.slice(OUT_ROOT.length);
    // One parser for both: prettier's typescript parser reads JavaScript too, and prints it the same.
    out.push({ path, contents: await format(file.text, PRETTIER_OPTIONS) });
  }
  return out.sort(byPath);
}

/**
 * Enums as bundlers can drop them: tsc writes an enum as a statement that fills a `var` (`(function
 * (E) {…})(E || (E = {}))`), which a bundler must keep in every bundle that imports its module;
 * this writes the enums the generator declares (members with literal values) as a
 * `/*#__PURE__*\/` call returning the object, as esbuild does: `const E = /*#__PURE__*\/ ((E) =>
 * { E[(E["A"] = 404)] = "A"; E["B"] = "b"; return E; })({})`, the same object (numeric
 * members mapped back to their names). Their declaration files keep the enum and its JSDoc.
 * Another enum is left to tsc.
 */
const pureEnums: ts.TransformerFactory<ts.SourceFile> = (context) => (source) =>
  ts.visitEachChild(source, (node) => (ts.isEnumDeclaration(node) ? (pureEnum(context.factory, node) ?? node) : node), context);

function pureEnum(f: ts.NodeFactory, node: ts.EnumDeclaration): ts.Statement | undefined {
  const name = node.name.text;
  const assignments: ts.Statement[] = [];
  for (const member of node.members) {
    const init = member.initializer;
    const key = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
    if (key === undefined || init === undefined) return undefined;
    const slot = (index: ts.Expression): ts.Expression => f.createElementAccessExpression(f.createIdentifier(name), index);
    if (ts.isNumericLiteral(init)) {
      // E[(E["A"] = 404)] = "A": the name by its value too, as a numeric enum has.
      const forward = f.createAssignment(slot(f.createStringLiteral(key)), f.createNumericLiteral(init.text));
      assignments.push(ts.setTextRange(f.createExpressionStatement(f.createAssignment(slot(forward), f.createStringLiteral(key))), member));
    } else if (ts.isStringLiteral(init)) {
      const assignment = f.createAssignment(slot(f.createStringLiteral(key)), f.createStringLiteral(init.text));
      assignments.push(ts.setTextRange(f.createExpressionStatement(assignment), member));
    } else {
      return undefined;
    }
  }
  const body = f.createBlock([...assignments, f.createReturnStatement(f.createIdentifier(name))], true);
  const build = f.createArrowFunction(
    undefined,
    undefined,
    [f.createParameterDeclaration(undefined, undefined, name)],
    undefined,
    undefined,
    body,
  );
  const call = f.createCallExpression(f.createParenthesizedExpression(build), undefined, [f.createObjectLiteralExpression()]);
  ts.addSyntheticLeadingComment(call, ts.SyntaxKind.MultiLineCommentTrivia, '#__PURE__', false);
  const exported = node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
  const statement = f.createVariableStatement(
    exported ? [f.createModifier(ts.SyntaxKind.ExportKeyword)] : undefined,
    f.createVariableDeclarationList([f.createVariableDeclaration(name, undefined, undefined, call)], ts.NodeFlags.Const),
  );
  // The enum's place in the source (and each member's, above), so that the JSDoc comes along.
  return ts.setTextRange(ts.setOriginalNode(statement, node), node);
}
