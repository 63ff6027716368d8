/**
 * The Rust target compiles a `kind: string` pattern to an automaton (the generated matcher is a
 * `match` over its states). Here the automaton is compared with ECMAScript's own RegExp (`u`
 * flag, `test`): on random patterns of every regular construct and random strings, and on the
 * project's patterns. What it refuses, it refuses with a reason.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePattern, PatternError, runAutomaton } from "../../generator/src/targets/rust/pattern.js";
import { fcParams, fcRuns } from "../support/runs.js";

const ALPHABET = ["a", "b", "c", "-", "0", "7", " ", "\n", "\t", "\u00e9", "\u{1F600}", ".", "_", "Z", "\u2028", "\u00a0"];

/** Patterns over a small alphabet, so random strings match often. */
const pattern: fc.Arbitrary<string> = fc.letrec<{ alt: string; seq: string; atom: string }>((tie) => ({
  alt: fc.oneof(
    { weight: 3, arbitrary: tie("seq") },
    { weight: 1, arbitrary: fc.tuple(tie("seq"), tie("seq")).map(([a, b]) => `${a}|${b}`) },
  ),
  seq: fc.array(tie("atom"), { minLength: 0, maxLength: 4 }).map((xs) => xs.join("")),
  atom: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        "a",
        "b",
        "c",
        "-",
        "0",
        "\\.",
        "\\d",
        "\\w",
        "\\s",
        "\\D",
        "\\S",
        "\\W",
        ".",
        "\\u00e9",
        "\\u{1F600}",
        "\\uD83D\\uDE00",
        "\\n",
        "\\t",
        "\\x41",
        "\\/",
      ),
    },
    { weight: 2, arbitrary: fc.constantFrom("[a-c]", "[^a]", "[\\d-]", "[^\\s]", "[a\\-z]", "[.]", "[\\b]", "[^]", "[\\w\\s]", "[^\\W0]") },
    { weight: 1, arbitrary: fc.constantFrom("^", "$") },
    {
      weight: 1,
      arbitrary: fc
        .tuple(tie("alt"), fc.constantFrom("", "*", "+", "?", "{2}", "{1,3}", "{0,}", "*?", "{2,}?"))
        .map(([a, q]) => `(?:${a})${q}`),
    },
    { weight: 1, arbitrary: fc.tuple(tie("alt"), fc.constantFrom("", "*", "?")).map(([a, q]) => `(${a})${q}`) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom("a", "[bc]", "\\d"), fc.constantFrom("*", "+", "?", "{0,2}", "{3}")).map(([a, q]) => `${a}${q}`),
    },
  ),
})).alt;

const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 8 }).map((cs) => cs.join(""));

describe("pattern automata", () => {
  it("accept exactly what RegExp.prototype.test accepts", () => {
    let compiled = 0;
    let tooComplex = 0;
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 10 }), (p, inputs) => {
        const re = new RegExp(p, "u");
        let a;
        try {
          a = compilePattern(p);
        } catch (error) {
          // Nested repetitions can need more states than the matcher allows: refused, with a diagnostic.
          expect((error as Error).message).toBe("the pattern is too complex for an automaton");
          tooComplex++;
          return;
        }
        compiled++;
        for (const s of inputs) expect([p, s, runAutomaton(a, s)]).toEqual([p, s, re.test(s)]);
      }),
      fcParams(fcRuns(2000)),
    );
    // Refusals are rare (about one in 2,000 random patterns, all nested repetitions); the bound is
    // 1% so that an unlucky seed does not fail the run, while a matcher that refused often would.
    expect(tooComplex).toBeLessThanOrEqual(compiled / 100);
  });

  it("agree on the patterns of the project and its fixtures", () => {
    const cases: [string, string[]][] = [
      ["^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", ["acme", "t-1", "-a", "a-", "", "A", "a".repeat(63), "a--b", "\u0430cme"]],
      ["^[A-Z]+$", ["AB", "", "ab", "A\n"]],
      ["^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$|^\\s*\\d{1,3}(,\\d{3})*\\s*$", ["a.b", "a..b", " 1,000 ", "1,00", "\u3000 12\u2028"]],
    ];
    for (const [p, inputs] of cases) {
      const a = compilePattern(p);
      for (const s of inputs) expect([p, s, runAutomaton(a, s)]).toEqual([p, s, new RegExp(p, "u").test(s)]);
    }
  });

  it("are minimal: Id's pattern needs three states", () => {
    expect(compilePattern("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$").states).toBe(3);
  });

  it.each([
    ["^(?=a)a$", "a lookahead"],
    ["^(?<!a)b$", "a lookbehind"],
    ["^(a)\\1$", "a back-reference"],
    ["^(?<x>a)\\k<x>$", "a back-reference"],
    ["\\bword\\b", "a word boundary"],
    ["^\\p{L}+$", "a Unicode property escape"],
    ["^a{2000}$", "a repetition above 1000"],
  ])("refuse %s: %s", (p, reason) => {
    expect(() => compilePattern(p)).toThrow(PatternError);
    expect(() => compilePattern(p)).toThrow(reason);
  });
});
