/**
 * Hostile data through every reader and writer of the model: for any JavaScript value (JSON-shaped
 * or not), parse<T> returns plain data of the right shape or throws a ValidationError with
 * well-formed issues, never another error; it never modifies its input, never touches the
 * built-in prototypes, and never hands back an object of its input. The text reader does the
 * same for any text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyString, hostileInput, jsonInput, validValue } from "../arbitraries.js";
import { builtinsFingerprint, deepFreeze, fingerprint, notPlainData, objectsOf } from "../inspect.js";
import { APIS, badValidationError, standardResult, type TypeApi } from "../model.js";
import { fcParams, timeoutFor } from "../runs.js";
import { same } from "../same.js";

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function attempt(f: () => unknown): Outcome {
  try {
    return { ok: true, value: f() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** What an outcome shows, to compare two runs: the value, or the issues. */
function summary(o: Outcome): unknown {
  if (o.ok) return { ok: true, value: o.value };
  const issues = (o.error as { issues?: unknown }).issues;
  return { ok: false, issues };
}

/**
 * Checks one hostile input against one type; fails through expect. `stable: false` is for inputs
 * that answer differently each time they are read (two reads may then disagree).
 */
export function checkHostile(a: TypeApi, input: unknown, builtins: string, { stable = true } = {}): void {
  const before = fingerprint(input);
  const parsed = attempt(() => a.parse(input));
  if (parsed.ok) {
    // Plain data, fresh, of the right shape: it reads back as itself.
    const notPlain = notPlainData(parsed.value);
    if (notPlain !== undefined) expect(notPlain).toBeUndefined();
    const inputObjects = objectsOf(input);
    const shared = [...objectsOf(parsed.value)].filter((o) => inputObjects.has(o));
    if (shared.length > 0) expect(shared).toEqual([]);
    same(a.parse(parsed.value), parsed.value);
    // Writing it either works or is refused for a lone surrogate, which Rust cannot read.
    const written = attempt(() => a.stringify(parsed.value));
    if (written.ok) expect(a.stringify(a.parseJson(written.value as string))).toBe(written.value);
    else {
      expect(badValidationError(written.error)).toBeUndefined();
      for (const issue of (written.error as { issues: { code: string }[] }).issues) expect(issue.code).toBe("invalid-string");
    }
  } else {
    const bad = badValidationError(parsed.error);
    if (bad !== undefined) expect(bad).toBeUndefined();
  }
  // safeParse says the same and never throws.
  const safe = a.safeParse(input);
  if (stable) expect(safe.ok).toBe(parsed.ok);
  else if (!safe.ok) expect(badValidationError(safe.error)).toBeUndefined();
  // So does the Standard Schema, synchronously: the same value, or the same issues.
  const validated = attempt(() => a.standard["~standard"].validate(input));
  if (!validated.ok || validated.value instanceof Promise) expect(validated).toEqual({ ok: true, value: "a result, not a promise" });
  else if (stable) same(validated.value, standardResult(safe));
  // The writers refuse what does not fit, with a ValidationError, and write nothing else; what
  // they write is what they write of the checked value (whichever of stringify's paths took it).
  for (const pretty of [false, true]) {
    const written = attempt(() => a.stringify(input, { pretty }));
    if (!written.ok) {
      const bad = badValidationError(written.error);
      if (bad !== undefined) expect(bad).toBeUndefined();
      if (stable && parsed.ok) expect(summary(written)).toEqual(summary(attempt(() => a.stringify(parsed.value, { pretty }))));
    } else if (typeof written.value !== "string") expect(typeof written.value).toBe("string");
    else if (stable) {
      if (!parsed.ok) expect({ written: written.value, parsed: summary(parsed) }).toEqual({ written: "nothing: parse refused the input" });
      else expect(written.value).toBe(a.stringify(parsed.value, { pretty }));
    }
  }
  const serialized = attempt(() => a.serialize(input));
  if (!serialized.ok) {
    const bad = badValidationError(serialized.error);
    if (bad !== undefined) expect(bad).toBeUndefined();
  }
  // Nothing was modified: not the input, not the built-in prototypes.
  const after = fingerprint(input);
  if (after !== before) expect(after).toBe(before);
  const builtinsAfter = builtinsFingerprint();
  if (builtinsAfter !== builtins) expect(builtinsAfter).toBe(builtins);
}

/**
 * `numRuns` cases for the main property (any value through parse), `secondaryRuns` for the
 * others (frozen inputs, any text through parseJson).
 */
export function hostileSuite(numRuns: number, secondaryRuns = numRuns): void {
  const params = fcParams(numRuns);
  const timeout = timeoutFor(numRuns);
  const secondary = fcParams(secondaryRuns);
  const secondaryTimeout = timeoutFor(secondaryRuns);

  describe.each(APIS.map((a) => [a.name, a] as const))("%s", (_name, a) => {
    it(
      "parse returns plain data of the right shape or throws a ValidationError; nothing is modified",
      () => {
        const builtins = builtinsFingerprint();
        fc.assert(
          fc.property(hostileInput(a.name), (input) => checkHostile(a, input, builtins)),
          params,
        );
      },
      timeout,
    );

    it(
      "a frozen input reads exactly as the same input unfrozen",
      () => {
        fc.assert(
          fc.property(fc.oneof(hostileInput(a.name), jsonInput(a.name)), (input) => {
            const plain = summary(attempt(() => a.parse(input)));
            deepFreeze(input);
            expect(summary(attempt(() => a.parse(input)))).toStrictEqual(plain);
          }),
          secondary,
        );
      },
      secondaryTimeout,
    );

    it(
      "parseJson of any text returns a value or throws a ValidationError",
      () => {
        const builtins = builtinsFingerprint();
        const text = fc.oneof(
          fc.string({ unit: "binary", maxLength: 40 }),
          fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
          // A valid text, cut, spliced or with a character replaced.
          fc
            .tuple(validValue(a.name), fc.boolean(), fc.nat(), fc.nat(), anyString)
            .map(([v, pretty, i, j, s]) => {
              const t = a.stringify(v, { pretty });
              const p = i % (t.length + 1);
              const q = j % (t.length + 1);
              return t.slice(0, Math.min(p, q)) + s + t.slice(Math.max(p, q));
            }),
          fc.constantFrom("[".repeat(10_000), "{\"a\":".repeat(10_000), "\"\\ud800\"", "1e999", "-", "{\"__proto__\":{}}"),
        );
        fc.assert(
          fc.property(text, (t) => {
            const out = attempt(() => a.parseJson(t));
            if (out.ok) expect(notPlainData(out.value)).toBeUndefined();
            else expect(badValidationError(out.error)).toBeUndefined();
            expect(a.safeParseJson(t).ok).toBe(out.ok);
            expect(builtinsFingerprint()).toBe(builtins);
          }),
          secondary,
        );
      },
      secondaryTimeout,
    );
  });
}
