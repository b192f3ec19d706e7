/**
 * `claw policy check` and `claw policy explain`: pure functions returning what to print and the
 * exit code (0 done, 1 invalid or unreadable policy, 2 bad input), so they test without a process.
 */
import { resolve } from 'node:path'
import { UserError, errorMessage } from '../errors.js'
import { decideWithRules } from '../policy/decide.js'
import { DEFAULT_POLICY, PolicyError, loadPolicyFile, policyDigest } from '../policy/load.js'
import { rulesFor } from '../policy/rules.js'
import { TASK_NAMES, type Policy, type TaskName } from '../policy/types.js'

export interface CommandOutput {
  exitCode: number
  stdout: string
  stderr: string
}

export interface ExplainOptions {
  /** The policy file; without one, the built-in default policy. */
  policyFile?: string
  /** The task whose rules apply; without one, the policy's defaults. */
  task?: string
  tool: string
  /** The tool input as JSON text. */
  input: string
  /** The workspace the paths are relative to. */
  workspace: string
}

/** Validates a policy file: one OK line, or one `FILE:LINE:COL: message` line per problem. */
export function policyCheck(file: string): CommandOutput {
  const loaded = load(file)
  if ('exitCode' in loaded) return loaded
  const policy = loaded
  const tasks = Object.keys(policy.tasks)
  const summary = [
    `version ${policy.version}`,
    `task overrides: ${tasks.length > 0 ? tasks.join(', ') : 'none'}`,
    `limits: ${policy.limits['max-turns']} turns, $${policy.limits['max-cost-usd']}, ${policy.limits['timeout-minutes']} min`,
    `digest ${policyDigest(policy).slice(0, 12)}`
  ]
  return { exitCode: 0, stdout: `${file}: OK (${summary.join('; ')})\n`, stderr: '' }
}

/** Prints the decision for one tool call as one JSON line `{"decision","rule","reason"}`. */
export function policyExplain(options: ExplainOptions): CommandOutput {
  let task: TaskName | undefined
  if (options.task !== undefined) {
    if (!(TASK_NAMES as readonly string[]).includes(options.task)) {
      return usage(`unknown task "${options.task}" (expected ${TASK_NAMES.join(', ')})`)
    }
    task = options.task as TaskName
  }
  let input: unknown
  try {
    input = JSON.parse(options.input)
  } catch (error) {
    return usage(`--input is not valid JSON: ${errorMessage(error)}`)
  }
  let policy: Policy = DEFAULT_POLICY
  if (options.policyFile !== undefined) {
    const loaded = load(options.policyFile)
    if ('exitCode' in loaded) return loaded
    policy = loaded
  }
  const rules = task ? rulesFor(policy, task) : policy.defaults
  const decision = decideWithRules(rules, { tool: options.tool, input }, resolve(options.workspace))
  const line = JSON.stringify({
    decision: decision.decision,
    rule: decision.rule,
    reason: decision.reason
  })
  return { exitCode: 0, stdout: `${line}\n`, stderr: '' }
}

function load(file: string): Policy | CommandOutput {
  try {
    return loadPolicyFile(file)
  } catch (error) {
    if (error instanceof PolicyError || error instanceof UserError) {
      return { exitCode: 1, stdout: '', stderr: `${error.message}\n` }
    }
    return { exitCode: 1, stdout: '', stderr: `${file}: ${errorMessage(error)}\n` }
  }
}

function usage(message: string): CommandOutput {
  return { exitCode: 2, stdout: '', stderr: `${message}\n` }
}
