// Reads and writes a PoolSpec whose map has keys Object.prototype has (`toString`, `constructor`,
// ...) on every path of @mvm/pool-model (and values of the reserved-words fixture, whose fields,
// tags and maps have those names, when $WORDS is its bundle), and prints what each gave as JSON, for
// test/behaviour/hardened-prototype.test.ts. Run in a process of its own, because freezing
// Object.prototype cannot be undone:
//   node test/support/hardened-prototype.mjs none|before|after [PATH]
// before: Object.prototype is frozen before the package is imported; after: once the package has
// read a document (so a store may meet the frozen prototype mid-read). With PATH, only that path
// runs, so it is the first to meet the frozen prototype.
const mode = process.argv[2];
const only = process.argv[3];
if (mode === "before") Object.freeze(Object.prototype);
const pkg = await import("@mvm/pool-model");

const tags = '{"toString":"a","constructor":"b","valueOf":"c","hasOwnProperty":"d","tier":"gold"}';
const doc = (t) =>
  `{"pool_id":"p","tenant_id":"t","flake_ref":".","profile":"minimal","instance_resources":{"vcpus":1,"mem_mib":512},` +
  `"desired_counts":{"running":1,"warm":0,"sleeping":0},"metadata":{"tags":${t}}}`;
const compact = doc(tags);
const pretty = JSON.stringify(JSON.parse(compact), null, 2);
// A repeated map key (the last one counts, as serde's BTreeMap) takes the exact scanner.
const repeated = doc('{"toString":"x","constructor":"b","toString":"a","valueOf":"c","hasOwnProperty":"d","tier":"gold"}');

if (mode === "after") {
  pkg.parsePoolSpecJson(doc('{"tier":"gold"}'));
  Object.freeze(Object.prototype);
}

const out = {};
const attempt = (name, f) => {
  if (only !== undefined && name !== only) return;
  try {
    const v = f();
    out[name] = typeof v === "string" ? v : JSON.stringify(v);
  } catch (error) {
    out[name] = `threw ${error?.constructor?.name}: ${error?.message}`;
  }
};
attempt("value", () => pkg.parsePoolSpec(JSON.parse(compact)));
attempt("compact text", () => pkg.parsePoolSpecJson(compact));
attempt("pretty text", () => pkg.parsePoolSpecJson(pretty));
attempt("repeated key", () => pkg.parsePoolSpecJson(repeated));
attempt("safeParse", () => pkg.safeParsePoolSpec(JSON.parse(compact)));
attempt("Standard Schema", () => pkg.PoolSpecSchema["~standard"].validate(JSON.parse(compact)));
attempt("create", () => pkg.createPoolSpec(JSON.parse(compact)));
attempt("stringify", () => pkg.stringifyPoolSpec(pkg.parsePoolSpec(JSON.parse(compact))));
attempt("stringify pretty", () => pkg.stringifyPoolSpec(pkg.parsePoolSpec(JSON.parse(compact)), { pretty: true }));
attempt("stringify unchecked", () => pkg.stringifyPoolSpec(JSON.parse(compact)));
attempt("refused", () => pkg.safeParsePoolSpec({ ...JSON.parse(compact), pool_id: 1 }));
// The reserved-words fixture (bundled by the test into $WORDS): fields, tags and maps by those names.
if (process.env.WORDS !== undefined) {
  const words = await import(process.env.WORDS);
  const inherited = '{"constructor":7,"entries":{"valueOf":1,"toString":2,"a":3}}';
  attempt("words: read fields", () => words.parseInheritedJson('{"hasOwnProperty":"alias"}'));
  attempt("words: read a map", () => words.parseInherited(JSON.parse(inherited)));
  attempt("words: write a map unsorted", () => words.stringifyInherited(words.parseInherited(JSON.parse(inherited))));
  attempt("words: sequence form", () => words.parseInheritedJson('[7,"s","v",{"toString":1}]'));
  attempt("words: tagged", () => words.parseTaggedJson('{"toString":3,"constructor":"Sized"}'));
  const counts = { isPrototypeOf: "Counts", valueOf: { toString: 1, valueOf: 2 } };
  attempt("words: guard", () => [words.isAdjacent(counts), words.isAdjacent({ isPrototypeOf: "Counts" })]);
}
out.frozen = Object.isFrozen(Object.prototype);
process.stdout.write(JSON.stringify(out));
