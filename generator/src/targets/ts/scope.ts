/**
 * What a TypeScript emitter needs while it writes one file: the model, the names it imports (from
 * the runtime and from other generated modules), helper functions shared within the file, and
 * small builders of syntax-tree values.
 */
import type { Model, ModelIndex, Module, TypeDecl } from "../../model/ir.js";
import type { Case, Decl, Expr, Stmt, TypeNode } from "./printer/ast.js";
import type { RuntimeValue } from "./runtime/names.js";

export const RUNTIME_MODULE = "runtime";

export class FileScope {
  /** Names imported from other generated modules, by module; true when used as a type only. */
  readonly moduleImports = new Map<string, Map<string, boolean>>();
  readonly runtimeValues = new Set<string>();
  readonly runtimeTypes = new Set<string>();
  /** Helper functions of this file (container readers and writers), by name, in creation order. */
  readonly helpers = new Map<string, Decl>();

  constructor(
    readonly model: Model,
    readonly index: ModelIndex,
    readonly module: Module,
  ) {}

  decl(name: string): TypeDecl {
    const d = this.index.types.get(name);
    if (d === undefined) throw new Error(`unknown type ${name} (the loader should have refused it)`);
    return d;
  }

  /** A value exported by the module that declares `declName`'s type (imported when it is another module). */
  value(typeName: string, derived: string): Expr {
    this.use(this.decl(typeName).module, derived, false);
    return id(derived);
  }

  /** A type exported by the module that declares `typeName`. */
  type(typeName: string, derived: string = typeName): TypeNode {
    this.use(this.decl(typeName).module, derived, true);
    return ref(derived);
  }

  use(module: string, name: string, typeOnly: boolean): void {
    if (module === this.module.name) return;
    let names = this.moduleImports.get(module);
    if (!names) this.moduleImports.set(module, (names = new Map()));
    names.set(name, typeOnly && (names.get(name) ?? true));
  }

  /** A runtime value, imported. */
  rt(name: RuntimeValue): Expr {
    this.runtimeValues.add(name);
    return id(name);
  }

  /** A runtime type, imported. */
  rtType(name: string, args?: readonly TypeNode[]): TypeNode {
    this.runtimeTypes.add(name);
    return ref(name, args);
  }

  /** A module-level constant of string names (a list an argument needs), declared once by name. */
  names(name: string, values: readonly string[]): Expr {
    return this.helper(name, () => ({ t: "const", name, exported: false, init: { t: "array", items: values.map(str) }, asConst: true }));
  }

  /** Adds a helper function once; returns its name. */
  helper(name: string, make: () => Decl): Expr {
    if (!this.helpers.has(name)) {
      this.helpers.set(name, { t: "comment", text: "" }); // reserve the name first: helpers may refer to each other
      this.helpers.set(name, make());
    }
    return id(name);
  }
}

// ---------------------------------------------------------------------------------------------
// Builders of syntax-tree values.

export const id = (name: string): Expr => ({ t: "id", name });
export const str = (value: string): Expr => ({ t: "str", value });
export const num = (value: number): Expr => ({ t: "num", value });
export const UNDEFINED: Expr = { t: "lit", text: "undefined" };
export const NULL: Expr = { t: "lit", text: "null" };
export const TRUE: Expr = { t: "lit", text: "true" };
export const FALSE: Expr = { t: "lit", text: "false" };

export function call(callee: Expr | string, ...args: Expr[]): Expr {
  return { t: "call", callee: typeof callee === "string" ? id(callee) : callee, args };
}

export function pureCall(callee: Expr, ...args: Expr[]): Expr {
  return { t: "call", callee, args, pure: true };
}

export function member(object: Expr, name: string): Expr {
  return { t: "member", object, name };
}

/** `o.name`, or `o["name"]` when the name is not an identifier. */
export function prop(object: Expr, name: string): Expr {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? { t: "member", object, name } : { t: "index", object, index: str(name) };
}

export function method(object: Expr, name: string, ...args: Expr[]): Expr {
  return { t: "call", callee: member(object, name), args };
}

/** `r?.name(args)`. */
export function optionalMethod(object: Expr, name: string, ...args: Expr[]): Expr {
  return { t: "call", callee: { t: "member", object, name, optional: true }, args };
}

export function bin(op: Extract<Expr, { t: "binary" }>["op"], left: Expr, right: Expr): Expr {
  return { t: "binary", op, left, right };
}

export function or(...parts: Expr[]): Expr {
  return parts.reduce((a, b) => bin("||", a, b));
}

export function and(...parts: Expr[]): Expr {
  return parts.reduce((a, b) => bin("&&", a, b));
}

export function not(arg: Expr): Expr {
  return { t: "unary", op: "!", arg };
}

export function typeOf(arg: Expr): Expr {
  return { t: "unary", op: "typeof ", arg };
}

export function cond(test: Expr, then: Expr, otherwise: Expr): Expr {
  return { t: "cond", test, then, else: otherwise };
}

export function ref(name: string, args?: readonly TypeNode[]): TypeNode {
  return args && args.length > 0 ? { t: "ref", name, args } : { t: "ref", name };
}

export function union(...types: TypeNode[]): TypeNode {
  return types.length === 1 ? types[0]! : { t: "union", types };
}

export const constDecl = (name: string, init: Expr, type?: TypeNode): Stmt => ({ t: "var", kind: "const", name, init, ...(type && { type }) });
export const letDecl = (name: string, init?: Expr, type?: TypeNode): Stmt => ({
  t: "var",
  kind: "let",
  name,
  ...(init && { init }),
  ...(type && { type }),
});
export const ret = (arg?: Expr): Stmt => (arg === undefined ? { t: "return" } : { t: "return", arg });
export const exprStmt = (expr: Expr): Stmt => ({ t: "expr", expr });
/** One statement as itself, several as a block. */
function clause(body: Stmt | Stmt[]): Stmt {
  if (!Array.isArray(body)) return body;
  return body.length === 1 ? body[0]! : { t: "block", body };
}

export const ifStmt = (test: Expr, then: Stmt | Stmt[], otherwise?: Stmt | Stmt[]): Stmt => {
  const t = clause(then);
  // `if (a) if (b) x; else y;` would give the else to the inner if: a block keeps it outside.
  const guarded = otherwise !== undefined && t.t === "if" ? { t: "block" as const, body: [t] } : t;
  return { t: "if", test, then: guarded, ...(otherwise !== undefined && { else: clause(otherwise) }) };
};
/** A `switch` case; a body that declares locals gets its own block, so cases never share them. */
export const caseOf = (tests: readonly (Expr | undefined)[], body: Stmt[]): Case => ({
  tests,
  body: body.some((x) => x.t === "var") ? [{ t: "block", body }] : body,
});
export const assign = (left: Expr, right: Expr): Stmt => ({ t: "expr", expr: { t: "assign", op: "=", left, right } });

/** `code` in TSDoc, with backticks the text holds made harmless. */
export function code(value: string): string {
  return `\`${JSON.stringify(value).replace(/`/g, "\\u0060")}\``;
}

/** "a Role", "an Id": the article a type name is read with. */
export function withArticle(name: string): string {
  return `${article(name)} ${name}`;
}

/** The indefinite article before a type name: "an" before a vowel. */
export function article(name: string): "a" | "an" {
  return /^[AEIOU]/.test(name) ? "an" : "a";
}

/** A TSDoc text from paragraphs, leaving out empty ones; `*\/` in them cannot end the comment. */
export function docText(...paragraphs: (string | undefined)[]): string {
  return paragraphs
    .filter((p): p is string => p !== undefined && p.trim() !== "")
    .map((p) => p.trim().replace(/\*\//g, "*\\/"))
    .join("\n\n");
}
