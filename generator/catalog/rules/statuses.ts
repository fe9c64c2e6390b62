/** Rules on the entries under statuses: ranges, duplicates, names, the headers they list, content. */
import type { StatusSpec } from '../types.js';
import type { Located } from '../chain.js';
import { bodyForbidden } from '../../util/http.js';
import { classNameOf, identifierProblem } from '../identifiers.js';
import type { CatalogRule } from './context.js';
import { checkListedHeaders } from './headers.js';

export const statuses: CatalogRule = {
  name: 'statuses',
  check: (context) => {
    const { merged, report } = context;
    const { byStatus, byName, byClass } = context.statuses;
    const byMessage = new Map<string, Located<StatusSpec>>();
    for (const entry of merged.statuses) {
      const { status, name, message } = entry.value;
      if (status < 100 || status > 599) report.error(entry, `status ${status} is outside 100-599`, 'status');
      const earlier = byStatus.get(status)!;
      if (earlier !== entry) report.error(entry, `duplicate status ${status} (first at ${report.where(earlier, 'status')})`, 'status');

      const nameProblem = identifierProblem(name);
      if (nameProblem !== undefined) report.error(entry, nameProblem, 'name');
      const sameName = byName.get(name) ?? byClass.get(classNameOf(name))!;
      if (sameName !== entry) {
        report.error(
          entry,
          `name "${name}" of status ${status} collides with status ${sameName.value.status} (${report.where(sameName, 'name')}); give one a different name`,
          'name',
        );
      }
      const sameMessage = byMessage.get(message);
      if (sameMessage === undefined) byMessage.set(message, entry);
      else
        report.error(
          entry,
          `duplicate message ${JSON.stringify(message)} (also status ${sameMessage.value.status}, ${report.where(sameMessage, 'message')})`,
          'message',
        );

      checkListedHeaders(context, entry);
      if (entry.value.bodyAllowed === true && bodyForbidden(status)) {
        report.error(entry, `a ${status} response cannot carry content (RFC 9110)`, 'bodyAllowed');
      }
    }
  },
};
