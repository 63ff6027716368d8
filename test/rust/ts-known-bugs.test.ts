/**
 * KNOWN BUGS of the TypeScript package, found while proving the Rust target (issue 11/12), left
 * for the engineer who owns `generator/src/targets/ts/runtime/runtime.ts`. Each case states what
 * serde does (and what the generated crate does, since it is serde) and is marked `it.fails`: it
 * passes while the bug is there and turns red when the bug is fixed, so the mark is removed then
 * (and the case can go back where it came from).
 */
import { describe, expect, it } from "vitest";
import {
  parseGaugeJson,
  parseJobJson,
  parseMaybeOwnedJson,
  parseSettingJson,
  safeParseActionJson,
  safeParseHostJson,
  safeParseJobJson,
  safeParseResourceJson,
  safeParseNoticeJson,
  safeParseSignalJson,
  stringifyGauge,
  stringifyJob,
  stringifyMaybeOwned,
  stringifySetting,
} from "../golden/fixtures/data-model/expected/src/index.js";
import { parseEverythingJson, safeParseEverythingJson } from "../golden/fixtures/everything/expected/src/index.js";

const required = { small: 1, medium: 2, large: 3, huge: 4, signed: -5, wide: -6, ratio: 0.5, flag: true };
const withTags = (tags: string): string => JSON.stringify(required).replace("{", `{"tags":${tags},`);

describe("TypeScript reads a map whose key repeats (moved from test/golden/everything-behaviour.test.ts)", () => {
  it("keeps the last value, as serde does", () => {
    expect(parseEverythingJson(withTags('{"a":["x"],"a":["y"]}')).tags).toEqual({ a: ["y"] });
  });

  // serde_json reads every value of a repeated key into the map (each must be a valid V), keeping
  // the last; the TypeScript text reader skips the replaced value without checking it, so it
  // accepts a text that serde (and the generated crate) refuses:
  //   everything: {"tags":{"a":[1],"a":["y"]},...}  serde: invalid type: integer `1`, expected a string
  it.fails("KNOWN BUG: refuses a replaced value that is not a V, as serde does", () => {
    expect(safeParseEverythingJson(withTags('{"a":[1],"a":["y"]}')).ok).toBe(false);
  });

  // Likewise for a struct value: serde reads `{"xPos":1e400}` (number out of range) and refuses.
  it.fails("KNOWN BUG: refuses a replaced struct value with a number out of range, as serde does", () => {
    const text = JSON.stringify(required).replace("{", '{"point_map":{"o":{"xPos":1e400},"o":{}},');
    expect(safeParseEverythingJson(text).ok).toBe(false);
  });
});

/**
 * One case of each bug the differential harness counts on the data-model fixture
 * (support/known-ts-bugs.ts, by id), with serde's outcome as the generated crate gives it.
 */
describe("data-model fixture: what serde does and TypeScript does not", () => {
  it.fails("KNOWN BUG ts-flatten-enum-writer: writes a flattened internally tagged enum inline", () => {
    // serde: {"id":"j","priority":"NORMAL","type":"ping"}; TypeScript: {"id":"j","priority":"NORMAL"{"type":"ping"}}
    expect(stringifyJob(parseJobJson('{"id":"j","type":"ping"}'))).toBe('{"id":"j","priority":"NORMAL","type":"ping"}');
  });

  it.fails("KNOWN BUG ts-flatten-unit-struct-variant: reads a flattened variant holding a unit struct", () => {
    // serde: {"id":"j","priority":"NORMAL","type":"noop"}
    expect(safeParseJobJson('{"id":"j","type":"noop"}').ok).toBe(true);
  });

  it.fails("KNOWN BUG ts-internal-tag-seq-form: reads an internally tagged enum's sequence form", () => {
    // serde: {"kind":"Info","text":"hi"}
    expect(safeParseNoticeJson('["Info","hi"]').ok).toBe(true);
  });

  it.fails("KNOWN BUG ts-tag-not-a-string: refuses a tag that is not a string", () => {
    // serde: invalid type: null, expected variant identifier at line 1 column 12
    expect(safeParseNoticeJson('{"kind":null}').ok).toBe(false);
  });

  it.fails("KNOWN BUG ts-duplicate-field-buffered: refuses a field given twice through its alias", () => {
    // serde: duplicate field `ip` at line 1 column 35
    expect(safeParseHostJson('{"name":"n","address":"a","address":"a"}').ok).toBe(false);
  });

  it.fails("KNOWN BUG ts-repeated-content-unchecked: refuses adjacent content given twice, the first invalid", () => {
    // serde: invalid type: floating point `1.5`, expected i32 at line 1 column 19
    expect(safeParseSignalJson('{"t":"Kill","c":1.5,"c":2}').ok).toBe(false);
  });

  it.fails("KNOWN BUG ts-unit-map-form-value: refuses a unit variant's map form holding a value", () => {
    // serde: invalid type: integer `1`, expected unit at line 1 column 14
    expect(safeParseActionJson('{"heartbeat":1}').ok).toBe(false);
  });

  it.fails("KNOWN BUG ts-untagged-float-integer: keeps 0.0 a float in an untagged enum", () => {
    // serde: Setting::Ratio(0.0), written 0.0
    expect(stringifySetting(parseSettingJson("0.0"))).toBe("0.0");
  });

  it.fails("KNOWN BUG ts-flatten-option-struct: a flattened optional struct that does not read is none", () => {
    // serde: {"id":"r"}
    expect(stringifyMaybeOwned(parseMaybeOwnedJson('{"id":"r","team":null}'))).toBe('{"id":"r"}');
  });

  it.fails("KNOWN BUG ts-flatten-unit-map-form: a flattened variant's map does not see the struct's own fields", () => {
    // serde: {"id":"j","priority":"NORMAL","type":"label"}
    expect(safeParseJobJson('{"id":"j","priority":{"NORMAL":null},"type":"label"}').ok).toBe(true);
  });

  it.fails("KNOWN BUG ts-flatten-buffered-number: refuses a number beyond f64's range beside flattened fields", () => {
    // serde: number out of range at line 1 column 32
    expect(safeParseResourceJson('{"id":"r","size_mib":1,"x":1e400}').ok).toBe(false);
  });

  it.fails("KNOWN BUG ts-f32-beyond-range: writes an f32 beyond its range as null", () => {
    // serde: {"load":null,"uptime_s":1.0}
    expect(stringifyGauge(parseGaugeJson('{"load":1e39,"uptime_s":1}'))).toBe('{"load":null,"uptime_s":1.0}');
  });

  it.fails("KNOWN BUG ts-f32-format: writes a small f32 as serde_json does", () => {
    // serde: {"load":0.0000029292514,"uptime_s":1.0}
    expect(stringifyGauge(parseGaugeJson('{"load":0.0000029292514,"uptime_s":1}'))).toBe('{"load":0.0000029292514,"uptime_s":1.0}');
  });
});
