/**
 * The permission decision: a pure function of (rules, tool call, workspace) that says allow, ask
 * or deny, names the rule that decided and tells the model why in one sentence. Deny beats ask,
 * ask beats allow, and nothing matched means deny. It never throws and never touches the file
 * system: odd input is a denial the model can read and correct.
 */
import { posix } from 'node:path'
import {
  commandMatchesForAll,
  commandMatchesForSome,
  displayCommand,
  firstPathMatch,
  globBase,
  pathMatches
} from './match.js'
import { isInsideGitDirectory, workspaceRelative } from './paths.js'
import { rulesFor } from './rules.js'
import { programName } from './programs.js'
import {
  analyzeCommandLine,
  isDescriptorRedirect,
  type CommandPath,
  type ShellCommand,
  type ShellRedirect
} from './shell.js'
import type { Decision, Policy, RuleSet, Rules, TaskName } from './types.js'

/** One tool call as the model sent it; `input` is not validated yet. */
export interface ToolCall {
  tool: string
  input: unknown
}

/** Decides one tool call under the rules of `task` (its sections replace those of defaults). */
export function decide(
  policy: Policy,
  task: TaskName,
  call: ToolCall,
  workspace: string
): Decision {
  return decideWithRules(rulesFor(policy, task), call, workspace)
}

/** The same decision for rules already resolved (e.g. `policy.defaults` when no task is given). */
export function decideWithRules(rules: Rules, call: ToolCall, workspace: string): Decision {
  const input = isRecord(call.input) ? call.input : undefined
  switch (call.tool) {
    case 'Read':
      return decidePath(rules, 'read', input?.file_path, 'file_path', workspace, call.tool)
    case 'Write':
    case 'Edit':
      return decidePath(rules, 'write', input?.file_path, 'file_path', workspace, call.tool)
    case 'Glob':
    case 'Grep':
      return decideSearch(rules, call.tool, input, workspace)
    case 'Bash':
      return decideBash(rules, input?.command, workspace)
    case 'ReviewComment':
      // A finding quotes and judges a file's content, so it follows the read rules: a review must
      // not become a way to talk about a file the agent may not read (e.g. `.env`).
      return decidePath(rules, 'read', input?.file_path, 'file_path', workspace, call.tool)
    default:
      return deny(
        'default: deny',
        `\`${String(call.tool)}\` is not a tool this policy governs (Bash, Read, Write, Edit, Glob, Grep, ReviewComment), so it is denied.`
      )
  }
}

/**
 * Whether a workspace-relative file may be read: Glob and Grep drop every result for which this is
 * false. Only `allow` counts: an `ask` file cannot be approved in the middle of a search.
 */
export function canReadPath(rules: Rules, relativePath: string): boolean {
  if (relativePath.includes('\0')) return false
  const normalised = posix.normalize(relativePath).replace(/^(\.\/)+/, '')
  if (normalised === '..' || normalised.startsWith('../') || posix.isAbsolute(normalised))
    return false
  return pathDecision(rules.read, 'read', normalised, 'Read').decision === 'allow'
}

type Section = 'read' | 'write'

function decidePath(
  rules: Rules,
  section: Section,
  path: unknown,
  field: string,
  workspace: string,
  tool: string
): Decision {
  if (typeof path !== 'string' || path === '') {
    return deny('default: deny', `${tool} needs \`${field}\`, a path inside the workspace.`)
  }
  const resolved = workspaceRelative(workspace, path)
  if (!resolved.ok) {
    return deny(
      'confinement',
      `${capitalise(resolved.reason)}; ${tool} only works on files inside the workspace.`
    )
  }
  return pathDecision(rules[section], section, resolved.relative, tool)
}

function pathDecision(set: RuleSet, section: Section, relative: string, tool: string): Decision {
  const shown = `\`${relative}\``
  if (section === 'write' && isInsideGitDirectory(relative)) {
    return deny(
      'protected: .git',
      `${shown} is inside .git, which no tool may change (hooks and config there would run code); change files in the working tree instead.`
    )
  }
  const denied = firstPathMatch(set.deny, relative, true)
  if (denied !== undefined) {
    return deny(
      `${section}.deny: ${denied}`,
      `${shown} matches the ${section} deny rule \`${denied}\` of this policy, so ${tool} may not ${verb(section)} it; leave it alone or ask the user.`
    )
  }
  const asked = firstPathMatch(set.ask, relative, true)
  if (asked !== undefined) {
    return ask(
      `${section}.ask: ${asked}`,
      `${tool} on ${shown} needs a maintainer's approval (${section} ask rule \`${asked}\`).`
    )
  }
  const allowed = firstPathMatch(set.allow, relative)
  if (allowed !== undefined) {
    return allow(
      `${section}.allow: ${allowed}`,
      `${shown} is allowed by the ${section} rule \`${allowed}\`.`
    )
  }
  return deny(
    'default: deny',
    `${shown} is not allowed by the ${section} rules of this policy (${allowedList(set.allow)}); ${section === 'write' ? 'write' : 'read'} an allowed path instead or ask the user.`
  )
}

/**
 * Glob and Grep search a directory (default: the workspace root). Allowed when the directory is
 * not denied itself and some read.allow pattern could match something beneath it; each result is
 * then filtered through `canReadPath`, so a search never reveals a denied file.
 */
function decideSearch(
  rules: Rules,
  tool: string,
  input: Record<string, unknown> | undefined,
  workspace: string
): Decision {
  if (!input) return deny('default: deny', `${tool} needs an input object with \`pattern\`.`)
  for (const field of tool === 'Glob' ? ['pattern'] : ['glob']) {
    const value = input[field]
    if (typeof value === 'string' && leavesWorkspace(value)) {
      return deny(
        'confinement',
        `The ${field} \`${value}\` reaches outside the workspace; search inside it instead.`
      )
    }
  }
  const path = input.path === undefined || input.path === null ? '.' : input.path
  if (typeof path !== 'string' || path === '') {
    return deny(
      'default: deny',
      `${tool} needs \`path\` to be a directory inside the workspace (or left out).`
    )
  }
  const resolved = workspaceRelative(workspace, path)
  if (!resolved.ok) {
    return deny(
      'confinement',
      `${capitalise(resolved.reason)}; ${tool} only searches inside the workspace.`
    )
  }
  const directory = resolved.relative
  const read = rules.read
  const shown = `\`${directory}\``
  if (directory !== '.') {
    const denied = firstPathMatch(read.deny, directory, true)
    if (denied !== undefined) {
      return deny(
        `read.deny: ${denied}`,
        `${shown} matches the read deny rule \`${denied}\` of this policy, so ${tool} may not search it; search elsewhere or ask the user.`
      )
    }
    const asked = firstPathMatch(read.ask, directory, true)
    if (asked !== undefined) {
      return ask(
        `read.ask: ${asked}`,
        `${tool} in ${shown} needs a maintainer's approval (read ask rule \`${asked}\`).`
      )
    }
  }
  const reaching = read.allow.find(pattern => reachesUnder(pattern, directory))
  if (reaching !== undefined) {
    return allow(
      `read.allow: ${reaching}`,
      `${tool} in ${shown} is allowed by the read rule \`${reaching}\`; results are filtered by the read rules.`
    )
  }
  return deny(
    'default: deny',
    `Nothing in ${shown} is allowed by the read rules of this policy (${allowedList(read.allow)}); search an allowed path instead.`
  )
}

/** Whether `pattern` could match `directory` or a path beneath it (overshooting is harmless). */
function reachesUnder(pattern: string, directory: string): boolean {
  if (directory === '.') return true
  if (pathMatches(pattern, directory)) return true
  const base = globBase(pattern)
  if (base === '') return true
  return base === directory || base.startsWith(`${directory}/`) || directory.startsWith(`${base}/`)
}

function leavesWorkspace(pattern: string): boolean {
  return pattern.includes('\0') || pattern.startsWith('/') || pattern.split('/').includes('..')
}

interface Part {
  decision: Decision
  /** What the part is, for the rule list of an allow. */
  rule: string
}

function decideBash(rules: Rules, command: unknown, workspace: string): Decision {
  if (typeof command !== 'string' || command.trim() === '') {
    return deny('default: deny', 'Bash needs `command`, a non-empty command line.')
  }
  const analysis = analyzeCommandLine(command)
  if (analysis.problems.length > 0) {
    const [first, ...rest] = analysis.problems
    const more =
      rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : ''
    return deny(
      'bash: unanalysable',
      `This command line cannot be checked before it runs: ${first}${more}.`
    )
  }
  if (analysis.forbidden.length > 0) {
    const [first, ...rest] = analysis.forbidden
    const more = rest.length > 0 ? ` (and ${rest.length} more)` : ''
    return deny(
      'bash: forbidden',
      `This command line does what no rule can allow: ${first}${more}.`
    )
  }
  if (analysis.commands.length === 0 && analysis.redirects.length === 0) {
    return deny('default: deny', 'This command line runs no command.')
  }
  const parts: Part[] = [
    ...analysis.commands.map(entry => commandPart(rules.bash, entry)),
    ...analysis.redirects
      .filter(redirect => !isDescriptorRedirect(redirect) && !HARMLESS_DEVICES.has(redirect.target))
      .flatMap(redirect => redirectParts(rules, redirect, workspace)),
    ...analysis.paths
      .filter(path => !HARMLESS_DEVICES.has(path.target))
      .flatMap(path => commandPathParts(rules, path, workspace))
  ]
  // A named deny rule tells the model more than `default: deny`, so it is reported first.
  const denials = parts.filter(part => part.decision.decision === 'deny')
  const denied = denials.find(part => part.rule !== 'default: deny') ?? denials[0]
  if (denied) return denied.decision
  const asked = parts.find(part => part.decision.decision === 'ask')
  if (asked) return asked.decision
  const decidingRules = [...new Set(parts.map(part => part.rule))]
  return allow(
    decidingRules.join('; '),
    `Every command and redirection is allowed by this policy (${decidingRules.join('; ')}).`
  )
}

const HARMLESS_DEVICES = new Set(['/dev/null', '/dev/stdout', '/dev/stderr'])

/**
 * The files a Bash command line redirects to or from, for the caller that can look at the file
 * system: the decision above is pure and judges names, so a symlink inside the workspace that
 * points out of it (`out -> /tmp`, then `> out/x`) must be caught by resolving the real path.
 */
export function redirectedFiles(command: string): { target: string; forWrite: boolean }[] {
  const analysis = analyzeCommandLine(command)
  return [
    ...analysis.redirects
      .filter(redirect => !isDescriptorRedirect(redirect) && !HARMLESS_DEVICES.has(redirect.target))
      .map(redirect => ({ target: redirect.target, forWrite: WRITE_OPERATORS.has(redirect.op) })),
    // Files commands write (`tee`, `sed -i`) and folders git works in (`git -C`): their real
    // paths must stay in the workspace (and out of .git) as well.
    ...analysis.paths
      .filter(path => !HARMLESS_DEVICES.has(path.target))
      .map(path => ({ target: path.target, forWrite: path.access === 'write' }))
  ]
}

function commandPart(set: RuleSet, command: ShellCommand): Part {
  const text = command.text
  // Deny and ask also look at the bare program name (`/usr/bin/git push` is `git push`), in lower
  // case too (on macOS `GIT push` runs git), and at the words as written (`git -C . push`).
  const name = command.argv[0] ?? ''
  const rest = command.argv.slice(1)
  const variants = [
    ...new Set([
      text,
      [name.slice(name.lastIndexOf('/') + 1), ...rest].join(' '),
      [programName(name), ...rest].join(' '),
      ...(command.written === undefined ? [] : [command.written])
    ])
  ]
  const shown = `\`${truncate(displayCommand(command.written ?? text))}\`${command.via ? ` (run by \`${command.via}\`)` : ''}`
  const couldMatch = (pattern: string): boolean =>
    variants.some(variant => commandMatchesForSome(pattern, variant))
  const denied = set.deny.find(couldMatch)
  if (denied !== undefined) {
    const rule = `bash.deny: ${denied}`
    return {
      rule,
      decision: deny(
        rule,
        `${shown} matches the bash deny rule \`${denied}\` of this policy; do without it or ask the user.`
      )
    }
  }
  const asked = set.ask.find(couldMatch)
  if (asked !== undefined) {
    const rule = `bash.ask: ${asked}`
    return {
      rule,
      decision: ask(
        rule,
        `${shown} needs a maintainer's approval (bash ask rule \`${asked}\`); the call is recorded as pending.`
      )
    }
  }
  const allowed = set.allow.find(pattern => commandMatchesForAll(pattern, text))
  if (allowed !== undefined) {
    const rule = `bash.allow: ${allowed}`
    return { rule, decision: allow(rule, `${shown} is allowed by the bash rule \`${allowed}\`.`) }
  }
  return {
    rule: 'default: deny',
    decision: deny(
      'default: deny',
      `${shown} is not allowed by the bash rules of this policy (${allowedList(set.allow)}). Use an allowed command or ask the user.`
    )
  }
}

const WRITE_OPERATORS = new Set(['>', '>>', '>|', '&>', '&>>', '>&', '<>'])
const READ_OPERATORS = new Set(['<', '<>'])

function redirectParts(rules: Rules, redirect: ShellRedirect, workspace: string): Part[] {
  const parts: Part[] = []
  const label = `redirection ${redirect.fd ?? ''}${redirect.op}${redirect.target}`
  const resolved = workspaceRelative(workspace, redirect.target)
  if (!resolved.ok) {
    return [
      {
        rule: 'confinement',
        decision: deny(
          'confinement',
          `The ${label} reaches outside the workspace (${resolved.reason}); redirect to a file inside it, or to /dev/null.`
        )
      }
    ]
  }
  const sections: Section[] = []
  if (WRITE_OPERATORS.has(redirect.op)) sections.push('write')
  if (READ_OPERATORS.has(redirect.op)) sections.push('read')
  for (const section of sections) {
    const decision = pathDecision(rules[section], section, resolved.relative, 'Bash')
    parts.push({
      rule: decision.rule,
      decision:
        decision.decision === 'allow'
          ? decision
          : { ...decision, reason: `In the ${label}: ${decision.reason}` }
    })
  }
  return parts
}

/** A file a command writes (`tee`, `sed -i`, `find -fprint`) or a folder git works in. */
function commandPathParts(rules: Rules, path: CommandPath, workspace: string): Part[] {
  const label = `\`${path.source}\` ${path.access === 'directory' ? 'folder' : 'file'} ${path.target}`
  const resolved = workspaceRelative(workspace, path.target)
  if (!resolved.ok) {
    return [
      {
        rule: 'confinement',
        decision: deny(
          'confinement',
          `The ${label} is outside the workspace (${resolved.reason}); use a path inside it.`
        )
      }
    ]
  }
  if (path.access === 'directory') {
    if (path.source === 'git --work-tree' && isInsideGitDirectory(resolved.relative)) {
      return [
        {
          rule: 'protected: .git',
          decision: deny(
            'protected: .git',
            `The ${label} is inside .git, where git would write files that run code; use the working tree.`
          )
        }
      ]
    }
    return []
  }
  const section: Section = path.access === 'write' ? 'write' : 'read'
  const decision = pathDecision(rules[section], section, resolved.relative, 'Bash')
  return [
    {
      rule: decision.rule,
      decision:
        decision.decision === 'allow'
          ? decision
          : { ...decision, reason: `For the ${label}: ${decision.reason}` }
    }
  ]
}

function allowedList(patterns: readonly string[]): string {
  if (patterns.length === 0) return 'nothing is allowed'
  const shown = patterns.slice(0, 8).join(', ')
  return `allowed: ${shown}${patterns.length > 8 ? `, and ${patterns.length - 8} more` : ''}`
}

function verb(section: Section): string {
  return section === 'write' ? 'change' : 'read'
}

function truncate(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function allow(rule: string, reason: string): Decision {
  return { decision: 'allow', rule, reason }
}

function ask(rule: string, reason: string): Decision {
  return { decision: 'ask', rule, reason }
}

function deny(rule: string, reason: string): Decision {
  return { decision: 'deny', rule, reason }
}
