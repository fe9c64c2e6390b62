/**
 * The final identifiers of the error codes, and the rules on them. A `name` given in the
 * catalog is used as it is; two given names that clash are an error. Other names are derived
 * from the message, or with `errorNames: code` from the code (a code without letters keeps the
 * message). A derived name that is shared with another entry gets the code's letters and digits appended
 * (`BucketNotFound_SVC0042`), with a warning saying why (the same message, messages cut to the
 * same name, messages that differ only in case or punctuation, a name another entry already
 * has, codes that differ only in case or punctuation, one code under several statuses) and naming the other entry; if it still clashes, that is an error asking for an explicit `name`.
 */
import type { Located } from '../chain.js';
import { classNameOf, codeSuffix, deriveIdentifier, deriveIdentifierFromCode, identifierProblem, namesFromCode } from '../identifiers.js';
import type { RuleContext } from './context.js';

/** The name of each entry under errors, in order (context.codes.entries). */
export function assignErrorNames({ merged, codes: { entries: codes }, statuses, report }: RuleContext): string[] {
  const byCode = merged.errorNames?.value === 'code';
  // Keyed by class name: that is what must be unique in the generated module.
  const taken = new Map<string, { entry: Located<unknown>; label: string }>();
  for (const [className, entry] of statuses.byClass) taken.set(className, { entry, label: `status ${entry.value.status}` });
  const names: string[] = new Array<string>(codes.length).fill('');

  codes.forEach(({ entry, code }, index) => {
    const name = entry.value.name;
    if (name === undefined) return;
    names[index] = name;
    const problem = identifierProblem(name);
    if (problem !== undefined) {
      report.error(entry, problem, 'name');
      return;
    }
    const other = taken.get(classNameOf(name));
    if (other !== undefined) {
      report.error(
        entry,
        `name "${name}" of code ${code} collides with ${other.label} (${report.where(other.entry, 'name')}); give one a different name`,
        'name',
      );
      return;
    }
    taken.set(classNameOf(name), { entry, label: `code ${code}` });
  });

  const entriesOf = new Map<string, number>();
  for (const { code } of codes) entriesOf.set(code, (entriesOf.get(code) ?? 0) + 1);
  /** Whether entry `index` has its name derived from its code. */
  const fromCode = codes.map(({ code }) => byCode && namesFromCode(code));
  const derived = codes.map(({ entry, code }, index) =>
    entry.value.name !== undefined
      ? undefined
      : fromCode[index]
        ? deriveIdentifierFromCode(code)
        : deriveIdentifier(entry.value.message, code),
  );
  /** The entries deriving each name, by index. */
  const sharing = new Map<string, number[]>();
  derived.forEach((base, index) => {
    if (base !== undefined) sharing.set(base, [...(sharing.get(base) ?? []), index]);
  });
  /** Why the name derived for entry `index` needs its code appended, naming the other entry. */
  const whySuffixed = (index: number, base: string): string => {
    const { entry } = codes[index]!;
    const other = codes[(sharing.get(base) ?? []).find((i) => i !== index) ?? -1];
    if (other === undefined) {
      const holder = taken.get(classNameOf(base))!;
      return `that gives ${base}, already the name of ${holder.label} (${report.whereFrom(entry, holder.entry, ['name'])})`;
    }
    if (fromCode[index]) {
      const at = report.whereFrom(entry, other.entry, ['code']);
      if (other.code === codes[index]!.code) return `that its entry under status ${other.entry.value.status} (${at}) shares`;
      return fromCode[codes.indexOf(other)]
        ? `that differs from code ${other.code} (${at}) only in case or punctuation`
        : `that the message of code ${other.code} (${report.whereFrom(entry, other.entry, ['message'])}) gives too`;
    }
    if (fromCode[codes.indexOf(other)]) {
      return `that code ${other.code} (${report.whereFrom(entry, other.entry, ['code'])}) gives too`;
    }
    const them = `code ${other.code} (${report.whereFrom(entry, other.entry, ['message'])})`;
    const { message } = entry.value;
    if (message === other.entry.value.message) return `that ${them} shares`;
    // Derived without the length cap, the names differ: only the cut made them one.
    if (deriveIdentifier(message, codes[index]!.code, Infinity) !== deriveIdentifier(other.entry.value.message, other.code, Infinity)) {
      return `cut to the same name as that of ${them}, though the messages differ`;
    }
    return `that differs from that of ${them} only in case, accents or punctuation`;
  };
  codes.forEach(({ entry, code }, index) => {
    const base = derived[index];
    if (base === undefined) return;
    const suffixed = (sharing.get(base)?.length ?? 0) > 1 || taken.has(classNameOf(base));
    // A code listed under several statuses also needs the status to tell its entries apart.
    const suffix = (entriesOf.get(code) ?? 0) > 1 ? `${codeSuffix(code)}_${entry.value.status}` : codeSuffix(code);
    const name = suffixed ? `${base}_${suffix}` : base;
    names[index] = name;
    if (suffixed) {
      // Adding a code with the same message later would rename this one: a given name stays put.
      const source = fromCode[index] ? 'code' : 'message';
      report.warn(entry, `name ${name} is derived from a ${source} ${whySuffixed(index, base)}; set "name" to keep it stable`, source);
    }
    const other = taken.get(classNameOf(name));
    if (other !== undefined) {
      report.error(
        entry,
        `name "${name}" derived from the ${fromCode[index] ? 'code' : 'message of code'} ${code} collides with ${other.label} (${report.where(other.entry)}); set "name" on one of them`,
        fromCode[index] ? 'code' : 'message',
      );
      return;
    }
    taken.set(classNameOf(name), { entry, label: `code ${code}` });
  });
  return names;
}
