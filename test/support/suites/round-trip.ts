/**
 * Round trips of valid values, for every type of the model: what stringify<T> writes (compact
 * and pretty) reads back as the same value through JSON.parse + parse<T> and through
 * parse<T>Json, is written again byte for byte, and is exactly what a reference serde_json writer
 * gives; and every other input serde reads as that value (defaults left out, serde's sequence and
 * map forms, unknown fields, `__proto__` keys) reads as it too.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validInput, validValue } from "../arbitraries.js";
import { APIS, serdeText } from "../model.js";
import { fcParams, timeoutFor } from "../runs.js";
import { same } from "../same.js";

export function roundTripSuite(numRuns: number): void {
  const params = fcParams(numRuns);
  const timeout = timeoutFor(numRuns);

  describe.each(APIS.map((a) => [a.name, a] as const))("%s", (_name, a) => {
    it(
      "valid values: parse(JSON.parse(stringify(v))) and parseJson(stringify(v)) are v; stringify is a fixed point and writes what serde_json writes",
      () => {
        fc.assert(
          fc.property(validValue(a.name), (v) => {
            for (const pretty of [false, true]) {
              const text = a.stringify(v, { pretty });
              // Exactly serde_json's text: field order, omit rules, code point key order, indent.
              expect(text).toBe(serdeText(a.wire, v, pretty));
              const back = a.parse(JSON.parse(text));
              same(back, v);
              same(a.parseJson(text), v);
              expect(a.stringify(back, { pretty })).toBe(text);
            }
            // serialize gives the same data (key order aside: JavaScript objects cannot keep it).
            same(a.serialize(v), JSON.parse(serdeText(a.wire, v)));
          }),
          params,
        );
      },
      timeout,
    );

    it(
      "every input serde reads as v is read and written as v (defaults left out, sequence and map forms, unknown fields)",
      () => {
        fc.assert(
          fc.property(validInput(a.name), ({ value, input }) => {
            same(a.parse(input), value);
            same(a.parseJson(JSON.stringify(input)), value);
            // And is written as v (stringify checks its input as parse does, whichever path writes it).
            for (const pretty of [false, true]) expect(a.stringify(input, { pretty })).toBe(a.stringify(value, { pretty }));
          }),
          params,
        );
      },
      timeout,
    );
  });
}
