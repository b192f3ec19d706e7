/**
 * The one real `ModelClient`: the Anthropic Messages API through the official SDK, streamed.
 *
 * The SDK's own retries are off (`maxRetries: 0`) and this client retries itself, so that every
 * retry is logged and reported through `onRetry` (the loop records it in the session), and so that
 * the failures the SDK does not retry are covered too: an `event: error` frame after a 200
 * (`overloaded_error`, `api_error`), a connection dropped mid-stream, a body that ends before
 * `message_stop`, and a stream that stalls. The SDK's `timeout` only covers the wait for response
 * headers, so an idle watchdog aborts an attempt that receives no bytes for `idleTimeoutMs`.
 */
import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  type Middleware
} from '@anthropic-ai/sdk'
import type {
  ContentBlockParam,
  MessageCreateParamsStreaming,
  MessageParam,
  RawMessageStreamEvent,
  Tool
} from '@anthropic-ai/sdk/resources/messages'
import type { AssistantBlock, Message, StopReason, Usage } from './messages.js'
import type {
  CompleteOptions,
  ModelClient,
  ModelRequest,
  ModelResponse,
  ToolDefinition
} from './model-client.js'
import { abortError, backoffDelay, retryAfterMs, sleep } from './retry.js'
import { createHttpFetch, type Fetch } from './http-fetch.js'

export interface AnthropicClientOptions {
  apiKey: string
  /** Defaults to `ANTHROPIC_BASE_URL` (read by the SDK), then the public API. A path is kept. */
  baseURL?: string
  /** An attempt that receives nothing (not even a ping) for this long is aborted and retried. */
  idleTimeoutMs?: number
  /** Attempts per request, the first included. */
  maxAttempts?: number
  /** The first retry waits a random time below this; the ceiling doubles per retry. */
  baseDelayMs?: number
  /**
   * The ceiling of a computed backoff delay. A delay the server asks for (`retry-after-ms`,
   * `retry-after`) is honoured up to twice this, so a rate limit that clears in 45 s is waited
   * out with the defaults, while a server asking for an hour cannot park the run.
   */
  maxDelayMs?: number
  /** One line per retry and per skipped content block. */
  log?: (line: string) => void
  /** The HTTP transport; node:http(s) by default (see http-fetch.ts). */
  fetch?: Fetch
}

export interface ModelErrorDetails {
  /** The HTTP status, when the API answered with one. */
  status?: number
  /** The API error type (`overloaded_error`, `not_found_error`, …) or `stream_stalled`, `connection_error`, `incomplete_stream`. */
  type?: string
  /** Whether the failure was of a kind that is retried (true when attempts ran out). */
  retryable: boolean
  /** Attempts made, the failing one included. */
  attempts: number
  cause?: unknown
}

/** A model request failed for good: a non-retryable error, or retries ran out. One-line message. */
export class ModelError extends Error {
  override name = 'ModelError'
  readonly status?: number
  readonly type?: string
  readonly retryable: boolean
  readonly attempts: number

  constructor(message: string, details: ModelErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    if (details.status !== undefined) this.status = details.status
    if (details.type !== undefined) this.type = details.type
    this.retryable = details.retryable
    this.attempts = details.attempts
  }
}

const EPHEMERAL = { type: 'ephemeral' } as const

export function createAnthropicClient(options: AnthropicClientOptions): ModelClient {
  const settings = {
    idleTimeoutMs: options.idleTimeoutMs ?? 60_000,
    maxAttempts: Math.max(1, options.maxAttempts ?? 5),
    baseDelayMs: options.baseDelayMs ?? 1_000,
    maxDelayMs: options.maxDelayMs ?? 30_000
  }
  const log = options.log ?? ((): void => {})
  const client = new Anthropic({
    apiKey: options.apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    maxRetries: 0,
    fetch: options.fetch ?? createHttpFetch()
  })

  async function attempt(
    params: MessageCreateParamsStreaming,
    requestModel: string,
    signal: AbortSignal | undefined
  ): Promise<ModelResponse> {
    const controller = new AbortController()
    const forwardAbort = (): void => controller.abort(signal?.reason)
    signal?.addEventListener('abort', forwardAbort, { once: true })
    let stalled = false
    let responded = false
    const timer = setTimeout(() => {
      stalled = true
      controller.abort()
    }, settings.idleTimeoutMs)
    // Restarts the idle countdown; `refresh` is cheap enough to run on every chunk.
    const touch = (): void => {
      timer.refresh()
    }
    // Every chunk of the body counts as activity, pings included: the watchdog is for a dead
    // connection, not for a model that is slow to produce a token.
    const watchBody: Middleware = async (request, next) => {
      const response = await next(request)
      responded = true
      touch()
      if (!response.ok || !response.body) return response
      return new Response(watched(response.body, touch), {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers
      })
    }

    try {
      const stream = await client.messages.create(params, {
        signal: controller.signal,
        middleware: [watchBody]
      })
      const assembler = new Assembler(requestModel, log)
      for await (const event of stream) {
        assembler.add(event)
      }
      // The SDK ends the iteration quietly when its request is aborted.
      if (stalled) throw new StreamStalledError(settings.idleTimeoutMs)
      return assembler.finish()
    } catch (error) {
      if (stalled) throw new StreamStalledError(settings.idleTimeoutMs)
      // A connection-level failure once the response has begun is a stream cut short, not a
      // server that could not be reached: name it so. An `event: error` frame is an APIError
      // without a status and stays as it is.
      if (responded && isConnectionFailure(error)) throw new StreamDroppedError(error)
      throw error
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', forwardAbort)
      controller.abort()
    }
  }

  return {
    async complete(request: ModelRequest, completeOptions: CompleteOptions = {}) {
      const { signal, onRetry } = completeOptions
      const params = toParams(request)
      for (let attemptNumber = 1; ; attemptNumber++) {
        if (signal?.aborted) throw abortError(signal)
        let failure: Failure
        try {
          return await attempt(params, request.model, signal)
        } catch (error) {
          if (signal?.aborted) throw abortError(signal)
          failure = classify(error, request.model)
        }
        const details = {
          status: failure.status,
          type: failure.type,
          retryable: failure.retryable,
          attempts: attemptNumber,
          cause: failure.cause
        }
        if (!failure.retryable) throw new ModelError(failure.message, details)
        if (attemptNumber >= settings.maxAttempts) {
          const times = attemptNumber === 1 ? 'attempt' : 'attempts'
          throw new ModelError(`${failure.message} after ${attemptNumber} ${times}`, details)
        }
        const delay =
          failure.retryAfterMs !== undefined
            ? Math.min(Math.ceil(failure.retryAfterMs), 2 * settings.maxDelayMs)
            : backoffDelay(attemptNumber, settings)
        log(
          `model API: attempt ${attemptNumber}/${settings.maxAttempts} failed (${failure.reason}); retrying in ${delay} ms`
        )
        onRetry?.({ attempt: attemptNumber, delay_ms: delay, reason: failure.reason })
        await sleep(delay, signal)
      }
    }
  }
}

/**
 * `body` with `onChunk` called on each chunk as it is read. A pull-through stream rather than
 * `pipeThrough(new TransformStream())`: that is a pipe, two more streams and a promise chain per
 * chunk, which a request's few hundred chunks pay for in cold code on every turn.
 */
function watched(
  body: ReadableStream<Uint8Array>,
  onChunk: () => void
): ReadableStream<Uint8Array> {
  const reader = body.getReader()
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read()
        if (done) {
          controller.close()
          return
        }
        onChunk()
        controller.enqueue(value)
      },
      cancel: reason => reader.cancel(reason)
    },
    { highWaterMark: 0 }
  )
}

// ---------------------------------------------------------------------------------------------
// The request: our shapes to the SDK's, with prompt-cache breakpoints.

/**
 * Copies the request into SDK params with three cache breakpoints (the API allows four): the
 * system prompt, the last tool definition (tools sit before the system prompt in the cached
 * prefix) and the last content block of the newest message, so each turn reads the previous
 * turn's prefix from the cache and writes its own. Nothing of the caller's request is mutated:
 * every object that gets a `cache_control` is a new one.
 */
export function toParams(request: ModelRequest): MessageCreateParamsStreaming {
  const tools: Tool[] = request.tools.map((tool, index) =>
    toTool(tool, index === request.tools.length - 1)
  )
  const messages: MessageParam[] = request.messages.map((message, index) =>
    toMessageParam(message, index === request.messages.length - 1)
  )
  const params: MessageCreateParamsStreaming = {
    model: request.model,
    max_tokens: request.max_tokens,
    messages,
    stream: true
  }
  // An empty text block is rejected by the API, so an empty system prompt is left out.
  if (request.system !== '') {
    params.system = [{ type: 'text', text: request.system, cache_control: EPHEMERAL }]
  }
  if (tools.length > 0) params.tools = tools
  return params
}

function toTool(tool: ToolDefinition, last: boolean): Tool {
  const converted: Tool = {
    name: tool.name,
    description: tool.description,
    input_schema: { ...tool.input_schema, type: 'object' }
  }
  if (last) converted.cache_control = EPHEMERAL
  return converted
}

function toMessageParam(message: Message, newest: boolean): MessageParam {
  // String content is always sent as one text block: the newest message needs a block to carry
  // the breakpoint, and a message must keep that shape once it is history, or the next request's
  // prefix differs from the one the cache holds (the task prompt would be written again).
  const blocks: ContentBlockParam[] =
    typeof message.content === 'string'
      ? [{ type: 'text', text: message.content }]
      : message.content.map(block => ({ ...block }))
  if (newest) {
    // Thinking blocks cannot carry cache_control; the breakpoint goes on the last block that can.
    for (let i = blocks.length - 1; i >= 0; i--) {
      const block = blocks[i]
      if (block && block.type !== 'thinking' && block.type !== 'redacted_thinking') {
        blocks[i] = { ...block, cache_control: EPHEMERAL }
        break
      }
    }
  }
  return { role: message.role, content: blocks }
}

// ---------------------------------------------------------------------------------------------
// The response: stream events to one ModelResponse.

type PartialBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; json: string }
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'skipped' }

/**
 * Builds the final message from stream events, as the SDK's own MessageStream does: usage starts
 * from `message_start` and each `message_delta` overrides the fields it carries (its counts are
 * cumulative, so they are not added).
 *
 * Content blocks other than text, tool_use and thinking (redacted_thinking, server tool calls and
 * results, …) are left out, with a log line: `AssistantBlock` cannot hold them, this client never
 * enables server tools, and thinking is not requested, so the API only sends them if a request
 * asked for features the agent does not use.
 */
class Assembler {
  private model: string
  private readonly blocks = new Map<number, PartialBlock>()
  private stopReason: StopReason | null = null
  private usage: Usage = {
    input_tokens: 0,
    output_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation_input_tokens: 0
  }
  private started = false
  private stopped = false

  constructor(
    requestModel: string,
    private readonly log: (line: string) => void
  ) {
    this.model = requestModel
  }

  add(event: RawMessageStreamEvent): void {
    switch (event.type) {
      case 'message_start': {
        this.started = true
        this.model = event.message.model || this.model
        const usage = event.message.usage
        this.usage = {
          input_tokens: usage.input_tokens,
          output_tokens: usage.output_tokens,
          cache_read_input_tokens: usage.cache_read_input_tokens ?? 0,
          cache_creation_input_tokens: usage.cache_creation_input_tokens ?? 0
        }
        return
      }
      case 'content_block_start': {
        const block = event.content_block
        if (block.type === 'text') this.blocks.set(event.index, { type: 'text', text: block.text })
        else if (block.type === 'tool_use')
          this.blocks.set(event.index, {
            type: 'tool_use',
            id: block.id,
            name: block.name,
            json: ''
          })
        else if (block.type === 'thinking')
          this.blocks.set(event.index, {
            type: 'thinking',
            thinking: block.thinking,
            signature: block.signature
          })
        else {
          this.log(`model API: skipped a ${block.type} content block the agent does not use`)
          this.blocks.set(event.index, { type: 'skipped' })
        }
        return
      }
      case 'content_block_delta': {
        const block = this.blocks.get(event.index)
        const delta = event.delta
        if (!block) throw new MalformedStreamError(`a delta for unknown block ${event.index}`)
        if (delta.type === 'text_delta' && block.type === 'text') block.text += delta.text
        else if (delta.type === 'input_json_delta' && block.type === 'tool_use')
          block.json += delta.partial_json
        else if (delta.type === 'thinking_delta' && block.type === 'thinking')
          block.thinking += delta.thinking
        else if (delta.type === 'signature_delta' && block.type === 'thinking')
          block.signature += delta.signature
        // citations_delta and deltas of skipped blocks carry nothing the agent keeps.
        return
      }
      case 'content_block_stop':
        return
      case 'message_delta': {
        if (event.delta.stop_reason) this.stopReason = event.delta.stop_reason
        const usage = event.usage
        this.usage = {
          input_tokens: usage.input_tokens ?? this.usage.input_tokens,
          output_tokens: usage.output_tokens,
          cache_read_input_tokens:
            usage.cache_read_input_tokens ?? this.usage.cache_read_input_tokens,
          cache_creation_input_tokens:
            usage.cache_creation_input_tokens ?? this.usage.cache_creation_input_tokens
        }
        return
      }
      case 'message_stop':
        this.stopped = true
        return
    }
  }

  finish(): ModelResponse {
    if (!this.started || !this.stopped) throw new IncompleteStreamError()
    const content: AssistantBlock[] = []
    for (const index of [...this.blocks.keys()].sort((a, b) => a - b)) {
      const block = this.blocks.get(index)
      if (!block || block.type === 'skipped') continue
      if (block.type === 'tool_use') {
        let input: unknown
        try {
          input = block.json.trim() === '' ? {} : JSON.parse(block.json)
        } catch {
          throw new MalformedStreamError(`the input of tool call ${block.id} is not valid JSON`)
        }
        content.push({ type: 'tool_use', id: block.id, name: block.name, input })
      } else {
        content.push({ ...block })
      }
    }
    if (!this.stopReason) throw new MalformedStreamError('no stop_reason before message_stop')
    return { model: this.model, content, stop_reason: this.stopReason, usage: this.usage }
  }
}

// ---------------------------------------------------------------------------------------------
// Failures: which are retried, and what the user reads.

class StreamStalledError extends Error {
  constructor(readonly idleMs: number) {
    super(`stream idle for ${idleMs} ms`)
  }
}

class IncompleteStreamError extends Error {
  constructor() {
    super('stream ended before message_stop')
  }
}

class MalformedStreamError extends Error {}

class StreamDroppedError extends Error {
  constructor(cause: unknown) {
    super('connection dropped mid-stream', { cause })
  }
}

/** Whether an error thrown while reading a 200 response is the connection failing. */
function isConnectionFailure(error: unknown): boolean {
  if (
    error instanceof StreamStalledError ||
    error instanceof IncompleteStreamError ||
    error instanceof MalformedStreamError
  ) {
    return false
  }
  if (error instanceof SyntaxError) return false
  return error instanceof APIConnectionError || !(error instanceof APIError)
}

interface Failure {
  retryable: boolean
  /** Short, for the retry notice and log: `HTTP 529 overloaded_error`. */
  reason: string
  /** One line for the user. Retryable ones get ` after N attempts` appended. */
  message: string
  status?: number
  type?: string
  retryAfterMs?: number
  cause: unknown
}

const RETRYABLE_STREAM_ERRORS = new Set(['overloaded_error', 'api_error', 'timeout_error'])

function classify(error: unknown, model: string): Failure {
  if (error instanceof StreamStalledError) {
    return {
      retryable: true,
      reason: error.message,
      message: `model API stream stalled (nothing received for ${error.idleMs} ms)`,
      type: 'stream_stalled',
      cause: error
    }
  }
  if (error instanceof IncompleteStreamError) {
    return {
      retryable: true,
      reason: error.message,
      message: 'model API stream ended before message_stop',
      type: 'incomplete_stream',
      cause: error
    }
  }
  if (error instanceof MalformedStreamError) {
    return {
      retryable: true,
      reason: `malformed stream: ${error.message}`,
      message: `model API sent a malformed stream (${error.message})`,
      type: 'malformed_stream',
      cause: error
    }
  }
  if (error instanceof StreamDroppedError) {
    const why = describeCause(error.cause)
    return {
      retryable: true,
      reason: `connection dropped: ${why}`,
      message: `model API connection dropped mid-stream (${why})`,
      type: 'connection_error',
      cause: error.cause
    }
  }
  if (error instanceof APIUserAbortError || isAbortLike(error)) {
    // Not the caller's signal (checked before): an abort from inside, treated as a dropped connection.
    return {
      retryable: true,
      reason: 'request aborted',
      message: 'model API request aborted',
      type: 'connection_error',
      cause: error
    }
  }
  if (error instanceof APIConnectionTimeoutError) {
    return {
      retryable: true,
      reason: 'connection timeout',
      message: 'model API did not answer in time',
      type: 'connection_error',
      cause: error
    }
  }
  if (error instanceof APIConnectionError) {
    const why = describeCause(error)
    return {
      retryable: true,
      reason: `connection error: ${why}`,
      message: `could not reach the model API (${why})`,
      type: 'connection_error',
      cause: error
    }
  }
  if (error instanceof APIError) return classifyApiError(error as APIError, model)
  // Anything else (a frame that is not JSON, an error inside the SDK): sending the request again
  // is the best chance, and attempts are bounded.
  const why = describeCause(error)
  return {
    retryable: true,
    reason: `request failed: ${why}`,
    message: `model API request failed (${why})`,
    type: 'unknown_error',
    cause: error
  }
}

function classifyApiError(error: APIError, model: string): Failure {
  const status = error.status
  const type = error.type ?? undefined
  const apiMessage = oneLine(error.apiMessage ?? '')
  const detail = apiMessage ? `: ${apiMessage}` : ''
  const base = { status, type, cause: error }

  // An `event: error` frame after a 200: no status, only the error type.
  if (status === undefined) {
    const kind = type ?? 'unknown error'
    if (RETRYABLE_STREAM_ERRORS.has(kind)) {
      const what = kind === 'overloaded_error' ? 'overloaded' : 'server error'
      return {
        ...base,
        retryable: true,
        reason: `${kind} in the response stream`,
        message: `model API ${what} (${kind} in the response stream)`
      }
    }
    return {
      ...base,
      retryable: false,
      reason: kind,
      message: `model API error in the response stream (${kind})${detail}`
    }
  }

  const label = type ? `HTTP ${status} ${type}` : `HTTP ${status}`
  const shouldRetry = error.headers?.get('x-should-retry')
  const retryable =
    shouldRetry === 'true' ||
    (shouldRetry !== 'false' &&
      (status === 408 || status === 409 || status === 429 || status >= 500))
  if (retryable) {
    const what =
      status === 529 || type === 'overloaded_error'
        ? 'overloaded'
        : status === 429
          ? 'rate limit exceeded'
          : status >= 500
            ? 'server error'
            : 'error'
    const shown = status === 529 || status === 429 ? `HTTP ${status}` : label
    const after = retryAfterMs(error.headers)
    return {
      ...base,
      retryable: true,
      reason: label,
      message: `model API ${what} (${shown})`,
      ...(after === undefined ? {} : { retryAfterMs: after })
    }
  }

  let message: string
  if (status === 401) {
    message = 'the API key was rejected (HTTP 401): check ANTHROPIC_API_KEY'
  } else if (status === 403) {
    message = `the API key is not allowed to make this request (${label})${detail}`
  } else if (status === 404 && (!apiMessage || /model/i.test(apiMessage))) {
    message = `the model "${model}" was not found (HTTP 404): check the model name (the "model" input of the action, or --model)`
  } else if (status === 404) {
    message = `the model API endpoint was not found (${label})${detail}: check ANTHROPIC_BASE_URL`
  } else if (status === 413) {
    message = `the request is too large for the model API (${label})${detail}`
  } else if (status === 400) {
    message = `the model API rejected the request (${label})${detail}`
  } else {
    message = `model API error (${label})${detail}`
  }
  return { ...base, retryable: false, reason: label, message }
}

function isAbortLike(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}

/**
 * The innermost cause's code or message: `ECONNREFUSED`, `UND_ERR_SOCKET`, `terminated`. Duck-typed:
 * errors from undici can come from another realm (under Jest), where `instanceof Error` fails.
 */
function describeCause(error: unknown): string {
  let inner = error
  const seen = new Set<unknown>()
  while (isRecord(inner) && inner.cause !== undefined && inner.cause !== null && !seen.has(inner)) {
    seen.add(inner)
    inner = inner.cause
  }
  if (isRecord(inner)) {
    const code = typeof inner.code === 'string' ? inner.code : undefined
    const message = typeof inner.message === 'string' ? oneLine(inner.message) : ''
    if (message && code && !message.includes(code)) return `${message} (${code})`
    if (message || code) return message || (code ?? '')
    if (typeof inner.name === 'string') return inner.name
  }
  return oneLine(String(inner))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat
}
