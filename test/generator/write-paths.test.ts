/**
 * Which write path a type takes (targets/ts/straight.ts, wire.ts): the facts that decide it, on
 * small models built in memory. The behaviour of each path is tested on the generated packages
 * (test/behaviour/write-engine.test.ts, the round-trip and hostile properties, the differential
 * harness against serde).
 */
import { describe, expect, it } from "vitest";
import { indexModel } from "../../generator/src/model/ir.js";
import { isStraight, jsonWriterUse } from "../../generator/src/targets/ts/straight.js";
import { wireForm } from "../../generator/src/targets/ts/wire.js";
import { at, enumDecl, field, model, struct, variant } from "../support/ir.js";

const named = (name: string) => ({ kind: "named", name, range: at(1) }) as const;

describe("straight-line writers", () => {
  it("cover structs of scalars, unit enums, options, lists and string maps", () => {
    const index = indexModel(
      model(
        struct("A", [field("s", "string"), field("n", "u64"), field("o", "optional<string>", { omit: "if-none" }), field("l", "list<B>"), field("m", "map<string, E>")]),
        struct("B", [field("b", "bool")]),
        enumDecl("E", [variant("X"), variant("Y")]),
      ),
    );
    expect(["A", "B", "E"].map((n) => isStraight(index, named(n)))).toEqual([true, true, true]);
    expect(jsonWriterUse(index, "A")).toEqual({ write: false, fields: false, wire: false });
  });

  it("leave out an optional field whose missing value is not none (its default, or the struct's), which undefined cannot tell", () => {
    const index = indexModel(
      model(
        struct("OwnDefault", [field("count", "optional<u32>", { default: 7 })]),
        struct("NoneDefault", [field("count", "optional<u32>", { default: null })]),
        struct("FromStruct", [field("count", "optional<u32>")], { hasDefault: true, missingFromDefault: true, defaultValue: { count: 3 } }),
      ),
    );
    expect(isStraight(index, named("OwnDefault"))).toBe(false);
    expect(isStraight(index, named("NoneDefault"))).toBe(true);
    expect(isStraight(index, named("FromStruct"))).toBe(false);
  });

  it("leave out floats, aliases, flatten, skipped fields, omit: if-default and deny_unknown_fields", () => {
    const index = indexModel(
      model(
        struct("F", [field("x", "f64")]),
        struct("Al", [field("x", "string", { aliases: ["y"] })]),
        struct("Sk", [field("x", "string", { skip: "serializing" })]),
        struct("Df", [field("x", "u16", { default: 1, omit: "if-default" })]),
        struct("Dn", [field("x", "string")], { unknownFields: "deny" }),
      ),
    );
    expect(["F", "Al", "Sk", "Df", "Dn"].filter((n) => isStraight(index, named(n)))).toEqual([]);
  });

  it("keep the JsonWriter functions a type written by the JsonWriter calls, and only those", () => {
    const index = indexModel(
      model(
        struct("Outer", [field("x", "f64"), field("inner", "Inner"), field("keyed", "map<string, Leaf>")]),
        struct("Inner", [field("s", "string")]),
        struct("Leaf", [field("n", "u8")]),
        struct("Alone", [field("s", "string")]),
      ),
    );
    expect(isStraight(index, named("Outer"))).toBe(false);
    expect(jsonWriterUse(index, "Inner").write).toBe(true);
    expect(jsonWriterUse(index, "Leaf").write).toBe(true);
    expect(jsonWriterUse(index, "Alone")).toEqual({ write: false, fields: false, wire: false });
  });
});

describe("JSON.stringify's wire forms", () => {
  it("as it is, after a fix, or not at all", () => {
    const index = indexModel(
      model(
        struct("Same", [field("s", "string"), field("o", "optional<string>", { omit: "if-none" })]),
        struct("Fix", [field("l", "list<u8>", { default: { type: true }, omit: "if-empty" }), field("m", "map<string, string>")]),
        struct("Float", [field("x", "f32")]),
        struct("Digit", [field("x", "string", { wire: "0x" })]),
        // Fixes are made on a struct's own fields: a value needing one deeper down keeps the JsonWriter.
        struct("Holder", [field("fix", "Fix"), field("x", "f32")]),
        struct("Nested", [field("l", "list<optional<string>>")]),
        struct("Skipped", [field("secret", "string", { skip: "serializing" }), field("m", "map<string, string>")]),
      ),
    );
    expect(["Same", "Fix", "Float", "Digit", "Holder", "Nested"].map((n) => wireForm(index, named(n)))).toEqual(["same", "fix", "none", "none", "none", "none"]);
    // Only a type written through JSON.stringify (no straight-line writer) gets its wireT.
    expect(["Same", "Fix", "Holder", "Skipped"].map((n) => jsonWriterUse(index, n).wire)).toEqual([false, false, false, true]);
    expect(wireForm(index, named("Skipped"))).toBe("fix");
  });
});
