/**
 * The policy file: YAML in, a validated `Policy` out. Every problem in a file is collected and
 * reported at once, each as `FILE:LINE:COL: message`, so a user fixes a file in one pass.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
  type Pair,
  type YAMLMap
} from 'yaml'
import { UserError, errorMessage } from '../errors.js'
import { globBase, normaliseCommandPattern } from './match.js'
import {
  ISOLATION_MODES,
  TASK_NAMES,
  type IsolationMode,
  type Limits,
  type Policy,
  type Rules,
  type RuleSet,
  type TaskName
} from './types.js'

/** One problem in a policy file; `line` and `col` are 1-based. */
export interface PolicyProblem {
  file: string
  line: number
  col: number
  message: string
}

/** A policy file that is not valid. Its message has one `FILE:LINE:COL: message` line per problem. */
export class PolicyError extends UserError {
  override name = 'PolicyError'
  readonly problems: PolicyProblem[]

  constructor(problems: PolicyProblem[]) {
    super(problems.map(formatProblem).join('\n'))
    this.problems = problems
  }
}

export function formatProblem(problem: PolicyProblem): string {
  return `${problem.file}:${problem.line}:${problem.col}: ${problem.message}`
}

const EMPTY_RULE_SET: RuleSet = { allow: [], ask: [], deny: [] }

/**
 * The built-in policy when a repository has none: read-only. Secrets that commonly sit in a
 * checkout (`.env` files, private keys) are unreadable at any depth, because a prompt-injected
 * model that can read them can also quote them into a pull request.
 */
export const DEFAULT_POLICY: Policy = deepFreeze({
  version: 1,
  defaults: {
    read: {
      allow: ['**'],
      ask: [],
      deny: ['.env', '.env.*', '**/.env', '**/.env.*', '**/*.pem', '**/*.key']
    },
    write: EMPTY_RULE_SET,
    bash: EMPTY_RULE_SET,
    network: false
  },
  limits: { 'max-turns': 40, 'max-cost-usd': 2.5, 'timeout-minutes': 20 },
  isolation: 'preferred',
  tasks: {},
  source: 'built-in default'
})

/** Reads and validates a policy file. Throws UserError when unreadable, PolicyError when invalid. */
export function loadPolicyFile(path: string): Policy {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new UserError(`cannot read policy file ${path}: ${fileErrorMessage(error)}`)
  }
  return parsePolicy(text, path)
}

/** `ENOENT: no such file or directory` (Node's message without the repeated path). */
function fileErrorMessage(error: unknown): string {
  // Read `message` structurally: errors from another realm (a test VM) are not `instanceof Error`.
  const message = (error as { message?: unknown } | null)?.message
  if (typeof message !== 'string') return errorMessage(error)
  return message.replace(/, \w+ '.*'$/, '')
}

/** sha256 (hex) of a policy's source text, or of a parsed policy's rules in a canonical form. */
export function policyDigest(policy: Policy | string): string {
  const text =
    typeof policy === 'string'
      ? policy
      : canonicalJson({
          version: policy.version,
          defaults: policy.defaults,
          limits: policy.limits,
          tasks: policy.tasks,
          // Only when not the default, so that the digests of policies written before the key
          // existed stay the same.
          isolation: policy.isolation === 'preferred' ? undefined : policy.isolation
        })
  return createHash('sha256').update(text).digest('hex')
}

/** Parses and validates policy YAML; `file` names the source in problems and in `Policy.source`. */
export function parsePolicy(text: string, file: string): Policy {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, prettyErrors: false })
  const problems: PolicyProblem[] = []
  const at = (offset: number, message: string): void => {
    const { line, col } = lineCounter.linePos(offset)
    problems.push({ file, line, col, message })
  }
  for (const error of [...document.errors, ...document.warnings]) at(error.pos[0], error.message)
  if (document.errors.length > 0) throw new PolicyError(sortProblems(problems))

  const validator = new Validator(document, at)
  const policy = validator.policy(file)
  if (problems.length > 0) throw new PolicyError(sortProblems(problems))
  return policy
}

function sortProblems(problems: PolicyProblem[]): PolicyProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col)
}

type Report = (offset: number, message: string) => void

const RULE_SET_KEYS = ['allow', 'ask', 'deny'] as const
const RULES_KEYS = ['read', 'write', 'bash', 'network'] as const
const LIMIT_KEYS = ['max-turns', 'max-cost-usd', 'timeout-minutes'] as const
const TOP_KEYS = ['version', 'defaults', 'limits', 'isolation', 'tasks'] as const

type PatternKind = 'path' | 'command'

class Validator {
  constructor(
    private readonly document: Document,
    private readonly report: Report
  ) {}

  policy(file: string): Policy {
    const root = this.resolve(this.document.contents)
    const base = DEFAULT_POLICY
    if (!root || (isScalar(root) && root.value === null)) {
      this.report(0, 'the policy is empty (expected a mapping that starts with version: 1)')
      return { ...clone(base), source: file }
    }
    const map = this.expectMap(
      root,
      'the policy',
      'a mapping of version, defaults, limits, isolation, tasks'
    )
    if (!map) return { ...clone(base), source: file }
    const pairs = this.pairs(map, 'the top level', TOP_KEYS)

    const version = pairs.get('version')
    if (!version) {
      this.report(0, 'missing key "version" (expected version: 1)')
    } else {
      const node = this.resolve(version.value)
      if (!isScalar(node) || node.value !== 1) {
        this.report(this.offset(node, version), `version: expected 1, got ${describe(node)}`)
      }
    }

    const defaultsPair = pairs.get('defaults')
    const defaults = defaultsPair
      ? this.rules(defaultsPair, 'defaults', base.defaults)
      : clone(base.defaults)

    const limitsPair = pairs.get('limits')
    const limits = limitsPair ? this.limits(limitsPair, base.limits) : { ...base.limits }

    const isolationPair = pairs.get('isolation')
    const isolation = isolationPair ? this.isolation(isolationPair) : base.isolation

    const tasksPair = pairs.get('tasks')
    const tasks = tasksPair ? this.tasks(tasksPair) : {}

    return { version: 1, defaults, limits, isolation, tasks, source: file }
  }

  private isolation(pair: Pair): IsolationMode {
    const node = this.resolve(pair.value)
    const value = isScalar(node) ? node.value : undefined
    if (typeof value === 'string' && (ISOLATION_MODES as readonly string[]).includes(value)) {
      return value as IsolationMode
    }
    const got = typeof value === 'string' ? `"${value}"` : describe(node)
    this.report(
      this.offset(node, pair),
      `isolation: expected ${ISOLATION_MODES.join(', ')}, got ${got}`
    )
    return DEFAULT_POLICY.isolation
  }

  private rules(pair: Pair, path: string, fallback: Rules): Rules {
    const partial = this.partialRules(pair, path)
    return {
      read: partial.read ?? clone(fallback.read),
      write: partial.write ?? clone(fallback.write),
      bash: partial.bash ?? clone(fallback.bash),
      network: partial.network ?? fallback.network
    }
  }

  private partialRules(pair: Pair, path: string): Partial<Rules> {
    const map = this.expectMap(
      this.resolve(pair.value),
      path,
      'a mapping of read, write, bash, network',
      pair
    )
    if (!map) return {}
    const pairs = this.pairs(map, path, RULES_KEYS)
    const rules: Partial<Rules> = {}
    for (const section of ['read', 'write', 'bash'] as const) {
      const sectionPair = pairs.get(section)
      if (sectionPair) {
        rules[section] = this.ruleSet(
          sectionPair,
          `${path}.${section}`,
          section === 'bash' ? 'command' : 'path'
        )
      }
    }
    const network = pairs.get('network')
    if (network) {
      const node = this.resolve(network.value)
      if (isScalar(node) && typeof node.value === 'boolean') rules.network = node.value
      else
        this.report(
          this.offset(node, network),
          `${path}.network: expected true or false, got ${describe(node)}`
        )
    }
    return rules
  }

  private ruleSet(pair: Pair, path: string, kind: PatternKind): RuleSet {
    const set: RuleSet = { allow: [], ask: [], deny: [] }
    const map = this.expectMap(
      this.resolve(pair.value),
      path,
      'a mapping of allow, ask, deny',
      pair
    )
    if (!map) return set
    const pairs = this.pairs(map, path, RULE_SET_KEYS)
    for (const key of RULE_SET_KEYS) {
      const listPair = pairs.get(key)
      if (listPair) set[key] = this.patterns(listPair, `${path}.${key}`, kind)
    }
    return set
  }

  private patterns(pair: Pair, path: string, kind: PatternKind): string[] {
    const node = this.resolve(pair.value)
    if (!isSeq(node)) {
      this.report(
        this.offset(node, pair),
        `${path}: expected a list of ${kind === 'path' ? 'path globs' : 'command patterns'}, got ${describe(node)}`
      )
      return []
    }
    const patterns: string[] = []
    node.items.forEach((raw, index) => {
      const item = this.resolve(raw)
      const label = `${path}[${index}]`
      const offset = this.offset(item, pair)
      if (!isScalar(item) || typeof item.value !== 'string') {
        this.report(offset, `${label}: expected a string, got ${describe(item)}`)
        return
      }
      const problem =
        kind === 'path' ? pathPatternProblem(item.value) : commandPatternProblem(item.value)
      if (problem) {
        this.report(offset, `${label}: ${problem}`)
        return
      }
      patterns.push(
        kind === 'path' ? normalisePathPattern(item.value) : normaliseCommandPattern(item.value)
      )
    })
    return patterns
  }

  private limits(pair: Pair, fallback: Limits): Limits {
    const limits = { ...fallback }
    const map = this.expectMap(
      this.resolve(pair.value),
      'limits',
      'a mapping of max-turns, max-cost-usd, timeout-minutes',
      pair
    )
    if (!map) return limits
    const pairs = this.pairs(map, 'limits', LIMIT_KEYS)
    for (const key of LIMIT_KEYS) {
      const limitPair = pairs.get(key)
      if (!limitPair) continue
      const node = this.resolve(limitPair.value)
      const value = isScalar(node) ? node.value : undefined
      const whole = key === 'max-turns'
      const valid =
        typeof value === 'number' &&
        Number.isFinite(value) &&
        value > 0 &&
        (!whole || Number.isInteger(value))
      if (valid) limits[key] = value
      else {
        const got = typeof value === 'number' ? String(value) : describe(node)
        this.report(
          this.offset(node, limitPair),
          `limits.${key}: expected a positive ${whole ? 'whole number' : 'number'}, got ${got}`
        )
      }
    }
    return limits
  }

  private tasks(pair: Pair): Policy['tasks'] {
    const tasks: Policy['tasks'] = {}
    const map = this.expectMap(
      this.resolve(pair.value),
      'tasks',
      `a mapping of task names (${TASK_NAMES.join(', ')})`,
      pair
    )
    if (!map) return tasks
    const pairs = this.pairs(map, 'tasks', TASK_NAMES, 'task')
    for (const [name, taskPair] of pairs) {
      tasks[name as TaskName] = this.partialRules(taskPair, `tasks.${name}`)
    }
    return tasks
  }

  /** The map's pairs by key; reports non-string keys and keys outside `allowed`. */
  private pairs(
    map: YAMLMap,
    where: string,
    allowed: readonly string[],
    what = 'key'
  ): Map<string, Pair> {
    const result = new Map<string, Pair>()
    for (const pair of map.items) {
      const key = pair.key
      const name = isScalar(key) ? key.value : undefined
      const offset = this.offset(key as YamlNode, pair)
      if (typeof name !== 'string') {
        this.report(offset, `${where}: expected keys to be names, got ${describe(key)}`)
      } else if (!allowed.includes(name)) {
        const place = where === 'the top level' ? 'at the top level' : `in ${where}`
        this.report(offset, `unknown ${what} "${name}" ${place} (expected ${allowed.join(', ')})`)
      } else {
        result.set(name, pair)
      }
    }
    return result
  }

  private expectMap(
    node: YamlNode | undefined,
    path: string,
    expected: string,
    pair?: Pair
  ): YAMLMap | undefined {
    if (isMap(node)) return node
    this.report(this.offset(node, pair), `${path}: expected ${expected}, got ${describe(node)}`)
    return undefined
  }

  private resolve(node: unknown): YamlNode | undefined {
    if (isAlias(node)) return node.resolve(this.document) ?? undefined
    return (node ?? undefined) as YamlNode | undefined
  }

  /** Where to point at: the node, else the key of its pair, else the start of the file. */
  private offset(node: YamlNode | null | undefined, pair?: Pair): number {
    const range = node?.range
    if (range && !(isScalar(node) && node.value === null && pair)) return range[0]
    const keyRange = (pair?.key as YamlNode | undefined)?.range
    return keyRange ? keyRange[0] : 0
  }
}

function describe(node: unknown): string {
  if (node === undefined || node === null) return 'nothing'
  if (isMap(node)) return 'a mapping'
  if (isSeq(node)) return 'a list'
  if (isScalar(node)) {
    const value = node.value
    if (value === null || value === undefined) return 'nothing'
    if (typeof value === 'number') return 'a number'
    if (typeof value === 'boolean') return 'a boolean'
    if (typeof value === 'string') return 'a string'
    return `a ${typeof value}`
  }
  return 'something else'
}

/** Control characters never belong in a pattern (and \u0001 is match.ts's UNKNOWN marker). */
function hasControlCharacter(text: string, allowTab = false): boolean {
  for (const character of text) {
    const code = character.charCodeAt(0)
    if ((code < 0x20 && !(allowTab && code === 0x09)) || code === 0x7f) return true
  }
  return false
}

/** Why a read/write glob is not acceptable, or undefined when it is. */
function pathPatternProblem(pattern: string): string | undefined {
  if (pattern.trim() === '')
    return 'empty pattern (expected a workspace-relative glob such as src/**)'
  if (hasControlCharacter(pattern)) return 'control characters are not allowed in a pattern'
  if (pattern.startsWith('/'))
    return `"${pattern}" is absolute (patterns are relative to the workspace)`
  if (pattern.startsWith('!'))
    return `"${pattern}" is negated (negation is not supported; use a deny rule)`
  if (normalisePathPattern(pattern).split('/').includes('..')) {
    return `"${pattern}" contains .. (patterns are relative to the workspace and cannot leave it)`
  }
  try {
    globBase(pattern)
  } catch (error) {
    return `"${pattern}" is not a valid glob: ${errorMessage(error)}`
  }
  return undefined
}

/** Why a bash command pattern is not acceptable, or undefined when it is. */
function commandPatternProblem(pattern: string): string | undefined {
  if (pattern.trim() === '')
    return 'empty pattern (expected a command such as npm test or git diff *)'
  if (hasControlCharacter(pattern, true)) return 'control characters are not allowed in a pattern'
  return undefined
}

/** `./src/**` and `src/**` mean the same; the leading `./` would never match. */
function normalisePathPattern(pattern: string): string {
  let result = pattern.trim()
  while (result.startsWith('./')) result = result.slice(2)
  return result
}

function clone<T>(value: T): T {
  return structuredClone(value)
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
