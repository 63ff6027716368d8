/**
 * Collects what the import needs from one parsed Rust file: structs and enums (with their derives
 * and serde attributes), type aliases, constants, functions, `impl` blocks of Default, Display and
 * the serde traits, `use` declarations, and item macros it cannot look into.
 */
import type { Node } from "./parser.js";
import {
  docOf,
  eachWithLeading,
  field,
  innerDocs,
  namedChildren,
  type Attribute,
  type Leading,
  type Meta,
  type RustFile,
} from "./syntax.js";

/** A struct or enum of a Rust file, as written. */
export interface TypeItem {
  readonly kind: "struct" | "enum";
  readonly name: string;
  readonly node: Node;
  readonly leading: Leading;
  readonly doc: string | undefined;
  /** Last path segments of every derive: `Serialize`, `Default`, ... */
  readonly derives: ReadonlySet<string>;
  /** Every `#[serde(...)]` argument, in order (also those under `cfg_attr`). */
  readonly serde: readonly Meta[];
  readonly generics: Node | undefined;
}

/** A `type X = ...;` alias. */
export interface AliasItem {
  readonly name: string;
  readonly node: Node;
  readonly type: Node;
  readonly generics: Node | undefined;
}

/** A `const` or `static` item. */
export interface ConstItem {
  readonly name: string;
  readonly node: Node;
  readonly type: Node | undefined;
  readonly value: Node | undefined;
  readonly doc: string | undefined;
}

/** A function: free, or an associated function of an `impl`. */
export interface FnItem {
  readonly name: string;
  readonly node: Node;
  readonly params: readonly { name: string; type: Node; node: Node }[];
  /** `self`, `&self` or `&mut self` comes first. */
  readonly hasSelf: boolean;
  readonly returnType: Node | undefined;
  readonly body: Node | undefined;
  readonly isPublic: boolean;
  readonly doc: string | undefined;
}

/** An `impl` block: of a trait (`Default`, `Display`, `Serialize`), or inherent. */
export interface ImplItem {
  /** The trait's last path segment (`Default`, `Display`, `Serialize`), or undefined for an inherent impl. */
  readonly trait: string | undefined;
  /** The self type's name (last segment, without generics). */
  readonly type: string;
  readonly node: Node;
  readonly fns: ReadonlyMap<string, FnItem>;
  /** Associated constants: their value expressions (`const RULE: StringRule = ..`). */
  readonly consts: ReadonlyMap<string, Node>;
}

/** `use a::b::{c, d as e}` gives `c -> [a, b, c]` and `e -> [a, b, d]`; `use a::*` a glob `[a]`. */
export interface UseEntry {
  readonly local: string;
  readonly path: readonly string[];
}

/** Everything collected from one Rust file, which becomes one IDL module. */
export interface FileItems {
  readonly file: RustFile;
  /** The IDL module name (the file's name). */
  readonly module: string;
  /** The Rust module path from the crate root, when known (`["tenant"]`). */
  readonly modulePath: readonly string[];
  readonly doc: string | undefined;
  readonly types: Map<string, TypeItem>;
  readonly aliases: Map<string, AliasItem>;
  readonly consts: Map<string, ConstItem>;
  readonly fns: Map<string, FnItem>;
  readonly impls: ImplItem[];
  readonly uses: UseEntry[];
  readonly globs: (readonly string[])[];
  readonly macros: Node[];
  /** Every item in source order, for deterministic output. */
  readonly order: string[];
}

/** Collects the items of a parsed file (inline modules included, `#[cfg(test)]` ones left out). */
export function collectItems(file: RustFile, root: Node, module: string, modulePath: readonly string[]): FileItems {
  const docs = innerDocs(root);
  const items: FileItems = {
    file,
    module,
    modulePath,
    doc: docs.length > 0 ? docs.join("\n").trim() || undefined : undefined,
    types: new Map(),
    aliases: new Map(),
    consts: new Map(),
    fns: new Map(),
    impls: [],
    uses: [],
    globs: [],
    macros: [],
    order: [],
  };
  collectList(items, root);
  return items;
}

function collectList(items: FileItems, list: Node): void {
  eachWithLeading(list, (node, leading) => {
    if (isCfgTest(leading.attributes)) return;
    switch (node.type) {
      case "struct_item":
      case "enum_item": {
        const name = field(node, "name")?.text;
        if (name === undefined) return;
        const { derives, serde } = readDerivesAndSerde(leading.attributes);
        items.types.set(name, {
          kind: node.type === "struct_item" ? "struct" : "enum",
          name,
          node,
          leading,
          doc: docOf(leading),
          derives,
          serde,
          generics: field(node, "type_parameters"),
        });
        items.order.push(name);
        return;
      }
      case "type_item": {
        const name = field(node, "name")?.text;
        const type = field(node, "type");
        if (name !== undefined && type) items.aliases.set(name, { name, node, type, generics: field(node, "type_parameters") });
        return;
      }
      case "const_item":
      case "static_item": {
        const name = field(node, "name")?.text;
        if (name !== undefined)
          items.consts.set(name, { name, node, type: field(node, "type"), value: field(node, "value"), doc: docOf(leading) });
        return;
      }
      case "function_item": {
        const fn = readFn(node, leading);
        if (fn) items.fns.set(fn.name, fn);
        return;
      }
      case "impl_item":
        items.impls.push(readImpl(node));
        return;
      case "use_declaration": {
        const arg = field(node, "argument");
        if (arg) readUse(arg, [], items);
        return;
      }
      case "mod_item": {
        // An inline module's items are imported into the file's module; `mod x;` names another file.
        const body = field(node, "body");
        if (body) collectList(items, body);
        return;
      }
      case "macro_invocation":
        items.macros.push(node);
        return;
      case "expression_statement": {
        const inner = namedChildren(node)[0];
        if (inner?.type === "macro_invocation") items.macros.push(inner);
        return;
      }
      default:
        return;
    }
  });
}

function isCfgTest(attributes: readonly Attribute[]): boolean {
  return attributes.some((a) => a.path === "cfg" && a.args?.some((m) => m.name === "test"));
}

function readDerivesAndSerde(attributes: readonly Attribute[]): { derives: Set<string>; serde: Meta[] } {
  const derives = new Set<string>();
  const serde: Meta[] = [];
  const take = (name: string, list: readonly Meta[] | undefined): void => {
    if (name === "derive") for (const m of list ?? []) derives.add(m.name.split("::").at(-1)!);
    else if (name === "serde") serde.push(...(list ?? []));
  };
  for (const a of attributes) {
    if (a.path === "cfg_attr") {
      // `#[cfg_attr(feature = "serde", derive(Serialize), serde(rename_all = "..."))]`: the attributes after the predicate.
      for (const m of (a.args ?? []).slice(1)) take(m.name, m.list);
    } else {
      take(a.path.split("::").at(-1) === "derive" ? "derive" : a.path, a.args);
    }
  }
  return { derives, serde };
}

function readFn(node: Node, leading: Leading): FnItem | undefined {
  const name = field(node, "name")?.text;
  if (name === undefined) return undefined;
  const params: { name: string; type: Node; node: Node }[] = [];
  let hasSelf = false;
  const paramList = field(node, "parameters");
  for (const p of paramList ? namedChildren(paramList) : []) {
    if (p.type === "self_parameter") hasSelf = true;
    if (p.type !== "parameter") continue;
    const pattern = field(p, "pattern");
    const type = field(p, "type");
    // A raw identifier (`r#try`, as the Rust target writes parameters named like keywords) is its name without `r#`.
    if (pattern && type) params.push({ name: pattern.text.replace(/^r#/, ""), type, node: p });
  }
  return {
    name,
    node,
    params,
    hasSelf,
    returnType: field(node, "return_type"),
    body: field(node, "body"),
    isPublic: namedChildren(node).some((c) => c.type === "visibility_modifier"),
    doc: docOf(leading),
  };
}

function readImpl(node: Node): ImplItem {
  const traitNode = field(node, "trait");
  const typeNode = field(node, "type");
  const lastSegment = (n: Node | undefined): string | undefined => {
    if (!n) return undefined;
    const base = n.type === "generic_type" ? field(n, "type") : n;
    return base?.text.split("::").at(-1);
  };
  const fns = new Map<string, FnItem>();
  const consts = new Map<string, Node>();
  const body = field(node, "body");
  if (body) {
    eachWithLeading(body, (child, leading) => {
      if (child.type === "const_item") {
        const name = field(child, "name")?.text;
        const value = field(child, "value");
        if (name !== undefined && value) consts.set(name, value);
      }
      if (child.type !== "function_item") return;
      const fn = readFn(child, leading);
      if (fn) fns.set(fn.name, fn);
    });
  }
  return { trait: lastSegment(traitNode), type: lastSegment(typeNode) ?? "", node, fns, consts };
}

function readUse(node: Node, prefix: readonly string[], items: FileItems): void {
  switch (node.type) {
    case "identifier":
    case "crate":
    case "self":
    case "super":
    case "scoped_identifier": {
      const path = [...prefix, ...pathSegments(node)];
      // `use a::{self}` names the module itself.
      if (path.at(-1) === "self") path.pop();
      if (path.length > 0) items.uses.push({ local: path.at(-1)!, path });
      return;
    }
    case "use_as_clause": {
      const path = field(node, "path");
      const alias = field(node, "alias");
      if (path && alias) items.uses.push({ local: alias.text, path: [...prefix, ...pathSegments(path)] });
      return;
    }
    case "use_wildcard": {
      const inner = namedChildren(node)[0];
      items.globs.push([...prefix, ...(inner ? pathSegments(inner) : [])]);
      return;
    }
    case "scoped_use_list": {
      const path = field(node, "path");
      const list = field(node, "list");
      const next = [...prefix, ...(path ? pathSegments(path) : [])];
      if (list) for (const c of namedChildren(list)) readUse(c, next, items);
      return;
    }
    case "use_list":
      for (const c of namedChildren(node)) readUse(c, prefix, items);
      return;
    default:
      return;
  }
}

/** `crate::tenant::x` -> `["crate", "tenant", "x"]`. */
export function pathSegments(node: Node): string[] {
  return node.text
    .split("::")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
