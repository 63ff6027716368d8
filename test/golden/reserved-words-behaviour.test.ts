/**
 * Behaviour of the code generated from the `reserved-words` fixture where names are JavaScript's
 * own: wire names every object inherits from Object.prototype (`constructor`, `toString`,
 * `valueOf`, `hasOwnProperty`, `isPrototypeOf`) as fields, aliases, tags, content keys and map
 * keys. A field the input lacks is missing (serde's default, or serde's error), never the
 * inherited method; the differential harness (test/rust/differential.test.ts) checks the same
 * fixture against serde.
 */
import { describe, expect, it } from "vitest";
import {
  type Inherited,
  createInherited,
  parseAdjacentJson,
  parseInherited,
  parseInheritedJson,
  parseTaggedJson,
  safeParseAdjacentJson,
  safeParseInherited,
  safeParseInheritedJson,
  safeParseTaggedJson,
  stringifyInherited,
} from "./fixtures/reserved-words/expected/src/index.js";

/** Each issue as "code path message". */
const issuesOf = (r: { ok: true } | { ok: false; error: { issues: readonly { code: string; path: string; message: string }[] } }): string[] =>
  r.ok ? [] : r.error.issues.map((i) => `${i.code} ${i.path} ${i.message}`);

const defaults: Inherited = { constructor: 0, toString: undefined, valueOf: "", entries: {} };

describe("wire names Object.prototype has", () => {
  it("reads a missing field as missing: its default, never the inherited method", () => {
    expect(parseInheritedJson("{}")).toStrictEqual(defaults);
    expect(parseInherited({})).toStrictEqual(defaults);
    // TypeScript sees Object.prototype's methods on every object type, so typed code gives such fields.
    expect(createInherited({ constructor: 0, toString: undefined, valueOf: "" })).toStrictEqual(defaults);
    expect(parseInheritedJson('{"toString":null}').toString).toBeUndefined();
  });

  it("reads a field given under such a name, and its alias", () => {
    expect(parseInheritedJson('{"constructor":7,"toString":"s","valueOf":"v"}')).toStrictEqual({ ...defaults, constructor: 7, toString: "s", valueOf: "v" });
    expect(parseInheritedJson('{"hasOwnProperty":"by alias"}').valueOf).toBe("by alias");
    expect(issuesOf(safeParseInheritedJson('{"valueOf":"a","hasOwnProperty":"b"}'))).toEqual([
      'duplicate-field /hasOwnProperty duplicate field "valueOf"',
    ]);
    expect(issuesOf(safeParseInherited({ constructor: "7" }))).toEqual(["invalid-type /constructor expected u32 (an integer from 0 to 4294967295), got string \"7\""]);
  });

  it("keeps map keys of those names as entries, written in serde's order", () => {
    const text = '{"entries":{"valueOf":1,"toString":2,"constructor":3,"a":4}}';
    const value = parseInheritedJson(text);
    expect(Object.keys(value.entries)).toEqual(["valueOf", "toString", "constructor", "a"]);
    expect(Object.getPrototypeOf(value.entries)).toBe(Object.prototype);
    expect(stringifyInherited(value)).toBe('{"constructor":0,"toString":null,"valueOf":"","entries":{"a":4,"constructor":3,"toString":2,"valueOf":1}}');
  });

  it("reads serde's sequence form, and refuses an array too short as missing the element serde needs", () => {
    expect(parseInheritedJson('[7,"s"]')).toStrictEqual({ ...defaults, constructor: 7, toString: "s" });
    expect(parseInheritedJson("[7,null]")).toStrictEqual({ ...defaults, constructor: 7 });
    // serde needs the optional toString in the sequence form too; its reader alone would take it as none.
    for (const text of ["[]", "[7]"]) {
      expect(issuesOf(safeParseInheritedJson(text))).toEqual(['missing-field /1 missing element 1 (field "toString") of a struct written as an array']);
    }
  });

  it("reads a tag and a content key of those names, and says a missing one is missing, once", () => {
    expect(parseTaggedJson('{"toString":3,"constructor":"Sized"}')).toStrictEqual({ constructor: "Sized", toString: 3 });
    expect(parseTaggedJson('{"constructor":"Sized"}')).toStrictEqual({ constructor: "Sized", toString: 0 });
    expect(issuesOf(safeParseTaggedJson('{"toString":3}'))).toEqual(['missing-field /constructor missing field "constructor"']);
    expect(parseAdjacentJson('{"isPrototypeOf":"Counts","valueOf":{"constructor":1}}')).toStrictEqual({ isPrototypeOf: "Counts", valueOf: { constructor: 1 } });
    expect(issuesOf(safeParseAdjacentJson('{"valueOf":{}}'))).toEqual(['missing-field /isPrototypeOf missing field "isPrototypeOf"']);
    expect(issuesOf(safeParseAdjacentJson('{"isPrototypeOf":"Counts"}'))).toEqual(['missing-field /valueOf missing field "valueOf"']);
  });
});
