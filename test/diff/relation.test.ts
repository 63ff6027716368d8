/**
 * The type relation behind the field, payload and kind rules, over every pair of a wide set of
 * type expressions (the serde lab's models as IR): swapping base and head turns wider into
 * narrower and back, keeps same and different, and mirrors the notes; a type is the same as
 * itself; and diffing any declaration into any other never throws and names catalog rules only.
 */
import { describe, expect, it } from "vitest";
import { diffModels } from "../../generator/src/diff/diff-models.js";
import type { Note } from "../../generator/src/diff/relation.js";
import { isRuleId } from "../../generator/src/diff/rules.js";
import { relateTypes, type Indexes } from "../../generator/src/diff/wire-relation.js";
import { indexModel, type TypeDecl } from "../../generator/src/model/ir.js";
import { field, model, newtype, struct, tupleStruct, ty } from "../support/ir.js";
import { LAB_MODEL } from "../support/lab-models.js";

const TYPES = [
  "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize", "f32", "f64", "bool", "char", "string", "unit", "json",
  "optional<u8>", "optional<optional<u8>>", "list<u8>", "set<u8>", "hash_set<u8>", "list<u16>", "list<json>",
  "map<string, u8>", "hash_map<string, u8>", "map<u16, u8>", "map<i64, u8>", "map<char, u8>", "map<Color, u8>",
  "tuple<u8, u8>", "tuple<u8, u16>", "tuple<u8>", "array<u8, 2>", "array<u8, 3>", "box<u8>", "box<list<u8>>",
  "Color", "Priority", "Event", "Command", "Message", "Setting", "Limit", "Millis", "Weighted", "Marker", "TenantId",
  "Host", "Ownership", "Resource", "Limits", "Quota", "Geometry", "Node",
];

const ix: Indexes = { base: indexModel(LAB_MODEL), head: indexModel(LAB_MODEL) };

const MIRROR: Readonly<Record<Note["rule"], Note["rule"]>> = {
  LIST_BECAME_SET: "SET_BECAME_LIST",
  SET_BECAME_LIST: "LIST_BECAME_SET",
  HASHED_CHANGED: "HASHED_CHANGED",
  BOX_CHANGED: "BOX_CHANGED",
};

describe("relateTypes", () => {
  it("relates every type to itself as the same, without notes", () => {
    for (const t of TYPES) expect(relateTypes(ty(t), ty(t), ix), t).toEqual({ kind: "same" });
  });

  it("is mirrored when base and head swap", () => {
    const opposite = { same: "same", wider: "narrower", narrower: "wider", different: "different" } as const;
    for (const a of TYPES) {
      for (const b of TYPES) {
        const there = relateTypes(ty(a), ty(b), ix);
        const back = relateTypes(ty(b), ty(a), ix);
        expect(back.kind, `${a} -> ${b} is ${there.kind}, back is ${back.kind}`).toBe(opposite[there.kind]);
        const notes = (r: typeof there): string[] => (r.notes ?? []).map((n) => `${n.rule}@${n.where}`).sort();
        expect(notes(back), `${a} <-> ${b}`).toEqual(
          (there.notes ?? []).map((n) => `${MIRROR[n.rule]}@${n.where}`).sort(),
        );
      }
    }
  });

  it("tells apart what the examples of docs/diff-rules.md say", () => {
    const kind = (a: string, b: string): string => relateTypes(ty(a), ty(b), ix).kind;
    expect(kind("u64", "usize")).toBe("same");
    expect(kind("u64", "Millis")).toBe("same");
    expect(kind("string", "TenantId")).toBe("same");
    expect(kind("u8", "box<u8>")).toBe("same");
    expect(kind("list<u8>", "set<u8>")).toBe("same");
    expect(kind("tuple<u8, u8>", "array<u8, 2>")).toBe("same");
    expect(kind("f64", "f32")).toBe("narrower");
    expect(kind("u16", "f32")).toBe("wider");
    expect(kind("u32", "f32")).toBe("different");
    expect(kind("list<u8>", "json")).toBe("wider");
    expect(kind("unit", "optional<u8>")).toBe("wider");
    expect(kind("char", "string")).toBe("wider");
    expect(kind("map<string, u8>", "map<u16, u8>")).toBe("narrower");
    expect(kind("array<u8, 2>", "list<u8>")).toBe("wider");
    expect(kind("array<u8, 2>", "array<u8, 3>")).toBe("different");
  });
});

describe("types that contain themselves", () => {
  it("terminates on differently named recursive newtypes and tuple structs, and finds what differs", () => {
    const m = model(
      newtype("TreeA", "list<TreeA>"),
      newtype("TreeB", "list<TreeB>"),
      tupleStruct("PairA", ["u8", "list<PairA>"]),
      tupleStruct("PairB", ["u16", "list<PairB>"]),
      tupleStruct("PairC", ["u8", "list<PairC>"]),
    );
    const rix: Indexes = { base: indexModel(m), head: indexModel(m) };
    expect(relateTypes(ty("TreeA"), ty("TreeB"), rix).kind).toBe("same");
    expect(relateTypes(ty("PairA"), ty("PairC"), rix).kind).toBe("same");
    const r = relateTypes(ty("PairA"), ty("PairB"), rix);
    expect(r.kind).toBe("wider");
    expect(r.kind !== "same" && r.detail).toContain("element 1 with values above 255");
  });
});

describe("diffModels on declarations of every kind", () => {
  // The lab's own models (its buffering probes aside): every kind, every representation.
  const others: readonly TypeDecl[] = LAB_MODEL.modules[0]!.types.filter((t) => !/^(Direct|In[A-Z][a-z]+)[0-9]+$/.test(t.name));
  const decls = others.filter((_, i) => i % 2 === 0);
  const renamed = (d: TypeDecl): TypeDecl => ({ ...d, name: "X" }) as TypeDecl;

  it("gives nothing for a model against itself", () => {
    expect(diffModels(LAB_MODEL, LAB_MODEL)).toEqual([]);
  });

  it("never throws when a type turns into any other, and names catalog rules only", () => {
    let findings = 0;
    for (const a of decls) {
      for (const b of decls) {
        const base = model(...others, renamed(a));
        const head = model(...others, renamed(b));
        const out = diffModels(base, head);
        for (const f of out) expect(isRuleId(f.rule)).toBe(true);
        if (a !== b) expect(out.length, `${a.name} -> ${b.name}`).toBeGreaterThan(0);
        findings += out.length;
      }
    }
    expect(findings).toBeGreaterThan(decls.length ** 2 / 2);
  });

  it("reports a field's type change for every pair of type expressions, or nothing for the same", () => {
    const used = others.filter((t) => TYPES.includes(t.name) || t.name === "BootArgs");
    for (const a of TYPES) {
      for (const b of TYPES) {
        const base = model(...used, struct("S", [field("x", a)]));
        const head = model(...used, struct("S", [field("x", b)]));
        const out = diffModels(base, head);
        if (a === b) expect(out).toEqual([]);
        else expect(out.length, `${a} -> ${b}`).toBeGreaterThan(0);
      }
    }
  });
});
