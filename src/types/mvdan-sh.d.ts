/**
 * Minimal typings for `mvdan-sh` 0.10 (a GopherJS build of mvdan.cc/sh/v3/syntax, CommonJS).
 * Only what src/policy/shell.ts reads. Nodes are Go structs behind getters: absent pointers are
 * `null`, slices are plain arrays, and the kind of a node is `syntax.NodeType(node)`.
 * Parse errors are thrown as non-Error objects with an `Error()` method; deep input makes the
 * parser throw a `RangeError`.
 */
declare module 'mvdan-sh' {
  namespace sh {
    interface Pos {
      Offset(): number
      Line(): number
      Col(): number
    }
    interface Node {
      Pos(): Pos
      End(): Pos
    }
    interface File extends Node {
      Name: string
      Stmts: Stmt[]
    }
    interface Stmt extends Node {
      Cmd: Node | null
      Redirs: Redirect[]
      Negated: boolean
      Background: boolean
      Coprocess: boolean
    }
    interface Lit extends Node {
      Value: string
    }
    interface Word extends Node {
      Parts: Node[]
      /** The word's text if it consists of one literal, otherwise `''`. */
      Lit(): string
    }
    interface SglQuoted extends Node {
      /** `$'...'` (ANSI-C quoting). */
      Dollar: boolean
      Value: string
    }
    interface DblQuoted extends Node {
      /** `$"..."` (locale translation). */
      Dollar: boolean
      Parts: Node[]
    }
    interface ParamExp extends Node {
      Short: boolean
      Excl: boolean
      Length: boolean
      Width: boolean
      Param: Lit | null
      Index: Node | null
      Slice: unknown
      Repl: unknown
      Names: number
      Exp: unknown
    }
    interface Assign extends Node {
      Append: boolean
      Naked: boolean
      Name: Lit | null
      Index: Node | null
      Value: Word | null
      Array: Node | null
    }
    interface CallExpr extends Node {
      Assigns: Assign[]
      Args: Word[]
    }
    interface Redirect extends Node {
      Op: number
      N: Lit | null
      Word: Word | null
      Hdoc: Word | null
    }
    interface BinaryCmd extends Node {
      Op: number
      X: Stmt
      Y: Stmt
    }
    interface Subshell extends Node {
      Stmts: Stmt[]
    }
    interface Block extends Node {
      Stmts: Stmt[]
    }
    interface IfClause extends Node {
      Cond: Stmt[]
      Then: Stmt[]
      /** `elif`/`else`: an `else` is an IfClause with no Cond. */
      Else: IfClause | null
    }
    interface WhileClause extends Node {
      Until: boolean
      Cond: Stmt[]
      Do: Stmt[]
    }
    interface WordIter extends Node {
      Name: Lit
      Items: Word[]
    }
    interface ForClause extends Node {
      Select: boolean
      Loop: Node
      Do: Stmt[]
    }
    interface CaseItem extends Node {
      Patterns: Word[]
      Stmts: Stmt[]
    }
    interface CaseClause extends Node {
      Word: Word
      Items: CaseItem[]
    }
    interface TimeClause extends Node {
      PosixFormat: boolean
      Stmt: Stmt | null
    }
    interface TestClause extends Node {
      X: Node
    }
    interface BinaryTest extends Node {
      Op: number
      X: Node
      Y: Node
    }
    interface UnaryTest extends Node {
      Op: number
      X: Node
    }
    interface ParenTest extends Node {
      X: Node
    }
    interface ParseError {
      Error(): string
    }
    interface Parser {
      Parse(src: string, name: string): File
    }
    interface Syntax {
      NewParser(...options: unknown[]): Parser
      NodeType(node: Node): string
      Walk(node: Node, visit: (node: Node | null) => boolean): void
      DebugPrint(node: Node): void
    }
    const syntax: Syntax
  }
  export = sh
}
