import type { SessionEvent, RunStatus, OutcomeEvent } from '../session/events.js'
import type { ToolUseBlock, ToolResultBlock, Message, Usage } from './messages.js'
import { addUsage, ZERO_USAGE } from './messages.js'
import type { ModelClient, ModelResponse, ToolDefinition } from './model-client.js'
import { compactConversation, shouldCompact } from './compaction.js'
import { errorMessage } from '../errors.js'

/**
 * The agent loop: user message → model → tool calls → results back → repeat.
 *
 * The loop stops only on these named conditions, each of which ends the run with a status:
 * - `success`:        the model answered without a tool call (end_turn / stop_sequence)
 * - `max-turns`:      the turn cap was reached
 * - `max-cost`:       the cost cap was reached, or the next request would likely cross it
 * - `timeout`:        the deadline passed (the request or tool under way is aborted)
 * - `needs-approval`: a tool call was answered `ask` by the policy (pending, not run)
 * - `refusal`:        the model refused (stop_reason `refusal`)
 * - `error`:          the model API failed after its retries, or the run was cancelled
 * Tool errors, bad tool input and permission denials are never stop conditions: they go back to
 * the model as `is_error` results and the loop goes on.
 */

/** What one tool call produced, as the loop needs it. */
export interface ExecutedCall {
  result: ToolResultBlock
  /** The policy answered `ask`: the call was not run and waits for approval. */
  pending: boolean
  rule: string
}

export interface AgentLimits {
  maxTurns: number
  maxCostUsd: number
  /** Epoch ms after which the run stops (`timeout`). */
  deadline: number
}

export interface AgentOptions {
  model: ModelClient
  modelName: string
  system: string
  tools: ToolDefinition[]
  /** The conversation so far: the task prompt, or a resumed session's messages plus the new one. */
  messages: Message[]
  /** How many of `messages` the session holds already (a resumed session's copy); default 0. */
  alreadyRecorded?: number
  /** Runs one turn's tool calls through the policy wrapper, results in the calls' order. */
  executeCalls: (calls: ToolUseBlock[], signal: AbortSignal) => Promise<ExecutedCall[]>
  limits: AgentLimits
  /** Records a session event (the session writer's `append`). */
  record: (event: SessionEvent) => void
  /** Prices a request. */
  costOf: (model: string, usage: Usage) => number
  /** Output token cap of one request. */
  maxTokens?: number
  /** The model's context window in tokens; compaction starts near it. */
  contextWindow?: number
  /** Progress lines for people (stderr locally, the log in a workflow). */
  log?: (line: string) => void
  signal?: AbortSignal
  /** Injected clock for tests. */
  now?: () => number
}

export interface AgentResult {
  status: RunStatus
  reason: string
  turns: number
  usage: Usage
  costUsd: number
  /** The final assistant text (the summary, a review, an answer). */
  finalText: string
  messages: Message[]
  pending: { id: string; tool: string; input: unknown; rule: string }[]
}

const DEFAULT_MAX_TOKENS = 16_000
const DEFAULT_CONTEXT_WINDOW = 200_000
const CONTINUE_AFTER_MAX_TOKENS =
  'Your reply was cut off at the output token limit. Continue exactly where you stopped.'

export async function runAgent(options: AgentOptions): Promise<AgentResult> {
  const now = options.now ?? Date.now
  const log = options.log ?? (() => {})
  const messages = [...options.messages]
  let usage: Usage = { ...ZERO_USAGE }
  let costUsd = 0
  let lastRequestCost = 0
  // A resumed conversation has no request of this run to measure yet: its size is estimated
  // (bytes / 4), so that one grown near the window is compacted before the first request.
  let lastTurnUsage: Usage | undefined =
    (options.alreadyRecorded ?? 0) > 0
      ? {
          ...ZERO_USAGE,
          input_tokens: Math.ceil(
            (JSON.stringify(options.messages).length +
              options.system.length +
              JSON.stringify(options.tools).length) /
              4
          )
        }
      : undefined
  let turns = 0
  let finalText = ''
  let pending: AgentResult['pending'] = []

  const deadline = new AbortController()
  const untilDeadline = Math.max(0, options.limits.deadline - now())
  const deadlineTimer = setTimeout(() => deadline.abort(new Error('deadline')), untilDeadline)
  deadlineTimer.unref?.()
  const signal = options.signal
    ? AbortSignal.any([options.signal, deadline.signal])
    : deadline.signal

  const finish = (status: RunStatus, reason: string): AgentResult => {
    clearTimeout(deadlineTimer)
    const outcome: OutcomeEvent = {
      type: 'outcome',
      status,
      reason,
      turns,
      usage,
      cost_usd: costUsd,
      ...(pending.length > 0 ? { pending } : {}),
      ended_at: new Date(now()).toISOString()
    }
    options.record(outcome)
    log(`claw: ${status}: ${reason}`)
    return { status, reason, turns, usage, costUsd, finalText, messages, pending }
  }

  const push = (message: Message): void => {
    messages.push(message)
    options.record({ type: 'message', message })
  }

  const stoppedBySignal = (): AgentResult | undefined => {
    if (deadline.signal.aborted) return finish('timeout', 'the run reached its deadline')
    if (options.signal?.aborted) return finish('error', 'the run was cancelled')
    return undefined
  }

  // Messages handed in (a fresh prompt or a resumed conversation's new request) enter the session.
  for (const message of options.messages.slice(options.alreadyRecorded ?? 0)) {
    options.record({ type: 'message', message })
  }

  for (;;) {
    const stopped = stoppedBySignal()
    if (stopped) return stopped
    if (turns >= options.limits.maxTurns) {
      return finish('max-turns', `the turn cap of ${options.limits.maxTurns} was reached`)
    }
    if (
      costUsd >= options.limits.maxCostUsd ||
      costUsd + lastRequestCost > options.limits.maxCostUsd
    ) {
      // Each request re-sends the conversation, so the next one costs at least about as much as
      // the last: stopping before it is what keeps the cap a cap rather than a tripwire.
      return finish(
        'max-cost',
        `the cost cap of $${options.limits.maxCostUsd.toFixed(2)} was reached ($${costUsd.toFixed(4)} spent)`
      )
    }

    const contextWindow = options.contextWindow ?? DEFAULT_CONTEXT_WINDOW
    if (shouldCompact(messages, contextTokens(lastTurnUsage), contextWindow)) {
      try {
        const compacted = await compactConversation({
          model: options.model,
          modelName: options.modelName,
          system: options.system,
          tools: options.tools,
          messages,
          signal,
          maxTokens: options.maxTokens ?? DEFAULT_MAX_TOKENS
        })
        if (compacted) {
          const compactionCost = options.costOf(options.modelName, compacted.usage)
          usage = addUsage(usage, compacted.usage)
          costUsd += compactionCost
          // The summary is a model request like any other: on record with its usage and cost.
          options.record({
            type: 'request',
            turn: turns,
            model: options.modelName,
            usage: compacted.usage,
            cost_usd: compactionCost,
            duration_ms: compacted.durationMs,
            stop_reason: 'end_turn'
          })
          messages.splice(0, messages.length, ...compacted.messages)
          lastTurnUsage = undefined
          options.record(compacted.event)
          log(`claw: compacted ${compacted.event.replaced_messages} earlier messages`)
        }
      } catch (error) {
        const stoppedNow = stoppedBySignal()
        if (stoppedNow) return stoppedNow
        return finish('error', `compaction failed: ${errorMessage(error)}`)
      }
    }

    // A turn counts once the model has answered; a request that failed for good is not a turn.
    const turn = turns + 1
    const started = now()
    let response: ModelResponse
    try {
      response = await options.model.complete(
        {
          model: options.modelName,
          system: options.system,
          tools: options.tools,
          messages,
          max_tokens: options.maxTokens ?? DEFAULT_MAX_TOKENS
        },
        {
          signal,
          onRetry: notice => {
            // The client logs each retry itself; here it goes on record.
            options.record({ type: 'retry', turn, ...notice })
          }
        }
      )
    } catch (error) {
      const stoppedNow = stoppedBySignal()
      if (stoppedNow) return stoppedNow
      return finish('error', errorMessage(error))
    }

    turns = turn
    lastRequestCost = options.costOf(response.model || options.modelName, response.usage)
    lastTurnUsage = response.usage
    usage = addUsage(usage, response.usage)
    costUsd += lastRequestCost
    options.record({
      type: 'request',
      turn: turns,
      model: response.model || options.modelName,
      usage: response.usage,
      cost_usd: lastRequestCost,
      duration_ms: now() - started,
      stop_reason: response.stop_reason
    })
    push({ role: 'assistant', content: response.content })
    const text = response.content
      .filter(block => block.type === 'text')
      .map(block => block.text)
      .join('\n')
      .trim()
    if (text) {
      finalText = text
      log(`claw: ${firstLine(text)}`)
    }

    const calls = response.content.filter(
      (block): block is ToolUseBlock => block.type === 'tool_use'
    )
    switch (response.stop_reason) {
      case 'refusal':
        return finish('refusal', 'the model declined the request')
      case 'pause_turn':
        // The API paused a long turn; sending the conversation back as it is lets it go on.
        continue
      case 'max_tokens':
        if (calls.length === 0) {
          push({ role: 'user', content: CONTINUE_AFTER_MAX_TOKENS })
          continue
        }
        break
      default:
        break
    }
    if (calls.length === 0) return finish('success', 'the model finished the task')

    const executed = await options.executeCalls(calls, signal)
    push({ role: 'user', content: executed.map(call => call.result) })
    const stoppedInTools = stoppedBySignal()
    if (stoppedInTools) return stoppedInTools
    const waiting = executed.filter(call => call.pending)
    if (waiting.length > 0) {
      pending = waiting.map(call => {
        const use = calls.find(c => c.id === call.result.tool_use_id)
        return {
          id: call.result.tool_use_id,
          tool: use?.name ?? 'unknown',
          input: use?.input,
          rule: call.rule
        }
      })
      return finish(
        'needs-approval',
        `${waiting.length} tool call(s) need a maintainer's approval (policy rule: ${pending[0]?.rule ?? 'ask'})`
      )
    }
  }
}

// Context size of the latest request: what it sent plus what came back. Compaction is decided on
// it because the API's own count is exact, unlike any local estimate.
function contextTokens(last: Usage | undefined): number {
  if (!last) return 0
  return (
    last.input_tokens +
    last.cache_read_input_tokens +
    last.cache_creation_input_tokens +
    last.output_tokens
  )
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? ''
  return line.length > 200 ? `${line.slice(0, 200)}…` : line
}
