/**
 * `kind: string` in Rust: a newtype over `String` that holds only values following the type's rule
 * (lengths in characters, a pattern), checked when it is built and when serde reads it
 * (`try_from = "String"`). The pattern becomes a generated matcher: a `match` over the states of
 * the pattern's automaton, with ECMAScript semantics, so no regex crate is needed.
 */
import type { StringDecl } from "../../model/ir.js";
import type { RustContext } from "../../targets/rust/context.js";
import { atom, exprText, layoutAssignment, type Expr } from "../../targets/rust/layout.js";
import { compilePattern, type Automaton } from "../../targets/rust/pattern.js";
import { charLiteral, docLines, docParagraphs, stringLiteral } from "../../targets/rust/text.js";

/** The rule in words, for docs and messages: as the TypeScript package states it (the import takes it out of docs again). */
export function ruleText(decl: Pick<StringDecl, "minLength" | "maxLength" | "pattern" | "patternDoc">): string {
  const parts: string[] = [];
  if (decl.minLength !== undefined) parts.push(`at least ${decl.minLength} character${decl.minLength === 1 ? "" : "s"}`);
  if (decl.maxLength !== undefined) parts.push(`at most ${decl.maxLength} character${decl.maxLength === 1 ? "" : "s"}`);
  if (decl.pattern !== undefined) parts.push(decl.patternDoc ?? `matches \`${decl.pattern}\``);
  return parts.length === 0 ? "any string" : parts.join("; ");
}

export function stringRust(ctx: RustContext, decl: StringDecl): string[][] {
  ctx.uses.serde = true;
  ctx.uses.fmt = true;
  const n = decl.name;
  const automaton = decl.pattern === undefined ? undefined : compilePattern(decl.pattern);
  // A pattern every string matches needs no matcher.
  const matcher = automaton !== undefined && !automaton.universal[0] ? automaton : undefined;
  const head = [
    ...docParagraphs([decl.doc, `Rule: ${ruleText(decl)}.`], 0),
    "#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]",
    '#[serde(try_from = "String", into = "String")]',
    `pub struct ${n}(pub(crate) String);`,
  ];
  const optionalUsize = (v: number | undefined): Expr => atom(v === undefined ? "None" : `Some(${v})`);
  const ruleFields: [string, Expr][] = [
    ["type_name", atom(stringLiteral(n))],
    ["min_length", optionalUsize(decl.minLength)],
    ["max_length", optionalUsize(decl.maxLength)],
    ["pattern", atom(decl.pattern === undefined ? "None" : `Some(${stringLiteral(decl.pattern)})`)],
    ["description", atom(stringLiteral(decl.patternDoc ?? (decl.pattern === undefined ? "" : `matches ${decl.pattern}`)))],
    ["matches", atom(matcher === undefined ? "None" : "Some(Self::matches_pattern)")],
  ];
  const rule =
    layoutAssignment(
      "pub const RULE: crate::StringRule =",
      { expr: { k: "struct", path: "crate::StringRule", fields: ruleFields } },
      4,
      ";",
    ) ??
    [
      "    pub const RULE: crate::StringRule = crate::StringRule {",
      ...ruleFields.map(([f, v]) => `        ${f}: ${exprText(v)},`),
      "    };",
    ].join("\n");
  const impl = [
    `impl ${n} {`,
    ...docLines(`The rule every \`${n}\` follows: ${ruleText(decl)}.`, 4),
    rule,
    "",
    "    /// Checks `value` against the rule, and holds it when it follows it.",
    "    ///",
    "    /// # Errors",
    "    ///",
    "    /// A [`crate::StringError`] saying which part of the rule `value` breaks.",
    "    pub fn new(value: impl Into<String>) -> Result<Self, crate::StringError> {",
    "        let value = value.into();",
    "        Self::RULE.check(&value)?;",
    "        Ok(Self(value))",
    "    }",
    "",
    "    /// Checks `value` against the rule.",
    "    ///",
    "    /// # Errors",
    "    ///",
    "    /// A [`crate::StringError`] saying which part of the rule `value` breaks.",
    "    pub fn check(value: &str) -> Result<(), crate::StringError> {",
    "        Self::RULE.check(value)",
    "    }",
    "",
    "    /// The string.",
    "    pub fn as_str(&self) -> &str {",
    "        &self.0",
    "    }",
    "",
    "    /// The string, owned.",
    "    pub fn into_string(self) -> String {",
    "        self.0",
    "    }",
    ...(matcher === undefined ? [] : ["", ...matcherFn(matcher)]),
    "}",
  ];
  const traits = [
    [
      `impl TryFrom<String> for ${n} {`,
      "    type Error = crate::StringError;",
      "",
      "    fn try_from(value: String) -> Result<Self, Self::Error> {",
      "        Self::new(value)",
      "    }",
      "}",
    ],
    [`impl From<${n}> for String {`, `    fn from(value: ${n}) -> Self {`, "        value.0", "    }", "}"],
    [`impl AsRef<str> for ${n} {`, "    fn as_ref(&self) -> &str {", "        &self.0", "    }", "}"],
    [
      `impl fmt::Display for ${n} {`,
      "    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {",
      "        f.write_str(&self.0)",
      "    }",
      "}",
    ],
  ];
  return [head, impl, ...traits];
}

/** Rust char patterns of a code point range, without the surrogates a `char` cannot hold. */
function charPatterns(lo: number, hi: number): string[] {
  const parts: [number, number][] = [];
  if (lo < 0xd800) parts.push([lo, Math.min(hi, 0xd7ff)]);
  if (hi > 0xdfff) parts.push([Math.max(lo, 0xe000), hi]);
  return parts.map(([a, b]) => (a === b ? charLiteral(a) : `${charLiteral(a)}..=${charLiteral(b)}`));
}

/**
 * The matcher: one arm per state and range of characters, then the states that accept at the
 * end. States are numbered with the accepting ones last (or first, when the start accepts), so
 * that acceptance is one comparison.
 */
function matcherFn(a: Automaton): string[] {
  const doc = [
    "    /// Whether `value` matches the pattern of [`Self::RULE`], as ECMAScript's `RegExp.prototype.test`",
    "    /// does: a `match` over the states of an automaton generated from the pattern.",
  ];
  if (a.states === 0) return [...doc, "    fn matches_pattern(_value: &str) -> bool {", "        false", "    }"];
  // Renumber: the start first; accepting states grouped at one end.
  const startAccepts = a.accepting[0]!;
  const order = [
    0,
    ...Array.from({ length: a.states - 1 }, (_, i) => i + 1).sort((x, y) => {
      const rank = (s: number): number => (a.accepting[s] === startAccepts ? 0 : 1);
      return rank(x) - rank(y) || x - y;
    }),
  ];
  const number = new Map(order.map((s, i) => [s, i]));
  const acceptingCount = a.accepting.filter(Boolean).length;
  const arms: string[] = [];
  for (const s of order) {
    if (a.universal[s]) continue;
    for (const [lo, hi, to] of a.transitions[s]!) {
      const body = a.universal[to] ? "return true" : String(number.get(to));
      for (const p of charPatterns(lo, hi)) arms.push(`                (${number.get(s)}, ${p}) => ${body},`);
    }
  }
  const accepts =
    acceptingCount === a.states ? "true" : startAccepts ? `state < ${acceptingCount}` : `state >= ${a.states - acceptingCount}`;
  return [
    ...doc,
    "    fn matches_pattern(value: &str) -> bool {",
    "        let mut state = 0;",
    "        for c in value.chars() {",
    "            state = match (state, c) {",
    ...arms,
    "                _ => return false,",
    "            };",
    "        }",
    `        ${accepts}`,
    "    }",
  ];
}
