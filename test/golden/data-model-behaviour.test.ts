/**
 * Behaviour of the code generated from the `data-model` fixture where the differential harness
 * (test/rust/differential.test.ts) once found the TypeScript package disagreeing with serde: each
 * case states what serde (the generated crate) does. They were `it.fails` cases of
 * test/rust/ts-known-bugs.test.ts; the differences left are there and in docs/idl.md.
 */
import { describe, expect, it } from "vitest";
import {
  parseF32ValueJson,
  parseGaugeJson,
  parseJobJson,
  parseMaybeOwnedJson,
  safeParseActionJson,
  safeParseCommandJson,
  safeParseHostJson,
  safeParseJobJson,
  safeParseNoticeJson,
  safeParseResourceJson,
  safeParseSettingJson,
  safeParseSignalJson,
  stringifyF32Value,
  stringifyGauge,
  stringifyJob,
  stringifyMaybeOwned,
} from "./fixtures/data-model/expected/src/index.js";

const codes = (r: { ok: boolean; error?: { issues: readonly { path: string; code: string }[] } }): string[][] =>
  r.ok ? [] : r.error!.issues.map((i) => [i.path, i.code]);

describe("data-model fixture, as serde does", () => {
  it("writes a flattened internally tagged enum inline", () => {
    expect(stringifyJob(parseJobJson('{"id":"j","type":"ping"}'))).toBe('{"id":"j","type":"ping"}');
  });

  it("reads a flattened variant holding a unit struct", () => {
    expect(safeParseJobJson('{"id":"j","type":"noop"}').ok).toBe(true);
  });

  it("gives a flattened variant's map the struct's other fields only", () => {
    expect(stringifyJob(parseJobJson('{"id":"j","type":"label","a":"x"}'))).toBe('{"id":"j","type":"label","a":"x"}');
  });

  it("refuses a tag that is not a string", () => {
    // serde: invalid type: null, expected variant identifier
    expect(safeParseNoticeJson('{"kind":null}').ok).toBe(false);
  });

  it("refuses a field given twice through its alias", () => {
    // serde: duplicate field `ip` at line 1 column 41
    expect(codes(safeParseHostJson('{"name":"n","address":"a","address":"a"}'))).toEqual([
      ["/address", "duplicate-field"],
    ]);
    expect(codes(safeParseHostJson('{"name":"n","ip":"a","address":"a"}'))).toEqual([["/address", "duplicate-field"]]);
    expect(safeParseHostJson('{"name":"n","address":"a"}').ok).toBe(true);
  });

  it("refuses a field repeated inside a flattened enum's variant", () => {
    // serde: duplicate field `cmdline`
    expect(safeParseJobJson('{"id":"x","type":"boot","kernel":"k","cmdline":"a","cmdline":"a"}').ok).toBe(false);
  });

  it("reads every value of a repeated key in a tagged variant's map, keeping the last", () => {
    expect(safeParseCommandJson('{"type":"label","a":1,"a":"x"}').ok).toBe(false);
    expect(safeParseJobJson('{"id":"j","type":"label","a":1,"a":"x"}').ok).toBe(false);
    expect(safeParseCommandJson('{"type":"label","a":"y","a":"x"}')).toEqual({
      ok: true,
      value: { type: "label", a: "x" },
    });
  });

  it("refuses adjacent content given twice", () => {
    expect(safeParseSignalJson('{"t":"Kill","c":1.5,"c":2}').ok).toBe(false);
  });

  it("refuses a unit variant's map form holding a value", () => {
    // serde: invalid type: integer `1`, expected unit
    expect(safeParseActionJson('{"heartbeat":1}').ok).toBe(false);
  });

  it("makes a flattened optional struct that does not read none", () => {
    expect(stringifyMaybeOwned(parseMaybeOwnedJson('{"id":"r","team":null}'))).toBe('{"id":"r"}');
  });

  it("refuses a number beyond f64's range beside flattened fields", () => {
    // serde: number out of range
    expect(safeParseResourceJson('{"id":"r","size_mib":1,"x":1e400}').ok).toBe(false);
  });

  it("writes an f32 beyond its range as null", () => {
    expect(stringifyGauge(parseGaugeJson('{"load":1e39,"uptime_s":1}'))).toBe('{"load":null,"uptime_s":1.0}');
  });

  it("writes f32s in ryu's format: positional down to 1e-6, a tie to the even digit", () => {
    expect(stringifyGauge(parseGaugeJson('{"load":0.0000029292514,"uptime_s":1}'))).toBe(
      '{"load":0.0000029292514,"uptime_s":1.0}',
    );
    // 176335.625 is an f32, halfway between 176335.62 and 176335.63: ryu writes the even one.
    expect(stringifyF32Value(parseF32ValueJson("176335.625"))).toBe("176335.62");
    expect(stringifyF32Value(parseF32ValueJson("0.375"))).toBe("0.375");
  });

  it("refuses an untagged value that is a variant but for an integer beyond 2^53 as that (the documented difference)", () => {
    // serde: Setting::List([Count(10000000000000000), ...])
    expect(codes(safeParseSettingJson('[10000000000000000,[],"x",false,"y"]'))).toEqual([["/0", "unsafe-integer"]]);
  });
});
