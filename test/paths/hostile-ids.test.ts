/**
 * Path helpers against hostile ids: every id that breaks the upstream id rule (1-63 of [a-z0-9-],
 * no leading or trailing '-') or is not a single path segment is refused with a ValidationError
 * naming the parameter, in every position of every helper; valid ids give exactly the strings the
 * Rust helpers format (pool.rs, UPSTREAM.md, the serde vectors' `paths`). Also the `{ root }`
 * option, valid and hostile.
 */
import * as model from "@mvm/pool-model";
import { ValidationError } from "@mvm/pool-model";
import { describe, expect, it } from "vitest";
import { vectors } from "../conformance/vectors.js";
import { badValidationError } from "../support/model.js";

type Helper = (...args: unknown[]) => string;
const fns = model as unknown as Record<string, Helper>;

/** Every path helper: Rust name, TypeScript function, parameters in order, suffix after the ids. */
const HELPERS: { rust: string; fn: Helper; params: string[]; build: (ids: string[]) => string }[] = [
  ["tenant_dir", ["tenant_id"], ""],
  ["tenant_config_path", ["tenant_id"], "/tenant.json"],
  ["tenant_secrets_path", ["tenant_id"], "/secrets.json"],
  ["tenant_audit_log_path", ["tenant_id"], "/audit.log"],
  ["tenant_ssh_key_path", ["tenant_id"], "/ssh_key"],
  ["tenant_pools_dir", ["tenant_id"], "/pools"],
  ["pool_dir", ["tenant_id", "pool_id"], ""],
  ["pool_config_path", ["tenant_id", "pool_id"], "/pool.json"],
  ["pool_artifacts_dir", ["tenant_id", "pool_id"], "/artifacts"],
  ["pool_instances_dir", ["tenant_id", "pool_id"], "/instances"],
  ["pool_snapshots_dir", ["tenant_id", "pool_id"], "/snapshots"],
  ["pool_config_data_dir", ["tenant_id", "pool_id"], "/config"],
].map(([rust, params, suffix]) => {
  const name = (rust as string).replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  const fn = fns[name];
  if (typeof fn !== "function") throw new Error(`@mvm/pool-model has no ${name}`);
  const ps = params as string[];
  // Formatted as upstream formats it (UPSTREAM.md, pool.rs): {TENANT_BASE}/{tenant}[/pools/{pool}]{suffix}.
  const build = (ids: string[]): string =>
    `/var/lib/mvm/tenants/${ids[0]}${ps.length === 2 ? `/pools/${ids[1]}` : ""}${suffix as string}`;
  return { rust: rust as string, fn, params: ps, build };
});

function revoked(): object {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy;
}

/** Ids that must be refused: [description, value]. */
const HOSTILE: [string, unknown][] = [
  ["dot-dot", ".."],
  ["dot", "."],
  ["dot-dot with more", "../etc"],
  ["a path", "a/b"],
  ["an absolute path", "/etc"],
  ["a trailing slash", "acme/"],
  ["a backslash", "a\\b"],
  ["a Windows parent", "..\\..\\x"],
  ["percent-encoded dot-dot", "%2e%2e"],
  ["percent-encoded slash", "a%2fb"],
  ["NUL", "\0"],
  ["NUL inside", "acme\0"],
  ["empty", ""],
  ["a space", "ac me"],
  ["a trailing newline", "acme\n"],
  ["a leading tab", "\tacme"],
  ["Cyrillic a (look-alike)", "\u0430cme"],
  ["Greek omicron (look-alike)", "p\u03bfol"],
  ["fullwidth letters", "\uff41\uff43\uff4d\uff45"],
  ["fullwidth dots", "\uff0e\uff0e"],
  ["one-dot leader", "\u2024\u2024"],
  ["division slash", "a\u2215b"],
  ["fraction slash", "a\u2044b"],
  ["fullwidth solidus", "a\uff0fb"],
  ["zero-width space", "acme\u200b"],
  ["right-to-left override", "\u202eacme"],
  ["Kelvin sign (folds to k)", "\u212a8s"],
  ["dotted capital I", "\u0130d"],
  ["combining accent", "acme\u0301"],
  ["an emoji", "\u{1F600}"],
  ["a lone surrogate", "\ud800"],
  ["64 characters", "a".repeat(64)],
  ["leading -", "-acme"],
  ["trailing -", "acme-"],
  ["only -", "-"],
  ["upper case", "Acme"],
  ["all upper case", "ACME"],
  ["underscore (allowed in template names, not ids)", "a_b"],
  ["dot inside", "builder.v2"],
  ["tilde", "~"],
  ["shell", "$(reboot)"],
  ["glob", "*"],
  ["a number", 42],
  ["null", null],
  ["undefined", undefined],
  ["an array that stringifies to a valid id", ["acme"]],
  ["an object that stringifies to a valid id", { toString: () => "acme" }],
  ["a boxed string", Object("acme")],
  ["a symbol", Symbol("acme")],
  ["a bigint", 1n],
  ["a revoked proxy", revoked()],
];

/** Ids the rule allows, at its edges. */
const VALID = ["a", "0", "acme", "workers", "t-1", "p-1", "a--b", "0-0", "tenant42", "a".repeat(63), `a${"-".repeat(61)}z`, "9".repeat(63)];

function refusal(f: () => unknown): ValidationError {
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  expect(badValidationError(error)).toBeUndefined();
  return error as ValidationError;
}

describe("hostile ids are refused, naming the parameter", () => {
  const rows = HELPERS.flatMap((h) =>
    h.params.flatMap((param, position) =>
      HOSTILE.map(([what, id]) => [h.rust, param, what, h, position, id] as const),
    ),
  );

  it.each(rows)("%s(%s = %s)", (_rust, param, _what, h, position, id) => {
    const args: unknown[] = h.params.map(() => "acme");
    args[position] = id;
    const error = refusal(() => h.fn(...args));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toBe(`/${param}`);
    expect(error.message).toContain(h.rust);
  });

  it("the table names every id the issue lists", () => {
    const values = new Set(HOSTILE.map(([, v]) => v));
    for (const v of ["..", ".", "a/b", "a\\b", "%2e%2e", "\0", "a".repeat(64), "-acme", "acme-", "Acme"]) expect(values.has(v)).toBe(true);
  });
});

describe("valid ids give exactly the Rust strings", () => {
  it.each(HELPERS.map((h) => [h.rust, h] as const))("%s", (_rust, h) => {
    for (const a of VALID) {
      for (const b of h.params.length === 2 ? VALID : ["-"]) {
        const ids = h.params.length === 2 ? [a, b] : [a];
        expect(h.fn(...ids)).toBe(h.build(ids));
      }
    }
  });

  it("the Rust tests and upstream's table", () => {
    expect(model.poolDir("acme", "workers")).toBe("/var/lib/mvm/tenants/acme/pools/workers");
    expect(model.poolConfigDataDir("acme", "gateways")).toBe("/var/lib/mvm/tenants/acme/pools/gateways/config");
    expect(model.TENANT_BASE).toBe("/var/lib/mvm/tenants");
    expect(model.tenantDir("acme")).toBe("/var/lib/mvm/tenants/acme");
    expect(model.tenantConfigPath("acme")).toBe("/var/lib/mvm/tenants/acme/tenant.json");
    expect(model.tenantSecretsPath("acme")).toBe("/var/lib/mvm/tenants/acme/secrets.json");
    expect(model.tenantAuditLogPath("acme")).toBe("/var/lib/mvm/tenants/acme/audit.log");
    expect(model.tenantSshKeyPath("acme")).toBe("/var/lib/mvm/tenants/acme/ssh_key");
    expect(model.tenantPoolsDir("acme")).toBe("/var/lib/mvm/tenants/acme/pools");
  });

  const validId = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
  const recorded = vectors.paths.map((p) => [`${p.function}(${p.args.join(", ")})`, p] as const);

  it.each(recorded)("%s as recorded from Rust", (_name, p) => {
    const h = HELPERS.find((x) => x.rust === p.function)!;
    expect(h).toBeDefined();
    if (p.args.every((a) => validId.test(a) && a.length <= 63)) {
      expect(h.fn(...p.args)).toBe(p.result);
    } else {
      // Rust formats these (its helpers check nothing); they break the id rule, so they are refused.
      const error = refusal(() => h.fn(...p.args));
      const bad = h.params[p.args.findIndex((a) => !validId.test(a))];
      expect(error.issues[0]!.path).toBe(`/${bad}`);
    }
  });
});

describe("the root option", () => {
  it("replaces the root, absolute or relative", () => {
    expect(model.tenantDir("acme", { root: "/tmp/mvm" })).toBe("/tmp/mvm/acme");
    expect(model.poolConfigPath("acme", "workers", { root: "/srv/copy" })).toBe("/srv/copy/acme/pools/workers/pool.json");
    expect(model.tenantSshKeyPath("acme", { root: "relative/dir" })).toBe("relative/dir/acme/ssh_key");
    expect(model.poolDir("acme", "workers", { root: "." })).toBe("./acme/pools/workers");
    expect(model.tenantDir("acme", { root: undefined })).toBe("/var/lib/mvm/tenants/acme");
    expect(model.tenantDir("acme", {})).toBe("/var/lib/mvm/tenants/acme");
  });

  const hostileRoots: [string, unknown][] = [
    ["empty", ""],
    ["a trailing slash", "/tmp/"],
    ["a trailing slash, relative", "dir/"],
    ["NUL", "/tmp\0/x"],
    ["only NUL", "\0"],
    ["a number", 1],
    ["null", null],
    ["an object", { toString: () => "/tmp" }],
    ["an array", ["/tmp"]],
    ["a boxed string", Object("/tmp")],
    ["a symbol", Symbol("/tmp")],
    ["a revoked proxy", revoked()],
  ];

  it.each(hostileRoots)("a root that is %s is refused at /root", (_what, root) => {
    for (const h of HELPERS) {
      const error = refusal(() => h.fn(...h.params.map(() => "acme"), { root }));
      expect(error.issues).toEqual([expect.objectContaining({ path: "/root", code: "invalid-string" })]);
    }
  });

  it("unreadable options are refused, not rethrown", () => {
    const throwing = Object.defineProperty({}, "root", {
      get: () => {
        throw new Error("trap");
      },
    });
    for (const options of [throwing, revoked()]) {
      expect(refusal(() => model.poolDir("acme", "workers", options as model.PathOptions)).issues[0]!.path).toBe("/root");
    }
  });

  it("a hostile id is refused under any root", () => {
    for (const root of ["/tmp/mvm", "relative", "."]) {
      expect(refusal(() => model.poolDir("acme", "..", { root })).issues[0]!.path).toBe("/pool_id");
      expect(refusal(() => model.tenantDir("a/b", { root })).issues[0]!.path).toBe("/tenant_id");
    }
  });

  // The root "/" is accepted, but every helper puts a '/' after the root, so the path starts
  // with "//", which POSIX leaves implementation-defined. Either refuse "/" or join without the
  // doubled slash (the emitted template in paths.ts and pathRoot in the runtime decide this).
  it("the root '/' gives '/acme', not '//acme'", () => {
    expect(model.tenantDir("acme", { root: "/" })).toBe("/acme");
  });
});
