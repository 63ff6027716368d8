/**
 * Rust types to IDL type expressions, as the table of docs/idl.md says: scalars, `Option`, `Vec`,
 * the std maps and sets, tuples, arrays, `Box`, `serde_json::Value`, and the serde types of the
 * imported files (with the module imports they need). Anything else is `json`, with a diagnostic.
 */
import type { FileItems } from "./collect.js";
import { pathSegments } from "./collect.js";
import type { ImportContext } from "./context.js";
import { JSON_TYPE, scalar, type IdlType, type ScalarName } from "./idl-type.js";
import type { Node } from "./parser.js";
import { field, namedChildren } from "./syntax.js";

/** Where a type is written: its file, `Self`, type parameters, and the notes for the YAML. */
export interface TypeScope {
  readonly file: FileItems;
  /** The type whose fields are mapped (for `Self`). */
  readonly self?: string;
  /** Type parameters of a generic declaration: each is `json`. */
  readonly generics?: ReadonlySet<string>;
  /** Notes for the YAML at the place this type is written. */
  readonly todos: string[];
}

const PRIMITIVES: Readonly<Record<string, ScalarName>> = {
  bool: "bool",
  char: "char",
  str: "string",
  u8: "u8",
  u16: "u16",
  u32: "u32",
  u64: "u64",
  usize: "usize",
  i8: "i8",
  i16: "i16",
  i32: "i32",
  i64: "i64",
  isize: "isize",
  f32: "f32",
  f64: "f64",
};

type Builtin = (args: readonly IdlType[], node: Node) => IdlType | undefined;

/** std and serde_json types by their last path segment. */
const BUILTINS: Readonly<Record<string, Builtin>> = {
  String: () => scalar("string"),
  Option: ([t]) => t && { k: "optional", of: t },
  Vec: ([t]) => t && { k: "list", of: t },
  VecDeque: ([t]) => t && { k: "list", of: t },
  Box: ([t]) => t && { k: "box", of: t },
  BTreeMap: ([k, v]) => k && v && { k: "map", key: k, value: v },
  HashMap: ([k, v]) => k && v && { k: "hash_map", key: k, value: v },
  BTreeSet: ([t]) => t && { k: "set", of: t },
  HashSet: ([t]) => t && { k: "hash_set", of: t },
};

/** Types written as another IDL type with the same JSON (the generated Rust differs). */
const CHANGED: Readonly<Record<string, { idl: (args: readonly IdlType[]) => IdlType | undefined; rust: string }>> = {
  Rc: { idl: ([t]) => t && { k: "box", of: t }, rust: "Box" },
  Arc: { idl: ([t]) => t && { k: "box", of: t }, rust: "Box" },
  PathBuf: { idl: () => scalar("string"), rust: "String" },
  Cow: { idl: ([t]) => t, rust: "the owned type" },
};

/** The IDL type of a Rust type; `json` with a diagnostic when there is none. */
export function mapType(ctx: ImportContext, scope: TypeScope, node: Node): IdlType {
  switch (node.type) {
    case "primitive_type": {
      const p = PRIMITIVES[node.text];
      return p ? scalar(p) : unsupported(ctx, scope, node);
    }
    case "unit_type":
      return scalar("unit");
    case "tuple_type": {
      const items = namedChildren(node).map((c) => mapType(ctx, scope, c));
      return { k: "tuple", items };
    }
    case "array_type": {
      const element = field(node, "element");
      const length = field(node, "length");
      const n = length ? arrayLength(ctx, scope.file, length) : undefined;
      if (!element || n === undefined) return unsupported(ctx, scope, node);
      return { k: "array", of: mapType(ctx, scope, element), length: n };
    }
    case "reference_type": {
      const inner = field(node, "type");
      if (!inner) return unsupported(ctx, scope, node);
      // `&[T]` reads and writes as a sequence; `&T` as `T`. But `&[u8]` is read from a JSON string's bytes
      // (serde borrows them) and written as an array of numbers: no IDL type reads and writes that.
      if (inner.type === "array_type" && !field(inner, "length")) {
        const element = field(inner, "element");
        if (element?.text === "u8") return unsupported(ctx, scope, node);
        return element ? { k: "list", of: mapType(ctx, scope, element) } : unsupported(ctx, scope, node);
      }
      if (inner.type === "primitive_type" && inner.text === "str") ctx.report("borrowed-str", scope.file, node, { type: node.text });
      return mapType(ctx, scope, inner);
    }
    case "type_identifier":
    case "scoped_type_identifier":
      return mapNamed(ctx, scope, node, pathSegments(node), []);
    case "generic_type": {
      const base = field(node, "type");
      const argsNode = field(node, "type_arguments");
      if (!base) return unsupported(ctx, scope, node);
      const args = (argsNode ? namedChildren(argsNode) : []).filter((a) => a.type !== "lifetime").map((a) => a);
      return mapNamed(ctx, scope, node, pathSegments(base), args);
    }
    default:
      return unsupported(ctx, scope, node);
  }
}

function mapNamed(ctx: ImportContext, scope: TypeScope, node: Node, segments: readonly string[], argNodes: readonly Node[]): IdlType {
  const name = segments.at(-1)!;
  if (segments.length === 1 && scope.generics?.has(name)) return JSON_TYPE;
  if (segments.length === 1 && name === "Self" && scope.self !== undefined) return { k: "named", name: scope.self };
  if (segments.length === 1 && PRIMITIVES[name] !== undefined) return scalar(PRIMITIVES[name]);
  const found = ctx.crate.resolve(scope.file, segments, (f, n) => f.types.get(n) ?? f.aliases.get(n));
  if ("file" in found) {
    const value = found.value;
    if ("type" in value && !("kind" in value)) {
      // A type alias: its type, as written where it is declared.
      if (value.generics || argNodes.length > 0) return unsupported(ctx, scope, node);
      return mapType(ctx, { file: found.file, todos: scope.todos, ...(scope.self !== undefined && { self: scope.self }) }, value.type);
    }
    const serde = ctx.serdeType(found.file, found.name);
    if (!serde) {
      const manual = found.file.impls.find((i) => i.type === found.name && (i.trait === "Serialize" || i.trait === "Deserialize"));
      scope.todos.push(
        manual
          ? ctx.report("manual-serde-impl", scope.file, node, { name: found.name, trait: manual.trait! })
          : ctx.report("not-serde-type", scope.file, node, { name: found.name }),
      );
      return JSON_TYPE;
    }
    ctx.use(scope.file, found.file, node);
    return { k: "named", name: found.name };
  }
  const path = found.external;
  const builtin = BUILTINS[name];
  const changed = CHANGED[name];
  const known = builtin !== undefined || changed !== undefined || ((name === "Value" || name === "Map") && path.includes("serde_json"));
  if (!known) {
    // Another crate's type, or one the files do not declare: reported once, its arguments not looked at.
    scope.todos.push(ctx.report("unresolved-type", scope.file, node, { name: node.text }));
    return JSON_TYPE;
  }
  const args = argNodes.map((a) => (a.type === "type_binding" ? JSON_TYPE : mapType(ctx, scope, a)));
  if (builtin) {
    const t = builtin(args, node);
    if (t) return t;
  }
  if (name === "Value" && path.includes("serde_json")) return JSON_TYPE;
  if (name === "Map" && path.includes("serde_json")) return { k: "map", key: scalar("string"), value: JSON_TYPE };
  if (changed) {
    const t = changed.idl(name === "Cow" ? args.slice(-1) : args);
    if (t) {
      ctx.report("changed-rust-type", scope.file, node, { type: node.text, idl: renderShort(t), rust: changed.rust });
      return t;
    }
  }
  // A known name with the wrong number of arguments.
  return unsupported(ctx, scope, node);
}

function renderShort(t: IdlType): string {
  return t.k === "scalar" ? t.name : t.k;
}

function unsupported(ctx: ImportContext, scope: TypeScope, node: Node): IdlType {
  scope.todos.push(ctx.report("unsupported-type", scope.file, node, { type: node.text }));
  return JSON_TYPE;
}

/** An array length: a literal, or a constant of the file. */
function arrayLength(ctx: ImportContext, file: FileItems, node: Node): number | undefined {
  const literal = (n: Node): number | undefined => {
    if (n.type !== "integer_literal") return undefined;
    const v = Number(n.text.replace(/_/g, "").replace(/(usize|u\d+|i\d+|isize)$/, ""));
    return Number.isSafeInteger(v) ? v : undefined;
  };
  const direct = literal(node);
  if (direct !== undefined) return direct;
  if (node.type === "identifier" || node.type === "scoped_identifier") {
    const found = ctx.crate.resolve(file, pathSegments(node), (f, n) => f.consts.get(n));
    if ("file" in found && found.value.value) return literal(found.value.value);
  }
  return undefined;
}
