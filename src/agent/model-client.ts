import type { AssistantBlock, Message, StopReason, Usage } from './messages.js'

/** A tool as the model is told about it. */
export interface ToolDefinition {
  name: string
  description: string
  /** JSON Schema of the input object; every field carries a description for the model. */
  input_schema: Record<string, unknown>
}

export interface ModelRequest {
  model: string
  /** The system prompt: stable for the whole run, so it sits in the cached prefix. */
  system: string
  tools: ToolDefinition[]
  messages: Message[]
  max_tokens: number
}

export interface ModelResponse {
  /** The model as the API named it in `message_start`. */
  model: string
  content: AssistantBlock[]
  stop_reason: StopReason
  usage: Usage
}

/** One retry of a request, reported so that it can be logged and recorded in the session. */
export interface RetryNotice {
  attempt: number
  /** How long the client waits before the next attempt. */
  delay_ms: number
  /** Why the attempt failed, e.g. `HTTP 529 overloaded_error` or `stream idle for 30000 ms`. */
  reason: string
}

export interface CompleteOptions {
  signal?: AbortSignal
  onRetry?: (notice: RetryNotice) => void
}

/**
 * The model behind the agent loop. One real implementation talks to the Anthropic API
 * (`anthropic-client.ts`); the replay client plays a recorded session back.
 */
export interface ModelClient {
  complete(request: ModelRequest, options?: CompleteOptions): Promise<ModelResponse>
  /**
   * Loads what the first request needs (the SDK is about 1.5 MB of code). The run calls it while
   * other start-up work (the isolation probe, in child processes) is under way, so the two
   * overlap instead of adding up. Optional; `complete` works without it.
   */
  prepare?(): Promise<void>
}

/** A client built on first use: `prepare` (or the first `complete`) runs the factory once. */
export function lazyModelClient(factory: () => Promise<ModelClient>): ModelClient {
  let client: Promise<ModelClient> | undefined
  const get = (): Promise<ModelClient> => (client ??= factory())
  return {
    prepare: async () => {
      await get()
    },
    complete: async (request, options) => (await get()).complete(request, options)
  }
}
