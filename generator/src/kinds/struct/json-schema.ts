/**
 * Structs in JSON Schema: the object form (fields by wire name, aliases as alternatives, skipped
 * fields left out as serde reads them, flattened fields merged), serde's sequence form, and the
 * transparent form. The object builder also serves struct variants and internally tagged
 * newtype variants (kinds/enum).
 */
import {
  fieldWireDefault,
  isRead,
  isFieldRequired,
  transparentField,
  typeWireDefault,
  type FieldContainer,
} from "../../model/facts.js";
import type { Field, StructDecl, TypeRef } from "../../model/ir.js";
import {
  commented,
  defaulted,
  described,
  inlined,
  keywords,
  titled,
  type FlattenPart,
  type Schema,
  type SchemaContext,
  type SchemaObject,
} from "../../targets/json-schema/context.js";
import { isIntegerKey, keySchema, typeSchema } from "../../targets/json-schema/expr.js";

/** The schema of a struct declaration. */
export function structSchema(cx: SchemaContext, decl: StructDecl): SchemaObject {
  const head = { ...titled(decl), ...defaulted(typeWireDefault(cx.index, { kind: "named", name: decl.name, range: decl.range })) };
  if (decl.transparent) {
    const field = transparentField(decl);
    const inner = field === undefined ? false : typeSchema(cx, field.type);
    return commented({ ...head, ...keywords(inner) }, `transparent: written as its field '${field?.name ?? ""}' alone`);
  }
  const object = inlined(cx, decl.name, () => fieldsObject(cx, decl.fields, { container: decl, deny: decl.unknownFields === "deny" }), () => ({}));
  if (decl.fields.some((f) => f.flatten)) return { ...head, ...object };
  return { ...head, anyOf: [object, sequenceForm(cx, decl.fields)] };
}

export interface ObjectOptions {
  /** The struct whose Default fills missing fields (`missing_fields: default`). */
  readonly container?: FieldContainer;
  /** serde `deny_unknown_fields`: keys nothing reads are refused. */
  readonly deny: boolean;
  /** Properties read beside the fields and required (an internal tag), or known and left to others (`true`). */
  readonly extra?: Readonly<Record<string, Schema>>;
  /** Whether aliases are read (false for a flattened struct: serde matches its fields by wire name only). */
  readonly aliases?: boolean;
}

/**
 * The object form of a list of fields: a property per wire name and alias (never two of one
 * field's names together), the fields without a default required (one of the names, with
 * aliases), each flattened field's part over the same object, and the unknown-field policy.
 */
export function fieldsObject(cx: SchemaContext, fields: readonly Field[], options: ObjectOptions): SchemaObject {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  const oneOfNames: SchemaObject[] = [];
  const apart: Record<string, SchemaObject> = {};
  for (const [name, schema] of Object.entries(options.extra ?? {})) {
    properties[name] = schema;
    if (schema !== true) required.push(name);
  }
  for (const f of fields) {
    if (!isRead(f) || f.flatten) continue;
    const property = fieldProperty(cx, f, options.container);
    properties[f.wire] = property;
    const aliases = options.aliases === false ? [] : f.aliases;
    for (const alias of aliases) properties[alias] = commented(property, `alias of '${f.wire}': read as it, never written`);
    const names = [f.wire, ...aliases];
    if (isFieldRequired(cx.index, f, options.container)) {
      if (aliases.length === 0) required.push(f.wire);
      else oneOfNames.push({ anyOf: names.map((n) => ({ properties: { [n]: true }, required: [n] })) });
    }
    // serde refuses a field given under two of its names ("duplicate field").
    names.forEach((n, i) => {
      if (i < names.length - 1) apart[n] = { properties: Object.fromEntries(names.slice(i + 1).map((m) => [m, false])) };
    });
  }
  const taken = new Set(Object.keys(properties));
  const parts: SchemaObject[] = [];
  for (const f of fields) {
    if (!f.flatten || !isRead(f)) continue;
    const part = flattenPart(cx, f, [...taken], options.deny);
    parts.push(part.schema);
    for (const k of part.takes) taken.add(k);
  }
  const flattened = fields.some((f) => f.flatten && isRead(f));
  return {
    type: "object",
    properties,
    ...(required.length > 0 ? { required } : {}),
    ...(Object.keys(apart).length > 0 ? { dependentSchemas: apart } : {}),
    ...(oneOfNames.length + parts.length > 0 ? { allOf: [...oneOfNames, ...parts] } : {}),
    ...(options.deny ? (flattened ? { propertyNames: { enum: [...taken] } } : { additionalProperties: false }) : {}),
  };
}

/** The schema of one field's value: its documentation, its type, the value a missing field reads as. */
function fieldProperty(cx: SchemaContext, f: Field, container: FieldContainer | undefined): SchemaObject {
  return { ...described(f), ...keywords(typeSchema(cx, f.type)), ...defaulted(fieldWireDefault(cx.index, f, {}, container)) };
}

/**
 * serde's sequence form of a struct (or struct variant): the fields read, in declaration order;
 * trailing fields with their own default may be left out (the struct's `missing_fields` default
 * does not apply here, nor does an Option's none). Read, never written.
 */
export function sequenceForm(cx: SchemaContext, fields: readonly Field[]): SchemaObject {
  const comment = "serde's sequence form: the fields in declaration order; read, never written";
  const slots = fields.filter(isRead);
  if (slots.length === 0) return { $comment: comment, type: "array", maxItems: 0 };
  const lastNeeded = slots.reduce((last, f, i) => (f.default === undefined ? i : last), -1);
  return {
    $comment: comment,
    type: "array",
    prefixItems: slots.map((f) => typeSchema(cx, f.type)),
    minItems: lastNeeded + 1,
    maxItems: slots.length,
  };
}

/**
 * A flattened struct: its fields by wire name (serde does not see their aliases), taken from the
 * object; one with flattened fields of its own reads every entry left, taking none.
 */
function flattenedStruct(cx: SchemaContext, decl: StructDecl, note: string, takes: readonly string[]): FlattenPart {
  if (decl.fields.some((g) => g.flatten)) {
    const schema = fieldsObject(cx, decl.fields, { container: decl, deny: false });
    return { schema: commented(schema, `${note} (${decl.name}): reads the entries left, takes none`), takes: [] };
  }
  const schema = fieldsObject(cx, decl.fields, { container: decl, deny: false, aliases: false });
  return { schema: commented(schema, `${note} (${decl.name}): its fields by wire name, aliases not read`), takes };
}

/**
 * What a flattened field reads. serde buffers every entry the struct's own fields do not take,
 * then reads each flattened field from that buffer in declaration order: a struct takes its
 * fields' wire names (not their aliases); a map reads, without taking, every entry left at its
 * turn; an `optional<T>` is none when T does not read (the error is dropped, so nothing is refused).
 */
function flattenPart(cx: SchemaContext, f: Field, taken: readonly string[], deny: boolean): FlattenPart {
  const note = `flattened field '${f.name}'`;
  let t: TypeRef = f.type;
  let optional = false;
  for (;;) {
    if (t.kind === "box") t = t.inner;
    else if (t.kind === "optional") {
      optional = true;
      t = t.inner;
    } else if (t.kind === "named" && cx.index.types.get(t.name)?.kind === "newtype") {
      t = (cx.index.types.get(t.name) as { type: TypeRef }).type;
    } else break;
  }
  const decl = t.kind === "named" ? cx.index.types.get(t.name) : undefined;
  const structTakes = decl?.kind === "struct" ? decl.fields.filter((g) => isRead(g) && !g.flatten).map((g) => g.wire) : [];
  if (optional) {
    const what = `${note}: read when its value reads, else none, and the entries it would have read are dropped`;
    return { schema: { $comment: what }, takes: structTakes };
  }
  if (decl?.kind === "struct") {
    const again = (): FlattenPart => ({ schema: { $comment: `${note} (${decl.name}): flattened into itself` }, takes: [] });
    return inlined(cx, decl.name, () => flattenedStruct(cx, decl, note, structTakes), again);
  }
  if (decl?.kind === "enum") return cx.enumFlattened(decl, taken);
  if (t.kind === "map") {
    if (deny) return { schema: { $comment: `${note}: with unknown fields denied, a flattened map reads no entry` }, takes: [] };
    const left = Object.fromEntries(taken.map((k) => [k, true]));
    // Keys come out of serde's buffer as strings, which integer keys do not read from.
    const key = isIntegerKey(cx, t.key) ? false : keySchema(cx, t.key);
    const names = key === undefined ? undefined : taken.length > 0 ? { anyOf: [{ enum: [...taken] }, key] } : key;
    const schema: SchemaObject = {
      $comment: `${note}: every entry not taken before it`,
      properties: left,
      ...(names === undefined ? {} : { propertyNames: names }),
      additionalProperties: typeSchema(cx, t.value),
    };
    return { schema, takes: [] };
  }
  return { schema: { $comment: `${note}: every entry left` }, takes: [] };
}
