/**
 * Writes an imported module as IDL YAML with the `yaml` package: nodes built from the
 * declarations (never text pasted together), keys in the order docs/idl.md uses, short forms where
 * the hand-written IDL uses them, and each note for the user as a `# TODO(idlc import)` comment
 * on the key it is about. The same declarations always give the same text.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode } from "yaml";
import type { Decl, EnumDecl, FieldDecl, StructDecl, VariantDecl } from "./decls.js";
import { renderType, type IdlType, type JsonValue } from "./idl-type.js";
import type { PathOut, RootOut } from "./paths.js";

/** One module as the writer takes it. */
export interface ModuleOut {
  readonly name: string;
  /** The Rust file it comes from, as given (for the header). */
  readonly source: string;
  readonly doc: string | undefined;
  readonly imports: readonly string[];
  readonly types: readonly Decl[];
  readonly roots: readonly RootOut[];
  readonly paths: readonly PathOut[];
  /** Notes about the file as a whole (macros, syntax errors). */
  readonly todos: readonly string[];
}

/** A key, its value, the comments before it, and whether a blank line comes first. */
type Entry = readonly [key: string, value: YamlNode | null, comments?: readonly string[], blank?: boolean];

/** The YAML text of a module, starting with the `$schema` modeline. */
export function writeModule(m: ModuleOut, schemaPath: string): string {
  const top: Entry[] = [
    ["idl", scalar(1), [`Imported by 'idlc import rust' from ${m.source}; from now on, this file is the source.`, ...m.todos]],
    ["module", scalar(m.name)],
  ];
  if (m.doc !== undefined) top.push(["doc", scalar(m.doc)]);
  if (m.imports.length > 0) top.push(["imports", flowList(m.imports.map(scalar))]);
  if (m.types.length > 0) top.push(["types", map(m.types.map((d, i) => [d.name, declNode(d), [...d.item.leading.comments, ...d.todos], i > 0] as const)), [], true]);
  if (m.roots.length > 0) top.push(["roots", map(m.roots.map((r) => [r.name, rootNode(r)] as const)), [], true]);
  if (m.paths.length > 0) top.push(["paths", map(m.paths.map((p) => [p.name, pathNode(p)] as const)), [], true]);
  const body = map(top);
  const doc = new Document();
  doc.contents = body;
  const text = doc.toString({ lineWidth: 0, blockQuote: "literal", nullStr: "", flowCollectionPadding: false });
  return `# yaml-language-server: $schema=${schemaPath}\n${text}`;
}

function declNode(d: Decl): YamlNode {
  const entries: Entry[] = [["kind", scalar(d.kind === "newtype" && d.rule ? "string" : d.kind)]];
  if (d.doc !== undefined) entries.push(["doc", scalar(d.doc)]);
  if (d.kind === "newtype" && d.rule) {
    const { minLength, maxLength, pattern, patternDoc } = d.rule;
    if (minLength !== undefined) entries.push(["min_length", scalar(minLength)]);
    if (maxLength !== undefined) entries.push(["max_length", scalar(maxLength)]);
    if (pattern !== undefined) entries.push(["pattern", scalar(pattern)]);
    if (patternDoc !== undefined) entries.push(["pattern_doc", scalar(patternDoc)]);
    return map(entries);
  }
  switch (d.kind) {
    case "struct":
      structEntries(d, entries);
      break;
    case "enum":
      enumEntries(d, entries);
      break;
    case "newtype":
      entries.push(["type", scalar(renderType(d.type))]);
      defaultEntries(d, entries);
      break;
    case "tuple-struct":
      entries.push(["items", flowList(d.items.map((t) => scalar(renderType(t))))]);
      defaultEntries(d, entries);
      break;
    case "unit-struct":
      defaultEntries(d, entries);
      break;
  }
  return map(entries);
}

function defaultEntries(d: Decl, entries: Entry[]): void {
  if (d.hasDefault) entries.push(["has_default", scalar(true)]);
  if (d.default !== undefined) entries.push(["default", json(d.default)]);
}

function structEntries(d: StructDecl, entries: Entry[]): void {
  if (d.renameAll) entries.push(["rename_all", scalar(d.renameAll)]);
  if (d.unknownFields) entries.push(["unknown_fields", scalar(d.unknownFields)]);
  if (d.transparent) entries.push(["transparent", scalar(true)]);
  defaultEntries(d, entries);
  if (d.missingFields) entries.push(["missing_fields", scalar(d.missingFields)]);
  entries.push(["fields", map(d.fields.map((f) => [f.name, fieldNode(f), f.todos] as const))]);
}

function fieldNode(f: FieldDecl): YamlNode {
  const type = scalar(renderType(f.type));
  const entries: Entry[] = [["type", type]];
  if (f.rename !== undefined) entries.push(["wire", scalar(f.rename)]);
  if (f.aliases.length > 0) entries.push(["aliases", flowList(f.aliases.map(scalar))]);
  if (f.flatten) entries.push(["flatten", scalar(true)]);
  if (f.skip !== undefined) entries.push(["skip", scalar(f.skip)]);
  if (f.default !== undefined) entries.push(["default", json(f.default)]);
  else if (f.typeDefault) entries.push(["type_default", scalar(true)]);
  if (f.omit) entries.push(["omit", scalar(f.omit)]);
  if (f.doc !== undefined) entries.push(["doc", scalar(f.doc)]);
  // `name: type` when the type is all there is, as the hand-written IDL writes it.
  return entries.length === 1 ? type : map(entries);
}

function enumEntries(d: EnumDecl, entries: Entry[]): void {
  if (d.tag !== undefined) entries.push(["tag", scalar(d.tag)]);
  if (d.content !== undefined) entries.push(["content", scalar(d.content)]);
  if (d.untagged) entries.push(["untagged", scalar(true)]);
  if (d.renameAll) entries.push(["rename_all", scalar(d.renameAll)]);
  if (d.unknownFields) entries.push(["unknown_fields", scalar(d.unknownFields)]);
  if (d.defaultVariant !== undefined) entries.push(["default", scalar(d.defaultVariant)]);
  entries.push(["variants", map(d.variants.map((v) => [v.name, variantNode(v), v.todos] as const))]);
}

function variantNode(v: VariantDecl): YamlNode {
  // The variant's shape first and its doc just before its fields, as the hand-written IDL reads.
  const entries: Entry[] = [];
  if (v.shape === "newtype" && v.type) entries.push(["type", scalar(renderType(v.type))]);
  if (v.shape === "tuple" && v.tuple) entries.push(["tuple", flowList(v.tuple.map((t: IdlType) => scalar(renderType(t))))]);
  if (v.rename !== undefined) entries.push(["wire", scalar(v.rename)]);
  if (v.aliases.length > 0) entries.push(["aliases", flowList(v.aliases.map(scalar))]);
  if (v.display !== undefined) entries.push(["display", scalar(v.display)]);
  if (v.other) entries.push(["other", scalar(true)]);
  if (v.shape === "struct" && v.renameAll) entries.push(["rename_all", scalar(v.renameAll)]);
  if (v.doc !== undefined) entries.push(["doc", scalar(v.doc)]);
  if (v.shape === "struct" && v.fields) entries.push(["fields", map(v.fields.map((f) => [f.name, fieldNode(f), f.todos] as const))]);
  // An empty scalar, not a missing value: a map of only missing values is written as a YAML set.
  return entries.length === 0 ? new Scalar(null) : map(entries);
}

function rootNode(r: RootOut): YamlNode {
  const entries: Entry[] = [["value", scalar(r.value)]];
  if (r.doc !== undefined) entries.push(["doc", scalar(r.doc)]);
  return map(entries);
}

function pathNode(p: PathOut): YamlNode {
  const entries: Entry[] = [];
  if (p.doc !== undefined) entries.push(["doc", scalar(p.doc)]);
  if (p.params.length > 0) entries.push(["params", map(p.params.map((name) => [name, scalar(p.paramTypes.get(name) ?? "string")] as const))]);
  entries.push(["template", scalar(p.template)]);
  return map(entries);
}

function scalar(value: string | number | boolean): Scalar {
  return new Scalar(value);
}

function flowList(items: readonly YamlNode[]): YAMLSeq {
  const seq = new YAMLSeq();
  seq.flow = true;
  seq.items.push(...items);
  return seq;
}

function map(entries: readonly Entry[]): YAMLMap {
  const m = new YAMLMap();
  for (const [key, value, comments, blank] of entries) {
    const k = new Scalar(key);
    if (comments && comments.length > 0) k.commentBefore = comments.map((c) => ` ${c}`).join("\n");
    if (blank) k.spaceBefore = true;
    m.items.push(new Pair(k, value));
  }
  return m;
}

/** A JSON value as YAML nodes: objects as block maps, short scalar arrays in flow style. */
function json(value: JsonValue): YamlNode {
  if (value === null) return new Scalar(null);
  if (Array.isArray(value)) {
    const items = value.map(json);
    if (value.every((v) => v === null || typeof v !== "object")) return flowList(items);
    const seq = new YAMLSeq();
    seq.items.push(...items);
    return seq;
  }
  if (typeof value === "object") {
    const m = new YAMLMap();
    m.flow = Object.keys(value).length === 0;
    for (const [k, v] of Object.entries(value)) m.items.push(new Pair(new Scalar(k), json(v)));
    return m;
  }
  return new Scalar(value);
}
