/**
 * Named fields in Rust, for structs and for struct variants of enums: `pub` fields with exactly
 * the serde attributes the IDL states (`rename`, `alias`, `default`, `default = "fn"`,
 * `flatten`, `skip`, `skip_serializing`, `skip_deserializing`, `skip_serializing_if`), and the
 * helper functions those attributes name (a default function returning the IDL's value, a
 * predicate comparing with the default), collected for the type's `impl` block.
 */
import { isRead, isWritten } from "../../model/facts.js";
import { assertNever, type Field, type RenameRule } from "../../model/ir.js";
import { renameField, snakeOfPascal } from "../../model/naming.js";
import type { RustContext } from "./context.js";
import { atom, exprText, layoutAssignment, layoutAttribute, layoutFnSignature, layoutStatement, typeText, type Expr, type MetaNode } from "./layout.js";
import { docLines, ident, stringLiteral } from "./text.js";
import { literalExpr, rustDefaultIsTypeDefault, rustType, typeDefaultExpr } from "./type-expr.js";

/** Where a list of fields sits: a struct, or a struct variant of an enum. */
export interface FieldOwner {
  /** The type whose `impl` block holds the helper functions (the struct, or the enum). */
  readonly typeName: string;
  /** The variant, for a struct variant's fields: its helpers are named after it. */
  readonly variant?: string | undefined;
  readonly renameAll: RenameRule | undefined;
  /** serde `default` on the struct: a field without its own default takes the struct's. */
  readonly missingFromDefault: boolean;
  /** `pub ` for a struct's fields; nothing for a variant's. */
  readonly visibility: string;
}

/** The helper functions of one `impl` block, in the order the fields ask for them. */
export class Helpers {
  readonly fns: string[] = [];
  private readonly names = new Set<string>();

  /** A unique function name from `base` (a suffix when two fields would give the same one). */
  name(base: string): string {
    let name = base;
    for (let i = 2; this.names.has(name); i++) name = `${base}_${i}`;
    this.names.add(name);
    return name;
  }

  /** The `impl Type { .. }` block, or nothing when no field needs a helper. */
  block(typeName: string): string[][] {
    return this.fns.length === 0 ? [] : [[`impl ${typeName} {`, this.fns.join("\n\n"), "}"]];
  }
}

/** What a field's `default` attribute is: none, the word (Rust's `Default`), or a generated function. */
type DefaultAttr = { readonly k: "none" } | { readonly k: "word" } | { readonly k: "fn"; readonly value: Expr };

function defaultAttr(f: Field, owner: FieldOwner, ctx: RustContext): DefaultAttr {
  if (f.flatten) return { k: "none" };
  const d = f.default;
  const type = (): Expr => typeDefaultExpr(f.type, ctx, owner.typeName);
  if (d?.kind === "literal") return { k: "fn", value: literalExpr(f.type, d.value, ctx, owner.typeName) };
  // A predicate comparing with the default calls the same function as the attribute.
  if (d?.kind === "type") return f.omit === "if-default" || !rustDefaultIsTypeDefault(f.type, ctx) ? { k: "fn", value: type() } : { k: "word" };
  // A field never read takes Rust's Default of its type (or the struct's value): a function where the IDL's differs.
  if (!isRead(f) && !owner.missingFromDefault && !rustDefaultIsTypeDefault(f.type, ctx)) return { k: "fn", value: type() };
  return { k: "none" };
}

/** Whether the field's default is Rust's `Default` of its type (so `Default` may be derived over it). */
export function defaultIsDerivable(f: Field, owner: FieldOwner, ctx: RustContext): boolean {
  return defaultAttr(f, owner, ctx).k !== "fn" && rustDefaultIsTypeDefault(f.type, ctx);
}

/** The serde attribute items of a field, with the helpers they name added to `helpers`; `fnOf` records each field's default function. */
function fieldAttrs(f: Field, owner: FieldOwner, ctx: RustContext, helpers: Helpers, fnOf: Map<string, string>): MetaNode[] {
  const attrs: MetaNode[] = [];
  const nv = (name: string, value: string): MetaNode => ({ k: "name-value", name, value: stringLiteral(value) });
  if (!f.flatten && f.wire !== renameField(owner.renameAll, f.name)) attrs.push(nv("rename", f.wire));
  for (const alias of f.aliases) attrs.push(nv("alias", alias));
  const stem = owner.variant === undefined ? f.name : `${snakeOfPascal(owner.variant)}_${f.name}`;
  const rustT = (): string => typeText(rustType(f.type, ctx, owner.typeName));
  const d = defaultAttr(f, owner, ctx);
  if (d.k === "word") attrs.push({ k: "word", text: "default" });
  if (d.k === "fn") {
    const name = helpers.name(`default_${stem}`);
    fnOf.set(f.name, name);
    helpers.fns.push(helperFn(`fn ${name}`, [], rustT(), d.value));
    attrs.push(nv("default", `${owner.typeName}::${name}`));
  }
  if (f.flatten) attrs.push({ k: "word", text: "flatten" });
  if (f.skip === "both") attrs.push({ k: "word", text: "skip" });
  if (f.skip === "serializing") attrs.push({ k: "word", text: "skip_serializing" });
  if (f.skip === "deserializing") attrs.push({ k: "word", text: "skip_deserializing" });
  if (isWritten(f)) {
    const predicate = omitPredicate(f, owner, ctx, helpers, fnOf, rustT);
    if (predicate !== undefined) attrs.push(nv("skip_serializing_if", predicate));
  }
  return attrs;
}

/** A helper function: its signature and one expression as its body. */
function helperFn(head: string, params: readonly string[], ret: string, body: Expr): string {
  return [layoutFnSignature(head, params, ret, 4), layoutStatement(body, 8, false) ?? `        ${exprText(body)}`, "    }"].join("\n");
}

/** The predicate of an omit rule, as serde's `skip_serializing_if` names it. */
function omitPredicate(
  f: Field,
  owner: FieldOwner,
  ctx: RustContext,
  helpers: Helpers,
  fnOf: ReadonlyMap<string, string>,
  rustT: () => string,
): string | undefined {
  switch (f.omit) {
    case "never":
      return undefined;
    case "if-none":
      return "Option::is_none";
    case "if-empty":
      switch (f.type.kind) {
        case "list":
          return "Vec::is_empty";
        case "set":
          return `${ctx.collection(f.type.hashed ? "HashSet" : "BTreeSet")}::is_empty`;
        case "map":
          return `${ctx.collection(f.type.hashed ? "HashMap" : "BTreeMap")}::is_empty`;
        default:
          return "String::is_empty";
      }
    case "if-default": {
      const dflt = fnOf.get(f.name)!;
      const name = helpers.name(`is_${dflt}`);
      helpers.fns.push(helperFn(`fn ${name}`, [`value: &${rustT()}`], "bool", atom(`*value == Self::${dflt}()`)));
      return `${owner.typeName}::${name}`;
    }
    default:
      return assertNever(f.omit);
  }
}

/** One field as its parts: docs and attribute lines, and `name: Type` on one line. */
export interface FieldItem {
  /** Doc comment and `#[serde(..)]` lines, at the column asked for. */
  readonly above: readonly string[];
  /** The field's line at the column asked for, laid out as rustfmt does (with its comma). */
  readonly line: string;
  /** `name: Type` without indentation or comma, for a one-line list of fields. */
  readonly flat: string;
}

/** The fields at `column`, each with its docs and serde attributes; `fnOf` gets each field's default function. */
export function fieldItems(
  fields: readonly Field[],
  owner: FieldOwner,
  ctx: RustContext,
  helpers: Helpers,
  column: number,
  fnOf: Map<string, string> = new Map(),
): FieldItem[] {
  return fields.map((f) => {
    const attrs = fieldAttrs(f, owner, ctx, helpers, fnOf);
    const type = rustType(f.type, ctx, owner.typeName);
    const prefix = `${owner.visibility}${ident(f.name)}:`;
    return {
      above: [...docLines(f.doc, column), ...(attrs.length === 0 ? [] : [layoutAttribute("serde", attrs, column)])],
      line: layoutAssignment(prefix, { type }, column, ",") ?? `${" ".repeat(column)}${prefix} ${typeText(type)},`,
      flat: `${prefix} ${typeText(type)}`,
    };
  });
}

/** A field's lines: its docs and attributes, then the field. */
export const fieldItemLines = (item: FieldItem): string[] => [...item.above, item.line];
