/**
 * Behaviour of the code generated from the `everything` fixture: the IDL features the real model
 * does not use (rename rules, wire and display overrides, denied unknown fields, f64, recursion,
 * literal struct and map defaults, constrained strings across modules, several roots).
 */
import { describe, expect, it } from "vitest";
import {
  Color,
  ValidationError,
  cacheDir,
  dataFile,
  defaultPoint,
  displayColor,
  parseCode,
  parseEverything,
  parseEverythingJson,
  parseColorJson,
  parsePoint,
  parsePointJson,
  parseTree,
  parseTreeJson,
  safeParseColorJson,
  safeParseEverything,
  safeParseEverythingJson,
  safeParsePointJson,
  stringifyColor,
  stringifyEverything,
  stringifyPoint,
  stringifyTree,
} from "./fixtures/everything/expected/src/index.js";

const required = { small: 1, medium: 2, large: 3, huge: 4, signed: -5, wide: -6, ratio: 0.5, flag: true };

describe("everything fixture", () => {
  it("applies rename_all, per-variant wire names and Display strings", () => {
    expect(Color).toEqual({ Red: "RED", DeepBlue: "DEEP_BLUE", LightGreen: "green" });
    expect(displayColor("DEEP_BLUE")).toBe("deep blue");
    expect(displayColor("green")).toBe("green");
    expect(stringifyColor("RED")).toBe('"RED"');
  });

  it("fills literal defaults, completing struct literals with their own defaults", () => {
    const v = parseEverything(required);
    expect(v.color).toBe("DEEP_BLUE");
    expect(v.codec).toBe("gzip");
    expect(v.maybe_count).toBe(7);
    expect(v.point_map).toEqual({ origin: { xPos: 0, yPos: 1.5, label: undefined } });
    expect(v.tags).toEqual({ a: ["x", "y"] });
    expect(v.point).toEqual(defaultPoint());
    expect(parseEverything({ ...required, maybe_count: null }).maybe_count).toBeUndefined();
  });

  it("writes fields in order with omit rules and f64 as serde_json (ryu) does", () => {
    const v = parseEverything({ ...required, ratio: 1e21, point: { xPos: 1, yPos: 1e-7, label: "p" } });
    expect(stringifyEverything(v)).toBe(
      '{"small":1,"medium":2,"large":3,"huge":4,"signed":-5,"wide":-6,"ratio":1e21,"flag":true,"color":"DEEP_BLUE",' +
        '"codec":"gzip","code":null,"maybe_count":7,"point_map":{"origin":{"xPos":0.0,"yPos":1.5}},"optional_points":[],' +
        '"point":{"xPos":1.0,"yPos":1e-7,"label":"p"},"tags":{"a":["x","y"]}}',
    );
  });

  it("denies unknown fields where the IDL says so, and names them", () => {
    const r = safeParseEverything({ ...required, point: { xPos: 1, zPos: 2 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues.map((i) => [i.path, i.code])).toEqual([["/point/zPos", "unknown-field"]]);
    expect(() => parsePoint({ xPos: 1, label: "l" })).not.toThrow();
  });

  it("checks every integer width", () => {
    const bad = { small: 256, medium: 65536, large: -1, huge: 2 ** 53 + 2, signed: 2 ** 31, wide: -(2 ** 53) - 2, ratio: Infinity, flag: 1 };
    const r = safeParseEverything(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.issues.map((i) => [i.path, i.code])).toEqual([
        ["/small", "out-of-range"],
        ["/medium", "out-of-range"],
        ["/large", "out-of-range"],
        ["/huge", "unsafe-integer"],
        ["/signed", "out-of-range"],
        ["/wide", "unsafe-integer"],
        ["/ratio", "invalid-type"],
        ["/flag", "invalid-type"],
      ]);
    }
  });

  it("reads and writes recursive types", () => {
    const tree = parseTree({ name: "root", children: [{ name: "a", parent: { name: "up" } }, { name: "b" }] });
    expect(stringifyTree(tree)).toBe(
      '{"name":"root","children":[{"name":"a","parent":{"name":"up","parent":null}},{"name":"b","parent":null}],"parent":null}',
    );
  });

  it("refuses hostile nesting of a recursive type with a ValidationError, not a crash", () => {
    let deep: Record<string, unknown> = { name: "leaf" };
    for (let i = 0; i < 100_000; i++) deep = { name: "n", parent: deep };
    expect(() => parseTree(deep)).toThrow(ValidationError);
    const text = `${'{"name":"n","parent":'.repeat(200)}null${"}".repeat(200)}`;
    expect(() => parseTreeJson(text)).toThrow(/recursion limit exceeded/);
    // Read as a field of another struct, the too deep value is one issue among the document's others.
    const result = safeParseEverythingJson(`{"small":1,"tree":${text}}`);
    expect(result.ok).toBe(false);
    const deepIssue = result.ok ? undefined : result.error.issues.find((i) => i.code === "invalid-json");
    expect(deepIssue?.message).toMatch(/^recursion limit exceeded at line 1 column \d+$/);
    expect(deepIssue?.path).toMatch(/^\/tree(\/parent)+$/);
  });

  it("checks constrained strings declared in another module", () => {
    expect(parseCode("AB")).toBe("AB");
    for (const bad of ["A", "ABCDEFGHI", "ab", "A1"]) expect(() => parseCode(bad)).toThrow(ValidationError);
  });

  it("builds paths from several roots, with parameters of every helper they build on", () => {
    expect(dataFile("AB", "report")).toBe("/srv/data/AB/files/report.json");
    expect(cacheDir("XY")).toBe("/var/cache/app/v1-XY");
    expect(dataFile("AB", "r", { root: "/mnt/copy" })).toBe("/mnt/copy/AB/files/r.json");
    expect(() => dataFile("ab", "r")).toThrow(ValidationError);
    expect(() => dataFile("AB", "../r")).toThrow(ValidationError);
  });

  it("writes f64 values as serde_json does", () => {
    const cases: [number, string][] = [
      [0, "0.0"],
      [-0, "-0.0"],
      [1, "1.0"],
      [0.1, "0.1"],
      [1.5e-7, "1.5e-7"],
      [0.00001, "0.00001"],
      [0.000001, "1e-6"],
      [123456789, "123456789.0"],
      [1e15, "1000000000000000.0"],
      [1e16, "1e16"],
      [1.7976931348623157e308, "1.7976931348623157e308"],
      [5e-324, "5e-324"],
      [-2.5, "-2.5"],
      [123.456, "123.456"],
    ];
    for (const [value, text] of cases) expect(stringifyPoint({ xPos: value, yPos: 0, label: undefined })).toBe(`{"xPos":${text},"yPos":0.0}`);
  });

  // Found by the differential harness against the generated Rust crate (test/rust/): each is serde's behaviour.
  it("reads float text with serde_json's own arithmetic, which is not always the nearest float", () => {
    // serde_json 1.0.87 (without float_roundtrip) reads these one unit in the last place off.
    expect(parsePointJson('{"yPos":1.2892134685411814e64}').yPos).toBe(1.2892134685411815e64);
    expect(stringifyPoint(parsePointJson('{"yPos":1.2892134685411815e64}'))).toBe('{"xPos":0.0,"yPos":1.2892134685411817e64}');
    // Digits beyond a u64's are ignored after the decimal point, counted before it.
    expect(parsePointJson('{"yPos":18446744073709551616.5}').yPos).toBe(18446744073709552000);
    expect(parsePointJson('{"yPos":0.1}').yPos).toBe(0.1);
    expect(parsePointJson('{"yPos":-0}').yPos).toBe(-0);
    expect(parsePointJson('{"yPos":1e-400}').yPos).toBe(0);
    expect(safeParsePointJson('{"yPos":1e400}').ok).toBe(false);
    expect(safeParsePointJson('{"yPos":17976931348623159e292}').ok).toBe(false);
  });

  it("skips a number out of a float's range where serde skips it: an unknown field", () => {
    const text = JSON.stringify({ ...required }).replace("{", '{"extra":[1e400,-1e400],');
    expect(parseEverythingJson(text).small).toBe(1);
    expect(safeParseEverythingJson(JSON.stringify(required).replace('"ratio":0.5', '"ratio":1e400')).ok).toBe(false);
  });

  it("reads every value of a map key given twice, keeping the last, as serde does", () => {
    const withTags = (tags: string): string => JSON.stringify(required).replace("{", `{"tags":${tags},`);
    expect(parseEverythingJson(withTags('{"a":["x"],"a":["y"]}')).tags).toEqual({ a: ["y"] });
    // serde: invalid type: integer `1`, expected a string.
    const list = safeParseEverythingJson(withTags('{"a":[1],"a":["y"]}'));
    expect(list.ok ? [] : list.error.issues.map((i) => [i.path, i.code])).toEqual([["/tags/a/0", "invalid-type"]]);
    // serde reads the replaced {"xPos":1e400}: number out of range.
    const point = JSON.stringify(required).replace("{", '{"point_map":{"o":{"xPos":1e400},"o":{}},');
    expect(safeParseEverythingJson(point).ok).toBe(false);
  });

  it("refuses a unit variant's map form that repeats its key, as serde_json does", () => {
    expect(parseColorJson('{"RED":null}')).toBe("RED");
    expect(safeParseColorJson('{"RED":null,"RED":null}').ok).toBe(false);
  });

  it("writes none for an optional field whose default is not none, rather than the default", () => {
    const none = parseEverythingJson(JSON.stringify({ ...required, maybe_count: null }));
    expect(none.maybe_count).toBeUndefined();
    expect(stringifyEverything(none)).toContain('"maybe_count":null');
    expect(parseEverythingJson(stringifyEverything(none)).maybe_count).toBeUndefined();
    const missing = parseEverythingJson(JSON.stringify(required));
    expect(missing.maybe_count).toBe(7);
    expect(stringifyEverything(missing)).toContain('"maybe_count":7');
  });
});
