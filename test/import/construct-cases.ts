/**
 * The table of Rust constructs and the IDL `idlc import rust` writes for them: one case per
 * construct, each a file `model.rs` (module `model`), with the expected `types:`, `roots:`,
 * `paths:` and `imports:` as YAML and the diagnostic codes it reports. Run by constructs.test.ts;
 * the end-to-end round trips take their Rust from here as the loader learns each construct.
 */

export interface Case {
  readonly name: string;
  readonly rust: string;
  /** The module's expected `types:`, `roots:` and `paths:` (and `imports:`), as YAML. */
  readonly idl: string;
  readonly codes?: readonly string[];
}

const USE = "use serde::{Deserialize, Serialize};\n";

export const CASES: readonly Case[] = [
  {
    name: "unit enum: rename_all, #[default], Display literals (only those that differ from the wire name)",
    rust: `${USE}use std::fmt;
/// How fast.
#[derive(Serialize, Deserialize, Default)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Speed {
    /// Slowest.
    Slow,
    #[default]
    MediumFast,
    #[serde(rename = "max")]
    Max,
}
impl fmt::Display for Speed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Speed::Slow => write!(f, "SLOW"),
            Self::MediumFast => f.write_str("medium fast"),
            Self::Max => write!(f, "{}", "top {{speed}}"),
        }
    }
}`,
    idl: `
types:
  Speed:
    kind: enum
    doc: How fast.
    rename_all: SCREAMING_SNAKE_CASE
    default: MediumFast
    variants:
      Slow:
        doc: Slowest.
      MediumFast:
        display: medium fast
      Max:
        wire: max
        display: "top {{speed}}"
`,
  },
  {
    name: "Display through a variable, and a wildcard arm; impl Default of an enum",
    rust: `${USE}use std::fmt;
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode { Fast, Safe, Off }
impl Default for Mode { fn default() -> Self { Mode::Safe } }
impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let s = match self {
            Mode::Fast => "quick",
            _ => "other",
        };
        write!(f, "{s}")
    }
}`,
    idl: `
types:
  Mode:
    kind: enum
    rename_all: lowercase
    default: Safe
    variants:
      Fast:
        display: quick
      Safe:
        display: other
      Off:
        display: other
`,
  },
  {
    name: "struct: rename_all, deny_unknown_fields, rename, alias, skip, flatten, r#type",
    rust: `${USE}use std::collections::BTreeMap;
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Instance {
    pub instance_id: String,
    #[serde(rename = "kind", alias = "type", alias = "sort")]
    pub r#type: String,
    #[serde(skip)]
    pub cache: u32,
    #[serde(skip_serializing)]
    pub token: String,
    #[serde(skip_deserializing, default)]
    pub derived: u32,
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}`,
    idl: `
types:
  Instance:
    kind: struct
    rename_all: camelCase
    unknown_fields: deny
    fields:
      instance_id: string
      type:
        type: string
        wire: kind
        aliases: [type, sort]
      cache:
        type: u32
        skip: true
      token:
        type: string
        skip: serializing
      derived:
        type: u32
        skip: deserializing
        type_default: true
      extra:
        type: map<string, json>
        flatten: true
`,
    // deny_unknown_fields with a flattened map compiles, but serde then refuses every key the map would hold: the loader's invalid-flatten.
    codes: ["idl-refused"],
  },
  {
    name: "enums with data: internally tagged, variant rename_all, other",
    rust: `${USE}
#[derive(Serialize, Deserialize)]
pub struct CanaryPlan { pub percent: u8 }
#[derive(Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Strategy {
    Rolling,
    Canary(CanaryPlan),
    #[serde(rename_all = "camelCase")]
    Manual { approver: String, not_before: Option<String> },
    #[serde(other)]
    Unknown,
}`,
    idl: `
types:
  CanaryPlan:
    kind: struct
    fields:
      percent: u8
  Strategy:
    kind: enum
    tag: type
    rename_all: snake_case
    variants:
      Rolling:
      Canary:
        type: CanaryPlan
      Manual:
        rename_all: camelCase
        fields:
          approver: string
          not_before: optional<string>
      Unknown:
        other: true
`,
  },
  {
    name: "enums with data: adjacently tagged (tuple variant), untagged, alias",
    rust: `${USE}
#[derive(Serialize, Deserialize)]
#[serde(tag = "t", content = "c")]
pub enum Msg {
    Ping,
    Pinned(String, u32),
    #[serde(alias = "Old")]
    Text(String),
}
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub enum Either { Num(i64), Words(Vec<String>) }`,
    idl: `
types:
  Msg:
    kind: enum
    tag: t
    content: c
    variants:
      Ping:
      Pinned:
        tuple: [string, u32]
      Text:
        aliases: [Old]
        type: string
  Either:
    kind: enum
    untagged: true
    variants:
      Num:
        type: i64
      Words:
        type: list<string>
`,
  },
  {
    name: "newtype, tuple, unit and empty structs; transparent",
    rust: `${USE}
#[derive(Serialize, Deserialize, Default)]
pub struct Meters(pub u64);
#[derive(Serialize, Deserialize)]
pub struct Pair(pub String, pub u32);
#[derive(Serialize, Deserialize)]
pub struct Marker;
#[derive(Serialize, Deserialize)]
pub struct Empty {}
#[derive(Serialize, Deserialize)]
#[serde(transparent)]
pub struct Wrapper { pub inner: Vec<u8> }`,
    idl: `
types:
  Meters:
    kind: newtype
    type: u64
    has_default: true
  Pair:
    kind: tuple-struct
    items: [string, u32]
  Marker:
    kind: unit-struct
  Empty:
    kind: struct
    fields: {}
  Wrapper:
    kind: struct
    transparent: true
    fields:
      inner: list<u8>
`,
  },
  {
    name: "every scalar and container of the type table",
    rust: `${USE}use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
#[derive(Serialize, Deserialize)]
pub struct All {
    pub a: char, pub b: (), pub c: i8, pub d: i16, pub e: u16, pub f: usize, pub g: isize, pub h: f32, pub i: f64,
    pub j: Option<Option<u8>>, pub k: HashMap<String, u32>, pub l: BTreeSet<u16>, pub m: HashSet<String>,
    pub n: (String, u8, bool), pub o: [u8; 4], pub p: Box<String>, pub q: serde_json::Value,
    pub r: serde_json::Map<String, serde_json::Value>, pub s: BTreeMap<u32, Vec<i64>>, pub t: VecDeque<bool>,
    pub u: std::collections::BTreeMap<String, String>,
}`,
    idl: `
types:
  All:
    kind: struct
    fields:
      a: char
      b: unit
      c: i8
      d: i16
      e: u16
      f: usize
      g: isize
      h: f32
      i: f64
      j: optional<u8>
      k: hash_map<string, u32>
      l: set<u16>
      m: hash_set<string>
      n: tuple<string, u8, bool>
      o: array<u8, 4>
      p: box<string>
      q: json
      r: map<string, json>
      s: map<u32, list<i64>>
      t: list<bool>
      u: map<string, string>
`,
    // j: Option<Option<u8>> without skip_serializing_if reads and writes as Option<u8>.
    codes: ["collapsed-optional"],
  },
  {
    name: "literal defaults from default functions: numbers, strings, lists, options, enums, structs, constants",
    rust: `${USE}
const BASE_PORT: u16 = 8_000;
#[derive(Serialize, Deserialize, Default, PartialEq)]
#[serde(rename_all = "kebab-case")]
pub enum Tier { #[default] Free, ProPlus }
#[derive(Serialize, Deserialize, Default)]
pub struct Limits { pub max: u32, #[serde(default = "one")] pub min: u32 }
fn one() -> u32 { 1 }
fn default_port() -> u16 { BASE_PORT + 80 }
fn default_day() -> u64 { 24 * 60 * 60 }
fn default_name() -> String { String::from("main") }
fn default_owner() -> String { "root".into() }
fn default_tags() -> Vec<String> { vec!["a".to_string(), "b".to_owned()] }
fn default_retry() -> Option<u32> { Some(3) }
fn default_none() -> Option<u32> { None }
fn default_tier() -> Tier { Tier::ProPlus }
fn default_limits() -> Limits { Limits { max: 10, ..Default::default() } }
fn default_ratio() -> f64 { -0.5 }
fn default_flag() -> bool { return true; }
#[derive(Serialize, Deserialize)]
pub struct Service {
    #[serde(default = "default_port")] pub port: u16,
    #[serde(default = "default_day")] pub ttl: u64,
    #[serde(default = "default_name")] pub name: String,
    #[serde(default = "default_owner")] pub owner: String,
    #[serde(default = "default_tags")] pub tags: Vec<String>,
    #[serde(default = "default_retry")] pub retry: Option<u32>,
    #[serde(default = "default_none")] pub none: Option<u32>,
    #[serde(default = "default_tier")] pub tier: Tier,
    #[serde(default = "default_limits")] pub limits: Limits,
    #[serde(default = "default_ratio")] pub ratio: f64,
    #[serde(default = "default_flag")] pub flag: bool,
    #[serde(default = "Default::default")] pub plain: u8,
}`,
    idl: `
types:
  Tier:
    kind: enum
    rename_all: kebab-case
    default: Free
    variants:
      Free:
      ProPlus:
  Limits:
    kind: struct
    default:
      min: 0
    fields:
      max: u32
      min:
        type: u32
        default: 1
  Service:
    kind: struct
    fields:
      port:
        type: u16
        default: 8080
      ttl:
        type: u64
        default: 86400
      name:
        type: string
        default: main
      owner:
        type: string
        default: root
      tags:
        type: list<string>
        default: [a, b]
      retry:
        type: optional<u32>
        default: 3
      none:
        type: optional<u32>
        type_default: true
      tier:
        type: Tier
        default: pro-plus
      limits:
        type: Limits
        default:
          max: 10
          min: 0
      ratio:
        type: f64
        default: -0.5
      flag:
        type: bool
        default: true
      plain:
        type: u8
        type_default: true
`,
  },
  {
    name: "a struct's own Default kept apart from its fields' missing-value defaults; container default",
    rust: `${USE}
fn default_retries() -> u32 { 3 }
/// Default gives 5 retries, but a missing field reads as 0.
#[derive(Serialize, Deserialize)]
#[serde(default)]
pub struct Backoff {
    #[serde(default)]
    pub retries: u32,
    pub factor: f64,
}
impl Default for Backoff {
    fn default() -> Self { Self { retries: 5, factor: 2.0 } }
}
/// Default equals what each missing field reads as.
#[derive(Serialize, Deserialize)]
pub struct Same {
    #[serde(default = "default_retries")]
    pub retries: u32,
}
impl Default for Same {
    fn default() -> Self { Same { retries: default_retries() } }
}`,
    idl: `
types:
  Backoff:
    kind: struct
    doc: Default gives 5 retries, but a missing field reads as 0.
    default:
      retries: 5
      factor: 2
    missing_fields: default
    fields:
      retries:
        type: u32
        type_default: true
      factor: f64
  Same:
    kind: struct
    doc: Default equals what each missing field reads as.
    has_default: true
    fields:
      retries:
        type: u32
        default: 3
`,
  },
  {
    name: "skip_serializing_if: is_none, is_empty of each container, and equality with the default",
    rust: `${USE}use std::collections::{BTreeMap, HashSet};
fn is_zero(n: &u32) -> bool { *n == 0 }
fn is_false(b: &bool) -> bool { !*b }
fn is_default_level(l: &u8) -> bool { *l == default_level() }
fn default_level() -> u8 { 3 }
fn no_items(v: &Vec<u8>) -> bool { v.is_empty() }
#[derive(Serialize, Deserialize)]
pub struct Sparse {
    #[serde(skip_serializing_if = "Option::is_none")] pub a: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")] pub b: Vec<u8>,
    #[serde(default, skip_serializing_if = "String::is_empty")] pub c: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")] pub d: BTreeMap<String, u8>,
    #[serde(default, skip_serializing_if = "HashSet::is_empty")] pub e: HashSet<String>,
    #[serde(default, skip_serializing_if = "is_zero")] pub f: u32,
    #[serde(default, skip_serializing_if = "is_false")] pub g: bool,
    #[serde(default = "default_level", skip_serializing_if = "is_default_level")] pub h: u8,
    #[serde(default, skip_serializing_if = "no_items")] pub i: Vec<u8>,
}`,
    idl: `
types:
  Sparse:
    kind: struct
    fields:
      a:
        type: optional<string>
        omit: if-none
      b:
        type: list<u8>
        type_default: true
        omit: if-empty
      c:
        type: string
        type_default: true
        omit: if-empty
      d:
        type: map<string, u8>
        type_default: true
        omit: if-empty
      e:
        type: hash_set<string>
        type_default: true
        omit: if-empty
      f:
        type: u32
        type_default: true
        omit: if-default
      g:
        type: bool
        type_default: true
        omit: if-default
      h:
        type: u8
        default: 3
        omit: if-default
      i:
        type: list<u8>
        type_default: true
        omit: if-empty
`,
  },
  {
    name: "documented String values stay a string, with the values in the doc",
    rust: `${USE}
#[derive(Serialize, Deserialize)]
pub struct Policy {
    /// "baseline" | "strict"
    pub seccomp: String,
}`,
    idl: `
types:
  Policy:
    kind: struct
    fields:
      seccomp:
        type: string
        doc: '"baseline" | "strict"'
`,
  },
  {
    name: "type aliases are written as their types",
    rust: `${USE}
pub type Labels = std::collections::BTreeMap<String, String>;
type Id = String;
#[derive(Serialize, Deserialize)]
pub struct Tagged { pub id: Id, pub labels: Labels }`,
    idl: `
types:
  Tagged:
    kind: struct
    fields:
      id: string
      labels: map<string, string>
`,
  },
  {
    name: "path functions: roots, helpers, captured and named arguments, constants in the text, PathBuf",
    rust: `use std::path::PathBuf;
/// Where data lives.
pub const DATA_ROOT: &str = "/srv/data";
const FILES: &str = "files";
/// A code's data.
pub fn data_dir(code: &str) -> String {
    format!("{DATA_ROOT}/{code}")
}
pub fn data_file(code: &str, name: &str) -> PathBuf {
    PathBuf::from(format!("{dir}/{}/{name}.json", FILES, dir = data_dir(code)))
}
pub fn cache_file(code: &str, name: &str) -> String {
    format!("{0}/cache/{1}", data_dir(code), name)
}`,
    idl: `
roots:
  DATA_ROOT:
    value: /srv/data
    doc: Where data lives.
paths:
  data_dir:
    doc: A code's data.
    params:
      code: string
    template: "{DATA_ROOT}/{code}"
  data_file:
    params:
      name: string
    template: "{data_dir}/files/{name}.json"
  cache_file:
    params:
      name: string
    template: "{data_dir}/cache/{name}"
`,
  },
  {
    name: "cfg_attr derives and serde attributes count; #[cfg(test)] modules do not",
    rust: `
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(rename_all = "UPPERCASE"))]
pub struct Flagged { pub on: bool }
#[cfg(test)]
mod tests {
    #[derive(serde::Serialize, serde::Deserialize)]
    pub struct OnlyInTests { pub x: u8 }
}`,
    idl: `
types:
  Flagged:
    kind: struct
    rename_all: UPPERCASE
    fields:
      on: bool
`,
  },
];
