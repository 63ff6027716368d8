/**
 * The generated cases of the differential harness, for any model: valid values from its IR
 * written by TypeScript (compact and pretty) and in other forms serde reads, their mutations as
 * data and as text, the defaults of its types, and arguments of its path helpers.
 */
import fc from "fast-check";
import type { Model } from "../../../generator/src/model/ir.js";
import { ModelArbitraries, textTweaks, tweakedText } from "../../support/ir-arbitraries.js";
import type { Case, TsPackage } from "./harness.js";

/** Generated cases of a model: valid values through TypeScript's writer, their mutations, defaults, paths. */
export function generatedCases(model: Model, pkg: TsPackage, count: number, seed: number): Case[] {
  const arbs = new ModelArbitraries(model);
  const types = [...arbs.index.types.values()];
  const helpers = [...arbs.index.paths.values()];
  const kinds = [...types.map((t) => ({ type: t.name, weight: 6 })), ...helpers.map((h) => ({ helper: h, weight: 1 }))];
  const oneCase: fc.Arbitrary<Case[]> = fc.oneof(
    ...kinds.map((k) => {
      if ("helper" in k) {
        const helper = k.helper;
        return { weight: k.weight, arbitrary: arbs.pathArgs(helper).map((args): Case[] => [{ k: "path", helper: helper.name, args }]) };
      }
      const type = k.type;
      const t = pkg.type(type);
      const valid = arbs.wire(type).map((wire): Case[] => {
        // Written by TypeScript: the value read from the wire data, then written compact and pretty.
        let value: unknown;
        try {
          value = t.parse(wire);
        } catch (error) {
          // A string rule that no generated string follows (see stringWire): the data goes as it is.
          if ((error as Error).name !== "ValidationError") throw error;
          return [{ k: "read", type, text: JSON.stringify(wire), origin: "wire data a string rule refuses" }];
        }
        return [
          { k: "read", type, text: t.stringify(value), origin: "valid, written by TypeScript" },
          { k: "read", type, text: t.stringify(value, { pretty: true }), origin: "valid, written pretty by TypeScript" },
          { k: "read", type, text: JSON.stringify(wire), origin: "valid wire data in another form" },
        ];
      });
      const mutated = arbs
        .mutated(type)
        .map((data): Case[] => [{ k: "read", type, text: JSON.stringify(data) ?? "", origin: "mutated data" }]);
      const text = fc
        .tuple(fc.oneof(arbs.wire(type), arbs.mutated(type)), textTweaks)
        .map(([data, tweaks]): Case[] => [{ k: "read", type, text: tweakedText(data, tweaks), origin: "mutated text" }]);
      return {
        weight: k.weight,
        arbitrary: fc.oneof({ weight: 1, arbitrary: valid }, { weight: 2, arbitrary: mutated }, { weight: 2, arbitrary: text }),
      };
    }),
  );
  const out: Case[] = [];
  for (let batch = 0; out.length < count; batch++) {
    for (const cases of fc.sample(oneCase, { numRuns: 1000, seed: seed + batch })) {
      for (const c of cases) {
        // A text that is not well-formed Unicode cannot reach serde (a Rust &str is UTF-8).
        if (c.k === "read" && !c.text.isWellFormed()) continue;
        out.push(c);
      }
    }
  }
  for (const t of types) if (pkg.type(t.name).defaultValue !== undefined) out.push({ k: "default", type: t.name });
  return out;
}
