import type { Message, Usage } from '../agent/messages.js'
import type { Decision } from '../policy/types.js'

/**
 * The session transcript: JSONL, one event per line, written as the run goes so that a crash
 * leaves a readable file. The first line is always the header. Bump SESSION_FORMAT_VERSION when
 * a change would stop an older reader from resuming or replaying a file.
 */
export const SESSION_FORMAT_VERSION = 1

export interface SessionHeader {
  type: 'header'
  format: 'claw-session'
  version: number
  task: string
  /** `owner/name` in a workflow, the directory's name locally. */
  repository: string
  /** The GitHub event name, or `cli` for a local run. */
  event: string
  model: string
  /** sha256 of the policy as loaded (its source text, or the built-in default). */
  policy_digest: string
  policy_source: string
  started_at: string
  /** The prompt the run started with. */
  prompt: string
  /**
   * How Bash was isolated from the action's process in this run (src/sandbox/isolation.ts).
   * Absent in sessions written before isolation existed.
   */
  isolation?: {
    level: 'user-namespace' | 'root-namespace' | 'sudo-namespace' | 'none'
    network: 'isolated' | 'host'
    detail: string
  }
}

/** A message as it entered the conversation (user prompts, assistant replies, tool results). */
export interface MessageEvent {
  type: 'message'
  message: Message
}

export interface RequestEvent {
  type: 'request'
  turn: number
  model: string
  usage: Usage
  cost_usd: number
  duration_ms: number
  stop_reason: string
}

export interface RetryEvent {
  type: 'retry'
  turn: number
  attempt: number
  delay_ms: number
  reason: string
}

export interface ToolCallEvent {
  type: 'tool_call'
  id: string
  tool: string
  input: unknown
  decision: Decision
}

export interface ToolResultEvent {
  type: 'tool_result'
  id: string
  tool: string
  is_error: boolean
  /** The result exactly as the model saw it (redacted, truncated). */
  content: string
  duration_ms: number
}

export interface CompactionEvent {
  type: 'compaction'
  /** Messages replaced by the summary. */
  replaced_messages: number
  tokens_before: number
  summary: string
}

export type RunStatus =
  'success' | 'max-turns' | 'max-cost' | 'timeout' | 'needs-approval' | 'refusal' | 'error'

export interface OutcomeEvent {
  type: 'outcome'
  status: RunStatus
  /** One line for people: why the run ended. */
  reason: string
  turns: number
  usage: Usage
  cost_usd: number
  branch?: string
  commits?: string[]
  review?: unknown
  /** Calls answered `ask`: not run, waiting for a `/claw approve`. */
  pending?: { id: string; tool: string; input: unknown; rule: string }[]
  ended_at: string
}

/**
 * The session was continued by a later run: a `/claw approve` or `/claw deny` answering the
 * pending calls, or a follow-up request. What follows was done in that run.
 */
export interface ResumeEvent {
  type: 'resume'
  /** `approve-once`, `approve-all`, `deny`, or `follow-up`. */
  kind: 'approve-once' | 'approve-all' | 'deny' | 'follow-up'
  /** Who asked for it (a GitHub login), or `cli`. */
  by: string
  /** The new request, when there is one. */
  request?: string
  at: string
}

/**
 * The working tree's changes when the run paused for approval, against `base`: a resumed run on
 * a fresh runner applies them before it goes on, so the conversation and the files agree.
 */
export interface WorkspaceEvent {
  type: 'workspace'
  /** The commit the patch applies to. */
  base: string
  /** `git diff --binary` of the working tree (untracked files included), redacted. */
  patch: string
}

export type SessionEvent =
  | SessionHeader
  | ResumeEvent
  | WorkspaceEvent
  | MessageEvent
  | RequestEvent
  | RetryEvent
  | ToolCallEvent
  | ToolResultEvent
  | CompactionEvent
  | OutcomeEvent
