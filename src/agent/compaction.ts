import type { CompactionEvent } from '../session/events.js'
import type { Message, Usage, UserBlock } from './messages.js'
import type { ModelClient, ToolDefinition } from './model-client.js'

/**
 * Compaction: when the conversation nears the model's context window, the older turns are
 * summarised by the model and replaced by one user message holding the summary.
 *
 * The split always falls just before an assistant message, so every tool_use stays with its
 * tool_result (both are either summarised or kept). The summary request reuses the run's system
 * prompt and tools, so it is served from the same cached prefix.
 */

/** Compact when the last request used this share of the context window. */
export const COMPACTION_THRESHOLD = 0.75
/** The newest messages kept verbatim (at least); the rest is summarised. */
const KEEP_RECENT_MESSAGES = 6

const SUMMARY_INSTRUCTION = `The conversation so far is about to be replaced by a summary to save context.
Write that summary now, as plain text for yourself: the task and the user's requests, what you found
(files, functions, causes), what you changed and in which files, commands run and their results,
what is left to do, and anything the user or a tool refused. Be specific and brief. Call no tool.`

export function shouldCompact(messages: Message[], contextTokens: number, contextWindow: number) {
  return contextTokens >= contextWindow * COMPACTION_THRESHOLD && splitPoint(messages) > 0
}

/** Index of the first kept message: an assistant message with enough recent history after it. */
export function splitPoint(messages: Message[]): number {
  for (let index = messages.length - KEEP_RECENT_MESSAGES; index > 1; index -= 1) {
    if (messages[index]?.role === 'assistant') return index
  }
  return 0
}

export interface CompactionResult {
  messages: Message[]
  usage: Usage
  durationMs: number
  event: CompactionEvent
}

export async function compactConversation(options: {
  model: ModelClient
  modelName: string
  system: string
  tools: ToolDefinition[]
  messages: Message[]
  signal?: AbortSignal
  maxTokens: number
}): Promise<CompactionResult | undefined> {
  const split = splitPoint(options.messages)
  if (split <= 0) return undefined
  const older = options.messages.slice(0, split)
  const last = older[older.length - 1]
  if (!last || last.role !== 'user') return undefined

  // The instruction joins the last summarised user message (after its tool results) instead of
  // following it, because the API wants user and assistant turns to alternate.
  const lastContent: UserBlock[] =
    typeof last.content === 'string' ? [{ type: 'text', text: last.content }] : [...last.content]
  lastContent.push({ type: 'text', text: SUMMARY_INSTRUCTION })
  const request = [...older.slice(0, -1), { role: 'user' as const, content: lastContent }]

  const started = Date.now()
  const response = await options.model.complete(
    {
      model: options.modelName,
      system: options.system,
      tools: options.tools,
      messages: request,
      max_tokens: Math.min(options.maxTokens, 8_000)
    },
    { signal: options.signal }
  )
  const summary = response.content
    .filter(block => block.type === 'text')
    .map(block => block.text)
    .join('\n')
    .trim()
  if (!summary) throw new Error('the model returned an empty summary')

  const firstPrompt = options.messages[0]
  const task = firstPrompt && firstPrompt.role === 'user' ? textOf(firstPrompt) : ''
  const replacement = [
    'Earlier turns of this session were compacted. The original request:',
    '<request>',
    task,
    '</request>',
    'Summary of the work so far:',
    '<summary>',
    summary,
    '</summary>'
  ].join('\n')
  const tokensBefore =
    response.usage.input_tokens +
    response.usage.cache_read_input_tokens +
    response.usage.cache_creation_input_tokens
  return {
    messages: [{ role: 'user', content: replacement }, ...options.messages.slice(split)],
    usage: response.usage,
    durationMs: Date.now() - started,
    event: {
      type: 'compaction',
      replaced_messages: split,
      tokens_before: tokensBefore,
      summary: replacement
    }
  }
}

function textOf(message: Message): string {
  if (typeof message.content === 'string') return message.content
  return message.content
    .map(block => (block.type === 'text' ? block.text : ''))
    .filter(Boolean)
    .join('\n')
}
