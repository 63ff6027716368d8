/**
 * Every construct of the IDL, from YAML to the IR of generator/src/model/ir.ts: a table of small
 * modules and the nodes they must load into (ranges left out). The constructs of serde's data
 * model (idl-next.md) each have a row; so do the neutral values new fields take in old IDL.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/src/diagnostics/diagnostic.js";
import { loadIdl } from "../../generator/src/load.js";
import { childTypes, typeRefsOf } from "../../generator/src/model/facts.js";
import { indexModel, typeText, type Field, type Model, type StructDecl, type TypeDecl, type TypeRef } from "../../generator/src/model/ir.js";

/** Loads `types` (the YAML under `types:`) as the module `instance`; fails the test on any diagnostic. */
function load(types: string): Model {
  const text = `idl: 1\nmodule: instance\ntypes:\n${types}`;
  const { model, diagnostics } = loadIdl([{ path: "idl/instance.yaml", text }]);
  expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  return model!;
}

/** A node without its source ranges (every node has one; they are checked by the diagnostics fixtures). */
function bare(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === "range" ? undefined : v === undefined ? "<undefined>" : v)));
}

function decl(model: Model, name: string): TypeDecl {
  return indexModel(model).types.get(name)!;
}

function field(model: Model, struct: string, name: string): Field {
  return (decl(model, struct) as StructDecl).fields.find((f) => f.name === name)!;
}

/** A struct `S` with one field `f` of the given type; the other types are there to be named. */
function fieldType(type: string): unknown {
  const model = load(`  Color:\n    kind: enum\n    variants:\n      Red:\n      Blue:\n  Inner:\n    kind: struct\n    fields:\n      a: u8\n  S:\n    kind: struct\n    fields:\n      f: "${type}"\n`);
  return bare(field(model, "S", "f").type);
}

const prim = (name: string): unknown => ({ kind: "primitive", name });

describe("type expressions", () => {
  it.each([
    ["string", prim("string")],
    ["char", prim("char")],
    ["bool", prim("bool")],
    ["unit", prim("unit")],
    ["f32", prim("f32")],
    ["f64", prim("f64")],
    ...["u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize"].map((n) => [n, prim(n)] as const),
    ["json", { kind: "json" }],
    ["optional<u32>", { kind: "optional", inner: prim("u32") }],
    ["list<Inner>", { kind: "list", element: { kind: "named", name: "Inner" } }],
    ["set<string>", { kind: "set", element: prim("string"), hashed: false }],
    ["hash_set<u32>", { kind: "set", element: prim("u32"), hashed: true }],
    ["map<string, u8>", { kind: "map", key: prim("string"), value: prim("u8"), hashed: false }],
    ["map<u16, string>", { kind: "map", key: prim("u16"), value: prim("string"), hashed: false }],
    ["hash_map<char, bool>", { kind: "map", key: prim("char"), value: prim("bool"), hashed: true }],
    ["map<Color, u32>", { kind: "map", key: { kind: "named", name: "Color" }, value: prim("u32"), hashed: false }],
    ["tuple<i32, string>", { kind: "tuple", items: [prim("i32"), prim("string")] }],
    ["tuple<u8>", { kind: "tuple", items: [prim("u8")] }],
    ["array<u8, 3>", { kind: "array", element: prim("u8"), length: 3 }],
    ["array<Inner, 0>", { kind: "array", element: { kind: "named", name: "Inner" }, length: 0 }],
    ["box<Inner>", { kind: "box", inner: { kind: "named", name: "Inner" } }],
    ["set<bool>", { kind: "set", element: prim("bool"), hashed: false }],
    [
      "list<map<i64, set<Color>>>",
      { kind: "list", element: { kind: "map", key: prim("i64"), value: { kind: "set", element: { kind: "named", name: "Color" }, hashed: false }, hashed: false } },
    ],
  ] as const)("%s", (text, expected) => {
    expect(fieldType(text)).toEqual(expected);
  });

  it("keeps optional<optional<T>> as the type of a field with omit: if-none", () => {
    const model = load(`  Patch:\n    kind: struct\n    fields:\n      replicas:\n        type: optional<optional<u32>>\n        omit: if-none\n`);
    expect(bare(field(model, "Patch", "replicas"))).toMatchObject({
      type: { kind: "optional", inner: { kind: "optional", inner: prim("u32") } },
      omit: "if-none",
    });
  });
});

describe("struct fields and structs", () => {
  const model = load(`
  Meta:
    kind: struct
    has_default: true
    fields:
      owner:
        type: string
        type_default: true
  Instance:
    kind: struct
    rename_all: camelCase
    unknown_fields: ignore
    default:
      name: vm-0
      retries: 5
    missing_fields: default
    fields:
      name:
        type: string
        aliases: [title, label]
      meta:
        type: Meta
        flatten: true
      cache:
        type: u32
        skip: true
      token:
        type: string
        skip: serializing
        type_default: true
      derived:
        type: u32
        skip: deserializing
      retries:
        type: u32
        default: 3
        omit: if-default
  TenantId:
    kind: struct
    transparent: true
    fields:
      value: string
      cache:
        type: u32
        skip: true
`);

  it("a field's wire name, aliases, flatten, skip and omit", () => {
    const fields = (decl(model, "Instance") as StructDecl).fields.map((f) => {
      const { name, wire, aliases, flatten, skip, omit } = f;
      return { name, wire, aliases, flatten, skip, omit };
    });
    expect(fields).toEqual([
      { name: "name", wire: "name", aliases: ["title", "label"], flatten: false, skip: "none", omit: "never" },
      { name: "meta", wire: "meta", aliases: [], flatten: true, skip: "none", omit: "never" },
      { name: "cache", wire: "cache", aliases: [], flatten: false, skip: "both", omit: "never" },
      { name: "token", wire: "token", aliases: [], flatten: false, skip: "serializing", omit: "never" },
      { name: "derived", wire: "derived", aliases: [], flatten: false, skip: "deserializing", omit: "never" },
      { name: "retries", wire: "retries", aliases: [], flatten: false, skip: "none", omit: "if-default" },
    ]);
    expect(bare(field(model, "Instance", "retries").default)).toEqual({ kind: "literal", value: 3 });
  });

  it("a struct's own default, missing_fields: default", () => {
    expect(bare(decl(model, "Instance"))).toMatchObject({
      kind: "struct",
      renameAll: "camelCase",
      hasDefault: true,
      defaultValue: { name: "vm-0", retries: 5 },
      missingFromDefault: true,
      transparent: false,
      unknownFields: "ignore",
    });
  });

  it("transparent, and the neutral values of a struct without the new keys", () => {
    expect(bare(decl(model, "TenantId"))).toMatchObject({ transparent: true, hasDefault: false, defaultValue: "<undefined>", missingFromDefault: false });
    expect(bare(decl(model, "Meta"))).toMatchObject({ hasDefault: true, defaultValue: "<undefined>", missingFromDefault: false, transparent: false });
  });
});

describe("enums", () => {
  const variantsOf = (m: Model, name: string): unknown => bare((decl(m, name) as Extract<TypeDecl, { kind: "enum" }>).variants);

  it("every variant form, wire names, aliases, display and other", () => {
    const model = load(`
  CanaryPlan:
    kind: struct
    fields:
      percent: u8
  UpdateStrategy:
    kind: enum
    doc: How a pool rolls out a new revision.
    rename_all: snake_case
    unknown_fields: deny
    default: Rolling
    variants:
      Rolling:
      Canary:
        type: CanaryPlan
      Pinned:
        tuple: [string, u32]
      Manual:
        rename_all: camelCase
        fields:
          approver: string
          not_before: optional<string>
      Legacy:
        wire: old-style
        aliases: [older-style]
        display: legacy rollout
        doc: The first way.
      Unknown:
        other: true
`);
    expect(bare({ ...decl(model, "UpdateStrategy"), variants: [] })).toEqual({
      kind: "enum",
      name: "UpdateStrategy",
      module: "instance",
      doc: "How a pool rolls out a new revision.",
      renameAll: "snake_case",
      repr: { kind: "external" },
      variants: [],
      defaultVariant: "Rolling",
      unknownFields: "deny",
    });
    const unit = { kind: "unit" };
    const base = { aliases: [], other: false, doc: "" };
    expect(variantsOf(model, "UpdateStrategy")).toEqual([
      { ...base, name: "Rolling", wire: "rolling", display: "rolling", payload: unit },
      { ...base, name: "Canary", wire: "canary", display: "canary", payload: { kind: "newtype", type: { kind: "named", name: "CanaryPlan" } } },
      { ...base, name: "Pinned", wire: "pinned", display: "pinned", payload: { kind: "tuple", items: [prim("string"), prim("u32")] } },
      {
        ...base,
        name: "Manual",
        wire: "manual",
        display: "manual",
        payload: {
          kind: "struct",
          renameAll: "camelCase",
          fields: [
            { name: "approver", wire: "approver", aliases: [], type: prim("string"), default: "<undefined>", omit: "never", flatten: false, skip: "none", doc: "" },
            {
              name: "not_before",
              wire: "notBefore",
              aliases: [],
              type: { kind: "optional", inner: prim("string") },
              default: "<undefined>",
              omit: "never",
              flatten: false,
              skip: "none",
              doc: "",
            },
          ],
        },
      },
      { ...base, name: "Legacy", wire: "old-style", aliases: ["older-style"], display: "legacy rollout", doc: "The first way.", payload: unit },
      { ...base, name: "Unknown", wire: "unknown", display: "unknown", payload: unit, other: true },
    ]);
  });

  it.each([
    ["", { kind: "external" }],
    ["    tag: type\n", { kind: "internal", tag: "type" }],
    ["    tag: t\n    content: c\n", { kind: "adjacent", tag: "t", content: "c" }],
    ["    untagged: true\n", { kind: "untagged" }],
    ["    untagged: false\n", { kind: "external" }],
  ] as const)("representation %j", (keys, repr) => {
    const model = load(`  Marker:\n    kind: unit-struct\n  Signal:\n    kind: enum\n${keys}    variants:\n      Term:\n      Kill:\n        type: Marker\n`);
    expect(bare((decl(model, "Signal") as Extract<TypeDecl, { kind: "enum" }>).repr)).toEqual(repr);
  });

  it("a unit-only enum keeps today's form, with the neutral values of the new fields", () => {
    const model = load(`  Role:\n    kind: enum\n    variants:\n      Gateway:\n      Worker:\n        wire: w\n`);
    expect(variantsOf(model, "Role")).toEqual([
      { name: "Gateway", wire: "Gateway", aliases: [], display: "Gateway", payload: { kind: "unit" }, other: false, doc: "" },
      { name: "Worker", wire: "w", aliases: [], display: "w", payload: { kind: "unit" }, other: false, doc: "" },
    ]);
    expect(bare(decl(model, "Role"))).toMatchObject({ repr: { kind: "external" }, unknownFields: "ignore" });
  });
});

describe("newtype, tuple-struct, unit-struct", () => {
  it("each builds its node", () => {
    const model = load(`
  Meters:
    kind: newtype
    doc: A distance.
    type: u64
    has_default: true
  Pair:
    kind: tuple-struct
    items: [string, u32]
  Marker:
    kind: unit-struct
`);
    expect(bare(decl(model, "Meters"))).toEqual({ kind: "newtype", name: "Meters", module: "instance", doc: "A distance.", type: prim("u64"), hasDefault: true });
    expect(bare(decl(model, "Pair"))).toEqual({ kind: "tuple-struct", name: "Pair", module: "instance", doc: "", items: [prim("string"), prim("u32")], hasDefault: false });
    expect(bare(decl(model, "Marker"))).toEqual({ kind: "unit-struct", name: "Marker", module: "instance", doc: "", hasDefault: false });
  });
});

/** Types that literal defaults below are written for. */
const LITERAL_TYPES = `
  Color:
    kind: enum
    variants:
      Red:
      Blue:
  Meters:
    kind: newtype
    type: u64
  Pair:
    kind: tuple-struct
    items: [string, u32]
  Marker:
    kind: unit-struct
  Strategy:
    kind: enum
    rename_all: snake_case
    variants:
      Rolling:
      Canary:
        type: u8
      Pinned:
        tuple: [string, u32]
      Manual:
        fields:
          approver: string
          note: optional<string>
  BootArgs:
    kind: struct
    fields:
      kernel: string
  Command:
    kind: enum
    tag: type
    rename_all: snake_case
    variants:
      Ping:
      Boot:
        type: BootArgs
      Scale:
        fields:
          running: u32
          warm:
            type: u32
            type_default: true
  Message:
    kind: enum
    tag: t
    content: c
    rename_all: lowercase
    variants:
      Ping:
      Text:
        type: string
  Setting:
    kind: enum
    untagged: true
    variants:
      Unset:
      Flag:
        type: bool
      Pair:
        tuple: [string, u32]
  TenantId:
    kind: struct
    transparent: true
    fields:
      value: string
  Ownership:
    kind: struct
    fields:
      owner: string
  Resource:
    kind: struct
    fields:
      id: string
      ownership:
        type: Ownership
        flatten: true
  Open:
    kind: struct
    fields:
      id: string
      extra:
        type: map<string, string>
        flatten: true
  Loop:
    kind: struct
    transparent: true
    fields:
      next: optional<Loop>
`;

/** A struct S whose field f of `type` has the default `literal`, beside LITERAL_TYPES. */
function withDefault(type: string, literal: string): string {
  return `${LITERAL_TYPES}  S:\n    kind: struct\n    fields:\n      f:\n        type: "${type}"\n        default: ${literal}\n`;
}

describe("literal defaults in wire form", () => {
  it.each([
    ["char", '"é"'],
    ["unit", "null"],
    ["f32", "1.5"],
    ["json", "{a: [1, true, null]}"],
    ["set<string>", "[a, b]"],
    ["map<u16, string>", '{"22": ssh, "8080": http}'],
    ["map<Color, u8>", "{Red: 1}"],
    ["tuple<i32, string>", "[-1, x]"],
    ["array<u8, 2>", "[1, 2]"],
    ["box<u8>", "7"],
    ["Meters", "100"],
    ["Pair", "[a, 1]"],
    ["Marker", "null"],
    ["Strategy", "rolling"],
    ["Strategy", "{canary: 5}"],
    ["Strategy", "{pinned: [a, 1]}"],
    ["Strategy", "{manual: {approver: ops}}"],
    ["Command", "{type: ping}"],
    ["Command", "{type: boot, kernel: /vmlinuz}"],
    ["Command", "{type: scale, running: 3}"],
    ["Message", "{t: ping}"],
    ["Message", "{t: text, c: hi}"],
    ["Setting", "null"],
    ["Setting", "true"],
    ["Setting", "[a, 1]"],
    ["TenantId", "acme"],
    ["Resource", "{id: r1, owner: ops}"],
    ["Open", "{id: r1, zone: eu, tier: gold}"],
    ["Loop", "null"],
  ] as const)("%s: %s", (type, literal) => {
    load(withDefault(type, literal));
  });

  it.each([
    ["char", '""', 'a char is exactly one Unicode scalar value; "" has 0'],
    ["unit", "0", "expected null (the unit value), got 0"],
    ["f32", "1e39", "beyond f32's range"],
    ["f64", ".inf", "expected a finite number, got Infinity"],
    ["json", "{a: .nan}", "JSON has no NaN"],
    ["i8", "-129", "-129 is outside i8 (-128 to 127)"],
    ["usize", "-1", "-1 is outside usize"],
    ["set<u8>", "[1, 1]", "a set holds each value once"],
    ["map<u16, string>", '{"022": ssh}', "write u16 keys in decimal"],
    ["map<Color, u8>", "{Green: 1}", "'Green' is not a wire name of Color"],
    ["tuple<i32, string>", "[1]", "expected 2 items, got 1"],
    ["array<u8, 2>", "[1, 2, 3]", "expected 2 items, got 3"],
    ["Pair", "{a: 1}", "expected a list of 2, got a mapping"],
    ["Marker", "{}", "Marker is a unit struct, written null"],
    ["Strategy", "canary", "variant Canary carries data: write it as {canary: ...}"],
    ["Strategy", "{rolling: null}", "Rolling is a unit variant, written as the string 'rolling'"],
    ["Strategy", "{canary: 5, pinned: [a, 1]}", "a mapping of one key"],
    ["Strategy", "{Canary: 5}", "defaults are wire values, so write 'canary'"],
    ["Command", "{kernel: /vmlinuz}", "the tag 'type' is missing"],
    ["Command", "{type: ping, extra: 1}", "Ping is written as the tag alone"],
    ["Command", "{type: scale}", "field 'running' of Command::Scale is required"],
    ["Message", "{t: text}", "variant Text carries data: 'c' is missing"],
    ["Message", "{t: ping, c: null}", "Ping is a unit variant: it has no 'c'"],
    ["Setting", "[a]", "matches no variant of Setting"],
    ["TenantId", "{value: acme}", "expected a string, got a mapping"],
    ["Resource", "{id: r1}", "field 'owner' of Ownership is required"],
    ["Resource", "{id: r1, owner: ops, team: x}", "Resource has no field 'team'"],
    ["Loop", "x", "Loop holds itself with no value in between, so no literal fits it"],
  ] as const)("refuses %s: %s", (type, literal, detail) => {
    const text = `idl: 1\nmodule: instance\ntypes:\n${withDefault(type, literal)}`;
    const { diagnostics } = loadIdl([{ path: "idl/instance.yaml", text }]);
    expect(diagnostics.map((d) => d.code)).toEqual(["invalid-default"]);
    expect(diagnostics[0]!.message).toContain(detail);
  });
});

describe("the data-model golden fixture (test/golden/fixtures/data-model/idl)", () => {
  const dir = new URL("../golden/fixtures/data-model/idl/", import.meta.url).pathname;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => ({ path: `idl/${f}`, text: readFileSync(join(dir, f), "utf8") }));
  const result = loadIdl(files);

  /** A tag for each construct a model uses. */
  function constructs(model: Model): Set<string> {
    const index = indexModel(model);
    const out = new Set<string>();
    const typeTags = (t: TypeRef): void => {
      out.add(t.kind === "primitive" ? t.name : t.kind);
      if (t.kind === "set" || t.kind === "map") out.add(`${t.kind}${t.hashed ? " hashed" : ""}`);
      if (t.kind === "map") {
        const key = t.key.kind === "named" ? index.types.get(t.key.name)!.kind : t.key.kind === "primitive" && t.key.name !== "string" && t.key.name !== "char" ? "integer" : typeText(t.key);
        out.add(`map key ${key}`);
      }
      if (t.kind === "optional" && t.inner.kind === "optional") out.add("optional<optional<T>>");
      childTypes(t).forEach(typeTags);
    };
    for (const d of index.types.values()) {
      out.add(`kind ${d.kind}`);
      typeRefsOf(d).forEach(typeTags);
      const fields = d.kind === "struct" ? d.fields : d.kind === "enum" ? d.variants.flatMap((v) => (v.payload.kind === "struct" ? v.payload.fields : [])) : [];
      for (const f of fields) {
        if (f.aliases.length > 0) out.add("field aliases");
        if (f.flatten) out.add(`flatten ${f.type.kind === "named" ? index.types.get(f.type.name)!.kind : f.type.kind}`);
        if (f.skip !== "none") out.add(`skip ${f.skip}`);
        out.add(`omit ${f.omit}${f.omit === "if-empty" ? ` ${f.type.kind}` : ""}`);
      }
      if (d.kind === "struct") {
        if (d.defaultValue !== undefined) out.add("struct default value");
        if (d.missingFromDefault) out.add("missing_fields: default");
        if (d.transparent) out.add("transparent");
        if (d.unknownFields === "deny") out.add("struct deny");
      }
      if (d.kind === "enum") {
        out.add(`repr ${d.repr.kind}`);
        if (d.unknownFields === "deny") out.add("enum deny");
        for (const v of d.variants) {
          out.add(`payload ${v.payload.kind}`);
          if (v.aliases.length > 0) out.add("variant aliases");
          if (v.other) out.add(`other in ${d.repr.kind}`);
          if (v.payload.kind === "struct" && v.payload.renameAll !== undefined) out.add("variant rename_all");
        }
      }
    }
    return out;
  }

  it("loads without a diagnostic", () => {
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it("uses every construct of serde's data model at least once", () => {
    const used = constructs(result.model!);
    const wanted = [
      ...["char", "unit", "f32", "f64", "i8", "i16", "i32", "i64", "isize", "u8", "u16", "u32", "u64", "usize", "bool", "string", "json"],
      ...["set", "set hashed", "map", "map hashed", "tuple", "array", "box", "optional<optional<T>>"],
      ...["map key integer", "map key char", "map key enum", "map key newtype", "map key string"],
      ...["kind newtype", "kind tuple-struct", "kind unit-struct", "kind struct", "kind enum"],
      ...["repr external", "repr internal", "repr adjacent", "repr untagged", "enum deny", "struct deny"],
      ...["payload unit", "payload newtype", "payload tuple", "payload struct", "variant aliases", "variant rename_all"],
      ...["other in external", "other in internal", "other in adjacent"],
      ...["field aliases", "flatten struct", "flatten optional", "flatten map", "flatten enum"],
      ...["skip both", "skip serializing", "skip deserializing", "omit if-default", "omit if-empty set", "omit if-empty map", "omit if-none"],
      ...["struct default value", "missing_fields: default", "transparent"],
    ];
    expect(wanted.filter((c) => !used.has(c))).toEqual([]);
  });
});
