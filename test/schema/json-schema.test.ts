/**
 * The JSON Schema emitter on IR built in the test: integer map keys as Rust's `str::parse` reads
 * them, shapes the serde lab has no vector of, every schema valid for ajv in strict mode, and
 * byte-identical output.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonSchemaFiles, typeSchemaDocument } from "../../generator/src/emit/json-schema.js";
import { INTEGER_RANGES } from "../../generator/src/model/facts.js";
import { INTEGER_NAMES, indexModel, type IntegerName, type Model, type TypeDecl } from "../../generator/src/model/ir.js";
import { integerKeyPattern } from "../../generator/src/targets/json-schema/expr.js";
import { enumDecl, field, model, newtype, struct, tupleStruct, variant } from "../support/ir.js";
import { LAB_MODEL } from "../support/lab-models.js";

function newAjv(): Ajv2020 {
  return new Ajv2020({ strict: true, strictTuples: false, discriminator: true });
}

/** Rust's `str::parse::<T>()` for an integer type: optional `+` (or `-` if signed), ASCII digits, in range. */
function rustParses(name: IntegerName, text: string): boolean {
  const [min, max] = INTEGER_RANGES[name];
  if (!(min < 0n ? /^[+-]?[0-9]+$/ : /^\+?[0-9]+$/).test(text)) return false;
  const value = BigInt(text.replace(/^\+/, ""));
  return value >= min && value <= max;
}

describe("integer map keys", () => {
  const edges = (name: IntegerName): string[] => {
    const [min, max] = INTEGER_RANGES[name];
    const around = [min - 1n, min, min + 1n, -1n, 0n, 1n, 9n, 10n, max - 1n, max, max + 1n, max * 10n];
    return around.flatMap((n) => {
      const s = n.toString();
      const digits = s.replace(/^-/, "");
      const sign = s.startsWith("-") ? "-" : "";
      return [s, `+${s}`, `${sign}0${digits}`, `${sign}000${digits}`, `${s} `, ` ${s}`, `${s}.0`, `${s}e0`];
    });
  };

  it.each(INTEGER_NAMES)("%s: the pattern reads exactly what str::parse reads", (name) => {
    const re = new RegExp(integerKeyPattern(name), "u");
    for (const text of [...edges(name), "", "+", "-", "-0", "+0", "00", "0x1", "1_0", "\u0661", "+-1", "--1"]) {
      expect(re.test(text), JSON.stringify(text)).toBe(rustParses(name, text));
    }
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."+-0123456789 a"), maxLength: 24 }), (text) => {
        expect(re.test(text)).toBe(rustParses(name, text));
      }),
      { numRuns: 2000, seed: 15 },
    );
  });
});

/** The validator of `name` in `m`. */
function validate(m: Model, name: string): (value: unknown) => boolean {
  const index = indexModel(m);
  return newAjv().compile(typeSchemaDocument(index, index.types.get(name)!)) as (value: unknown) => boolean;
}

describe("shapes without a serde lab vector", () => {
  it("a tuple struct of one element is a newtype struct in Rust: written as the element, its default too", () => {
    const m = model(tupleStruct("Wrapped", ["u8"], { hasDefault: true }));
    const check = validate(m, "Wrapped");
    expect(check(5)).toBe(true);
    expect(check([5])).toBe(false);
    const index = indexModel(m);
    expect((typeSchemaDocument(index, index.types.get("Wrapped")!)["$defs"] as Record<string, { default?: unknown }>)["Wrapped"]!.default).toBe(0);
  });

  it("a tuple struct of none is an empty array", () => {
    const check = validate(model(tupleStruct("Nothing", [])), "Nothing");
    expect(check([])).toBe(true);
    expect(check([1])).toBe(false);
    expect(check(null)).toBe(false);
  });

  it("an internally tagged newtype variant holding a struct that denies unknown fields still reads the tag", () => {
    const inner = struct("Plan", [field("steps", "u8")], { unknownFields: "deny" });
    const e = enumDecl("Strategy", [variant("Canary", { newtype: "Plan" }, { wire: "canary" })], { repr: { kind: "internal", tag: "type" } });
    const check = validate(model(inner, e), "Strategy");
    expect(check({ type: "canary", steps: 1 })).toBe(true);
    expect(check({ type: "canary", steps: 1, other: 1 })).toBe(false);
    expect(check({ steps: 1 })).toBe(false);
  });

  it("an internally tagged newtype variant holding another internally tagged enum", () => {
    const inner = enumDecl("Step", [variant("Wait", { fields: [field("secs", "u32")] })], { repr: { kind: "internal", tag: "kind" }, unknownFields: "deny" });
    const e = enumDecl("Plan", [variant("Run", { newtype: "Step" })], { repr: { kind: "internal", tag: "type" } });
    const check = validate(model(inner, e), "Plan");
    expect(check({ type: "Run", kind: "Wait", secs: 1 })).toBe(true);
    expect(check({ type: "Run", kind: "Wait", secs: 1, x: 1 })).toBe(false);
    expect(check({ type: "Run", kind: "Go" })).toBe(false);
  });

  it("an internally tagged enum holding itself terminates, and reads nothing through that variant (its tag is taken)", () => {
    const internal = { kind: "internal", tag: "type" } as const;
    const e = enumDecl("Expr", [variant("Leaf"), variant("Wrap", { newtype: "Expr" })], { repr: internal });
    const check = validate(model(e), "Expr");
    expect(check({ type: "Leaf" })).toBe(true);
    expect(check({ type: "Wrap" })).toBe(false);
    const a = enumDecl("A", [variant("End"), variant("ToB", { newtype: "B" })], { repr: internal });
    const b = enumDecl("B", [variant("ToA", { newtype: "A" })], { repr: { kind: "internal", tag: "kind" } });
    const checkA = validate(model(a, b), "A");
    expect(checkA({ type: "End" })).toBe(true);
    expect(checkA({ type: "ToB", kind: "ToA" })).toBe(false);
  });

  it("a flattened map after a flattened struct sees only the entries the struct leaves", () => {
    const meta = struct("Meta", [field("owner", "string")]);
    const s = struct("Rec", [field("id", "string"), field("meta", "Meta", { flatten: true }), field("rest", "map<string, u8>", { flatten: true })]);
    const check = validate(model(meta, s), "Rec");
    expect(check({ id: "a", owner: "o", x: 1 })).toBe(true);
    expect(check({ id: "a", owner: "o", x: "no" })).toBe(false);
    expect(check({ id: "a", x: 1 })).toBe(false);
  });

  it("a map with integer keys flattened reads no key (keys come out of serde's buffer as strings)", () => {
    const s = struct("Rec", [field("id", "string"), field("rest", "map<u8, string>", { flatten: true })]);
    const check = validate(model(s), "Rec");
    expect(check({ id: "a" })).toBe(true);
    expect(check({ id: "a", "1": "x" })).toBe(false);
  });

  it("a transparent struct around an optional lets a missing field read as none", () => {
    const wrapper = struct("Maybe", [field("inner", "optional<u8>")], { transparent: true });
    const s = struct("Holder", [field("m", "Maybe"), field("b", "box<optional<u8>>")]);
    const check = validate(model(wrapper, s), "Holder");
    expect(check({})).toBe(true);
    expect(check({ m: null, b: 3 })).toBe(true);
  });

  it("an enum key of a map reads the variants' wire names and aliases", () => {
    const e = enumDecl("Side", [variant("Left", undefined, { wire: "left", aliases: ["l"] }), variant("Right", undefined, { wire: "right" })]);
    const check = validate(model(e, newtype("Weights", "map<Side, u8>")), "Weights");
    expect(check({ left: 1, l: 2, right: 3 })).toBe(true);
    expect(check({ up: 1 })).toBe(false);
  });
});

describe("every schema", () => {
  const all: readonly TypeDecl[] = LAB_MODEL.modules[0]!.types;
  const index = indexModel(LAB_MODEL);

  it("compiles with ajv in strict mode (discriminator on)", () => {
    for (const decl of all) expect(() => newAjv().compile(typeSchemaDocument(index, decl)), decl.name).not.toThrow();
  });

  it("is byte-identical when emitted twice", () => {
    const once = [...jsonSchemaFiles(LAB_MODEL, index)];
    const twice = [...jsonSchemaFiles(LAB_MODEL, indexModel(LAB_MODEL))];
    expect(twice).toEqual(once);
    expect(once.length).toBe(all.length);
  });
});
