import { UserError } from '../errors.js'
import type { RequestEvent } from '../session/events.js'
import type { Session } from '../session/reader.js'
import { ZERO_USAGE, type AssistantBlock, type StopReason } from './messages.js'
import type { CompleteOptions, ModelClient, ModelRequest, ModelResponse } from './model-client.js'

/** Thrown when the run asks the replayed model for more replies than the session recorded. */
export class ReplayExhaustedError extends UserError {
  override name = 'ReplayExhaustedError'

  constructor(readonly played: number) {
    super(`the recorded session has no more model replies (${played} played)`)
  }
}

const STOP_REASONS: readonly string[] = [
  'end_turn',
  'tool_use',
  'max_tokens',
  'pause_turn',
  'refusal',
  'stop_sequence',
  'model_context_window_exceeded'
] satisfies StopReason[]

/**
 * A model that plays a recorded session back (`claw run --replay FILE`): no API key, no network.
 *
 * Only the model's side is recorded. Each `complete()` returns the next recorded reply whatever
 * the request says; the tool calls in those replies go through the policy and run for real
 * against the workspace, as in the original run. A replay therefore reproduces the run only when
 * the workspace starts as the original one did; when a tool answers differently, the replayed
 * model carries on with its recorded replies regardless, and a run that wants more turns than
 * were recorded ends with ReplayExhaustedError.
 *
 * The replies, in file order:
 * - every assistant `message` event: its content, with model, stop_reason and usage from the
 *   `request` event written just before it (the loop records the request, then its reply); an
 *   assistant message without one gets the header's model, zero usage and a stop_reason read
 *   from its content;
 * - every `compaction` event: the summary the model wrote when the conversation was compacted
 *   (compaction asks the model through the same client). The recording keeps only the user
 *   message built around that summary, so the text between `<summary>` tags is returned when
 *   present (the whole message otherwise), with zero usage: its tokens were not recorded on
 *   their own.
 */
export class ReplayClient implements ModelClient {
  private next = 0

  private constructor(private readonly replies: readonly ModelResponse[]) {}

  static fromSession(session: Session): ReplayClient {
    const replies: ModelResponse[] = []
    let request: RequestEvent | undefined
    for (const event of session.events) {
      if (event.type === 'request') {
        request = event
      } else if (event.type === 'message' && event.message.role === 'assistant') {
        const content = event.message.content
        replies.push({
          model: request?.model || session.header.model,
          content,
          stop_reason: stopReason(request?.stop_reason, content),
          usage: request ? request.usage : { ...ZERO_USAGE }
        })
        request = undefined
      } else if (event.type === 'compaction') {
        // The summary request's usage is the `request` event recorded just before it, when the
        // session has one (sessions written before it was recorded do not).
        replies.push({
          model: request?.model || session.header.model,
          content: [{ type: 'text', text: summaryText(event.summary) }],
          stop_reason: 'end_turn',
          usage: request ? request.usage : { ...ZERO_USAGE }
        })
        request = undefined
      }
    }
    return new ReplayClient(replies)
  }

  /** Replies returned so far. */
  get played(): number {
    return this.next
  }

  /** Replies still to come. */
  get remaining(): number {
    return this.replies.length - this.next
  }

  complete(_request: ModelRequest, options?: CompleteOptions): Promise<ModelResponse> {
    try {
      options?.signal?.throwIfAborted()
      const reply = this.replies[this.next]
      if (!reply) throw new ReplayExhaustedError(this.next)
      this.next += 1
      // A copy: the loop may keep and change what it gets without changing the recording.
      return Promise.resolve(structuredClone(reply))
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)))
    }
  }
}

function stopReason(recorded: string | undefined, content: AssistantBlock[]): StopReason {
  if (recorded !== undefined && STOP_REASONS.includes(recorded)) return recorded as StopReason
  return content.some(block => block.type === 'tool_use') ? 'tool_use' : 'end_turn'
}

/** The model's own summary inside the message compaction built around it (compaction.ts). */
function summaryText(message: string): string {
  const match = /<summary>\n([\s\S]*)\n<\/summary>\s*$/.exec(message)
  return match?.[1] ?? message
}
