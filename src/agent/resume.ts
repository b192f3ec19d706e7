/**
 * Continuing a session in a later run: a `/claw approve` / `/claw deny` answering the calls that
 * waited for a maintainer, or a follow-up request on the same issue or pull request.
 *
 * The new session file starts with its own header, then every event of the earlier session (so
 * that it stays the whole record, and `conversationOf` rebuilds the same conversation), then what
 * this run does. The one exception: when the earlier run ended on a user message holding tool
 * results (the pending calls' "not run" placeholders), that message is left out of the copy and
 * handed to the loop again with the placeholders replaced by the real results (and the new
 * request, if any), because the API takes one user turn there, not two.
 */
import { UserError } from '../errors.js'
import type { Message, ToolResultBlock, ToolUseBlock, UserBlock } from './messages.js'
import { conversationOf, type Session } from '../session/reader.js'
import type { OutcomeEvent, SessionEvent, WorkspaceEvent } from '../session/events.js'

export type ApprovalKind = 'approve-once' | 'approve-all' | 'deny'

export interface ResumeRequest {
  session: Session
  /** How the pending calls are answered; undefined for a follow-up. */
  approval?: ApprovalKind
  /** Who asked (a login). */
  by: string
  /** New instructions; may be empty for an approval. */
  request?: string
}

export interface PreparedResume {
  /** The earlier session's events to copy into the new file, in order (no header). */
  copied: SessionEvent[]
  /** The conversation the loop starts from (with the new request, without the results yet). */
  messages: Message[]
  /** How many of `messages` the copied events already hold: the loop records the rest. */
  recorded: number
  /** The calls that waited for approval, as the model made them. */
  pending: ToolUseBlock[]
  /** Their policy rules, for `approve-all` (later calls under the same `ask` rule are allowed). */
  pendingRules: string[]
  /** The working tree as the earlier run left it, to apply before going on. */
  workspace: WorkspaceEvent | undefined
}

/** Thrown when a session cannot be continued as asked; the message says why, for the user. */
export class ResumeError extends UserError {
  override name = 'ResumeError'
}

export function prepareResume(resume: ResumeRequest): PreparedResume {
  const { session } = resume
  const conversation = conversationOf(session)
  const outcome = [...session.events]
    .reverse()
    .find((event): event is OutcomeEvent => event.type === 'outcome')
  const pendingCalls = outcome?.status === 'needs-approval' ? (outcome.pending ?? []) : []
  if (resume.approval !== undefined && pendingCalls.length === 0) {
    throw new ResumeError(
      'the earlier session has no calls waiting for approval, so there is nothing to approve or deny'
    )
  }
  const last = conversation.at(-1)
  if (last === undefined) throw new ResumeError('the earlier session holds no conversation')
  // The earlier run ended with the model's final answer, or with tool results (calls pending).
  const endsWithUser = last.role === 'user'
  const lastMessageIndex = lastIndexOf(session.events, event => event.type === 'message')
  const copied = session.events.filter(
    (_event, index) => !(endsWithUser && index === lastMessageIndex)
  )
  const messages = conversation.map(message => structuredClone(message))
  const request = resume.request?.trim() ?? ''
  if (endsWithUser) {
    if (request !== '') {
      const tail = messages.at(-1) as Extract<Message, { role: 'user' }>
      tail.content = [...blocksOf(tail.content), { type: 'text', text: request }]
    }
  } else {
    messages.push({
      role: 'user',
      content: request === '' ? 'Go on with the task.' : request
    })
  }
  const workspace = [...session.events]
    .reverse()
    .find((event): event is WorkspaceEvent => event.type === 'workspace')
  return {
    copied,
    messages,
    // Everything but the last message: the new request, or the results message rebuilt above.
    recorded: messages.length - 1,
    pending: pendingCalls.map(call => ({
      type: 'tool_use',
      id: call.id,
      name: call.tool,
      input: call.input
    })),
    pendingRules: [...new Set(pendingCalls.map(call => call.rule))],
    workspace
  }
}

/** Puts the answered calls' results in place of their "not run" placeholders. */
export function replaceResults(messages: Message[], results: ToolResultBlock[]): void {
  const tail = messages.at(-1)
  if (tail?.role !== 'user') return
  const byId = new Map(results.map(result => [result.tool_use_id, result]))
  tail.content = blocksOf(tail.content).map(block =>
    block.type === 'tool_result' ? (byId.get(block.tool_use_id) ?? block) : block
  )
}

function blocksOf(content: string | UserBlock[]): UserBlock[] {
  return typeof content === 'string' ? [{ type: 'text', text: content }] : content
}

function lastIndexOf<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index -= 1) {
    if (predicate(items[index] as T)) return index
  }
  return -1
}
