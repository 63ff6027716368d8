/**
 * Before/after pairs for the rules of the data-model constructs (aliases, skip, flatten, sets,
 * enums with data, newtypes...), built as IR (test/support/ir.ts) rather than loaded from YAML:
 * the loader for that syntax is written beside this. Named like the YAML fixtures: the rule in
 * kebab case, `--` and a variant. Each lists the findings expected, in order, as the fixture
 * table of rules.test.ts does: rule, severity, path, `head:LINE` (`base:LINE` for removals), and
 * words the message must hold.
 */
import type { DiffSeverity, RuleId } from "../../generator/src/diff/rules.js";
import type { Field, Model, TypeDecl } from "../../generator/src/model/ir.js";
import { enumDecl, field, model, newtype, struct, tupleStruct, variant } from "../support/ir.js";

export type Expected = readonly [RuleId, DiffSeverity, string, `${"head" | "base"}:${number}`, string?];

export interface IrCase {
  readonly base: Model;
  readonly head: Model;
  readonly expected: readonly Expected[];
}

/** A case of a type declared at line 4, before and after. */
function types(base: readonly TypeDecl[], head: readonly TypeDecl[], expected: readonly Expected[]): IrCase {
  return { base: model(...base), head: model(...head), expected };
}

/** A case of one struct `S` (line 4) whose fields (lines 6...) change. */
function fields(base: readonly Field[], head: readonly Field[], expected: readonly Expected[], others: readonly TypeDecl[] = []): IrCase {
  return types([struct("S", base, { line: 4 }), ...others], [struct("S", head, { line: 4 }), ...others], expected);
}

const id = field("id", "string", { line: 5 });
const meta = struct("Meta", [field("owner", "string", { line: 21 })], { line: 20 });
const node = struct("Node", [field("name", "string", { line: 21 })], { line: 20 });
const ext = { kind: "external" } as const;
const internal = { kind: "internal", tag: "type" } as const;
const untagged = { kind: "untagged" } as const;

export const IR_CASES: Readonly<Record<string, IrCase>> = {
  // Aliases and wire names.
  "alias-added": fields([id, field("name", "string", { line: 6 })], [id, field("name", "string", { line: 6, aliases: ["title"] })], [
    ["ALIAS_ADDED", "safe", "S.name", "head:6", "also reads 'title'"],
  ]),
  "alias-removed": fields([id, field("name", "string", { line: 6, aliases: ["title"] })], [id, field("name", "string", { line: 6 })], [
    ["ALIAS_REMOVED", "breaking", "S.name", "head:6", "no longer reads 'title': existing files that use it no longer read"],
  ]),
  "alias-removed--variant": types(
    [enumDecl("E", [variant("On", undefined, { line: 6, aliases: ["yes"] }), variant("Off", undefined, { line: 7 })], { line: 4 })],
    [enumDecl("E", [variant("On", undefined, { line: 6 }), variant("Off", undefined, { line: 7 })], { line: 4 })],
    [["ALIAS_REMOVED", "breaking", "E.On", "head:6", "Variant E.On no longer reads 'yes'"]],
  ),
  "wire-name-aliased": fields([id, field("a", "u32", { line: 6 })], [id, field("a", "u32", { line: 6, wire: "alpha", aliases: ["a"] })], [
    ["WIRE_NAME_ALIASED", "breaking", "S.a", "head:6", "old readers refuse new files without 'a'"],
  ]),
  "wire-name-swapped": fields(
    [id, field("a", "u32", { line: 6, aliases: ["alpha"] })],
    [id, field("a", "u32", { line: 6, wire: "alpha", aliases: ["a"] })],
    [["WIRE_NAME_SWAPPED", "safe", "S.a", "head:6", "both versions read both names"]],
  ),
  // Skip rules.
  "field-no-longer-read": fields([id, field("n", "u32", { line: 6, default: 1 })], [id, field("n", "u32", { line: 6, default: 1, skip: "deserializing" })], [
    ["FIELD_NO_LONGER_READ", "breaking", "S.n", "head:6", "ignored; it reads as 1"],
  ]),
  "field-now-read": fields([id, field("n", "u32", { line: 6, default: 1, skip: "deserializing" })], [id, field("n", "u32", { line: 6, default: 1 })], [
    ["FIELD_NOW_READ", "dangerous", "S.n", "head:6", "now read instead of the default"],
  ]),
  "field-made-required--skip-removed": fields([id, field("n", "u32", { line: 6, default: 1, skip: "both" })], [id, field("n", "u32", { line: 6 })], [
    ["FIELD_MADE_REQUIRED", "breaking", "S.n", "head:6", "is read now (skip: none, was both) and has no default"],
    ["FIELD_NOW_WRITTEN", "safe", "S.n", "head:6", "old readers skip it"],
  ]),
  "field-no-longer-written": fields([id, field("n", "u32", { line: 6 })], [id, field("n", "u32", { line: 6, skip: "serializing" })], [
    ["FIELD_NO_LONGER_WRITTEN", "dangerous", "S.n", "head:6", "old readers require it and refuse new files"],
  ]),
  "field-now-written": fields([id, field("n", "u32", { line: 6, skip: "serializing" })], [id, field("n", "u32", { line: 6 })], [
    ["FIELD_NOW_WRITTEN", "safe", "S.n", "head:6", "old readers read it from new files"],
  ]),
  "field-now-read--was-never-written": fields([id, field("n", "u32", { line: 6, default: 1, skip: "both" })], [id, field("n", "u32", { line: 6, default: 1, skip: "serializing" })], [
    ["FIELD_NOW_READ", "dangerous", "S.n", "head:6", "existing files lack it and read it as 1"],
  ]),
  "field-added-strict--now-written": types(
    [struct("S", [id, field("n", "u32", { line: 6, default: 1, skip: "both" })], { line: 4, unknownFields: "deny" })],
    [struct("S", [id, field("n", "u32", { line: 6, default: 1, skip: "deserializing" })], { line: 4, unknownFields: "deny" })],
    [["FIELD_ADDED_STRICT", "dangerous", "S.n", "head:6", "denies unknown fields"]],
  ),
  "idl-only-change--skipped-field-added": fields([id], [id, field("cache", "list<u8>", { line: 6, skip: "both", default: { type: true } })], [
    ["IDL_ONLY_CHANGE", "safe", "S.cache", "head:6", "skipped both ways"],
  ]),
  // Flatten.
  "flatten-changed": fields([id, field("meta", "Meta", { line: 6 })], [id, field("meta", "Meta", { line: 6, flatten: true })], [
    ["FLATTEN_CHANGED", "breaking", "S.meta", "head:6", "now flattened"],
  ], [meta]),
  "field-added-required--flattened": fields([id], [id, field("meta", "Meta", { line: 6, flatten: true })], [["FIELD_ADDED_REQUIRED", "breaking", "S.meta", "head:6"]], [meta]),
  // Collections.
  "list-became-set": fields([id, field("tags", "list<string>", { line: 6 })], [id, field("tags", "set<string>", { line: 6 })], [
    ["LIST_BECAME_SET", "dangerous", "S.tags", "head:6", "is set<string>, not list<string>"],
  ]),
  "set-became-list": fields([id, field("tags", "map<string, set<u8>>", { line: 6 })], [id, field("tags", "map<string, list<u8>>", { line: 6 })], [
    ["SET_BECAME_LIST", "dangerous", "S.tags", "head:6", "is list<u8>, not set<u8> in its map values"],
  ]),
  "hashed-changed": fields([id, field("env", "map<string, string>", { line: 6 })], [id, field("env", "hash_map<string, string>", { line: 6 })], [
    ["HASHED_CHANGED", "safe", "S.env", "head:6", "hash_map<string, string>"],
  ]),
  "box-changed": fields([id, field("next", "optional<Node>", { line: 6 })], [id, field("next", "optional<box<Node>>", { line: 6 })], [
    ["BOX_CHANGED", "safe", "S.next", "head:6", "box<Node>, not Node"],
  ], [node]),
  // Scalars, json, keys, tuples, newtypes.
  "field-type-narrowed--f64-to-f32": fields([id, field("x", "f64", { line: 6 })], [id, field("x", "f32", { line: 6 })], [
    ["FIELD_TYPE_NARROWED", "breaking", "S.x", "head:6", "beyond f32's range or precision"],
  ]),
  "field-type-widened--i8-to-i16": fields([id, field("x", "i8", { line: 6 })], [id, field("x", "i16", { line: 6 })], [
    ["FIELD_TYPE_WIDENED", "dangerous", "S.x", "head:6", "values above 127 or values below -128"],
  ]),
  "field-type-changed--u32-to-f32": fields([id, field("x", "u32", { line: 6 })], [id, field("x", "f32", { line: 6 })], [
    ["FIELD_TYPE_CHANGED", "breaking", "S.x", "head:6", "integers beyond 2^24, which read rounded"],
  ]),
  "field-type-widened--to-json": fields([id, field("x", "list<u32>", { line: 6 })], [id, field("x", "json", { line: 6 })], [
    ["FIELD_TYPE_WIDENED", "dangerous", "S.x", "head:6", "any JSON other than lists"],
  ]),
  "field-type-narrowed--from-json": fields([id, field("x", "json", { line: 6 })], [id, field("x", "map<string, u8>", { line: 6 })], [
    ["FIELD_TYPE_NARROWED", "breaking", "S.x", "head:6", "JSON other than maps (it was raw JSON)"],
  ]),
  "field-type-narrowed--map-key": fields([id, field("m", "map<string, u8>", { line: 6 })], [id, field("m", "map<u16, u8>", { line: 6 })], [
    ["FIELD_TYPE_NARROWED", "breaking", "S.m", "head:6", "existing files with keys that are not integers no longer read"],
  ]),
  "field-type-changed--array-length": fields([id, field("rgb", "array<u8, 3>", { line: 6 })], [id, field("rgb", "array<u8, 4>", { line: 6 })], [
    ["FIELD_TYPE_CHANGED", "breaking", "S.rgb", "head:6", "arrays of 3 elements and arrays of 4 elements share no values"],
  ]),
  "field-type-changed--char-to-bool": fields([id, field("k", "char", { line: 6 })], [id, field("k", "bool", { line: 6 })], [
    ["FIELD_TYPE_CHANGED", "breaking", "S.k", "head:6", "single characters (char) and booleans share no values"],
  ]),
  "idl-only-change--usize": fields([id, field("n", "u64", { line: 6 })], [id, field("n", "usize", { line: 6 })], [
    ["IDL_ONLY_CHANGE", "safe", "S.n", "head:6", "has type usize, was u64, which read the same"],
  ]),
  "idl-only-change--newtype": fields([id, field("d", "u64", { line: 6 })], [id, field("d", "Millis", { line: 6 })], [
    ["IDL_ONLY_CHANGE", "safe", "S.d", "head:6", "has type Millis, was u64"],
  ], [newtype("Millis", "u64", { line: 20 })]),
  "idl-only-change--newtype-to-transparent": types([newtype("Millis", "u64", { line: 4 })], [struct("Millis", [field("ms", "u64", { line: 6 })], { line: 4, transparent: true })], [
    ["IDL_ONLY_CHANGE", "safe", "type:Millis", "head:4", "changed from newtype to struct but reads the same JSON"],
  ]),
  // Struct policies.
  "missing-fields-default-added": types(
    [struct("S", [field("cpu", "u32", { line: 6 }), field("mem", "u32", { line: 7, default: 512 })], { line: 4, hasDefault: true })],
    [struct("S", [field("cpu", "u32", { line: 6 }), field("mem", "u32", { line: 7, default: 512 })], { line: 4, hasDefault: true, missingFromDefault: true })],
    [["MISSING_FIELDS_DEFAULT_ADDED", "safe", "type:S", "head:4", "leave out 'cpu' read"]],
  ),
  "missing-fields-default-removed": types(
    [struct("S", [field("cpu", "u32", { line: 6 })], { line: 4, hasDefault: true, defaultValue: { cpu: 2 }, missingFromDefault: true })],
    [struct("S", [field("cpu", "u32", { line: 6 })], { line: 4, hasDefault: true, defaultValue: { cpu: 2 } })],
    [["MISSING_FIELDS_DEFAULT_REMOVED", "breaking", "type:S", "head:4", "leave out 'cpu' no longer read"]],
  ),
  "type-default-changed": types(
    [struct("Limits", [field("cpu", "u32", { line: 6 })], { line: 4, hasDefault: true, defaultValue: { cpu: 1 } }), struct("T", [field("limits", "Limits", { line: 21, default: { type: true } })], { line: 20 })],
    [struct("Limits", [field("cpu", "u32", { line: 6 })], { line: 4, hasDefault: true, defaultValue: { cpu: 2 } }), struct("T", [field("limits", "Limits", { line: 21, default: { type: true } })], { line: 20 })],
    [["TYPE_DEFAULT_CHANGED", "dangerous", "type:Limits", "head:4", 'is {"cpu":2}, not {"cpu":1}: existing files without T.limits now read {"cpu":2}']],
  ),
  "transparent-changed": types([struct("Id", [field("value", "string", { line: 6 })], { line: 4 })], [struct("Id", [field("value", "string", { line: 6 })], { line: 4, transparent: true })], [
    ["TRANSPARENT_CHANGED", "breaking", "type:Id", "head:4", "now transparent"],
  ]),
  "omit-changed--if-default": fields([id, field("port", "u16", { line: 6, default: 22 })], [id, field("port", "u16", { line: 6, default: 22, omit: "if-default" })], [
    ["OMIT_CHANGED", "dangerous", "S.port", "head:6", "left out when equal to its default"],
  ]),
  // Enums.
  "enum-representation-changed": types(
    [enumDecl("E", [variant("Go", { newtype: "u32" }, { line: 6 })], { line: 4, repr: ext })],
    [enumDecl("E", [variant("Go", { newtype: "u32" }, { line: 6 })], { line: 4, repr: { kind: "adjacent", tag: "t", content: "c" } })],
    [["ENUM_REPRESENTATION_CHANGED", "breaking", "type:E", "head:4", "adjacently tagged (tag 't', content 'c'), not externally tagged"]],
  ),
  "enum-tag-renamed": types(
    [enumDecl("E", [variant("Go", undefined, { line: 6 })], { line: 4, repr: internal })],
    [enumDecl("E", [variant("Go", undefined, { line: 6 })], { line: 4, repr: { kind: "internal", tag: "kind" } })],
    [["ENUM_TAG_RENAMED", "breaking", "type:E", "head:4", "The tag key of E is 'kind', not 'type'"]],
  ),
  "variant-payload-changed": types(
    [enumDecl("E", [variant("Go", undefined, { line: 6 })], { line: 4 })],
    [enumDecl("E", [variant("Go", { newtype: "u32" }, { line: 6 })], { line: 4 })],
    [["VARIANT_PAYLOAD_CHANGED", "breaking", "E.Go", "head:6", "carries u32, not nothing (a unit variant)"]],
  ),
  "variant-order-changed": types(
    [enumDecl("Setting", [variant("Count", { newtype: "u64" }, { line: 6 }), variant("Ratio", { newtype: "f64" }, { line: 7 })], { line: 4, repr: untagged })],
    [enumDecl("Setting", [variant("Ratio", { newtype: "f64" }, { line: 6 }), variant("Count", { newtype: "u64" }, { line: 7 })], { line: 4, repr: untagged })],
    [["VARIANT_ORDER_CHANGED", "dangerous", "type:Setting", "head:4", "(Ratio, Count)"]],
  ),
  "other-added": types(
    [enumDecl("E", [variant("Go", undefined, { line: 6 }), variant("Unknown", undefined, { line: 7 })], { line: 4 })],
    [enumDecl("E", [variant("Go", undefined, { line: 6 }), variant("Unknown", undefined, { line: 7, other: true })], { line: 4 })],
    [["OTHER_ADDED", "safe", "E.Unknown", "head:7", "reads any variant it does not list as Unknown"]],
  ),
  "other-removed": types(
    [enumDecl("E", [variant("Go", undefined, { line: 6 }), variant("Unknown", undefined, { line: 7, other: true })], { line: 4 })],
    [enumDecl("E", [variant("Go", undefined, { line: 6 }), variant("Unknown", undefined, { line: 7 })], { line: 4 })],
    [["OTHER_REMOVED", "breaking", "E.Unknown", "head:7", "no longer reads unknown variants"]],
  ),
  "variant-added--other": types(
    [enumDecl("E", [variant("Go", undefined, { line: 6 }), variant("Unknown", undefined, { line: 7, other: true })], { line: 4 })],
    [enumDecl("E", [variant("Go", undefined, { line: 6 }), variant("Stop", undefined, { line: 7 }), variant("Unknown", undefined, { line: 8, other: true })], { line: 4 })],
    [["VARIANT_ADDED", "dangerous", "E.Stop", "head:7", "old readers read it as Unknown ('Unknown'), and its meaning is lost"]],
  ),
  "field-added-required--struct-variant": types(
    [enumDecl("E", [variant("Move", { fields: [field("x", "i32", { line: 7 })] }, { line: 6 })], { line: 4 })],
    [enumDecl("E", [variant("Move", { fields: [field("x", "i32", { line: 7 }), field("y", "i32", { line: 8 })] }, { line: 6 })], { line: 4 })],
    [["FIELD_ADDED_REQUIRED", "breaking", "E.Move.y", "head:8"]],
  ),
  "unknown-fields-denied--enum": types(
    [enumDecl("E", [variant("Move", { fields: [field("x", "i32", { line: 7 })] }, { line: 6 })], { line: 4 })],
    [enumDecl("E", [variant("Move", { fields: [field("x", "i32", { line: 7 })] }, { line: 6 })], { line: 4, unknownFields: "deny" })],
    [["UNKNOWN_FIELDS_DENIED", "breaking", "type:E", "head:4"]],
  ),
  // What newtypes, tuple structs and variants hold.
  "inner-type-narrowed": types([newtype("Meters", "u64", { line: 4 })], [newtype("Meters", "u32", { line: 4 })], [
    ["INNER_TYPE_NARROWED", "breaking", "type:Meters", "head:4", "Newtype Meters narrowed from u64 to u32: existing files with values above 4294967295"],
  ]),
  "inner-type-widened": types(
    [enumDecl("E", [variant("Exit", { newtype: "i32" }, { line: 6 })], { line: 4 })],
    [enumDecl("E", [variant("Exit", { newtype: "i64" }, { line: 6 })], { line: 4 })],
    [["INNER_TYPE_WIDENED", "dangerous", "E.Exit", "head:6", "Variant E.Exit widened from i32 to i64"]],
  ),
  "inner-type-changed": types([tupleStruct("Pair", ["string", "u32"], { line: 4 })], [tupleStruct("Pair", ["string", "u32", "u32"], { line: 4 })], [
    ["INNER_TYPE_CHANGED", "breaking", "type:Pair", "head:4", "arrays of 2 elements and arrays of 3 elements share no values"],
  ]),
  "type-default-added--newtype": types([newtype("Meters", "u64", { line: 4 })], [newtype("Meters", "u64", { line: 4, hasDefault: true })], [
    ["TYPE_DEFAULT_ADDED", "safe", "type:Meters", "head:4", "now has a default: 0"],
  ]),
};
