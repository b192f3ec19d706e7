/**
 * Static analysis of a Bash command line for the policy: which simple commands it runs (after
 * quote removal: `'g'it "push"` is `git push`, `\r\m` is `rm`), which files it redirects to or
 * from, and what cannot be known before it runs. The decision denies anything in `problems`.
 *
 * The walk is an allow-list of syntax: every construct it does not know how to check becomes a
 * problem, so a Bash feature this code forgot is denied rather than waved through.
 *
 * What may vary at run time inside an argument (a `$VAR`, a glob, a brace or tilde expansion) is
 * kept as UNKNOWN in the command text; the rules then have to match whatever it turns out to be
 * (see match.ts). In a command name, a redirection target or an assignment it is a problem.
 */
import type sh from 'mvdan-sh'
import { UNKNOWN } from './match.js'
import { checkProgram, programName, type CommandPath } from './programs.js'
import { unwrapCommand } from './wrappers.js'

export { UNKNOWN }
export type { CommandPath }

/** One simple command as the shell will run it. */
export interface ShellCommand {
  /** Words after quote removal; UNKNOWN marks parts only known at run time. */
  argv: string[]
  /** `argv` joined by single spaces: what bash rules are matched against. */
  text: string
  /**
   * The words as written, when rules match a normalised form instead (`git -C . push` is matched
   * as `git push`); deny and ask rules are matched against this text too.
   */
  written?: string
  /** Set when another command runs this one (`env`, `xargs`, `find -exec`, ...). */
  via?: string
}

export interface ShellRedirect {
  /** `>`, `>>`, `>|`, `&>`, `&>>`, `<`, `<>`, `>&`, `<&`. */
  op: string
  /** After quote removal: a path, or a descriptor number / `-` for `>&` and `<&`. */
  target: string
  /** The descriptor written before the operator (`2` in `2>&1`). */
  fd?: string
}

export interface ShellAnalysis {
  commands: ShellCommand[]
  /** File redirections and descriptor duplications (here-documents and here-strings are data). */
  redirects: ShellRedirect[]
  /** Why (parts of) the line cannot be checked statically; any entry means deny. */
  problems: string[]
  /** What the line does that is refused whatever the rules say (`git -c`, `git config x y`). */
  forbidden: string[]
  /** Files and folders commands name in their arguments (`tee FILE`, `git -C DIR`). */
  paths: CommandPath[]
}

export const MAX_COMMAND_LINE_LENGTH = 10_000
/** mvdan-sh recurses per nesting level: ~2,000 levels overflow the stack, ~500 make Walk crawl. */
const MAX_NESTING = 100
const WALK_DEPTH_LIMIT = 40

const REDIRECT_OPERATORS: Record<number, string> = {
  54: '>',
  55: '>>',
  56: '<',
  57: '<>',
  58: '<&',
  59: '>&',
  60: '>|',
  61: '<<',
  62: '<<-',
  63: '<<<',
  64: '&>',
  65: '&>>'
}

/** Node kinds that are never acceptable, wherever they appear (checked again with syntax.Walk). */
const FORBIDDEN_NODES: Record<string, string> = {
  CmdSubst: 'command substitution ($(...) or backticks) runs a command that cannot be checked',
  ProcSubst: 'process substitution (<(...) or >(...)) runs a command that cannot be checked',
  ArithmExp: 'arithmetic expansion $((...)) can run commands through array subscripts',
  ArithmCmd: 'arithmetic commands ((...)) can run commands through array subscripts',
  LetClause: '`let` can run commands through array subscripts',
  FuncDecl: 'function definitions change what a command name runs',
  CoprocClause: '`coproc` runs a command in the background',
  DeclClause:
    '`declare`, `export`, `local`, `readonly` and `typeset` change the environment of later commands; put VAR=value in front of the command instead',
  TestDecl: 'test declarations are not supported'
}

let parserModule: typeof sh.syntax | undefined

/**
 * Loads the shell parser. mvdan-sh is 1.8 MB of GopherJS that takes about 50 ms to load, so it is
 * loaded when a line needs it instead of at start-up: runs that never see one never pay for it.
 * Call (and await) this before `analyzeCommandLine` on a line `needsShellParser` accepts; it is
 * cheap once loaded.
 */
export async function loadShellParser(): Promise<void> {
  parserModule ??= (await import('mvdan-sh')).default.syntax
}

/** Whether the parser is loaded already. */
export function shellParserLoaded(): boolean {
  return parserModule !== undefined
}

/**
 * A line of plain words: letters, digits and `_ . / : @ % + , - =`, separated by spaces or tabs.
 * Nothing else is allowed, so nothing in the line quotes, escapes, expands, redirects, separates,
 * groups, comments or negates; and the first word holds no `=`, so it is not an assignment.
 */
const PLAIN_LINE = /^[ \t]*[A-Za-z0-9_./:@%+,-]+(?:[ \t]+[A-Za-z0-9_./:@%+,=-]+)*[ \t]*$/

/** First words the parser reads as something other than a command name. */
const SPECIAL_FIRST_WORDS = new Set([
  'case',
  'coproc',
  'declare',
  'do',
  'done',
  'elif',
  'else',
  'esac',
  'export',
  'fi',
  'for',
  'function',
  'if',
  'in',
  'let',
  'local',
  'nameref',
  'readonly',
  'select',
  'then',
  'time',
  'typeset',
  'until',
  'while'
])

/**
 * The words of a line that bash runs as one simple command of exactly these words, or undefined.
 * Such a line (`npm test`, `git status`, `git diff --stat`: most of what an agent runs) is analysed
 * without the parser, with the same checks as a parsed one; tests/policy/shell.test.ts holds the
 * two to the same answers.
 */
function plainWords(line: string): string[] | undefined {
  if (!PLAIN_LINE.test(line)) return undefined
  const words = line.split(/[ \t]+/).filter(word => word !== '')
  return SPECIAL_FIRST_WORDS.has(words[0] as string) ? undefined : words
}

/** Whether analysing `line` needs the parser (see loadShellParser). */
export function needsShellParser(line: string): boolean {
  return typeof line !== 'string' || plainWords(line) === undefined
}

function syntax(): typeof sh.syntax {
  // Fail closed: analysing without the parser is a programming error, and analyze() turns the
  // throw into a problem, so the command is denied rather than allowed unchecked.
  if (!parserModule) throw new Error('the shell parser is not loaded (call loadShellParser first)')
  return parserModule
}

/**
 * Recent analyses by command line. Parsing is the costly part of a Bash decision (a few ms in the
 * GopherJS parser) and one call is analysed twice (the policy, then the wrapper's check of
 * redirection targets), so the last few lines are kept. Results are frozen: callers share them.
 */
const recentAnalyses = new Map<string, ShellAnalysis>()
const RECENT_ANALYSES = 32

/**
 * Analyses one Bash command line. Never throws. `parse: true` sends a plain line through the
 * parser as well (for tests that compare the two ways).
 */
export function analyzeCommandLine(line: string, options: { parse?: boolean } = {}): ShellAnalysis {
  if (options.parse === true) return analyzeUncached(line, true)
  const known = typeof line === 'string' ? recentAnalyses.get(line) : undefined
  if (known) return known
  const analysis = analyzeUncached(line, false)
  // Not kept while the parser is missing: that answer (a problem) is not the line's real one.
  if (typeof line === 'string' && (parserModule || !needsShellParser(line))) {
    if (recentAnalyses.size >= RECENT_ANALYSES) {
      const oldest = recentAnalyses.keys().next().value
      if (oldest !== undefined) recentAnalyses.delete(oldest)
    }
    recentAnalyses.set(line, deepFreeze(analysis))
  }
  return analysis
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

function analyzeUncached(line: string, parse: boolean): ShellAnalysis {
  const analyzer = new Analyzer()
  if (typeof line !== 'string') {
    analyzer.problem('the command is not a string')
  } else if (line.length > MAX_COMMAND_LINE_LENGTH) {
    analyzer.problem(`the command line is longer than ${MAX_COMMAND_LINE_LENGTH} characters`)
  } else if (line.includes('\0')) {
    analyzer.problem('the command line contains a NUL byte')
  } else if (roughNesting(line) > MAX_NESTING * 2) {
    analyzer.problem('the command line is nested too deeply to check')
  } else {
    analyzer.analyze(line, parse)
  }
  return analyzer.result()
}

/** Bracket depth ignoring quotes: a cheap guard before the recursive parser sees the line. */
function roughNesting(line: string): number {
  let depth = 0
  let max = 0
  for (const character of line) {
    if (character === '(' || character === '{') max = Math.max(max, ++depth)
    else if ((character === ')' || character === '}') && depth > 0) depth--
  }
  return max
}

type WordMode =
  /** A command's argument: globs, braces and tildes expand, so they are UNKNOWN. */
  | 'argument'
  /** A redirection target: expands like an argument. */
  | 'target'
  /** An assignment value: tilde expands, globs and braces do not. */
  | 'assignment'
  /** Data (here-string, case subject, for items...): only what runs code matters. */
  | 'data'

interface Character {
  value: string
  quoted: boolean
}

class Analyzer {
  private readonly commands: ShellCommand[] = []
  private readonly redirects: ShellRedirect[] = []
  private readonly problems = new Set<string>()
  private readonly forbidden = new Set<string>()
  private readonly paths: CommandPath[] = []
  private changesDirectory = false
  private maxDepth = 0
  /** The line as UTF-8: mvdan-sh positions are byte offsets. */
  private source = Buffer.alloc(0)

  problem(message: string): void {
    this.problems.add(message)
  }

  result(): ShellAnalysis {
    if (
      this.changesDirectory &&
      (this.redirects.some(redirect => !isDescriptorRedirect(redirect)) || this.paths.length > 0)
    ) {
      // The targets are resolved against the workspace root; after `cd` they mean other files.
      this.problem(
        'redirections (and files named by `tee`, `sed -i`, `git -C`...) after `cd`, `pushd` or `popd` cannot be checked'
      )
    }
    return {
      commands: this.commands,
      redirects: this.redirects,
      problems: [...this.problems],
      forbidden: [...this.forbidden],
      paths: this.paths
    }
  }

  analyze(line: string, parse: boolean): void {
    const words = parse ? undefined : plainWords(line)
    if (words !== undefined) {
      this.simpleCommand(words, undefined, 0)
      return
    }
    let file: sh.File
    try {
      this.source = Buffer.from(line, 'utf8')
      file = syntax().NewParser().Parse(line, '')
    } catch (error) {
      this.problem(parseFailure(error))
      return
    }
    try {
      this.statements(file.Stmts, 0)
      if (this.maxDepth <= WALK_DEPTH_LIMIT) {
        // Defence in depth: whatever path the walk above took, these never pass. (syntax.Walk
        // takes seconds to minutes on trees a few hundred levels deep, so only shallow ones.)
        syntax().Walk(file, node => {
          if (node) {
            const kind = syntax().NodeType(node)
            const reason = Object.hasOwn(FORBIDDEN_NODES, kind) ? FORBIDDEN_NODES[kind] : undefined
            if (reason) this.problem(reason)
          }
          return true
        })
      }
    } catch (error) {
      this.problem(
        error instanceof RangeError
          ? 'the command line is nested too deeply to check'
          : `the command line could not be analysed (${String(error)})`
      )
    }
  }

  private statements(statements: readonly sh.Stmt[], depth: number): void {
    for (const statement of statements) this.statement(statement, depth)
  }

  private statement(statement: sh.Stmt, depth: number): void {
    if (depth > MAX_NESTING) {
      this.maxDepth = Math.max(this.maxDepth, depth)
      this.problem('the command line is nested too deeply to check')
      return
    }
    this.maxDepth = Math.max(this.maxDepth, depth)
    this.statementHeader(statement)
    if (statement.Cmd) this.command(statement.Cmd, depth + 1)
  }

  private statementHeader(statement: sh.Stmt): void {
    if (statement.Background) this.problem('background jobs (&) are not allowed')
    if (statement.Coprocess) this.problem(FORBIDDEN_NODES.CoprocClause as string)
    for (const redirect of statement.Redirs) this.redirect(redirect)
  }

  private command(node: sh.Node, depth: number): void {
    const kind = syntax().NodeType(node)
    switch (kind) {
      case 'CallExpr':
        this.call(node as sh.CallExpr)
        return
      case 'BinaryCmd': {
        // `a && b | c ...` nests to the left, one level per operator: walk the chain in a loop so
        // a long list of commands does not count as deep nesting.
        let binary = node as sh.BinaryCmd
        const rights: sh.Stmt[] = []
        for (;;) {
          rights.push(binary.Y)
          const left = binary.X
          this.statementHeader(left)
          if (left.Cmd && syntax().NodeType(left.Cmd) === 'BinaryCmd') {
            binary = left.Cmd as sh.BinaryCmd
            continue
          }
          if (left.Cmd) this.command(left.Cmd, depth)
          break
        }
        // syntax.Walk does recurse once per operator: count the chain for its depth limit.
        this.maxDepth = Math.max(this.maxDepth, depth + rights.length)
        for (const right of rights.reverse()) this.statement(right, depth)
        return
      }
      case 'Subshell':
      case 'Block':
        this.statements((node as sh.Subshell).Stmts, depth)
        return
      case 'IfClause': {
        let clause: sh.IfClause | null = node as sh.IfClause
        let branches = 0
        while (clause) {
          this.statements(clause.Cond, depth)
          this.statements(clause.Then, depth)
          clause = clause.Else
          branches++
        }
        this.maxDepth = Math.max(this.maxDepth, depth + branches)
        return
      }
      case 'WhileClause': {
        const loop = node as sh.WhileClause
        this.statements(loop.Cond, depth)
        this.statements(loop.Do, depth)
        return
      }
      case 'ForClause': {
        const loop = node as sh.ForClause
        if (syntax().NodeType(loop.Loop) !== 'WordIter') {
          this.problem('C-style for loops use arithmetic, which can run commands')
          return
        }
        for (const item of (loop.Loop as sh.WordIter).Items) this.word(item, 'data')
        this.statements(loop.Do, depth)
        return
      }
      case 'CaseClause': {
        const clause = node as sh.CaseClause
        this.word(clause.Word, 'data')
        for (const item of clause.Items) {
          for (const pattern of item.Patterns) this.word(pattern, 'data')
          this.statements(item.Stmts, depth)
        }
        return
      }
      case 'TimeClause': {
        const clause = node as sh.TimeClause
        if (clause.Stmt) this.statement(clause.Stmt, depth)
        return
      }
      case 'TestClause':
        this.test((node as sh.TestClause).X, depth)
        return
      default:
        this.problem(FORBIDDEN_NODES[kind] ?? `\`${kind}\` constructs are not supported`)
    }
  }

  /** `[[ ... ]]`: no command runs, but `-eq` and friends evaluate `a[$(cmd)]` in operands. */
  private test(node: sh.Node, depth: number): void {
    if (depth > MAX_NESTING) {
      this.maxDepth = Math.max(this.maxDepth, depth)
      this.problem('the command line is nested too deeply to check')
      return
    }
    const kind = syntax().NodeType(node)
    if (kind === 'BinaryTest') {
      const test = node as sh.BinaryTest
      this.test(test.X, depth + 1)
      this.test(test.Y, depth + 1)
    } else if (kind === 'UnaryTest' || kind === 'ParenTest') {
      this.test((node as sh.UnaryTest).X, depth + 1)
    } else if (kind === 'Word') {
      const text = this.word(node as sh.Word, 'data')
      if (text !== undefined && /\[/.test(text) && /[$`]/.test(text)) {
        this.problem('[[ ]] operands with subscripts and $ or ` can run commands')
      }
    } else {
      this.problem(`\`${kind}\` in [[ ]] is not supported`)
    }
  }

  private call(call: sh.CallExpr): void {
    for (const assign of call.Assigns) this.assignment(assign)
    if (call.Args.length === 0) return
    const argv: string[] = []
    for (const word of call.Args) {
      const text = this.word(word, 'argument')
      if (text === undefined) return
      argv.push(text)
    }
    if (argv[0]?.includes(UNKNOWN)) {
      this.problem(
        `the command name ${this.sourceOf(call.Args[0] as sh.Word)} is only known at run time (variable, glob, brace or tilde expansion); write the command name literally`
      )
      return
    }
    this.simpleCommand(argv, undefined, 0)
  }

  private assignment(assign: sh.Assign): void {
    const name = assign.Name?.Value ?? ''
    if (assign.Index || assign.Array) {
      this.problem(
        `array assignments (${name}[...]= or ${name}=(...)) can run commands through subscripts`
      )
      return
    }
    const value = assign.Value ? this.word(assign.Value, 'assignment') : ''
    if (value === undefined) return
    this.checkAssignment(name, value)
  }

  /** `NAME=value` in front of a command, alone, or after `env`/`sudo`. */
  checkAssignment(name: string, value: string): void {
    const sensitive = sensitiveVariable(name)
    if (sensitive) this.problem(`setting ${name} is not allowed: ${sensitive}`)
    else if (value.includes(UNKNOWN)) {
      this.problem(`the value assigned to ${name} is only known at run time; use a plain value`)
    }
  }

  /** Records a command and whatever it runs in turn. */
  simpleCommand(argv: string[], via: string | undefined, depth: number): void {
    const name = argv[0]
    if (name === undefined) return
    if (name.includes(UNKNOWN)) {
      this.problem(
        `the command name \`${name.split(UNKNOWN).join('…')}\` is only known at run time; write the command name literally`
      )
      return
    }
    // What the program does with its arguments: inline code, git's configuration, files it writes.
    const program = checkProgram(argv)
    const matched = program.argv ?? argv
    const command: ShellCommand = { argv: matched, text: matched.join(' ') }
    if (program.argv) command.written = argv.join(' ')
    if (via) command.via = via
    this.commands.push(command)
    for (const problem of program.problems) this.problem(problem)
    for (const refusal of program.forbidden) this.forbidden.add(refusal)
    for (const path of program.paths) {
      if (path.target.includes(UNKNOWN) || path.target === '') {
        this.problem(
          `the file \`${path.source}\` names is only known at run time; write the path literally`
        )
      } else this.paths.push(path)
    }
    if (depth > 8) {
      this.problem('commands wrapped more than 8 levels deep are not supported')
      return
    }
    const base = programName(name)
    if (base === 'cd' || base === 'pushd' || base === 'popd') this.changesDirectory = true
    const outcome = unwrapCommand(argv)
    for (const problem of outcome.problems) this.problem(problem)
    for (const assignment of outcome.assignments) {
      this.checkAssignment(assignment.name, assignment.value)
    }
    for (const inner of outcome.commands) this.simpleCommand(inner, base, depth + 1)
  }

  /** A node's text as written, quoted for a message. */
  private sourceOf(node: sh.Node): string {
    const text = this.source.subarray(node.Pos().Offset(), node.End().Offset()).toString('utf8')
    return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``
  }

  private redirect(redirect: sh.Redirect): void {
    const op = REDIRECT_OPERATORS[redirect.Op] ?? `operator ${redirect.Op}`
    const fd = redirect.N?.Value
    if (op === '<<' || op === '<<-') {
      // The body of an unquoted here-document is expanded: $(...) inside it runs.
      if (redirect.Hdoc) this.word(redirect.Hdoc, 'data')
      return
    }
    if (!redirect.Word) {
      this.problem(`redirection ${op} has no target`)
      return
    }
    if (op === '<<<') {
      this.word(redirect.Word, 'data')
      return
    }
    const target = this.word(redirect.Word, 'target')
    if (target === undefined) return
    if (target.includes(UNKNOWN)) {
      this.problem(
        `the redirection target ${this.sourceOf(redirect.Word)} is only known at run time; write the path literally`
      )
      return
    }
    if (!(op in OPERATOR_NAMES)) {
      this.problem(`redirection ${op} is not supported`)
      return
    }
    if (op === '<&' && !/^(\d+|-)$/.test(target)) {
      this.problem(`redirection <&${target} is not supported`)
      return
    }
    this.redirects.push(fd === undefined ? { op, target } : { op, target, fd })
  }

  /**
   * The word after quote removal, with UNKNOWN where it depends on run time; undefined (and a
   * problem recorded) when part of it runs code.
   */
  word(word: sh.Word, mode: WordMode): string | undefined {
    const characters: (Character | typeof UNKNOWN)[] = []
    let ok = true
    const fail = (message: string): void => {
      this.problem(message)
      ok = false
    }
    const pushAll = (text: string, quoted: boolean): void => {
      for (const value of text) characters.push({ value, quoted })
    }
    for (const part of word.Parts) {
      const kind = syntax().NodeType(part)
      if (kind === 'Lit') {
        unquoteBare((part as sh.Lit).Value, characters)
      } else if (kind === 'SglQuoted') {
        const quoted = part as sh.SglQuoted
        if (!quoted.Dollar) pushAll(quoted.Value, true)
        else {
          const decoded = decodeAnsiC(quoted.Value)
          if (decoded === undefined)
            fail(
              `the $'...' string ${JSON.stringify(quoted.Value)} uses escapes that are not supported`
            )
          else pushAll(decoded, true)
        }
      } else if (kind === 'DblQuoted') {
        const quoted = part as sh.DblQuoted
        if (quoted.Dollar) fail('$"..." strings are translated at run time and cannot be checked')
        for (const inner of quoted.Parts) {
          const innerKind = syntax().NodeType(inner)
          if (innerKind === 'Lit') pushAll(unescapeDoubleQuoted((inner as sh.Lit).Value), true)
          else if (innerKind === 'ParamExp') {
            if (this.parameter(inner as sh.ParamExp)) characters.push(UNKNOWN)
            else ok = false
          } else
            fail(
              FORBIDDEN_NODES[innerKind] ?? `\`${innerKind}\` inside double quotes is not supported`
            )
        }
      } else if (kind === 'ParamExp') {
        if (this.parameter(part as sh.ParamExp)) characters.push(UNKNOWN)
        else ok = false
      } else if (kind === 'ExtGlob' || kind === 'BraceExp') {
        characters.push(UNKNOWN)
      } else {
        fail(FORBIDDEN_NODES[kind] ?? `\`${kind}\` in a word is not supported`)
      }
    }
    if (!ok) return undefined
    if (mode === 'argument' || mode === 'target') {
      markTilde(characters, true)
      markBraces(characters)
      markGlobs(characters)
    } else if (mode === 'assignment') {
      markTilde(characters, false)
    }
    return characters.map(character => (character === UNKNOWN ? UNKNOWN : character.value)).join('')
  }

  /** Plain `$name` / `${name}` only: the operators inside `${...}` can run or hide commands. */
  private parameter(expansion: sh.ParamExp): boolean {
    const plain =
      !expansion.Excl &&
      !expansion.Length &&
      !expansion.Width &&
      !expansion.Index &&
      !expansion.Slice &&
      !expansion.Repl &&
      !expansion.Names &&
      !expansion.Exp
    if (!plain) {
      this.problem(
        'parameter expansions with operators (${x:-...}, ${!x}, ${x/...}) are not allowed'
      )
    }
    return plain
  }
}

const OPERATOR_NAMES: Record<string, true> = {
  '>': true,
  '>>': true,
  '>|': true,
  '&>': true,
  '&>>': true,
  '<': true,
  '<>': true,
  '>&': true,
  '<&': true
}

/** `2>&1`, `>&2`, `<&0`, `>&-`: between descriptors, no file involved. */
export function isDescriptorRedirect(redirect: ShellRedirect): boolean {
  return (redirect.op === '>&' || redirect.op === '<&') && /^(\d+|-)$/.test(redirect.target)
}

function parseFailure(error: unknown): string {
  if (error instanceof RangeError) return 'the command line is nested too deeply to check'
  const parseError = error as Partial<sh.ParseError> | null
  const message =
    parseError && typeof parseError.Error === 'function' ? parseError.Error() : String(error)
  return `the command line is not valid Bash (${message})`
}

/** Unquoted literal: a backslash quotes the next character; backslash-newline disappears. */
function unquoteBare(raw: string, characters: (Character | typeof UNKNOWN)[]): void {
  const chars = [...raw]
  for (let index = 0; index < chars.length; index++) {
    const value = chars[index] as string
    if (value === '\\' && index + 1 < chars.length) {
      const next = chars[++index] as string
      if (next !== '\n') characters.push({ value: next, quoted: true })
    } else {
      characters.push({ value, quoted: false })
    }
  }
}

/** Inside double quotes a backslash only escapes $ ` " \ and newline. */
function unescapeDoubleQuoted(raw: string): string {
  return raw.replace(/\\([$`"\\\n])/g, (_match, escaped: string) =>
    escaped === '\n' ? '' : escaped
  )
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?'
}

/** `$'...'` escapes; undefined for forms not decoded here (which then deny). */
export function decodeAnsiC(raw: string): string | undefined {
  let result = ''
  for (let index = 0; index < raw.length; index++) {
    const character = raw[index] as string
    if (character !== '\\') {
      result += character
      continue
    }
    const next = raw[index + 1]
    if (next === undefined) return undefined
    const simple = SIMPLE_ESCAPES[next]
    if (simple !== undefined) {
      result += simple
      index++
      continue
    }
    const rest = raw.slice(index + 1)
    const numeric =
      /^([0-7]{1,3})/.exec(rest) ??
      /^x([0-9a-fA-F]{1,2})/.exec(rest) ??
      /^u([0-9a-fA-F]{1,4})/.exec(rest) ??
      /^U([0-9a-fA-F]{1,8})/.exec(rest)
    if (!numeric) return undefined
    const digits = numeric[1] as string
    const code = Number.parseInt(digits, /^[0-7]/.test(rest) ? 8 : 16)
    if (code === 0 || code > 0x10ffff) return undefined
    result += String.fromCodePoint(code)
    index += numeric[0].length
  }
  return result
}

/** `~`, `~user` at the start (and, for arguments, after `=` or `:`) expand to a home directory. */
function markTilde(characters: (Character | typeof UNKNOWN)[], afterEquals: boolean): void {
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index]
    if (
      character === UNKNOWN ||
      character === undefined ||
      character.quoted ||
      character.value !== '~'
    ) {
      continue
    }
    const previous = characters[index - 1]
    const atStart =
      index === 0 ||
      (previous !== undefined &&
        previous !== UNKNOWN &&
        !previous.quoted &&
        (previous.value === ':' || (afterEquals && previous.value === '=')))
    if (!atStart) continue
    let end = index + 1
    while (end < characters.length) {
      const next = characters[end]
      if (next === UNKNOWN || next === undefined || next.value === '/' || next.value === ':') break
      end++
    }
    characters.splice(index, end - index, UNKNOWN)
  }
}

/** `{a,b}` and `{1..3}` (unquoted) expand to several words. */
function markBraces(characters: (Character | typeof UNKNOWN)[]): void {
  const bare = (index: number, value: string): boolean => {
    const character = characters[index]
    return (
      character !== undefined &&
      character !== UNKNOWN &&
      !character.quoted &&
      character.value === value
    )
  }
  const open = characters.findIndex((_character, index) => bare(index, '{'))
  if (open < 0) return
  let close = -1
  for (let index = characters.length - 1; index > open; index--) {
    if (bare(index, '}')) {
      close = index
      break
    }
  }
  if (close < 0) return
  let expands = false
  for (let index = open + 1; index < close; index++) {
    if (bare(index, ',') || (bare(index, '.') && bare(index + 1, '.'))) expands = true
  }
  if (expands) characters.splice(open, close - open + 1, UNKNOWN)
}

/** Unquoted `*`, `?` and `[...]` expand to file names. */
function markGlobs(characters: (Character | typeof UNKNOWN)[]): void {
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index]
    if (character === UNKNOWN || character === undefined || character.quoted) continue
    if (character.value === '*' || character.value === '?') {
      characters.splice(index, 1, UNKNOWN)
    } else if (character.value === '[') {
      const close = characters.findIndex(
        (next, at) => at > index + 1 && next !== UNKNOWN && next.value === ']'
      )
      if (close > 0) characters.splice(index, close - index + 1, UNKNOWN)
    }
  }
}

/**
 * Why assigning `name` in front of a command is refused, or undefined. A deny-list by nature:
 * these names make an allowed program load or run other code (PATH, LD_PRELOAD, GIT_PAGER,
 * NODE_OPTIONS=--require, BASH_ENV, HOME pointing at a planted .gitconfig, ...).
 */
export function sensitiveVariable(name: string): string | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return 'not a plain variable name'
  const upper = name.toUpperCase()
  if (SENSITIVE_NAMES.has(upper)) return 'it changes which programs or configuration run'
  if (SENSITIVE_PREFIXES.some(prefix => upper.startsWith(prefix))) {
    return 'it changes which programs or configuration run'
  }
  if (SENSITIVE_SUFFIXES.some(suffix => upper.endsWith(suffix))) {
    return 'it changes which programs or configuration run'
  }
  return undefined
}

const SENSITIVE_NAMES = new Set([
  'PATH',
  'IFS',
  'ENV',
  'BASH_ENV',
  'CDPATH',
  'GLOBIGNORE',
  'SHELLOPTS',
  'BASHOPTS',
  'PS4',
  'PROMPT_COMMAND',
  'HOME',
  'SHELL',
  'EDITOR',
  'VISUAL',
  'PAGER',
  'MANPAGER',
  'BROWSER',
  'TMPDIR',
  'ZDOTDIR',
  'LESSOPEN',
  'LESSCLOSE',
  'CC',
  'CXX',
  'CPP',
  'LD',
  'AR',
  'MAKE',
  'MAKEFLAGS',
  'MFLAGS',
  'RUSTC',
  'RUSTC_WRAPPER'
])
const SENSITIVE_PREFIXES = [
  'LD_',
  'DYLD_',
  'GIT_',
  'BASH_FUNC_',
  'XDG_',
  'NODE_',
  'NPM_',
  'YARN_',
  'PNPM_',
  'COREPACK_',
  'PYTHON',
  'PIP_',
  'PERL',
  'RUBY',
  'GEM_',
  'BUNDLE_',
  'JAVA_',
  '_JAVA_',
  'JDK_',
  'MAVEN_',
  'GRADLE_',
  'CARGO_',
  'RUSTUP_',
  'GO',
  'SSH_',
  'GPG',
  'GNUPG',
  'DOCKER_',
  'KUBECONFIG',
  'AWS_',
  'GH_',
  'GITHUB_',
  'OPENSSL_',
  'SSL_',
  'CURL_',
  'HTTP',
  'HTTPS_',
  'NO_PROXY',
  'ALL_PROXY'
]
const SENSITIVE_SUFFIXES = [
  'PATH',
  '_OPTIONS',
  '_OPTS',
  'OPT',
  'FLAGS',
  '_HOME',
  '_COMMAND',
  '_CMD',
  '_SHELL',
  '_EDITOR',
  '_PAGER',
  '_PROGRAM',
  '_PRELOAD',
  '_CONFIG',
  'RC',
  '_ASKPASS',
  'PROXY',
  '_HOOK',
  '_HOOKS'
]
