/**
 * Builds IDL declarations from Rust structs and enums: kinds, fields and variants with their types,
 * every serde attribute of serde 1.0.152 the IDL has (the others reported), and doc comments.
 * Defaults, omit rules that compare with a default, and Display strings come after every
 * declaration is known (see finish.ts).
 */
import { ruleText } from "../../kinds/string/rust.js";
import { RENAME_RULES, type RenameRule } from "../../model/ir.js";
import { renameField, renameVariant } from "../../model/naming.js";
import type { FileItems, TypeItem } from "./collect.js";
import type { ImportContext } from "./context.js";
import type { Decl, EnumDecl, FieldDecl, StringRule, StructDecl, VariantDecl } from "./decls.js";
import { JSON_TYPE, type IdlType } from "./idl-type.js";
import type { Node } from "./parser.js";
import { docOf, eachWithLeading, field, namedChildren, stringLiteral, type Leading, type Meta } from "./syntax.js";
import { mapType, type TypeScope } from "./types.js";

const CONTAINER_ATTRS = new Set([
  "rename",
  "rename_all",
  "deny_unknown_fields",
  "tag",
  "content",
  "untagged",
  "bound",
  "default",
  "remote",
  "transparent",
  "from",
  "try_from",
  "into",
  "crate",
  "expecting",
  "variant_identifier",
  "field_identifier",
]);
const VARIANT_ATTRS = new Set([
  "rename",
  "alias",
  "rename_all",
  "skip",
  "skip_serializing",
  "skip_deserializing",
  "serialize_with",
  "deserialize_with",
  "with",
  "bound",
  "borrow",
  "other",
]);
const FIELD_ATTRS = new Set([
  "rename",
  "alias",
  "default",
  "skip",
  "skip_serializing",
  "skip_deserializing",
  "skip_serializing_if",
  "serialize_with",
  "deserialize_with",
  "with",
  "borrow",
  "bound",
  "getter",
  "flatten",
]);
/** Attributes that only change Rust code (trait bounds, lifetimes, paths, messages): not the JSON. */
const NO_WIRE_EFFECT = new Set(["bound", "borrow", "crate", "expecting"]);
const WHY_NOT: Readonly<Record<string, string>> = {
  remote: "it describes another crate's type",
  from: "the JSON is that of another type, converted by Rust code",
  try_from: "the JSON is that of another type, converted (and checked) by Rust code",
  into: "the JSON is that of another type, converted by Rust code",
  with: "the JSON is whatever that module's code does",
  serialize_with: "the JSON is whatever that function writes",
  deserialize_with: "the JSON is whatever that function reads",
  getter: "it belongs to remote types",
  variant_identifier: "identifier enums are not modelled",
  field_identifier: "identifier enums are not modelled",
};

/** Builds the declaration of one serde type; the type's notes go to `decl.todos`. */
export function convertType(ctx: ImportContext, file: FileItems, item: TypeItem): Decl {
  const todos: string[] = [];
  const generics = genericNames(item.generics);
  if (generics.size > 0) todos.push(ctx.report("generic-type", file, item.generics!, { name: item.name }));
  const serialize = item.derives.has("Serialize");
  const deserialize = item.derives.has("Deserialize");
  if (serialize !== deserialize) {
    ctx.report("one-way-serde", file, field(item.node, "name") ?? item.node, {
      name: item.name,
      derives: serialize ? "Serialize" : "Deserialize",
    });
  }
  const rule = checkedStringRule(file, item);
  if (rule) {
    // The conversion through String is the rule's check: the JSON is a string that follows it.
    const rest = { ...item, serde: item.serde.filter((m) => m.name !== "try_from" && m.name !== "into") };
    readContainer(ctx, file, rest, todos);
    return { name: item.name, item, file, doc: withoutRuleLine(item.doc, rule), todos, kind: "newtype", type: { k: "scalar", name: "string" }, rule };
  }
  const container = readContainer(ctx, file, item, todos);
  const base = { name: item.name, item, file, doc: item.doc, todos };
  const scope: TypeScope = { file, self: item.name, generics, todos };
  if (item.kind === "enum") return convertEnum(ctx, file, item, container, base, scope);
  return convertStruct(ctx, file, item, container, base, scope);
}

/**
 * The rule of a checked string as the Rust target writes `kind: string`: `struct S(String)` with
 * `#[serde(try_from = "String", into = "String")]`, and an inherent `const RULE: StringRule =
 * StringRule { min_length: Some(2), max_length: None, pattern: Some("^..$"), description: "..", .. }`
 * holding the rule as data. Anything else with `try_from`/`into` stays an unsupported attribute.
 */
function checkedStringRule(file: FileItems, item: TypeItem): StringRule | undefined {
  if (item.kind !== "struct") return undefined;
  const body = field(item.node, "body");
  if (body?.type !== "ordered_field_declaration_list") return undefined;
  const types = namedChildren(body).filter((n) => n.type !== "visibility_modifier" && n.type !== "attribute_item" && !n.type.endsWith("comment"));
  if (types.length !== 1 || types[0]!.text !== "String") return undefined;
  const conversions = item.serde.filter((m) => m.name === "try_from" || m.name === "into");
  if (conversions.length !== 2 || !conversions.every((m) => m.value === "String") || conversions[0]!.name === conversions[1]!.name) return undefined;
  const value = file.impls.find((i) => i.trait === undefined && i.type === item.name)?.consts.get("RULE");
  const fields = value?.type === "struct_expression" && /(^|::)StringRule$/.test(field(value, "name")?.text ?? "") ? field(value, "body") : undefined;
  if (!fields) return undefined;
  const rule: StringRule = {};
  let description: string | undefined;
  for (const init of namedChildren(fields)) {
    if (init.type !== "field_initializer") continue;
    const name = field(init, "field")?.text;
    const v = field(init, "value")!;
    const some = v.type === "call_expression" && field(v, "function")?.text === "Some" ? namedChildren(field(v, "arguments")!)[0] : undefined;
    if (v.type !== "call_expression" && v.text !== "None" && name !== "description" && name !== "type_name" && name !== "matches") return undefined;
    if (name === "min_length" || name === "max_length") {
      if (!some) continue;
      if (some.type !== "integer_literal" || !/^\d+$/.test(some.text)) return undefined;
      rule[name === "min_length" ? "minLength" : "maxLength"] = Number(some.text);
    } else if (name === "pattern") {
      if (!some) continue;
      const pattern = stringLiteral(some);
      if (pattern === undefined) return undefined;
      rule.pattern = pattern;
    } else if (name === "description") {
      description = stringLiteral(v);
      if (description === undefined) return undefined;
    }
  }
  // The Rust target writes "" without a pattern and "matches <pattern>" without its words.
  if (description !== undefined && description !== "" && description !== `matches ${rule.pattern}`) rule.patternDoc = description;
  return rule;
}

/** The doc without the last paragraph "Rule: ..." the Rust target writes from the rule (the IDL says it). */
function withoutRuleLine(doc: string | undefined, rule: StringRule): string | undefined {
  if (doc === undefined) return undefined;
  const { minLength, maxLength, pattern, patternDoc } = rule;
  const line = `Rule: ${ruleText({ minLength, maxLength, pattern, patternDoc })}.`;
  if (doc === line) return undefined;
  return doc.endsWith(`\n\n${line}`) ? doc.slice(0, -line.length - 2) : doc;
}

interface Container {
  renameAll?: RenameRule;
  deny?: true;
  tag?: string;
  content?: string;
  untagged?: true;
  transparent?: true;
  defaultFlag?: true;
  defaultFn?: { path: string; node: Node };
}

function readContainer(ctx: ImportContext, file: FileItems, item: TypeItem, todos: string[]): Container {
  const c: Container = {};
  for (const m of item.serde) {
    if (screen(ctx, file, m, CONTAINER_ATTRS, "a container", todos) !== "keep") continue;
    switch (m.name) {
      case "rename_all": {
        const rule = renameRule(ctx, file, m, todos);
        if (rule) c.renameAll = rule;
        break;
      }
      case "deny_unknown_fields":
        c.deny = true;
        break;
      case "tag":
      case "content":
        if (item.kind === "struct") {
          todos.push(ctx.report("unsupported-attribute", file, m.node, { attr: metaText(m), why: "the IDL has tags on enums only" }));
        } else if (m.value !== undefined) {
          c[m.name] = m.value;
        }
        break;
      case "untagged":
        c.untagged = true;
        break;
      case "transparent":
        c.transparent = true;
        break;
      case "default":
        if (m.value !== undefined) c.defaultFn = { path: m.value, node: m.node };
        else c.defaultFlag = true;
        break;
    }
  }
  return c;
}

/**
 * Sorts out an attribute that is not for the caller to read: not one of serde's for this place
 * (reported), one without effect on the JSON (reported, dropped), or one the IDL cannot express
 * (reported, a TODO left). Returns "keep" for the others.
 */
function screen(
  ctx: ImportContext,
  file: FileItems,
  m: Meta,
  allowed: ReadonlySet<string>,
  place: string,
  todos: string[],
): "keep" | "dropped" | "unsupported" {
  if (!allowed.has(m.name)) {
    todos.push(ctx.report("unknown-attribute", file, m.node, { attr: m.name, where: ` on ${place}` }));
    return "dropped";
  }
  // A container's own `rename` only names the type in serde's messages.
  if (NO_WIRE_EFFECT.has(m.name) || (m.name === "rename" && place === "a container")) {
    ctx.report("ignored-attribute", file, m.node, { attr: metaText(m) });
    return "dropped";
  }
  const why = WHY_NOT[m.name];
  if (why === undefined) return "keep";
  todos.push(ctx.report("unsupported-attribute", file, m.node, { attr: metaText(m), why }));
  return "unsupported";
}

function renameRule(ctx: ImportContext, file: FileItems, m: Meta, todos: string[]): RenameRule | undefined {
  let value = m.value;
  if (m.list) {
    const ser = m.list.find((x) => x.name === "serialize")?.value;
    const de = m.list.find((x) => x.name === "deserialize")?.value;
    if (ser !== de) {
      todos.push(ctx.report("unsupported-attribute", file, m.node, { attr: metaText(m), why: "reading and writing use different names" }));
      return undefined;
    }
    value = ser;
  }
  if (value !== undefined && (RENAME_RULES as readonly string[]).includes(value)) return value as RenameRule;
  todos.push(ctx.report("unknown-attribute", file, m.node, { attr: metaText(m), where: "" }));
  return undefined;
}

/** Reads `rename` and `alias`, alike on fields and variants; false for another attribute. */
function readNaming(
  ctx: ImportContext,
  file: FileItems,
  m: Meta,
  target: { wire: string; rename?: string; aliases: string[] },
  todos: string[],
): boolean {
  if (m.name === "alias") {
    if (m.value !== undefined) target.aliases.push(m.value);
    return true;
  }
  if (m.name !== "rename") return false;
  const wire = renameValue(ctx, file, m, todos);
  if (wire !== undefined) target.wire = target.rename = wire;
  return true;
}

/** `rename = "x"`, or `rename(serialize = "x", deserialize = "x")` with one name. */
function renameValue(ctx: ImportContext, file: FileItems, m: Meta, todos: string[]): string | undefined {
  if (!m.list) return m.value;
  const ser = m.list.find((x) => x.name === "serialize")?.value;
  const de = m.list.find((x) => x.name === "deserialize")?.value;
  if (ser === de) return ser;
  todos.push(ctx.report("unsupported-attribute", file, m.node, { attr: metaText(m), why: "reading and writing use different names" }));
  // Written under its serialize name; the name read differs in Rust.
  return ser;
}

function convertStruct(ctx: ImportContext, file: FileItems, item: TypeItem, c: Container, base: BaseFields, scope: TypeScope): Decl {
  const body = field(item.node, "body");
  const defaultFrom = rustDefaultOf(file, item);
  const common = { ...base, ...(defaultFrom && { rustDefault: defaultFrom }) };
  if (!body) return { ...common, kind: "unit-struct" };
  if (body.type === "ordered_field_declaration_list") {
    const types = namedChildren(body)
      .filter((n) => n.type !== "visibility_modifier" && n.type !== "attribute_item" && !n.type.endsWith("comment"))
      .map((n) => mapType(ctx, scope, n));
    if (types.length === 1) return { ...common, kind: "newtype", type: types[0]! };
    return { ...common, kind: "tuple-struct", items: types };
  }
  const fields: FieldDecl[] = [];
  eachWithLeading(body, (node, leading) => {
    if (node.type === "field_declaration") fields.push(convertField(ctx, file, node, leading, c.renameAll, scope));
  });
  const decl: StructDecl = { ...common, kind: "struct", fields };
  if (c.renameAll) decl.renameAll = c.renameAll;
  if (c.deny) decl.unknownFields = "deny";
  if (c.transparent) decl.transparent = true;
  if (c.defaultFlag) decl.missingFields = "default";
  if (c.defaultFn) {
    decl.missingFields = "default";
    decl.containerDefaultFn = c.defaultFn;
  }
  return decl;
}

type BaseFields = Pick<StructDecl, "name" | "item" | "file" | "doc" | "todos">;

function rustDefaultOf(file: FileItems, item: TypeItem): Decl["rustDefault"] {
  if (item.derives.has("Default")) return "derive";
  const impl = file.impls.find((i) => i.trait === "Default" && i.type === item.name);
  const fn = impl?.fns.get("default");
  return fn?.body ? { fn: fn.body } : undefined;
}

/** Builds one field (of a struct or of a struct variant). */
export function convertField(
  ctx: ImportContext,
  file: FileItems,
  node: Node,
  leading: Leading,
  renameAll: RenameRule | undefined,
  scope: TypeScope,
): FieldDecl {
  const rustName = field(node, "name")?.text ?? "";
  const name = rustName.replace(/^r#/, "");
  const typeNode = field(node, "type");
  const todos: string[] = [];
  const fieldScope: TypeScope = { ...scope, todos };
  // With `with`, `serialize_with` or `deserialize_with` the JSON is the functions', not the type's: not mapped.
  const custom = serdeMetas(leading).some((m) => m.name === "with" || m.name === "serialize_with" || m.name === "deserialize_with");
  const type: IdlType = typeNode && !custom ? mapType(ctx, fieldScope, typeNode) : JSON_TYPE;
  const f: FieldDecl = { name, node, doc: docOf(leading), type, wire: renameField(renameAll, name), aliases: [], todos };
  if (!/^[a-z][a-z0-9_]*$/.test(name)) {
    todos.push(
      ctx.report("invalid-idl-name", file, field(node, "name") ?? node, {
        what: "Field",
        name,
        rule: "fields are snake_case, starting with a letter",
      }),
    );
  }
  for (const m of serdeMetas(leading)) {
    const screened = screen(ctx, file, m, FIELD_ATTRS, "a field", todos);
    if (screened === "unsupported") f.type = JSON_TYPE;
    if (screened !== "keep") continue;
    if (readNaming(ctx, file, m, f, todos)) continue;
    switch (m.name) {
      case "default":
        if (m.value === undefined) f.typeDefault = true;
        else f.defaultFn = { path: m.value, node: m.node };
        break;
      case "skip":
        f.skip = true;
        break;
      case "skip_serializing":
        f.skip = f.skip === "deserializing" ? true : (f.skip ?? "serializing");
        break;
      case "skip_deserializing":
        f.skip = f.skip === "serializing" ? true : (f.skip ?? "deserializing");
        break;
      case "skip_serializing_if":
        if (m.value !== undefined) f.skipIfFn = { path: m.value, node: m.node };
        break;
      case "flatten":
        f.flatten = true;
        break;
    }
  }
  return f;
}

function convertEnum(ctx: ImportContext, file: FileItems, item: TypeItem, c: Container, base: BaseFields, scope: TypeScope): EnumDecl {
  const decl: EnumDecl = { ...base, kind: "enum", variants: [] };
  if (c.renameAll) decl.renameAll = c.renameAll;
  if (c.deny) decl.unknownFields = "deny";
  if (c.tag !== undefined) decl.tag = c.tag;
  if (c.content !== undefined) decl.content = c.content;
  if (c.untagged) decl.untagged = true;
  if (c.transparent)
    base.todos.push(ctx.report("unsupported-attribute", file, item.node, { attr: "transparent", why: "serde allows it on structs only" }));
  if (c.defaultFlag || c.defaultFn)
    base.todos.push(ctx.report("unsupported-attribute", file, item.node, { attr: "default", why: "serde allows it on structs only" }));
  const body = field(item.node, "body");
  if (!body) return decl;
  eachWithLeading(body, (node, leading) => {
    if (node.type !== "enum_variant") return;
    const v = convertVariant(ctx, file, node, leading, c.renameAll, scope);
    if (v === undefined) return;
    if (leading.attributes.some((a) => a.path === "default")) decl.defaultVariant = v.name;
    decl.variants.push(v);
  });
  return decl;
}

function convertVariant(
  ctx: ImportContext,
  file: FileItems,
  node: Node,
  leading: Leading,
  renameAll: RenameRule | undefined,
  scope: TypeScope,
): VariantDecl | undefined {
  const name = field(node, "name")?.text ?? "";
  const todos: string[] = [];
  const variantScope: TypeScope = { ...scope, todos };
  const v: VariantDecl = { name, node, doc: docOf(leading), wire: renameVariant(renameAll, name), aliases: [], shape: "unit", todos };
  let fieldRule: RenameRule | undefined;
  const skipped = new Set<string>();
  let skipNode: Node | undefined;
  for (const m of serdeMetas(leading)) {
    if (screen(ctx, file, m, VARIANT_ATTRS, "a variant", todos) !== "keep") continue;
    if (readNaming(ctx, file, m, v, todos)) continue;
    switch (m.name) {
      case "rename_all": {
        const rule = renameRule(ctx, file, m, todos);
        if (rule) fieldRule = v.renameAll = rule;
        break;
      }
      case "other":
        v.other = true;
        break;
      case "skip":
        skipped.add("serializing").add("deserializing");
        skipNode ??= m.node;
        break;
      case "skip_serializing":
      case "skip_deserializing":
        skipped.add(m.name.slice("skip_".length));
        skipNode ??= m.node;
        break;
    }
  }
  // serde neither reads nor writes a skipped variant (writing it is an error): the IDL leaves it out.
  if (skipped.size === 2) {
    ctx.report("skipped-variant", file, skipNode!, { name, what: "left out of the IDL: serde neither reads nor writes it" });
    return undefined;
  }
  // Read but never written: the IDL variant reads the same; only the generated writers can write it.
  if (skipped.has("serializing"))
    ctx.report("skipped-variant", file, skipNode!, { name, what: "kept: serde reads it as the IDL does, but refuses to write it" });
  // Written but never read: neither keeping nor leaving it out gives serde's behaviour.
  if (skipped.has("deserializing"))
    todos.push(
      ctx.report("unsupported-attribute", file, skipNode!, {
        attr: "skip_deserializing",
        why: "serde writes this variant but refuses it on read, and an IDL variant is read as it is written",
      }),
    );
  const body = field(node, "body");
  if (body?.type === "ordered_field_declaration_list") {
    const types = namedChildren(body)
      .filter((n) => n.type !== "visibility_modifier" && n.type !== "attribute_item" && !n.type.endsWith("comment"))
      .map((n) => mapType(ctx, variantScope, n));
    if (types.length === 1) {
      v.shape = "newtype";
      v.type = types[0]!;
    } else {
      v.shape = "tuple";
      v.tuple = types;
    }
  } else if (body?.type === "field_declaration_list") {
    v.shape = "struct";
    v.fields = [];
    eachWithLeading(body, (fieldNode, fieldLeading) => {
      if (fieldNode.type === "field_declaration") v.fields!.push(convertField(ctx, file, fieldNode, fieldLeading, fieldRule, variantScope));
    });
  }
  return v;
}

function serdeMetas(leading: Leading): Meta[] {
  const metas: Meta[] = [];
  for (const a of leading.attributes) {
    if (a.path === "serde") metas.push(...(a.args ?? []));
    if (a.path === "cfg_attr") for (const m of (a.args ?? []).slice(1)) if (m.name === "serde") metas.push(...(m.list ?? []));
  }
  return metas;
}

function genericNames(params: Node | undefined): Set<string> {
  const names = new Set<string>();
  for (const p of params ? namedChildren(params) : []) {
    if (p.type === "lifetime" || p.type === "lifetime_parameter") continue;
    const name = field(p, "name")?.text ?? (p.type === "type_identifier" ? p.text : undefined);
    if (name !== undefined) names.add(name);
  }
  return names;
}

/** The attribute as written, on one line: `serialize_with = "x::y"`. */
export function metaText(m: Meta): string {
  if (m.value !== undefined && m.valueNode) return `${m.name} = ${m.valueNode.text}`;
  if (m.list) return `${m.name}(${m.list.map(metaText).join(", ")})`;
  return m.name;
}
