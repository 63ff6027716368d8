/**
 * The small TypeScript syntax tree the emitters build code from: values, never text. Only the
 * constructs generated code uses are here; ./print.ts prints them as prettier would.
 */

export type Expr =
  | { readonly t: "id"; readonly name: string }
  | { readonly t: "str"; readonly value: string }
  | { readonly t: "num"; readonly value: number }
  | { readonly t: "lit"; readonly text: "true" | "false" | "null" | "undefined" | "this" }
  | { readonly t: "member"; readonly object: Expr; readonly name: string; readonly optional?: boolean }
  | { readonly t: "index"; readonly object: Expr; readonly index: Expr }
  | { readonly t: "call"; readonly callee: Expr; readonly args: readonly Expr[]; readonly optional?: boolean; readonly pure?: boolean }
  | { readonly t: "new"; readonly callee: Expr; readonly args: readonly Expr[]; readonly pure?: boolean }
  | { readonly t: "unary"; readonly op: "!" | "-" | "typeof " | "void "; readonly arg: Expr }
  | { readonly t: "binary"; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly t: "cond"; readonly test: Expr; readonly then: Expr; readonly else: Expr }
  | { readonly t: "assign"; readonly op: "=" | "+=" | "??=" | "||="; readonly left: Expr; readonly right: Expr }
  | { readonly t: "object"; readonly props: readonly Prop[]; readonly expand?: boolean }
  | { readonly t: "array"; readonly items: readonly Expr[] }
  | { readonly t: "template"; readonly quasis: readonly string[]; readonly exprs: readonly Expr[] }
  | { readonly t: "as"; readonly expr: Expr; readonly type: TypeNode }
  | { readonly t: "update"; readonly op: "++" | "--"; readonly arg: Expr }
  /** `(a, b) => body`: only as the initializer of a constant with a type annotation (see `printAssignment`). */
  | { readonly t: "arrow"; readonly params: readonly string[]; readonly body: Expr };

export type BinaryOp =
  | "||"
  | "&&"
  | "??"
  | "==="
  | "!=="
  | "=="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "+"
  | "-"
  | "*"
  | "%"
  | "in"
  | "instanceof"
  | "&"
  | "|"
  | ">>>";

export interface Prop {
  /** Property name as written: an identifier, or quoted when it is not one. */
  readonly key: string;
  readonly value: Expr;
  /** A TSDoc comment above the property (it makes the object break over lines). */
  readonly doc?: string;
  /** `...value` (the key is ignored). */
  readonly spread?: boolean;
}

export type Stmt =
  | { readonly t: "var"; readonly kind: "const" | "let"; readonly name: string; readonly type?: TypeNode; readonly init?: Expr }
  | { readonly t: "if"; readonly test: Expr; readonly then: Stmt; readonly else?: Stmt }
  | { readonly t: "return"; readonly arg?: Expr }
  | { readonly t: "throw"; readonly arg: Expr }
  | { readonly t: "expr"; readonly expr: Expr }
  | { readonly t: "block"; readonly body: readonly Stmt[] }
  | { readonly t: "for"; readonly init: Stmt; readonly test: Expr; readonly update: Expr; readonly body: Stmt }
  | { readonly t: "for-of"; readonly kind: "const" | "let"; readonly name: string; readonly iter: Expr; readonly body: Stmt }
  | { readonly t: "switch"; readonly disc: Expr; readonly cases: readonly Case[] }
  | { readonly t: "break" }
  | { readonly t: "continue" }
  | { readonly t: "blank" };

export interface Case {
  /** `undefined` for `default:`. */
  readonly tests: readonly (Expr | undefined)[];
  readonly body: readonly Stmt[];
}

export type TypeNode =
  | { readonly t: "ref"; readonly name: string; readonly args?: readonly TypeNode[] }
  | { readonly t: "str-type"; readonly value: string }
  | { readonly t: "num-type"; readonly value: number }
  | { readonly t: "union"; readonly types: readonly TypeNode[] }
  | { readonly t: "intersection"; readonly types: readonly TypeNode[] }
  | { readonly t: "array-type"; readonly element: TypeNode }
  | { readonly t: "tuple"; readonly items: readonly TypeNode[] }
  | { readonly t: "typeof"; readonly name: string }
  | { readonly t: "keyof"; readonly type: TypeNode }
  | { readonly t: "indexed"; readonly object: TypeNode; readonly index: TypeNode }
  | { readonly t: "type-literal"; readonly members: readonly Member[] }
  | { readonly t: "predicate"; readonly param: string; readonly type: TypeNode };

export interface Member {
  readonly name: string;
  readonly optional?: boolean;
  readonly type: TypeNode;
  readonly doc?: string;
}

export interface Param {
  readonly name: string;
  readonly type: TypeNode;
  readonly optional?: boolean;
}

export type Decl =
  | { readonly t: "comment"; readonly text: string }
  | { readonly t: "import"; readonly names: readonly ImportName[]; readonly from: string }
  | { readonly t: "export-from"; readonly names: readonly ImportName[]; readonly from: string; readonly typeOnly?: boolean }
  | { readonly t: "export-all"; readonly from: string }
  | {
      readonly t: "function";
      readonly name: string;
      readonly exported: boolean;
      /** Type parameters: `K extends keyof X`. */
      readonly typeParams?: readonly { readonly name: string; readonly constraint?: TypeNode }[];
      readonly params: readonly Param[];
      readonly returns?: TypeNode;
      readonly body: readonly Stmt[];
      readonly doc?: string;
    }
  | {
      readonly t: "const";
      readonly name: string;
      readonly exported: boolean;
      readonly type?: TypeNode;
      readonly init: Expr;
      readonly doc?: string;
      /** `as const` after the initializer. */
      readonly asConst?: boolean;
    }
  | { readonly t: "type"; readonly name: string; readonly exported: boolean; readonly type: TypeNode; readonly doc?: string }
  | {
      readonly t: "interface";
      readonly name: string;
      readonly exported: boolean;
      readonly members: readonly Member[];
      readonly extends?: readonly TypeNode[];
      readonly doc?: string;
    };

export interface ImportName {
  readonly name: string;
  readonly typeOnly?: boolean;
}

/** A source file: declarations separated by one blank line (imports kept together). */
export interface SourceFile {
  readonly header: string;
  readonly decls: readonly Decl[];
}
