// Run in a fresh process by consumer.js (measureTscCpu): type-checks one project with
// TypeScript 5.9's API, as `tsc -p PROJECT` would, and prints on stdout, as one JSON line, the
// CPU time (user + system) and peak RSS of the whole process, with the errors tsc reported.
// The figures include starting node and loading typescript; an empty project measured the same
// way is the baseline to subtract.
// Usage: node bench/tsc-cpu.js PROJECT_DIR   (a folder with a tsconfig.json)
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const project = resolve(process.argv[2]);
const config = ts.getParsedCommandLineOfConfigFile(
  join(project, 'tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  },
);
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
// What tsc --noEmit reports: option, syntax, global and semantic diagnostics.
const diagnostics = [...config.errors, ...ts.getPreEmitDiagnostics(program)];
const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
const cpu = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({
    typescript: ts.version,
    files: config.fileNames.length,
    userMs: cpu.user / 1000,
    systemMs: cpu.system / 1000,
    maxRssKiB: process.resourceUsage().maxRSS,
    errors: errors.length,
    // One line, as tsc prints it: file(line,col): error TSnnnn: message (first line of it).
    firstError: errors.length === 0 ? null : formatOne(errors[0]),
  })}\n`,
);

function formatOne(diagnostic) {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').split('\n', 1)[0];
  let where = '';
  if (diagnostic.file !== undefined && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    where = `${relative(project, diagnostic.file.fileName)}(${line + 1},${character + 1}): `;
  }
  return `${where}error TS${diagnostic.code}: ${message}`;
}
