/**
 * errors.ts of the generated module: one class per 4xx/5xx status (and, when the catalog asks
 * for them, one per error code), built as ts-morph class structures, and the lookups from a
 * status or a code to its class. Everything the classes share is the copied runtime's ApiError,
 * typed by status (`class NotFoundError extends ClientError<404>`): a class adds only its name,
 * its status or code, and its constructor.
 */
import type {
  ClassDeclarationStructure,
  ConstructorDeclarationStructure,
  FunctionDeclarationStructure,
  OptionalKind,
  PropertyDeclarationStructure,
} from 'ts-morph';
import type { CatalogModel, ErrorModel, StatusModel } from '../../../model/model.js';
import { stringLiteral } from '../../../util/escape.js';
import { codeLiteral, codeType, deprecatedTags, errorDoc, keyedInterface, statusDoc } from './common.js';
import { importDeclaration, integer, jsDoc, union, type Writer } from '../writer/layout.js';
import { doc, StructureKind, type Statement } from '../writer/structures.js';

/**
 * The constructor of a generated class: (errorMsg?, options?) as Error's, both required where
 * the status requires headers (the options carry them). Documented in one line: the options are
 * documented on their type, member by member.
 */
function errorConstructor(
  about: string,
  optionsType: string,
  required: readonly string[],
  superCall: string,
): OptionalKind<ConstructorDeclarationStructure> {
  const headers = required.length === 0 ? '' : `; options.headers must hold ${required.join(', ')}`;
  return {
    docs: [doc(`${about}${headers}.`)],
    parameters:
      required.length > 0
        ? [
            { name: 'errorMsg', type: 'string | undefined' },
            { name: 'options', type: optionsType },
          ]
        : [
            { name: 'errorMsg', hasQuestionToken: true, type: 'string' },
            { name: 'options', hasQuestionToken: true, type: optionsType },
          ],
    statements: [superCall],
  };
}

/** `static override readonly errorName`: the class name, which minifiers keep (and the cross-copy guard reads). */
function nameProperty(className: string): OptionalKind<PropertyDeclarationStructure> {
  return {
    docs: [doc('The class name, kept through minifiers.')],
    isStatic: true,
    hasOverrideKeyword: true,
    isReadonly: true,
    name: 'errorName',
    type: 'string',
    initializer: stringLiteral(className),
  };
}

/** `static readonly status`, a literal; instances get theirs typed by the base (`ClientError<404>`). */
function statusProperty(status: number): OptionalKind<PropertyDeclarationStructure> {
  return { docs: [doc('The HTTP status of its errors.')], isStatic: true, isReadonly: true, name: 'status', initializer: integer(status) };
}

/** An error status: one that has a class, and so a parent. */
type ErrorStatus = StatusModel & { readonly className: string; readonly parentClass: string };

/**
 * A status class: its name and its status; everything else (status and errorCode typed by the
 * status, the retry getters, the wire form) it has from its base, `ClientError<404>`.
 */
function statusClass(s: ErrorStatus): ClassDeclarationStructure {
  const required = s.requiredHeaders;
  const status = integer(s.status);
  const about = `A ${s.status} error; the message defaults to the catalog's${s.status >= 500 ? ', and is sent only with expose: true' : ''}`;
  return {
    kind: StructureKind.Class,
    isExported: true,
    name: s.className,
    extends: `${s.parentClass}<${status}>`,
    docs: [doc(statusDoc(s))],
    properties: [nameProperty(s.className), statusProperty(s.status)],
    ctors: [
      errorConstructor(
        about,
        `${required.length > 0 ? 'HeaderErrorOptions' : 'StatusErrorOptions'}<${status}>`,
        required,
        `super(${status}, errorMsg, options);`,
      ),
    ],
  };
}

/**
 * A code class: its name and its code, extending the class of its status (or, for a status
 * without one, the base of its range, `ClientError<418>`, with the status given here).
 */
function codeClass(model: CatalogModel, e: ErrorModel): ClassDeclarationStructure {
  const code = codeLiteral(model, e.code);
  const status = integer(e.status);
  const options = e.requiredHeaders.length > 0 ? `CodeHeaderErrorOptions<${status}>` : 'CodeErrorOptions';
  return {
    kind: StructureKind.Class,
    isExported: true,
    name: e.className,
    extends: e.parentIsStatusClass ? e.parentClass : `${e.parentClass}<${status}>`,
    docs: [doc(errorDoc(e), deprecatedTags(e))],
    properties: [
      nameProperty(e.className),
      { docs: [doc('The error code of its errors.')], isStatic: true, isReadonly: true, name: 'errorCode', initializer: code },
      { docs: [doc('The error code, fixed by the class.')], hasDeclareKeyword: true, isReadonly: true, name: 'errorCode', type: code },
      ...(e.parentIsStatusClass ? [] : [statusProperty(e.status)]),
    ],
    ctors: [
      errorConstructor(
        `A ${e.code} error; the message defaults to the catalog message of the code`,
        options,
        e.requiredHeaders,
        e.parentIsStatusClass ? 'super(errorMsg, options);' : `super(${status}, errorMsg, options);`,
      ),
    ],
  };
}

/**
 * A function whose body is one switch from a key to a class. A class whose constructor demands
 * headers is returned as the looked-up type, which any caller can construct (the lookup is for
 * keys known only at run time; the class named itself still demands them).
 */
function switchBody(
  w: Writer,
  subject: string,
  cases: readonly (readonly [label: string, className: string, cast: string | undefined])[],
): void {
  if (cases.length === 0) {
    w.writeLine('return undefined;');
    return;
  }
  w.write(`switch (${subject}) `).block(() => {
    for (const [label, className, cast] of cases) {
      w.writeLine(`case ${label}:`);
      w.indent(() => w.writeLine(cast === undefined ? `return ${className};` : `return ${className} as unknown as ${cast};`));
    }
    w.writeLine('default:');
    w.indent(() => w.writeLine('return undefined;'));
  });
}

/** What the declarations of errors.ts depend on, worked out once from the model. */
interface ErrorsPlan {
  readonly model: CatalogModel;
  readonly errorStatuses: readonly ErrorStatus[];
  /** The entries that get a class of their own (none unless the catalog asks for them). */
  readonly codeClasses: readonly ErrorModel[];
  /** Whether any class demands headers: then the header option types are declared. */
  readonly needsHeaders: boolean;
  /** Whether a code with a class is listed under several statuses: then its lookup needs the status. */
  readonly multiStatus: boolean;
}

function errorsPlan(model: CatalogModel): ErrorsPlan {
  const errorStatuses = model.statuses.filter((s): s is ErrorStatus => s.className !== undefined && s.parentClass !== undefined);
  const codeClasses = model.errorCodeClasses ? model.errors : [];
  return {
    model,
    errorStatuses,
    codeClasses,
    needsHeaders: [...errorStatuses, ...codeClasses].some((x) => x.requiredHeaders.length > 0),
    multiStatus: codeClasses.some((e) => e.codeStatuses.length > 1),
  };
}

export function errorStatements(model: CatalogModel): Statement[] {
  const plan = errorsPlan(model);
  return [
    imports(plan),
    statusErrorOptions(),
    requiredHeadersByStatus(plan),
    ...headerErrorOptions(plan),
    ...plan.errorStatuses.map((s) => statusClass(s)),
    ...plan.codeClasses.map((e) => codeClass(model, e)),
    errorClassesInterface(plan),
    errorClassFor(plan),
    ...codeClassOf(plan),
    errorClassForCode(plan),
  ];
}

function imports({ codeClasses, needsHeaders }: ErrorsPlan): Statement {
  return (w) => {
    importDeclaration(
      w,
      [
        // Codes on statuses below 400 extend ApiError itself.
        ...(codeClasses.some((e) => e.parentClass === 'ApiError') ? ['ApiError'] : []),
        'ClientError',
        'ServerError',
        'type ApiErrorClass',
        'type ApiErrorOptions',
        ...(codeClasses.length > 0 ? ['type CodeErrorClass', 'type CodeErrorOptions'] : []),
        'type StatusErrorCode',
      ],
      './api-error.js',
    );
    if (needsHeaders) importDeclaration(w, ['RequiredHeaders'], './headers.js', true);
  };
}

function statusErrorOptions(): Statement {
  return (w) => {
    jsDoc(w, 'Options of a status class: errorCode offers the codes the catalog lists under S; the other options are ApiErrorOptions.');
    w.write('export interface StatusErrorOptions<S extends number> extends ApiErrorOptions ').block(() => {
      jsDoc(w, 'Service error code; the default code when absent.');
      w.writeLine('readonly errorCode?: StatusErrorCode<S>;');
    });
  };
}

function requiredHeadersByStatus({ errorStatuses }: ErrorsPlan): Statement {
  const withHeaders = errorStatuses.filter((s) => s.requiredHeaders.length > 0);
  return (w) => {
    jsDoc(w, 'The headers the catalog marks required, by each status that lists them: its responses must send them.');
    keyedInterface(w, 'RequiredHeadersByStatus', withHeaders, (s) => {
      jsDoc(w, `Headers every ${s.status} ${s.message} response sends.`);
      union(w, `readonly ${integer(s.status)}:`, s.requiredHeaders.map(stringLiteral));
    });
  };
}

/** The option types of classes that demand headers: of a status class, and of a code class when one does. */
function headerErrorOptions({ codeClasses, needsHeaders }: ErrorsPlan): Statement[] {
  if (!needsHeaders) return [];
  const ofStatus: Statement = (w) => {
    jsDoc(w, 'Options of a status class whose responses must send headers (WWW-Authenticate on 401, say).');
    w.writeLine('export interface HeaderErrorOptions<');
    w.indent(() => w.writeLine('S extends keyof RequiredHeadersByStatus,'));
    w.write('> extends StatusErrorOptions<S> ').block(() => {
      jsDoc(w, 'Response headers, the required ones among them.');
      w.writeLine('readonly headers: RequiredHeaders<RequiredHeadersByStatus[S]>;');
    });
  };
  const ofCode: Statement = (w) => {
    jsDoc(w, 'Options of an error code class whose status requires headers: its code is fixed.');
    w.writeLine('export type CodeHeaderErrorOptions<S extends keyof RequiredHeadersByStatus> = Omit<');
    w.indent(() => w.writeLine('HeaderErrorOptions<S>,').writeLine('"errorCode"'));
    w.writeLine('>;');
  };
  return codeClasses.some((e) => e.requiredHeaders.length > 0) ? [ofStatus, ofCode] : [ofStatus];
}

function errorClassesInterface({ errorStatuses }: ErrorsPlan): Statement {
  return (w) => {
    jsDoc(w, 'The error class of each 4xx/5xx status of the catalog.');
    keyedInterface(w, 'ErrorClasses', errorStatuses, (s) => {
      jsDoc(w, `${s.status} ${s.message}`);
      w.writeLine(`readonly ${integer(s.status)}: typeof ${s.className};`);
    });
  };
}

function errorClassFor({ errorStatuses }: ErrorsPlan): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    isExported: true,
    name: 'errorClassFor',
    parameters: [{ name: 'status', type: 'number' }],
    returnType: 'ApiErrorClass | undefined',
    overloads: [
      {
        docs: [doc('The error class of a catalog status.')],
        typeParameters: [{ name: 'S', constraint: 'keyof ErrorClasses' }],
        parameters: [{ name: 'status', type: 'S' }],
        returnType: 'ErrorClasses[S]',
      },
      {
        docs: [doc('The error class of a status; `undefined` for a status without one.')],
        parameters: [{ name: 'status', type: 'number' }],
        returnType: 'ApiErrorClass | undefined',
      },
    ],
    statements: (w) =>
      switchBody(
        w,
        'status',
        errorStatuses.map((s) => [integer(s.status), s.className, s.requiredHeaders.length > 0 ? 'ApiErrorClass' : undefined]),
      ),
  };
}

/** The lookup behind errorClassForCode, when there are code classes to look up. */
function codeClassOf({ model, codeClasses, multiStatus }: ErrorsPlan): FunctionDeclarationStructure[] {
  if (codeClasses.length === 0) return [];
  return [
    {
      kind: StructureKind.Function,
      name: 'codeClassOf',
      docs: [
        doc('The class of a code under `status`, or of its first status when the code has no entry there (errorClassForCode checks).'),
      ],
      parameters: [{ name: 'code', type: codeType(model) }, ...(multiStatus ? [{ name: 'status', type: 'number | undefined' }] : [])],
      returnType: 'CodeErrorClass | undefined',
      statements: (w) => codeSwitch(w, model, codeClasses),
    },
  ];
}

function errorClassForCode({ model, codeClasses, multiStatus }: ErrorsPlan): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    isExported: true,
    name: 'errorClassForCode',
    docs: [
      doc(
        model.errorCodeClasses
          ? 'The error class of an error code: of its entry under `status` when given (a code may be listed under several statuses), else of its first status; `undefined` for a code the catalog does not list (there).'
          : 'The error class of an error code: always `undefined`, as this catalog generates no class per code (its typescript.errorCodeClasses is off).',
      ),
    ],
    parameters: [
      { name: 'code', type: codeType(model) },
      { name: 'status', type: 'number', hasQuestionToken: true },
    ],
    returnType: `${codeClasses.length > 0 ? 'CodeErrorClass' : 'ApiErrorClass'} | undefined`,
    statements: (w) => {
      if (codeClasses.length === 0) {
        w.writeLine('void code;');
        w.writeLine('void status;');
        w.writeLine('return undefined;');
      } else {
        w.writeLine(`const found = codeClassOf(${multiStatus ? 'code, status' : 'code'});`);
        w.writeLine('return status === undefined || found?.status === status ? found : undefined;');
      }
    },
  };
}

/**
 * The switch of codeClassOf: one case per code; a code listed under several statuses switches
 * on the status, its first entry's class by default.
 */
function codeSwitch(w: Writer, model: CatalogModel, codeClasses: readonly ErrorModel[]): void {
  const ret = (e: ErrorModel): string =>
    e.requiredHeaders.length > 0 ? `return ${e.className} as unknown as CodeErrorClass;` : `return ${e.className};`;
  const byCode = new Map<string, ErrorModel[]>();
  for (const e of codeClasses) byCode.set(e.code, [...(byCode.get(e.code) ?? []), e]);
  w.write('switch (code) ').block(() => {
    for (const [code, entries] of byCode) {
      w.writeLine(`case ${codeLiteral(model, code)}:`);
      w.indent(() => {
        if (entries.length === 1) {
          w.writeLine(ret(entries[0]!));
          return;
        }
        w.write('switch (status) ').block(() => {
          for (const e of entries.slice(1)) {
            w.writeLine(`case ${integer(e.status)}:`);
            w.indent(() => w.writeLine(ret(e)));
          }
          w.writeLine('default:');
          w.indent(() => w.writeLine(ret(entries[0]!)));
        });
      });
    }
    w.writeLine('default:');
    w.indent(() => w.writeLine('return undefined;'));
  });
}
