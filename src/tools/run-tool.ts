import type { ToolResultBlock, ToolUseBlock } from '../agent/messages.js'
import { errorMessage } from '../errors.js'
import type { Decision } from '../policy/types.js'
import { redirectedFiles } from '../policy/decide.js'
import type { ToolCallEvent, ToolResultEvent } from '../session/events.js'
import { DEFAULT_BASH_TIMEOUT_MS } from './bash.js'
import type { Tool, ToolContext } from './tool.js'
import { truncateMiddle } from './truncate.js'
import { ConfinementError, resolveInWorkspace } from './workspace.js'

/** Wall-clock cap of a call to a tool other than Bash (Bash uses its own `timeout` input). */
export const DEFAULT_TOOL_TIMEOUT_MS = 120_000
/** Bash kills its own process group at its timeout; the wrapper's cap only backs that up. */
const BASH_TIMEOUT_MARGIN_MS = 10_000
/** No tool result the model sees is longer than this (head and tail are kept). */
export const MAX_RESULT_CHARS = 40_000

/** The input field that names a path, per tool, and whether the tool writes there. */
const PATH_FIELDS: Readonly<Record<string, { field: 'file_path' | 'path'; forWrite: boolean }>> = {
  Read: { field: 'file_path', forWrite: false },
  Write: { field: 'file_path', forWrite: true },
  Edit: { field: 'file_path', forWrite: true },
  Glob: { field: 'path', forWrite: false },
  Grep: { field: 'path', forWrite: false }
}

export interface ToolCallDeps {
  tools: ReadonlyMap<string, Tool>
  /**
   * The policy's decision. It receives the parsed input; for Read, Write, Edit, Glob and Grep
   * the path field (`file_path` or `path`, when given) is already confined and rewritten to the
   * workspace-relative path it resolves to (through symlinks, `/`-separated, `.` for the root),
   * so the rules match what will really be touched.
   */
  decide: (tool: string, input: unknown) => Decision
  context: Omit<ToolContext, 'signal'>
  redact: (text: string) => string
  record: (event: ToolCallEvent | ToolResultEvent) => void
  /** The run's signal: a cancelled run stops the running tool and runs no new one. */
  signal?: AbortSignal
  defaultTimeoutMs?: number
}

export interface ToolCallOutcome {
  result: ToolResultBlock
  decision: Decision
  /** The policy answered `ask`: the call was not run and waits for a maintainer's approval. */
  pending: boolean
}

/**
 * Runs one tool call the model made, in this order: validate the input, confine its path, ask
 * the policy, execute with a timeout and abort signal, truncate, redact, record. Whatever goes
 * wrong becomes an `is_error` result the model can act on; this function does not throw (unless
 * `record` or `redact` does).
 */
export async function runToolCall(
  call: ToolUseBlock,
  deps: ToolCallDeps
): Promise<ToolCallOutcome> {
  const started = Date.now()
  let decision: Decision | undefined

  const recordCall = (made: Decision): void => {
    decision = made
    deps.record({
      type: 'tool_call',
      id: call.id,
      tool: call.name,
      input: redactValue(call.input, deps.redact),
      decision: made
    })
  }
  const finish = (content: string, isError: boolean, pending = false): ToolCallOutcome => {
    // Redacted before the cut as well, so that a cut cannot leave half a secret in view.
    const shown = deps.redact(truncateMiddle(deps.redact(content), MAX_RESULT_CHARS))
    deps.record({
      type: 'tool_result',
      id: call.id,
      tool: call.name,
      is_error: isError,
      content: shown,
      duration_ms: Date.now() - started
    })
    const result: ToolResultBlock = { type: 'tool_result', tool_use_id: call.id, content: shown }
    if (isError) result.is_error = true
    return { result, decision: decision ?? deny('internal', 'No decision was made.'), pending }
  }
  const refuse = (made: Decision, content: string): ToolCallOutcome => {
    recordCall(made)
    return finish(content, true)
  }

  // 1. Validate.
  const tool = deps.tools.get(call.name)
  if (tool === undefined) {
    const names = [...deps.tools.keys()].join(', ')
    const reason = `There is no tool named "${call.name}"; the tools are ${names}.`
    return refuse(deny('unknown-tool', reason), reason)
  }
  let parsed: unknown
  try {
    parsed = tool.parse(call.input)
  } catch (error) {
    const reason = `Invalid input for ${tool.name}: ${errorMessage(error)}`
    return refuse(
      deny('invalid-input', reason),
      `${reason} Fix the input and call ${tool.name} again.`
    )
  }

  // 2. Confine the path. Whatever the rules say, a path out of the workspace is denied.
  let policyInput = parsed
  let executeInput = parsed
  const pathField = PATH_FIELDS[tool.name]
  const fields = parsed as Record<string, unknown>
  const requested = pathField === undefined ? undefined : fields[pathField.field]
  if (pathField !== undefined && typeof requested === 'string') {
    try {
      const resolved = resolveInWorkspace(deps.context.workspace, requested, {
        forWrite: pathField.forWrite
      })
      policyInput = { ...fields, [pathField.field]: resolved.relative }
      executeInput = { ...fields, [pathField.field]: resolved.absolute }
    } catch (error) {
      // A ConfinementError says what was refused; anything else (an unreadable folder on the
      // way) refuses the path too rather than let an unchecked one through.
      const reason =
        error instanceof ConfinementError
          ? error.message
          : `${requested} could not be checked: ${errorMessage(error)}`
      return refuse(deny('confinement', reason), `Permission denied: ${reason}`)
    }
  }

  // The same for the files a Bash line redirects to: the policy judged their names, this checks
  // where they really lead (a symlink in the workspace can point anywhere).
  if (tool.name === 'Bash') {
    for (const { target, forWrite } of redirectedFiles((parsed as { command: string }).command)) {
      try {
        resolveInWorkspace(deps.context.workspace, target, { forWrite })
      } catch (error) {
        const reason = `the redirection to ${target} leaves the workspace or cannot be checked: ${errorMessage(error)}`
        return refuse(deny('confinement', reason), `Permission denied: ${reason}`)
      }
    }
  }

  // 3. Decide.
  let made: Decision
  try {
    made = deps.decide(tool.name, policyInput)
  } catch (error) {
    made = deny('policy-error', `The policy could not decide this call: ${errorMessage(error)}`)
  }
  recordCall(made)
  if (made.decision === 'deny') {
    return finish(`Permission denied by ${made.rule}: ${made.reason}`, true)
  }
  if (made.decision === 'ask') {
    return finish(
      `Not run: this call needs a maintainer's approval (${made.rule}) and is recorded as ` +
        `pending. ${made.reason} Go on with what you can do without it.`,
      true,
      true
    )
  }
  if (deps.signal?.aborted === true) return finish('Not run: the run was cancelled.', true)

  // 4. Execute with a wall-clock cap and a signal linked to the run's.
  const controller = new AbortController()
  const signal =
    deps.signal === undefined
      ? controller.signal
      : AbortSignal.any([deps.signal, controller.signal])
  const timeoutMs =
    tool.name === 'Bash'
      ? (numberField(parsed, 'timeout') ?? DEFAULT_BASH_TIMEOUT_MS) + BASH_TIMEOUT_MARGIN_MS
      : (deps.defaultTimeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS)
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<'timeout'>(resolve => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs)
  })
  try {
    const outcome = await Promise.race([
      tool.execute(executeInput, { ...deps.context, signal }),
      timedOut
    ])
    if (outcome === 'timeout') {
      controller.abort(new Error(`timed out after ${timeoutMs} ms`))
      return finish(
        `${tool.name} did not finish within ${timeoutMs} ms and was stopped. Narrow the request ` +
          '(a smaller path, a more specific pattern) and try again.',
        true
      )
    }
    // 5 and 6. Truncate and redact (in finish).
    return finish(outcome.content, outcome.is_error === true)
  } catch (error) {
    if (runCancelled(deps.signal)) {
      return finish(`${tool.name} was stopped: the run was cancelled.`, true)
    }
    return finish(`${tool.name} failed: ${errorMessage(error)}`, true)
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Runs the calls of one assistant turn and returns their outcomes in the calls' order.
 * Consecutive read-only calls (Read, Glob, Grep) run concurrently; any other call runs alone, in
 * order, so that a Read after an Edit sees the edit. A concurrent group's events are recorded
 * in call order once the group is done, so the session reads the same on every replay.
 */
export async function runToolCalls(
  calls: readonly ToolUseBlock[],
  deps: ToolCallDeps
): Promise<ToolCallOutcome[]> {
  const outcomes: ToolCallOutcome[] = []
  const readOnly = (call: ToolUseBlock): boolean => deps.tools.get(call.name)?.readOnly === true
  let index = 0
  while (index < calls.length) {
    let end = index + 1
    const first = calls[index]
    if (first !== undefined && readOnly(first)) {
      while (end < calls.length && readOnly(calls[end] as ToolUseBlock)) end++
    }
    const group = calls.slice(index, end)
    if (group.length === 1) {
      outcomes.push(await runToolCall(group[0] as ToolUseBlock, deps))
    } else {
      const buffers = group.map(() => [] as (ToolCallEvent | ToolResultEvent)[])
      const results = await Promise.all(
        group.map((call, position) =>
          runToolCall(call, { ...deps, record: event => buffers[position]?.push(event) })
        )
      )
      for (const buffer of buffers) for (const event of buffer) deps.record(event)
      outcomes.push(...results)
    }
    index = end
  }
  return outcomes
}

/** Read through a function: TypeScript would keep an earlier narrowing of `aborted`. */
function runCancelled(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true
}

function deny(rule: string, reason: string): Decision {
  return { decision: 'deny', rule, reason }
}

function numberField(input: unknown, key: string): number | undefined {
  if (typeof input !== 'object' || input === null) return undefined
  const value = (input as Record<string, unknown>)[key]
  return typeof value === 'number' ? value : undefined
}

/** The call's input as the session records it: every string redacted. */
function redactValue(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value)
  if (Array.isArray(value)) return value.map(item => redactValue(item, redact))
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redactValue(item, redact)])
    )
  }
  return value
}
