/**
 * The generated parsers against ajv on the emitted JSON Schemas: generated inputs (small run; the
 * large one is test/deep/differential.test.ts), every serde vector JSON.parse accepts, and a few
 * hand-picked inputs at the edges of each rule.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isTextLevel, jsonParses, vectors } from "../conformance/vectors.js";
import { APIS, SCHEMA_DIR, api, readSchema, type TypeName } from "../support/model.js";
import { fcRuns } from "../support/runs.js";
import { differentialSuite, disagreement, newAjv, schemaValidator } from "../support/suites/differential.js";
import { minimalPoolSpec } from "../support/pool-specs.js";

describe("the emitted schemas", () => {
  it("are one per type, and each compiles with Ajv2020 in strict mode", () => {
    const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".schema.json")).sort();
    expect(files).toEqual(APIS.map((a) => a.schemaFile).sort());
    for (const a of APIS) expect(() => newAjv().compile(readSchema(a))).not.toThrow();
  });
});

differentialSuite(fcRuns(150));

describe("serde vectors through both", () => {
  const cases = vectors.cases.filter((c) => jsonParses(c.input_text) && !isTextLevel(c));

  it("covers the vectors JSON.parse reads", () => {
    expect(cases.length).toBeGreaterThan(250);
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s: schema, parser and serde agree", (_id, c) => {
    const a = api(c.type as TypeName);
    const input = JSON.parse(c.input_text) as unknown;
    expect(disagreement(a, input)).toBeUndefined();
    expect(schemaValidator(a)(input)).toBe(c.ok);
  });
});

describe("edges of each rule, through both", () => {
  const minimal = { ...minimalPoolSpec(), pool_id: "p", tenant_id: "t" };
  const table: [TypeName, unknown, boolean][] = [
    ["InstanceResources", { vcpus: 255, mem_mib: 4294967295 }, true],
    ["InstanceResources", { vcpus: 256, mem_mib: 1 }, false],
    ["InstanceResources", { vcpus: 1, mem_mib: 4294967296 }, false],
    ["InstanceResources", { vcpus: -1, mem_mib: 1 }, false],
    ["InstanceResources", { vcpus: 1.5, mem_mib: 1 }, false],
    ["InstanceResources", [1, 2], true],
    ["InstanceResources", [1], false],
    ["InstanceResources", [1, 2, 3, 4], false],
    ["RuntimePolicy", { min_running_seconds: 2 ** 53 }, true],
    ["RuntimePolicy", { min_running_seconds: 2 ** 53 + 2 }, false],
    ["RuntimePolicy", [], true],
    ["RuntimePolicy", { min_running_seconds: null }, false],
    ["PoolMetadata", { capability: null }, true],
    ["PoolMetadata", [null], true],
    ["PoolMetadata", [], false],
    ["PoolMetadata", { tags: { a: 1 } }, false],
    ["PoolMetadata", { integration_types: null }, false],
    ["PoolMetadata", JSON.parse('{"tags": {"__proto__": "x"}}'), true],
    ["PoolMetadata", JSON.parse('{"tags": {"__proto__": 1}}'), false],
    ["Role", { worker: null }, true],
    ["Role", { Worker: null }, false],
    ["Role", { worker: null, gateway: null }, false],
    ["Role", { worker: 0 }, false],
    ["Role", {}, false],
    ["Role", JSON.parse('{"__proto__": null}'), false],
    ["Role", "Worker", false],
    ["SeccompPolicy", "anything", true],
    ["SeccompPolicy", 1, false],
    ["Id", "a".repeat(63), true],
    ["Id", "a".repeat(64), false],
    ["Id", "-a", false],
    ["PoolSpec", minimal, true],
    ["PoolSpec", { ...minimal, role: null }, false],
    ["PoolSpec", { ...minimal, role: { builder: null } }, true],
    ["PoolSpec", { ...minimal, template_id: null }, false],
    ["PoolSpec", { ...minimal, extra: { anything: [1] } }, true],
    ["PoolSpec", { ...minimal, secret_scopes: [["slack", ["TOKEN"]]] }, true],
    ["PoolSpec", { ...minimal, secret_scopes: [["slack"]] }, false],
    ["SecretScope", { integration: "x" }, false],
  ];
  it.each(table.map(([type, input, ok], i) => [i, type, JSON.stringify(input), input, ok] as const))(
    "#%i %s %s",
    (_i, type, _text, input, ok) => {
      const a = api(type);
      expect(a.safeParse(input).ok).toBe(ok);
      expect(schemaValidator(a)(input)).toBe(ok);
    },
  );
});
