/**
 * The conversation as the agent core sees it. The shapes follow the Anthropic Messages API so
 * that a recorded session can be sent again unchanged, but nothing here imports the SDK: the
 * core stays independent of the model client behind `ModelClient`.
 */

export interface TextBlock {
  type: 'text'
  text: string
}

export interface ToolUseBlock {
  type: 'tool_use'
  id: string
  name: string
  input: unknown
}

export interface ToolResultBlock {
  type: 'tool_result'
  tool_use_id: string
  content: string
  is_error?: boolean
}

/** Extended thinking, kept verbatim (with its signature) so that it can be sent back. */
export interface ThinkingBlock {
  type: 'thinking'
  thinking: string
  signature: string
}

export type AssistantBlock = TextBlock | ToolUseBlock | ThinkingBlock
export type UserBlock = TextBlock | ToolResultBlock

export type Message =
  { role: 'user'; content: string | UserBlock[] } | { role: 'assistant'; content: AssistantBlock[] }

/** Token counts of one model request, as the API reports them. */
export interface Usage {
  input_tokens: number
  output_tokens: number
  cache_read_input_tokens: number
  cache_creation_input_tokens: number
}

export const ZERO_USAGE: Usage = Object.freeze({
  input_tokens: 0,
  output_tokens: 0,
  cache_read_input_tokens: 0,
  cache_creation_input_tokens: 0
})

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    input_tokens: a.input_tokens + b.input_tokens,
    output_tokens: a.output_tokens + b.output_tokens,
    cache_read_input_tokens: a.cache_read_input_tokens + b.cache_read_input_tokens,
    cache_creation_input_tokens: a.cache_creation_input_tokens + b.cache_creation_input_tokens
  }
}

export type StopReason =
  | 'end_turn'
  | 'tool_use'
  | 'max_tokens'
  | 'pause_turn'
  | 'refusal'
  | 'stop_sequence'
  | 'model_context_window_exceeded'
