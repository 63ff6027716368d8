/**
 * parseTJson reads as serde_json::from_str: the texts JSON.parse reads otherwise (floats for
 * integers, -0, integers beyond 2^53, repeated keys, surrogate escapes, deep nesting) give
 * serde's answer whichever path the reader takes (the reader of ASCII bytes, JSON.parse after
 * the pre-check, or the exact scanner), and unknown fields are skipped at any depth.
 */
import {
  ValidationError,
  parsePoolSpec,
  parsePoolSpecJson,
  safeParsePoolSpecJson,
  stringifyPoolSpec,
} from "@mvm/pool-model";
import { describe, expect, it } from "vitest";
import { minimalPoolSpec } from "../support/pool-specs.js";

const compact = JSON.stringify(minimalPoolSpec());
const pretty = JSON.stringify(minimalPoolSpec(), null, 2);
/** The minimal spec's text with `member` added as its last member. */
const withMember = (member: string, text = compact): string => `${text.slice(0, text.lastIndexOf("}"))},${member}}`;
const messageOf = (text: string): string => {
  const r = safeParsePoolSpecJson(text);
  if (r.ok) throw new Error("expected a failure");
  return r.error.issues.map((i) => `${i.path} ${i.code} ${i.message}`).join("; ");
};

describe("parsePoolSpecJson and nesting", () => {
  it("skips an unknown field nested at any depth, without a limit, as serde_json's ignore_value", () => {
    const arrays = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
    const objects = `${'{"a":'.repeat(10_000)}null${"}".repeat(10_000)}`;
    const want = parsePoolSpecJson(compact);
    for (const deep of [arrays, objects, `[1.5,${arrays},"\\ud83d\\ude00",{"x":1,"x":2}]`]) {
      expect(parsePoolSpecJson(withMember(`"zz":${deep}`))).toStrictEqual(want);
      expect(parsePoolSpecJson(withMember(`"zz": ${deep}`, pretty))).toStrictEqual(want);
    }
    // In a nested struct too.
    expect(parsePoolSpecJson(withMember(`"metadata":{"tags":{"a":"b"},"zz":${arrays}}`)).metadata.tags).toEqual({
      a: "b",
    });
  });

  it("refuses a known field nested that deep, as today", () => {
    const arrays = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
    expect(() => parsePoolSpecJson(withMember(`"secret_scopes":${arrays}`))).toThrow(ValidationError);
    expect(() => parsePoolSpecJson(withMember(`"metadata":{"tags":{"a":${arrays}}}`))).toThrow(ValidationError);
    expect(() => parsePoolSpecJson(arrays)).toThrow(/\/0: expected a string, got an array/);
  });
});

describe("parsePoolSpecJson keeps every serde rule", () => {
  it("refuses a repeated field, keeps the last of a repeated map key or unknown field", () => {
    expect(messageOf(withMember('"pool_id":"again"'))).toBe('/pool_id duplicate-field duplicate field "pool_id"');
    expect(parsePoolSpecJson(withMember('"zz":1,"zz":2')).pool_id).toBe("workers");
    expect(parsePoolSpecJson(withMember('"metadata":{"tags":{"a":"1","a":"2"}}')).metadata.tags).toEqual({ a: "2" });
  });

  it("refuses a float, -0 or an integer beyond 2^53 for an integer, reads 2^53 exactly", () => {
    for (const n of ["1.0", "1e2", "1E2", "-0", "9007199254740993", "18446744073709551616"]) {
      expect(() => parsePoolSpecJson(withMember(`"runtime_policy":{"min_warm_seconds":${n}}`))).toThrow(
        ValidationError,
      );
    }
    const big = parsePoolSpecJson(withMember('"runtime_policy":{"min_warm_seconds":9007199254740992}'));
    expect(big.runtime_policy.min_warm_seconds).toBe(2 ** 53);
    const long = parsePoolSpecJson(withMember('"runtime_policy":{"min_warm_seconds":1234567890123456}'));
    expect(long.runtime_policy.min_warm_seconds).toBe(1234567890123456);
  });

  it("refuses lone surrogates, escaped or raw, and reads escaped pairs", () => {
    expect(() => parsePoolSpecJson(compact.replace('"acme"', '"a\\ud800"'))).toThrow(
      /unexpected end of hex escape at line 1 column 42/,
    );
    expect(() => parsePoolSpecJson(compact.replace('"acme"', '"a\\udc00"'))).toThrow(
      /lone leading surrogate in hex escape/,
    );
    expect(() => parsePoolSpecJson(compact.replace('"acme"', '"a\ud800"'))).toThrow(/invalid unicode code point/);
    expect(parsePoolSpecJson(compact.replace('"acme"', '"a\\uD83D\\uDE00"')).tenant_id).toBe("a\u{1F600}");
  });

  it("gives the syntax error's position", () => {
    expect(() => parsePoolSpecJson(withMember('"zz":[1,]'))).toThrow(
      /^Invalid PoolSpec.*trailing comma at line 1 column \d+/s,
    );
    expect(() => parsePoolSpecJson(`${pretty}\n,`)).toThrow(/trailing characters at line \d+ column 1/);
    expect(() => parsePoolSpecJson("")).toThrow(
      /EOF while parsing a value at line 1 column 0|EOF while parsing a value/,
    );
  });

  it("reads a large text, and a small one after it", () => {
    const big = withMember(`"zz":"${"x".repeat(500_000)}","yy":[${"1,".repeat(50_000)}2]`);
    expect(parsePoolSpecJson(big)).toStrictEqual(parsePoolSpecJson(compact));
    expect(() => parsePoolSpecJson(`${big.slice(0, -1)},"pool_id":"x"}`)).toThrow(/duplicate field/);
    expect(parsePoolSpecJson(pretty)).toStrictEqual(parsePoolSpecJson(compact));
  });

  it("reads what stringify writes, compact and pretty", () => {
    const spec = parsePoolSpecJson(compact);
    expect(parsePoolSpecJson(stringifyPoolSpec(spec))).toStrictEqual(spec);
    expect(parsePoolSpecJson(stringifyPoolSpec(spec, { pretty: true }))).toStrictEqual(spec);
  });
});

describe("parsePoolSpecJson reads the same on every path", () => {
  /** `read`'s value, or the issues of the ValidationError it threw. */
  const outcome = (read: () => unknown): unknown => {
    try {
      return read();
    } catch (error) {
      return (error as ValidationError).issues;
    }
  };
  /** The value of `text` as JSON.parse reads it and parsePoolSpec checks it (none of these hold what JSON.parse reads otherwise). */
  const viaJsonParse = (text: string): unknown => outcome(() => parsePoolSpec(JSON.parse(text)));
  const viaText = (text: string): unknown => outcome(() => parsePoolSpecJson(text));
  /** `f`'s result while Object.prototype has the property `name` (configurable; deleted afterwards). */
  const withObjectPrototype = <T>(name: string, property: PropertyDescriptor, f: () => T): T => {
    Object.defineProperty(Object.prototype, name, { ...property, configurable: true });
    try {
      return f();
    } finally {
      delete (Object.prototype as Record<string, unknown>)[name];
    }
  };

  it("texts the byte reader leaves to the other paths read as JSON.parse reads them", () => {
    const tags = (json: string): string => withMember(`"metadata":{"tags":${json}}`);
    const texts = [
      tags('{"constructor":"a","toString":"b","hasOwnProperty":"c"}'), // keys Object.prototype has
      tags('{"a":"1","__proto__":"b"}'), // an own key, not the prototype
      withMember('"metadata":{"__proto__":{"tags":{"a":"b"}}}'), // not a prototype with tags
      tags('{"b":"1","2":"x","10":"y"}'), // integer-like keys, which JavaScript lists first
      tags('{"caf\\u00e9":"\\n","a\\"b":"\\\\"}'), // escapes
      tags('{"café":"naïve"}'), // not ASCII
      withMember('"zz":\t[1,\r\n2]'), // JSON's other whitespace
      withMember(`"zz":${"[".repeat(70)}${"]".repeat(70)}`), // deeper than the byte reader goes
      withMember('"zz":[-1,0,-1234567,123456789012345,true,false,null,"",{}]'),
      withMember('"runtime_policy":{"min_warm_seconds":-5}'), // a negative integer: refused by the check
      compact.replace('"vcpus":1', '"vcpus":256'), // out of range: refused by the check
    ];
    for (const text of texts) expect(viaText(text)).toStrictEqual(viaJsonParse(text));
  });

  it("keys of the same length and sampled bytes are told apart by all their bytes", () => {
    const read = (key: string) =>
      parsePoolSpecJson(withMember(`"metadata":{"tags":{"${key}":"v"}}`)).metadata.tags;
    // "abcdefgh" and "abcXefgh" differ only at a byte the key cache's hash does not look at.
    for (let round = 0; round < 3; round++) {
      expect(read("abcdefgh")).toStrictEqual({ abcdefgh: "v" });
      expect(read("abcXefgh")).toStrictEqual({ abcXefgh: "v" });
      expect(read("abcYefgh")).toStrictEqual({ abcYefgh: "v" });
    }
  });

  it("finds a repeated key however the keys before it were nested or left the key cache", () => {
    const duplicate = '/pool_id duplicate-field duplicate field "pool_id"';
    for (let round = 0; round < 3; round++) {
      // A key of an inner object, then of the outer one: not repeated.
      const inner = parsePoolSpecJson(withMember('"metadata":{"tags":{"template_id":"t"}},"template_id":"u"'));
      expect([inner.metadata.tags, inner.template_id]).toStrictEqual([{ template_id: "t" }, "u"]);
      // The outer object's key again after an inner object had it: repeated.
      expect(messageOf(withMember('"metadata":{"tags":{"pool_id":"t"}},"pool_id":"u"'))).toBe(duplicate);
      // "poAlBid" and "poClDid" share pool_id's set of the key cache (same length, same sampled
      // bytes) and push pool_id out of it before it comes again.
      expect(messageOf(withMember('"poAlBid":1,"poClDid":2,"pool_id":"u"'))).toBe(duplicate);
      expect(messageOf(withMember('"poAlBid":1,"pool_id":"u"'))).toBe(duplicate);
      // The empty key repeated, between different neighbours, in a map and in a struct.
      for (const tags of ['"metadata":{"tags":{"":1,"":"x"}}', '"metadata":{"tags": {"": 1 ,"" :"x"}}']) {
        expect(messageOf(withMember(tags))).toBe("/metadata/tags/ invalid-type expected a string, got integer 1");
        expect(messageOf(withMember(tags))).toBe(messageOf(withMember(`${tags},"é":0`)));
      }
      // A map's repeated key: the last value, as on the other paths (a non-ASCII member sends
      // the text there).
      const tags = '"metadata":{"tags":{"b":"1","a":"2","b":"3"}}';
      expect(parsePoolSpecJson(withMember(tags)).metadata.tags).toStrictEqual(
        parsePoolSpecJson(withMember(`${tags},"é":0`)).metadata.tags,
      );
    }
  });

  it("reads the same while Object.prototype has an enumerable setter named as a key it read before, and keeps such a map key", () => {
    const text = withMember('"template_id":"t"');
    const want = parsePoolSpecJson(text); // the byte reader has now cached "template_id"
    const tagged = withMember('"metadata":{"tags":{"template_id":"x"}}');
    let calls = 0;
    const setter = { enumerable: true, get: () => undefined, set: () => void calls++ };
    // The byte reader's path, the exact scanner's (a repeated tag), and a map read from data.
    const got = withObjectPrototype("template_id", setter, () => [
      parsePoolSpecJson(text),
      parsePoolSpecJson(tagged).metadata.tags,
      parsePoolSpecJson(withMember('"metadata":{"tags":{"template_id":"y","template_id":"x"}}')).metadata.tags,
      parsePoolSpec(JSON.parse(tagged)).metadata.tags,
    ]);
    expect(calls).toBe(0);
    expect(got).toStrictEqual([want, { template_id: "x" }, { template_id: "x" }, { template_id: "x" }]);
  });

  it("reads the same while Object.prototype has a property no pollution check sees (not enumerable), named as a key it read before", () => {
    const text = withMember('"template_id":"t"');
    const want = parsePoolSpecJson(text); // the byte reader has now cached "template_id"
    // Read-only: a store of that key throws in strict code. An accessor: a store would go to its setter.
    for (const property of [{ value: "x" }, { get: () => "evil", set: () => {} }]) {
      expect(withObjectPrototype("template_id", property, () => parsePoolSpecJson(text))).toStrictEqual(want);
    }
  });

  it("counts a property named \"\" on Object.prototype as pollution, and keeps a map key \"\"", () => {
    let calls = 0;
    const text = withMember('"metadata":{"tags":{"":"x"}}');
    const got = withObjectPrototype("", { enumerable: true, get: () => undefined, set: () => void calls++ }, () => [
      parsePoolSpecJson(text).metadata.tags,
      parsePoolSpec(JSON.parse(text)).metadata.tags,
    ]);
    expect(calls).toBe(0);
    expect(got).toStrictEqual([{ "": "x" }, { "": "x" }]);
  });

  it("keeps a map key an enumerable setter on Object.prototype names, when no field has that name, reading a value first", () => {
    // A name no reader reads as a field leaves the input uncopied; the first entry of a map asks.
    const text = withMember('"metadata":{"tags":{"tier":"gold","env":"prod"}}');
    // Nothing polluted yet: a text read asks, and leaves its answer behind for the next read.
    expect(parsePoolSpecJson(text).metadata.tags).toStrictEqual({ tier: "gold", env: "prod" });
    let calls = 0;
    const setter = { enumerable: true, get: () => undefined, set: () => void calls++ };
    const got = withObjectPrototype("env", setter, () => [parsePoolSpec(JSON.parse(text)).metadata.tags, parsePoolSpecJson(text).metadata.tags]);
    expect(calls).toBe(0);
    expect(got).toStrictEqual([
      { tier: "gold", env: "prod" },
      { tier: "gold", env: "prod" },
    ]);
  });

  it("refuses bad syntax the byte reader meets, with the exact scanner's error", () => {
    for (const [text, message] of [
      [withMember('"zz":tru'), /^Invalid PoolSpec: \(root\): expected value at line 1 column \d+$/],
      [withMember('"zz":01'), /: invalid number at line 1 column \d+$/],
      [withMember('"zz":-'), /: invalid number at line 1 column \d+$/],
      [withMember('"zz":"a\u0000b"'), /: control character \(\\u0000-\\u001F\) found while parsing a string at line 1 column \d+$/],
      [`${compact} x`, /trailing characters/],
      [compact.slice(0, -1), /EOF while parsing an object/],
    ] as const) {
      expect(() => parsePoolSpecJson(text)).toThrow(message);
      expect(() => JSON.parse(text)).toThrow(SyntaxError);
    }
  });
});
