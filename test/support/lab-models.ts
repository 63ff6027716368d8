/**
 * The serde lab's Rust models (/work/scratch/serde-lab/models/src/*.rs, recorded in
 * test/conformance/serde-lab-vectors.json) written as IR, declaration by declaration, so the
 * emitters can be judged against real serde before the loader reads the new IDL. Wire names are
 * given as serde derives them (`rename_all` applied). Each vector's Rust type maps to an IR type
 * expression through `labType`.
 */
import { readFileSync } from "node:fs";
import type { TypeDecl, TypeRef } from "../../generator/src/model/ir.js";
import { enumDecl, field, model, newtype, struct, tupleStruct, ty, unitStruct, variant } from "./ir.js";

const f = field;
const v = variant;

const event = enumDecl(
  "Event",
  [
    v("Started", undefined, { wire: "started" }),
    v("Stopped", { newtype: "i32" }, { wire: "stopped" }),
    v("Resized", { tuple: ["u32", "u32"] }, { wire: "resized" }),
    v(
      "Migrated",
      { fields: [f("from_host", "string", { wire: "fromHost" }), f("to_host", "string", { wire: "toHost" }), f("live", "bool", { default: { type: true } })], renameAll: "camelCase" },
      { wire: "migrated" },
    ),
    v("SnapshotTaken", { fields: [f("id", "string")] }, { wire: "snap", aliases: ["snapshot_taken"] }),
    v("Heartbeat", undefined, { wire: "heartbeat", aliases: ["ping"] }),
  ],
  { renameAll: "snake_case" },
);

const action = enumDecl(
  "Action",
  [
    v("Sleep", undefined, { wire: "sleep" }),
    v("Wake", undefined, { wire: "wake" }),
    v("Reboot", { fields: [f("force", "bool")] }, { wire: "reboot" }),
    v("Unknown", undefined, { wire: "unknown", other: true }),
  ],
  { renameAll: "lowercase" },
);

const priority = enumDecl(
  "Priority",
  [v("Background", undefined, { wire: "BACKGROUND" }), v("Normal", undefined, { wire: "NORMAL" }), v("RealTime", undefined, { wire: "REAL_TIME" })],
  { renameAll: "SCREAMING_SNAKE_CASE", defaultVariant: "Normal" },
);

const color = enumDecl("Color", [v("Red"), v("Green"), v("Blue")]);

const bootArgs = struct("BootArgs", [f("kernel", "string"), f("cmdline", "string", { default: { type: true } })]);

const command = enumDecl(
  "Command",
  [
    v("Ping", undefined, { wire: "ping" }),
    v("Boot", { newtype: "BootArgs" }, { wire: "boot" }),
    v("Label", { newtype: "map<string, string>" }, { wire: "label" }),
    v("Noop", { newtype: "Marker" }, { wire: "noop" }),
    v("Scale", { fields: [f("running", "u32"), f("warm", "u32")] }, { wire: "scale" }),
    v("Execute", { fields: [f("argv", "list<string>"), f("env", "map<string, string>", { default: { type: true } })] }, { wire: "exec", aliases: ["run"] }),
  ],
  { repr: { kind: "internal", tag: "type" }, renameAll: "snake_case" },
);

const strictCommand = enumDecl("StrictCommand", [v("Start", { fields: [f("id", "string")] }), v("Stop"), v("Boot", { newtype: "BootArgs" })], {
  repr: { kind: "internal", tag: "op" },
  unknownFields: "deny",
});

const notice = enumDecl(
  "Notice",
  [v("Maintenance", { fields: [f("starts_at", "string")] }), v("Info", { fields: [f("text", "string")] }), v("Unknown", undefined, { other: true })],
  { repr: { kind: "internal", tag: "kind" } },
);

/** serde_derive accepts it; the IDL refuses its non-map newtypes (internal-tag-newtype). */
const payload = enumDecl(
  "Payload",
  [
    v("Text", { newtype: "string" }),
    v("Count", { newtype: "u32" }),
    v("Flag", { newtype: "bool" }),
    v("Maybe", { newtype: "optional<u32>" }),
    v("List", { newtype: "list<u32>" }),
    v("Paint", { newtype: "Color" }),
    v("Nothing", { newtype: "unit" }),
  ],
  { repr: { kind: "internal", tag: "type" } },
);

const adjacent = { kind: "adjacent", tag: "t", content: "c" } as const;

const message = enumDecl(
  "Message",
  [
    v("Ping"),
    v("Text", { newtype: "string" }),
    v("Move", { tuple: ["i32", "i32"] }),
    v("Resize", { fields: [f("w", "u32"), f("h", "u32")] }),
    v("Maybe", { newtype: "optional<u32>" }),
    v("Goodbye", undefined, { wire: "bye", aliases: ["quit"] }),
  ],
  { repr: adjacent },
);

const strictMessage = enumDecl("StrictMessage", [v("Ping"), v("Text", { newtype: "string" }), v("Resize", { fields: [f("w", "u32"), f("h", "u32")] })], {
  repr: adjacent,
  unknownFields: "deny",
});

const signal = enumDecl("Signal", [v("Term"), v("Kill", { newtype: "i32" }), v("Other", undefined, { other: true })], { repr: adjacent });

const untagged = { kind: "untagged" } as const;

const setting = enumDecl(
  "Setting",
  [
    v("Unset"),
    v("Flag", { newtype: "bool" }),
    v("Count", { newtype: "u64" }),
    v("Offset", { newtype: "i64" }),
    v("Ratio", { newtype: "f64" }),
    v("Text", { newtype: "string" }),
    v("Pair", { tuple: ["string", "u32"] }),
    v("List", { newtype: "list<Setting>" }),
    v("Named", { fields: [f("name", "string"), f("value", "u32")] }),
  ],
  { repr: untagged },
);

const limit = enumDecl(
  "Limit",
  [v("Range", { fields: [f("min", "u32"), f("max", "u32")] }), v("AtLeast", { fields: [f("min", "u32")] }), v("AtMost", { fields: [f("max", "u32")] })],
  { repr: untagged },
);

const envelope = enumDecl("Envelope", [v("Command", { newtype: "Command" }), v("Message", { newtype: "Message" })], { repr: untagged });

const mount = enumDecl(
  "Mount",
  [
    v("Bind", { fields: [f("source", "string"), f("target", "string")] }, { wire: "bind" }),
    v("Tmpfs", { newtype: "u32" }, { wire: "tmpfs" }),
    v("None", undefined, { wire: "none" }),
  ],
  { renameAll: "lowercase", unknownFields: "deny" },
);

const task = struct("Task", [f("name", "string"), f("priority", "Priority", { default: { type: true } })]);

// structs.rs
const millis = newtype("Millis", "u64", { hasDefault: true });
const weighted = tupleStruct("Weighted", ["string", "u32"]);
const marker = unitStruct("Marker", { hasDefault: true });
const tenantId = struct("TenantId", [f("value", "string")], { transparent: true });
const host = struct("Host", [
  f("name", "string", { aliases: ["hostname"] }),
  f("addr", "string", { wire: "ip", aliases: ["address", "addr"] }),
  f("port", "u16", { default: 22 }),
]);
const imageRef = struct("ImageRef", [f("flake_ref", "string", { wire: "flakeRef" }), f("lock_hash", "string", { wire: "lockHash" }), f("built_at", "string", { wire: "built" })], {
  renameAll: "camelCase",
});
const strictPoint = struct("StrictPoint", [f("x", "i32"), f("y", "i32", { aliases: ["y_coord"] })], { unknownFields: "deny" });
/** `#[serde(tag = "kind")]` on a struct: the IR has no such thing; on read the tag is an unknown field. */
const probe = struct("Probe", [f("target", "string")]);
const ownership = struct("Ownership", [f("owner", "string", { aliases: ["user"] }), f("team", "string", { default: { type: true } })], { hasDefault: true });
const resource = struct("Resource", [f("id", "string"), f("ownership", "Ownership", { flatten: true }), f("size_mib", "u32")]);
const maybeOwned = struct("MaybeOwned", [f("id", "string"), f("ownership", "optional<Ownership>", { flatten: true })]);
const openRecord = struct("OpenRecord", [f("id", "string"), f("version", "u32", { default: { type: true } }), f("extra", "map<string, json>", { flatten: true })]);
const layered = struct("Layered", [f("id", "string"), f("ownership", "Ownership", { flatten: true }), f("rest", "map<string, string>", { flatten: true })]);
const greedyFirst = struct("GreedyFirst", [f("rest", "map<string, string>", { flatten: true }), f("ownership", "Ownership", { flatten: true }), f("id", "string")]);
const job = struct("Job", [f("id", "string"), f("command", "Command", { flatten: true })]);
const occurrence = struct("Occurrence", [f("at", "string"), f("event", "Event", { flatten: true })]);
const strictResource = struct("StrictResource", [f("id", "string"), f("ownership", "Ownership", { flatten: true })], { unknownFields: "deny" });
const strictOpen = struct("StrictOpen", [f("id", "string"), f("extra", "map<string, string>", { flatten: true })], { unknownFields: "deny" });
const session = struct(
  "Session",
  [
    f("id", "string"),
    f("cache", "list<u8>", { skip: "both" }),
    f("secret", "string", { skip: "serializing" }),
    f("computed", "u32", { skip: "deserializing" }),
  ],
  { hasDefault: true },
);
const sparse = struct("Sparse", [
  f("note", "optional<string>", { omit: "if-none" }),
  f("items", "list<u32>", { default: { type: true }, omit: "if-empty" }),
  f("label", "string", { default: { type: true }, omit: "if-empty" }),
  f("tags", "map<string, string>", { default: { type: true }, omit: "if-empty" }),
  f("port", "u16", { default: 8080, omit: "if-default" }),
  f("required_list", "list<u32>", { omit: "if-empty" }),
]);
const limits = struct("Limits", [f("cpu", "u32"), f("mem_mib", "u32"), f("burst", "u32", { default: 99 }), f("label", "string")], {
  hasDefault: true,
  defaultValue: { cpu: 1, mem_mib: 512, burst: 7, label: "std" },
  missingFromDefault: true,
});
const quota = struct("Quota", [f("cpu", "u32"), f("mem_mib", "u32")], { hasDefault: true, defaultValue: { cpu: 4, mem_mib: 4096 } });
const tenant = struct("Tenant", [f("id", "TenantId"), f("quota", "Quota", { default: { type: true } }), f("heartbeat", "Millis", { default: { type: true } })]);
const retry = struct("Retry", [f("attempts", "u32"), f("backoff_ms", "u64")], {
  hasDefault: true,
  defaultValue: { attempts: 3, backoff_ms: 1000 },
  missingFromDefault: true,
});

// containers.rs
const geometry = struct("Geometry", [f("origin", "tuple<i32, i32>"), f("rgb", "array<u8, 3>")]);
const membership = struct("Membership", [f("groups", "set<string>"), f("ids", "hash_set<u32>", { default: { type: true } })]);
const portMap = struct("PortMap", [f("ports", "map<u16, string>"), f("offsets", "map<i64, u32>", { default: { type: true } })]);
const palette = struct("Palette", [f("weights", "map<Color, u32>")]);
const keymap = struct("Keymap", [f("keys", "map<char, string>")]);
const environment = struct("Environment", [f("vars", "hash_map<string, string>")]);
const node = struct("Node", [f("name", "string"), f("next", "optional<box<Node>>", { default: { type: true } }), f("children", "list<Node>", { default: { type: true } })]);
const patch = struct("Patch", [
  f("plain", "optional<optional<u32>>"),
  f("defaulted", "optional<optional<u32>>", { default: { type: true } }),
  f("omitted", "optional<optional<u32>>", { default: { type: true }, omit: "if-none" }),
]);

// scalars.rs, raw.rs
const counters = struct(
  "Counters",
  [f("nice", "i8"), f("temp_delta", "i16"), f("exit_code", "i32"), f("clock_offset_ns", "i64"), f("port", "u16"), f("open_fds", "usize"), f("credit_balance", "isize")],
  { hasDefault: true },
);
const gauge = struct("Gauge", [f("load", "f32"), f("uptime_s", "f64")], { hasDefault: true });
const keyBinding = struct("KeyBinding", [f("key", "char"), f("ctrl", "bool"), f("reserved", "unit"), f("description", "string")], { hasDefault: true });
const webhook = struct("Webhook", [f("id", "string"), f("body", "json"), f("headers", "map<string, json>", { default: { type: true } })]);

/** Rust types of the probes (probes.rs: `Direct<T>` and the four buffered readings of `{ "v": T }`), with their IR. */
const PROBED: Readonly<Record<string, string>> = {
  u8: "u8",
  i64: "i64",
  u64: "u64",
  f32: "f32",
  f64: "f64",
  String: "string",
  char: "char",
  bool: "bool",
  "Option<u8>": "optional<u8>",
  "Option<Option<u8>>": "optional<optional<u8>>",
  "()": "unit",
  Marker: "Marker",
  Millis: "Millis",
  "BTreeMap<u32, String>": "map<u32, string>",
  "BTreeMap<String, u32>": "map<string, u32>",
  "Vec<u8>": "list<u8>",
  "(u8, u8)": "tuple<u8, u8>",
  Color: "Color",
  Event: "Event",
  Value: "json",
  Ownership: "Ownership",
};

function probeDecls(): TypeDecl[] {
  const out: TypeDecl[] = [];
  Object.values(PROBED).forEach((idl, i) => {
    const vf = [f("v", idl)];
    out.push(struct(`Direct${i}`, vf));
    out.push(enumDecl(`InTagged${i}`, [v("V", { fields: vf })], { repr: { kind: "internal", tag: "type" } }));
    out.push(enumDecl(`InUntagged${i}`, [v("V", { fields: vf })], { repr: untagged }));
    out.push(struct(`InFlatten${i}`, [f("inner", `Direct${i}`, { flatten: true })]));
    out.push(enumDecl(`InAdjacent${i}`, [v("V", { fields: vf })], { repr: adjacent }));
  });
  return out;
}

/** Every lab declaration, in one model. */
export const LAB_MODEL = model(
  ...[event, action, priority, color, bootArgs, command, strictCommand, notice, payload, message, strictMessage, signal, setting, limit, envelope, mount, task],
  ...[millis, weighted, marker, tenantId, host, imageRef, strictPoint, probe, ownership, resource, maybeOwned, openRecord, layered, greedyFirst],
  ...[job, occurrence, strictResource, strictOpen, session, sparse, limits, quota, tenant, retry],
  ...[geometry, membership, portMap, palette, keymap, environment, node, patch, counters, gauge, keyBinding, webhook],
  ...probeDecls(),
);

/** Rust type expressions of the vectors, as IDL type text. */
const EXPRESSIONS: Readonly<Record<string, string>> = {
  String: "string",
  "()": "unit",
  "Option<u8>": "optional<u8>",
  "Option<()>": "optional<unit>",
  "(u8, String)": "tuple<u8, string>",
  "(i32, i32)": "tuple<i32, i32>",
  "(u8,)": "tuple<u8>",
  "[u8; 3]": "array<u8, 3>",
  "[u8; 0]": "array<u8, 0>",
  "Vec<u8>": "list<u8>",
  "Vec<Option<u32>>": "list<optional<u32>>",
  "BTreeSet<String>": "set<string>",
  "HashSet<u32>": "hash_set<u32>",
  "BTreeMap<String, u32>": "map<string, u32>",
  "HashMap<String, u32>": "hash_map<string, u32>",
  "HashMap<u32, String>": "hash_map<u32, string>",
  "BTreeMap<u16, String>": "map<u16, string>",
  "BTreeMap<i64, u32>": "map<i64, u32>",
  "BTreeMap<u64, u32>": "map<u64, u32>",
  "BTreeMap<i8, u32>": "map<i8, u32>",
  "BTreeMap<bool, u32>": "map<bool, u32>",
  "Box<u32>": "box<u32>",
  "Option<Option<u32>>": "optional<optional<u32>>",
  Value: "json",
  "Map<String, Value>": "map<string, json>",
  "Vec<Value>": "list<json>",
  "Vec<Command>": "list<Command>",
  "Vec<Setting>": "list<Setting>",
};

/**
 * The IR type a vector's Rust type is read as, or undefined for types the IR has no counterpart
 * of (i128/u128, borrowed strings, `Health`'s skipped variants).
 */
export function labType(rust: string): TypeRef | undefined {
  const probe = /^(Direct|InTagged|InUntagged|InFlatten|InAdjacent)<(.*)>$/.exec(rust);
  if (probe) {
    const i = Object.keys(PROBED).indexOf(probe[2]!);
    return i < 0 ? undefined : ty(`${probe[1]}${i}`);
  }
  if (rust in EXPRESSIONS) return ty(EXPRESSIONS[rust]!);
  if (/^[iu](8|16|32|64|size)$|^f(32|64)$|^char$|^bool$/.test(rust)) return ty(rust);
  return LAB_MODEL.modules[0]!.types.some((t) => t.name === rust) ? ty(rust) : undefined;
}

/** A recorded vector of the lab: serde's verdict on reading `input_text` as `type`. */
export interface LabCase {
  readonly id: string;
  readonly type: string;
  readonly input_text: string;
  readonly ok: boolean;
}

/** The lab's vectors, test/conformance/serde-lab-vectors.json. */
export const LAB_VECTORS = JSON.parse(readFileSync(new URL("../conformance/serde-lab-vectors.json", import.meta.url), "utf8")) as {
  readonly cases: readonly LabCase[];
};
