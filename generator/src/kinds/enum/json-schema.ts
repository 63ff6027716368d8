/**
 * Enums in JSON Schema: the wire shapes of each variant in the enum's representation. External:
 * a string for unit variants (and serde's `{"name": null}` map form), a one-key object for the
 * others. Internal (`tag`): objects with the tag and the variant's fields. Adjacent (`tag` +
 * `content`): `{tag, content}`. Untagged: the variant shapes in declaration order (the first that
 * reads wins, so `anyOf`). Where a tag decides, `oneOf` with the OpenAPI `discriminator`.
 */
import { readsMissingAsNone, transparentField, typeWireDefault } from "../../model/facts.js";
import { assertNever, type EnumDecl, type EnumVariant, type TypeRef } from "../../model/ir.js";
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
import { isIntegerKey, itemsSchema, keySchema, typeSchema } from "../../targets/json-schema/expr.js";
import { fieldsObject, sequenceForm } from "../struct/json-schema.js";

/** The schema of an enum declaration. */
export function enumSchema(cx: SchemaContext, decl: EnumDecl): SchemaObject {
  const head = { ...titled(decl), ...defaulted(typeWireDefault(cx.index, { kind: "named", name: decl.name, range: decl.range })) };
  const shapes = inlined(cx, decl.name, () => enumShapes(cx, decl, { deny: decl.unknownFields === "deny", extra: {} }), () => ({}));
  return { ...head, ...shapes };
}

interface ShapeOptions {
  /** serde `deny_unknown_fields` applies (not when flattened). */
  readonly deny: boolean;
  /** Properties known beside the enum's own keys: `true` for keys others read, a schema for an outer tag. */
  readonly extra: Readonly<Record<string, Schema>>;
}

/**
 * A flattened enum. Internally tagged and untagged enums read every entry left without taking
 * any; adjacently tagged ones take their tag and content; an externally tagged one takes the
 * first entry named like a variant (by wire name, not alias), which a schema cannot tell apart
 * from the others: any variant's entry is accepted.
 */
export function enumFlattened(cx: SchemaContext, decl: EnumDecl, taken: readonly string[]): FlattenPart {
  const left = Object.fromEntries(taken.map((k) => [k, true]));
  const note = `flattened ${decl.name}`;
  switch (decl.repr.kind) {
    case "external": {
      const anyOf = decl.variants.map((v) => ({ properties: { [v.wire]: externalPayload(cx, decl, v) }, required: [v.wire] }));
      return { schema: { $comment: `${note}: one entry named like a variant`, anyOf }, takes: decl.variants.map((v) => v.wire) };
    }
    case "adjacent":
      return { schema: commented(enumShapes(cx, decl, { deny: false, extra: {} }), note), takes: [decl.repr.tag, decl.repr.content] };
    case "internal":
    case "untagged":
      return { schema: commented(enumShapes(cx, decl, { deny: decl.unknownFields === "deny", extra: left }), note), takes: [] };
    default:
      return assertNever(decl.repr);
  }
}

function enumShapes(cx: SchemaContext, decl: EnumDecl, options: ShapeOptions): SchemaObject {
  switch (decl.repr.kind) {
    case "external":
      return externalShapes(cx, decl);
    case "internal":
      return internalShapes(cx, decl, decl.repr.tag, options);
    case "adjacent":
      return adjacentShapes(cx, decl, decl.repr.tag, decl.repr.content, options);
    case "untagged":
      return untaggedShapes(cx, decl, options);
    default:
      return assertNever(decl.repr);
  }
}

/** The names a variant is read under: its wire name, then its aliases. */
function namesOf(v: EnumVariant): string[] {
  return [v.wire, ...v.aliases];
}

/** The tag's schema for one variant: its wire name, or any of its names. */
function tagOf(v: EnumVariant): SchemaObject {
  return v.aliases.length === 0 ? { const: v.wire } : { enum: namesOf(v) };
}

/** `title` (the variant's IDL name) and documentation. */
function headOf(v: EnumVariant): SchemaObject {
  return { title: v.name, ...described(v) };
}

/** The `other` variant of an enum, read for any tag no other variant has. */
function otherOf(decl: EnumDecl): EnumVariant | undefined {
  return decl.variants.find((v) => v.other);
}

function knownNames(decl: EnumDecl): string[] {
  return decl.variants.filter((v) => !v.other).flatMap(namesOf);
}

function externalShapes(cx: SchemaContext, decl: EnumDecl): SchemaObject {
  const other = otherOf(decl);
  const units = decl.variants.filter((v) => v.payload.kind === "unit");
  const data = decl.variants.filter((v) => v.payload.kind !== "unit");
  const dataNames = data.flatMap(namesOf);
  // With `other`, any name but a data variant's reads as the other variant.
  const unitNames: SchemaObject | undefined =
    other === undefined ? { enum: units.flatMap(namesOf) } : dataNames.length > 0 ? { not: { enum: dataNames } } : undefined;
  const branches: SchemaObject[] = [];
  if (units.length > 0) {
    branches.push({ type: "string", ...unitNames, ...(other ? { $comment: `any other name reads as ${other.name}` } : {}) });
    branches.push({
      $comment: "serde's map form of a unit variant, {\"name\": null}; read, never written",
      type: "object",
      minProperties: 1,
      maxProperties: 1,
      ...(unitNames === undefined ? {} : { propertyNames: unitNames }),
      additionalProperties: { type: "null" },
    });
  }
  for (const v of data) {
    const payload = externalPayload(cx, decl, v);
    const names = namesOf(v);
    const properties = Object.fromEntries(names.map((n) => [n, payload]));
    branches.push(
      names.length === 1
        ? { ...headOf(v), type: "object", properties, required: [v.wire], additionalProperties: false }
        : { ...headOf(v), type: "object", properties, minProperties: 1, maxProperties: 1, additionalProperties: false },
    );
  }
  return { oneOf: branches };
}

/** The value under an externally tagged variant's key. */
function externalPayload(cx: SchemaContext, decl: EnumDecl, v: EnumVariant): Schema {
  const p = v.payload;
  switch (p.kind) {
    case "unit":
      return { type: "null" };
    case "newtype":
      return typeSchema(cx, p.type);
    case "tuple":
      return tupleSchema(cx, p.items);
    case "struct": {
      const object = fieldsObject(cx, p.fields, { deny: decl.unknownFields === "deny" });
      return p.fields.some((f) => f.flatten) ? object : { anyOf: [object, sequenceForm(cx, p.fields)] };
    }
    default:
      return assertNever(p);
  }
}

/** A tuple variant's elements; one element is a newtype variant in Rust (`V(T)`), written as T. */
function tupleSchema(cx: SchemaContext, items: readonly TypeRef[]): Schema {
  return items.length === 1 ? typeSchema(cx, items[0]!) : itemsSchema(cx, items);
}

function internalShapes(cx: SchemaContext, decl: EnumDecl, tag: string, options: ShapeOptions): SchemaObject {
  const other = otherOf(decl);
  const branches = decl.variants.map((v): SchemaObject => {
    if (v.other) {
      const tagSchema = { type: "string", not: { enum: knownNames(decl) } };
      return { ...headOf(v), properties: { [tag]: tagSchema, ...options.extra }, required: [tag], $comment: "any other tag" };
    }
    const known = { [tag]: tagOf(v), ...options.extra };
    const p = v.payload;
    switch (p.kind) {
      case "unit":
        // serde ignores the other keys of a unit variant here, even when it denies unknown fields.
        return { ...headOf(v), properties: known, required: [tag] };
      case "newtype":
        return { ...headOf(v), ...internalNewtype(cx, tag, known, p.type) };
      case "tuple":
        // serde_derive refuses tuple variants in internally tagged enums; nothing reads as one.
        return { ...headOf(v), not: {} };
      case "struct":
        return { ...headOf(v), ...fieldsObject(cx, p.fields, { deny: options.deny, extra: known }) };
      default:
        return assertNever(p);
    }
  });
  return { type: "object", ...(other ? {} : { discriminator: { propertyName: tag } }), oneOf: branches };
}

/**
 * An internally tagged newtype variant: the tag beside the inner value's own entries (serde
 * removes the tag before the inner value reads the rest). The inner value is struct-like.
 */
function internalNewtype(cx: SchemaContext, tag: string, known: Readonly<Record<string, Schema>>, type: TypeRef): SchemaObject {
  const t = unwrapped(cx, type);
  const base = { type: "object", properties: known, required: [tag] };
  if (t.kind === "primitive" && t.name === "unit") return { ...base, additionalProperties: false };
  if (t.kind === "map") {
    // Keys come out of serde's buffer as strings, which integer keys do not read from.
    const key = isIntegerKey(cx, t.key) ? false : keySchema(cx, t.key);
    const names = key === undefined ? undefined : { anyOf: [{ enum: Object.keys(known) }, key] };
    return { ...base, ...(names === undefined ? {} : { propertyNames: names }), additionalProperties: typeSchema(cx, t.value) };
  }
  const decl = t.kind === "named" ? cx.index.types.get(t.name) : undefined;
  switch (decl?.kind) {
    case "unit-struct":
      return { ...base, additionalProperties: false };
    case "struct":
      // A struct that denies unknown fields would refuse the tag through its own definition.
      if (decl.unknownFields === "deny") return fieldsObject(cx, decl.fields, { container: decl, deny: true, extra: known });
      return { ...base, allOf: [cx.ref(decl.name)] };
    case "enum":
      if (decl.repr.kind === "internal") {
        const left = Object.fromEntries(Object.keys(known).map((k) => [k, true]));
        // An enum met again inside itself would need a tag key that serde has already taken: nothing reads.
        const inner = inlined<Schema>(cx, decl.name, () => enumShapes(cx, decl, { deny: decl.unknownFields === "deny", extra: left }), () => false);
        return { ...base, allOf: [inner] };
      }
      return { ...base, not: {} };
    default:
      return { ...base, not: {} };
  }
}

/** A type with boxes, newtypes and transparent structs looked through: what the wire holds. */
function unwrapped(cx: SchemaContext, t: TypeRef): TypeRef {
  if (t.kind === "box") return unwrapped(cx, t.inner);
  if (t.kind !== "named") return t;
  const decl = cx.index.types.get(t.name);
  if (decl?.kind === "newtype") return unwrapped(cx, decl.type);
  if (decl?.kind === "struct" && decl.transparent) {
    const field = transparentField(decl);
    return field === undefined ? t : unwrapped(cx, field.type);
  }
  return t;
}

function adjacentShapes(cx: SchemaContext, decl: EnumDecl, tag: string, content: string, options: ShapeOptions): SchemaObject {
  const other = otherOf(decl);
  const closed = options.deny ? { additionalProperties: false } : {};
  const branches = decl.variants.map((v): SchemaObject => {
    const tagSchema = v.other ? { type: "string", not: { enum: knownNames(decl) } } : tagOf(v);
    const p = v.payload;
    let value: Schema;
    let required = [tag, content];
    switch (p.kind) {
      case "unit":
        value = { type: "null" };
        required = [tag];
        break;
      case "newtype":
        value = typeSchema(cx, p.type);
        // A missing content is read as a missing field: none for an Option.
        if (readsMissingAsNone(cx.index, p.type)) required = [tag];
        break;
      case "tuple":
        value = tupleSchema(cx, p.items);
        if (p.items.length === 1 && readsMissingAsNone(cx.index, p.items[0]!)) required = [tag];
        break;
      case "struct":
        value = fieldsObject(cx, p.fields, { deny: decl.unknownFields === "deny" });
        break;
      default:
        return assertNever(p);
    }
    return { ...headOf(v), properties: { [tag]: tagSchema, [content]: value, ...options.extra }, required, ...closed };
  });
  return { type: "object", ...(other ? {} : { discriminator: { propertyName: tag } }), oneOf: branches };
}

function untaggedShapes(cx: SchemaContext, decl: EnumDecl, options: ShapeOptions): SchemaObject {
  const branches = decl.variants.map((v): SchemaObject => {
    const p = v.payload;
    switch (p.kind) {
      case "unit":
        return { ...headOf(v), type: "null" };
      case "newtype":
        return { ...headOf(v), ...keywords(typeSchema(cx, p.type)) };
      case "tuple":
        return { ...headOf(v), ...keywords(tupleSchema(cx, p.items)) };
      case "struct":
        // No sequence form: untagged struct variants read from objects only.
        return { ...headOf(v), ...fieldsObject(cx, p.fields, { deny: options.deny, extra: options.extra }) };
      default:
        return assertNever(p);
    }
  });
  return { $comment: "untagged: the first variant that reads wins", anyOf: branches };
}
