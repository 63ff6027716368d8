/**
 * The Rust side of the differential harness: a small program over a generated crate, written at
 * test time from the model's IR, with a dispatch over every type and path helper of the model.
 * It reads requests as JSON lines on stdin and answers each with one JSON line, so one process
 * serves any number of cases:
 *
 * - `{"op":"read","type":T,"text":S}`: `serde_json::from_str::<T>(S)`; on success the value's
 *   `to_string`, `to_string_pretty` and (enums) `Display`, else serde's error message.
 * - `{"op":"default","type":T}`: `to_string(&T::default())` of a type with a default.
 * - `{"op":"path","helper":H,"args":[...]}`: the plain helper's string and the `try_` helper's
 *   result.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { declHasDefault } from "../../../generator/src/model/facts.js";
import type { Model, TypeDecl } from "../../../generator/src/model/ir.js";
import { SERDE_JSON_VERSION, SERDE_VERSION } from "../../../generator/src/targets/rust/crate.js";
import { ident } from "../../../generator/src/targets/rust/text.js";
import { builtBinary, cargo, writeScratchCrate } from "./cargo.js";

export type DriverRequest =
  | { readonly op: "read"; readonly type: string; readonly text: string }
  | { readonly op: "default"; readonly type: string }
  | { readonly op: "path"; readonly helper: string; readonly args: readonly string[] };

export type ReadAnswer =
  | { readonly ok: true; readonly compact: string; readonly pretty: string; readonly display: string | null }
  | { readonly ok: false; readonly error: string };

export interface DefaultAnswer {
  readonly compact: string;
}

export interface PathAnswer {
  readonly plain: string;
  readonly checked: { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: string };
}

export type DriverAnswer = ReadAnswer | DefaultAnswer | PathAnswer;

/** Whether a declaration has a Rust `Default` of its own (an open enum is a `String`, whose Rust default is not the IDL's). */
function hasDefault(decl: TypeDecl): boolean {
  return decl.kind !== "open-enum" && declHasDefault(decl);
}

/** The driver's `src/main.rs` for a model whose crate is `crateName`. */
export function driverSource(model: Model, crateName: string): string {
  const lib = crateName.replace(/-/g, "_");
  const path = (module: string, name: string): string => `${lib}::${ident(module)}::${ident(name)}`;
  const reads: string[] = [];
  const defaults: string[] = [];
  const paths: string[] = [];
  for (const m of model.modules) {
    for (const t of m.types) {
      // An open enum is a String alias; reading it is reading a String.
      const rustType = t.kind === "open-enum" ? "String" : path(m.name, t.name);
      const display = t.kind === "enum" ? "|v| Some(v.to_string())" : "|_| None";
      reads.push(`        ${JSON.stringify(t.name)} => read::<${rustType}>(text, ${display}),`);
      if (hasDefault(t)) defaults.push(`        ${JSON.stringify(t.name)} => default::<${rustType}>(),`);
    }
    for (const p of m.paths) {
      const args = p.params.map((_, i) => `a[${i}]`).join(", ");
      paths.push(
        `        ${JSON.stringify(p.name)} => path(args, ${p.params.length}, |a| ${path(m.name, p.name)}(${args}), |a| ${path(m.name, `try_${p.name}`)}(${args})),`,
      );
    }
  }
  return `//! The differential harness's driver, generated from the model's IR by test/rust/support/driver.ts.
use std::io::{self, BufRead, Write};

use serde::{de::DeserializeOwned, Serialize};
use serde_json::{json, Value};

fn read<T: DeserializeOwned + Serialize>(text: &str, display: fn(&T) -> Option<String>) -> Value {
    match serde_json::from_str::<T>(text) {
        Ok(v) => json!({
            "ok": true,
            "compact": serde_json::to_string(&v).expect("to_string"),
            "pretty": serde_json::to_string_pretty(&v).expect("to_string_pretty"),
            "display": display(&v),
        }),
        Err(e) => json!({ "ok": false, "error": e.to_string() }),
    }
}

#[allow(dead_code)]
fn default<T: Default + Serialize>() -> Value {
    json!({ "compact": serde_json::to_string(&T::default()).expect("to_string") })
}

#[allow(dead_code)]
fn path<E: std::fmt::Display>(
    args: &[Value],
    arity: usize,
    plain: impl Fn(&[&str]) -> String,
    checked: impl Fn(&[&str]) -> Result<String, E>,
) -> Value {
    let a: Vec<&str> = args.iter().map(|v| v.as_str().expect("string argument")).collect();
    assert_eq!(a.len(), arity, "arguments");
    let checked = match checked(&a) {
        Ok(value) => json!({ "ok": true, "value": value }),
        Err(e) => json!({ "ok": false, "error": e.to_string() }),
    };
    json!({ "plain": plain(&a), "checked": checked })
}

#[allow(unused_variables)]
fn answer(request: &Value) -> Value {
    let op = request["op"].as_str().expect("op");
    let text = request["text"].as_str().unwrap_or("");
    let name = request["type"].as_str().unwrap_or("");
    let args = request["args"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    match (op, name, request["helper"].as_str().unwrap_or("")) {
        ("read", _, _) => match name {
${reads.join("\n")}
            other => panic!("no type {other}"),
        },
        ("default", _, _) => match name {
${defaults.join("\n")}
            other => panic!("no default of {other}"),
        },
        ("path", _, helper) => match helper {
${paths.join("\n")}
            other => panic!("no path helper {other}"),
        },
        (other, _, _) => panic!("no op {other}"),
    }
}

fn main() {
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line.expect("a line of input");
        let request: Value = serde_json::from_str(&line).expect("a JSON request");
        writeln!(out, "{}", answer(&request)).expect("write");
    }
    out.flush().expect("flush");
}
`;
}

/** Writes, builds and returns the driver of a model over the crate in `crateDir`. */
export function buildDriver(model: Model, crateName: string, crateDir: string, label: string): Driver {
  const name = `idlc-driver-${label}`;
  const files = new Map([
    [
      "Cargo.toml",
      [
        "[package]",
        `name = "${name}"`,
        'version = "0.0.0"',
        'edition = "2021"',
        "publish = false",
        "",
        "[dependencies]",
        `${crateName} = { path = ${JSON.stringify(crateDir)} }`,
        `serde = "${SERDE_VERSION}"`,
        `serde_json = "${SERDE_JSON_VERSION}"`,
        "",
      ].join("\n"),
    ],
    ["src/main.rs", driverSource(model, crateName)],
  ]);
  const dir = writeScratchCrate(`drivers/${label}`, files);
  const r = cargo(["build", "--offline", "--quiet"], dir);
  if (r.status !== 0) throw new Error(`the driver of ${label} does not build:\n${r.stderr}`);
  return new Driver(builtBinary(name), dir);
}

export class Driver {
  constructor(
    readonly binary: string,
    readonly dir: string,
  ) {}

  /** Answers every request, in order, from one process. */
  run(requests: readonly DriverRequest[]): DriverAnswer[] {
    if (requests.length === 0) return [];
    const input = `${requests.map((r) => JSON.stringify(r)).join("\n")}\n`;
    const r = spawnSync(this.binary, [], { input, encoding: "utf8", maxBuffer: 1 << 30, timeout: 30 * 60_000 });
    if (r.status !== 0) throw new Error(`the driver failed (${r.status ?? r.signal}):\n${r.stderr.slice(0, 4000)}`);
    const lines = r.stdout.split("\n");
    lines.pop();
    if (lines.length !== requests.length) throw new Error(`the driver answered ${lines.length} of ${requests.length} requests`);
    return lines.map((l) => JSON.parse(l) as DriverAnswer);
  }
}

export const lockfileOf = (driver: Driver): string => join(driver.dir, "Cargo.lock");
