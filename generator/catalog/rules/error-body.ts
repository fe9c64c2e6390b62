/** Rules on the errorBody: its codePattern, its defaultCode, and how its members are laid out. */
import { errorBodyProblems } from '../../body/descriptor.js';
import type { CatalogRule } from './context.js';

export const errorBody: CatalogRule = {
  name: 'error-body',
  check: ({ body, bodyField, codePattern, report }) => {
    if (codePattern.problem !== undefined) report.error(bodyField('codePattern'), codePattern.problem);
    if (body.defaultCode !== undefined && codePattern.matching([body.defaultCode])?.[0] === false) {
      report.error(bodyField('defaultCode'), `"${body.defaultCode}" does not match codePattern ${codePattern.text}`);
    }
    for (const problem of errorBodyProblems(body)) {
      const [key, ...rest] = problem.field;
      report.error(bodyField(String(key)), problem.message, ...rest);
    }
  },
};
