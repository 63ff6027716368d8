/**
 * The facts emitters use without the checker (generator/src/model/facts.ts), on a loaded model:
 * integer bounds, defaults and their wire form (as written and as read), and where a type may be
 * used (map key, set element, flattened, held by an internally tagged newtype variant).
 */
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/src/diagnostics/diagnostic.js";
import { loadIdl } from "../../generator/src/load.js";
import {
  declWireDefault,
  flattenProblem,
  hasSequenceForm,
  INTEGER_RANGES,
  isMapKeyType,
  isSetElementType,
  mapKeyProblem,
  missingFieldWireValue,
  setElementProblem,
  structLikeProblem,
  typeHasDefault,
  typeWireDefault,
} from "../../generator/src/model/facts.js";
import { parseTypeExpr } from "../../generator/src/model/type-expr.js";
import { indexModel, INTEGER_NAMES, type ModelIndex, type StructDecl, type TypeRef } from "../../generator/src/model/ir.js";

const TYPES = `
  Color:
    kind: enum
    default: Red
    variants:
      Red:
      Blue:
  Tagged:
    kind: enum
    tag: type
    rename_all: lowercase
    default: Rolling
    variants:
      Rolling:
      Paused:
  Adjacent:
    kind: enum
    tag: t
    content: c
    default: Rolling
    variants:
      Rolling:
      Canary:
        type: u8
  Loose:
    kind: enum
    untagged: true
    default: Unset
    variants:
      Unset:
      Count:
        type: u64
  Port:
    kind: newtype
    type: u16
    has_default: true
  Pair:
    kind: tuple-struct
    items: [string, u32]
    has_default: true
  Marker:
    kind: unit-struct
    has_default: true
  NoDefault:
    kind: struct
    fields:
      a: u8
  Limits:
    kind: struct
    missing_fields: default
    default:
      cpu: 1
      mem_mib: 512
      burst: 7
      label: std
    fields:
      cpu: u32
      mem_mib: u32
      burst:
        type: u32
        default: 99
      label: string
  Ownership:
    kind: struct
    has_default: true
    fields:
      owner:
        type: string
        default: ops
      team:
        type: string
        type_default: true
  Session:
    kind: struct
    has_default: true
    fields:
      id:
        type: string
        type_default: true
      cache:
        type: u32
        skip: true
      secret:
        type: string
        default: s3cret
        skip: serializing
      computed:
        type: u32
        skip: deserializing
      port:
        type: u16
        default: 8080
        omit: if-default
      ownership:
        type: Ownership
        flatten: true
  TenantId:
    kind: struct
    transparent: true
    default: acme
    fields:
      value: string
      cache:
        type: u32
        skip: true
`;

const { model, diagnostics } = loadIdl([{ path: "idl/facts.yaml", text: `idl: 1\nmodule: facts\ntypes:\n${TYPES}` }]);
const index: ModelIndex = indexModel(model ?? { modules: [] });
const at = { file: "x", start: { line: 1, col: 1, offset: 0 }, end: { line: 1, col: 1, offset: 0 } };

/** A type expression as the IDL writes it, parsed (names are those of TYPES). */
function t(text: string): TypeRef {
  const parsed = parseTypeExpr(text, () => at);
  if (!parsed.ok) throw new Error(parsed.detail);
  return parsed.type;
}

function struct(name: string): StructDecl {
  return index.types.get(name) as StructDecl;
}

describe("facts over a model", () => {
  it("loads", () => {
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it("has bounds for every integer type, usize and isize as 64-bit", () => {
    expect(Object.keys(INTEGER_RANGES).sort()).toEqual([...INTEGER_NAMES].sort());
    expect(INTEGER_RANGES.usize).toEqual(INTEGER_RANGES.u64);
    expect(INTEGER_RANGES.isize).toEqual(INTEGER_RANGES.i64);
    expect(INTEGER_RANGES.i8).toEqual([-128n, 127n]);
    expect(INTEGER_RANGES.i16).toEqual([-32768n, 32767n]);
  });

  it.each([
    ["string", ""],
    ["char", "\u0000"],
    ["bool", false],
    ["unit", null],
    ["f32", 0],
    ["i8", 0],
    ["json", null],
    ["optional<NoDefault>", null],
    ["set<u8>", []],
    ["hash_map<u16, NoDefault>", {}],
    ["tuple<u8, string, Color>", [0, "", "Red"]],
    ["array<u8, 2>", [0, 0]],
    ["array<NoDefault, 0>", []],
    ["box<Port>", 0],
    ["Tagged", { type: "rolling" }],
    ["Adjacent", { t: "Rolling" }],
    ["Loose", null],
    ["Pair", ["", 0]],
    ["Marker", null],
    ["TenantId", "acme"],
  ] as const)("the default of %s is %j on the wire", (type, wire) => {
    expect(typeHasDefault(index, t(type))).toBe(true);
    expect(typeWireDefault(index, t(type))).toEqual(wire);
  });

  it.each(["NoDefault", "tuple<u8, NoDefault>", "array<NoDefault, 1>", "box<NoDefault>"])("%s has no default", (type) => {
    expect(typeHasDefault(index, t(type))).toBe(false);
    expect(typeWireDefault(index, t(type))).toBeUndefined();
  });

  it("a struct's default: its own value, and a missing field from it unless the field has a default of its own", () => {
    expect(declWireDefault(index, struct("Limits"))).toEqual({ cpu: 1, mem_mib: 512, burst: 7, label: "std" });
    const field = (name: string) => struct("Limits").fields.find((f) => f.name === name)!;
    expect(missingFieldWireValue(index, struct("Limits"), field("cpu"))).toBe(1);
    expect(missingFieldWireValue(index, struct("Limits"), field("burst"))).toBe(99);
  });

  it("as written: skipped fields and what omit: if-default leaves out are not there, a flattened struct's fields are inline", () => {
    expect(declWireDefault(index, struct("Session"))).toEqual({ id: "", computed: 0, owner: "ops", team: "" });
  });

  it("as read: every field that is read, the flattened ones inline", () => {
    expect(declWireDefault(index, struct("Session"), { omitted: false })).toEqual({ id: "", secret: "s3cret", port: 8080, owner: "ops", team: "" });
  });

  it("a struct with flatten, or transparent, has no sequence form", () => {
    expect(hasSequenceForm(struct("Session"))).toBe(false);
    expect(hasSequenceForm(struct("TenantId"))).toBe(false);
    expect(hasSequenceForm(struct("Limits"))).toBe(true);
  });

  it.each([
    ["string", undefined, undefined],
    ["char", undefined, undefined],
    ["u64", undefined, undefined],
    ["isize", undefined, undefined],
    ["bool", "serde_json 1.0.87 cannot write bool map keys", undefined],
    ["Color", undefined, undefined],
    ["Port", undefined, undefined],
    ["Tagged", "Tagged is an internally tagged enum, so its unit variants are not written as strings", "same"],
    ["Adjacent", "Adjacent has variants with data, which are not written as strings", "same"],
    ["f64", "floats have no total order (Rust's f64 is not Ord), so they cannot be map keys", "floats have no total order (Rust's f64 is not Ord), so they cannot be set elements"],
    ["NoDefault", "NoDefault is a struct, written as a JSON object, not a string", "same"],
    ["Pair", "Pair is a tuple-struct, written as a JSON array, not a string", "same"],
    ["tuple<u8, u8>", "map keys must be strings, char, integers, string-like types (kind: string, open-enum), enums of unit variants, or newtypes of these", "set elements must be strings, char, integers, string-like types (kind: string, open-enum), enums of unit variants, or newtypes of these, or bool"],
  ] as const)("%s as a map key, and as a set element", (type, asKey, asElement) => {
    expect(mapKeyProblem(index, t(type))).toBe(asKey);
    expect(setElementProblem(index, t(type))).toBe(asElement === "same" ? asKey : asElement);
    expect(isMapKeyType(index, t(type))).toBe(asKey === undefined);
    expect(isSetElementType(index, t(type))).toBe((asElement === "same" ? asKey : asElement) === undefined);
  });

  it.each([
    ["Ownership", undefined],
    ["optional<Ownership>", undefined],
    ["map<string, json>", undefined],
    ["map<Color, u8>", undefined],
    ["map<u32, string>", "serde reads a flattened map's keys as strings, so integer keys are never read (serde lab §4)"],
    ["Tagged", undefined],
    ["Adjacent", undefined],
    ["Color", "serde cannot write unit variant Color::Red flattened (externally tagged: 'can only flatten structs and maps')"],
    ["Loose", "serde cannot write variant Loose::Unset of an untagged enum flattened: only struct-like variants sit in an object"],
    ["TenantId", "TenantId is transparent: it has no fields of its own on the wire"],
    ["list<Ownership>", "only a struct, an optional<struct>, a map or an enum can be flattened (its fields or entries sit in the enclosing object)"],
  ] as const)("flattening %s", (type, problem) => {
    expect(flattenProblem(index, t(type))).toBe(problem);
  });

  it.each([
    ["Ownership", undefined],
    ["box<Ownership>", undefined],
    ["map<string, u8>", undefined],
    ["Marker", undefined],
    ["Tagged", undefined],
    ["string", "string, which serde fails to write there"],
    ["optional<Ownership>", "an optional, which serde fails to write there"],
    ["Port", "u16, which serde fails to write there"],
    ["TenantId", "string, which serde fails to write there"],
    ["Color", "Color, an externally tagged enum: of enums, only an internally tagged one is allowed there"],
    ["map<u32, string>", "a map with integer keys, which serde cannot read back from a tagged value (serde lab §4)"],
  ] as const)("%s in an internally tagged newtype variant", (type, problem) => {
    expect(structLikeProblem(index, t(type))).toBe(problem);
  });
});
