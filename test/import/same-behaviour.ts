/**
 * Do two generated packages behave the same on the wire? Each type's parser and writers run on
 * the same inputs: seed values and mutations of them (every key removed, set to each of a set of
 * hostile values, an unknown key added, non-objects). They must agree on accept or refuse, and
 * on the compact and pretty JSON of what they accept. Used to compare a package generated from
 * imported IDL with the one generated from the IDL the Rust was written from.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface TypeApi {
  safeParse: (input: unknown) => { ok: boolean; value?: unknown };
  stringify: (value: unknown, options?: { pretty?: boolean }) => string;
}

const HOSTILE: readonly Json[] = [null, 0, -1, 1.5, 2 ** 53 + 2, "", "x", "AB", true, [], {}, [1], { a: 1 }];

/** Seeds and their mutations, without repeats. */
export function mutations(seeds: readonly Json[]): Json[] {
  const out = new Map<string, Json>();
  const add = (v: Json): void => void out.set(JSON.stringify(v), v);
  for (const v of [...seeds, null, 1, "s", true, [], {}]) add(v);
  for (const seed of seeds) {
    if (seed === null || typeof seed !== "object" || Array.isArray(seed)) continue;
    add({ ...seed, unknown_key: 1 });
    for (const key of Object.keys(seed)) {
      const { [key]: _removed, ...rest } = seed;
      add(rest);
      for (const h of HOSTILE) add({ ...seed, [key]: h });
    }
  }
  return [...out.values()];
}

function api(pkg: Record<string, unknown>, type: string): TypeApi {
  const safeParse = pkg[`safeParse${type}`];
  const stringify = pkg[`stringify${type}`];
  if (typeof safeParse !== "function" || typeof stringify !== "function") throw new Error(`no API for ${type}`);
  return { safeParse: safeParse as TypeApi["safeParse"], stringify: stringify as TypeApi["stringify"] };
}

/** What `pkg` does with `input` as type `type`: refused, or its compact and pretty JSON. */
export function behaviour(pkg: Record<string, unknown>, type: string, input: Json): string {
  const a = api(pkg, type);
  const r = a.safeParse(input);
  if (!r.ok) return "refused";
  return `${a.stringify(r.value)}\n${a.stringify(r.value, { pretty: true })}`;
}

/** Every input on which the packages disagree, as readable lines (empty when they agree). */
export function disagreements(
  expected: Record<string, unknown>,
  actual: Record<string, unknown>,
  seeds: Readonly<Record<string, readonly Json[]>>,
  skip: (type: string, input: Json) => boolean = () => false,
): { compared: number; differences: string[] } {
  const differences: string[] = [];
  let compared = 0;
  for (const [type, typeSeeds] of Object.entries(seeds)) {
    for (const input of mutations(typeSeeds)) {
      if (skip(type, input)) continue;
      compared++;
      const want = behaviour(expected, type, input);
      const got = behaviour(actual, type, input);
      if (want !== got) differences.push(`${type} ${JSON.stringify(input)}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    }
  }
  return { compared, differences };
}
