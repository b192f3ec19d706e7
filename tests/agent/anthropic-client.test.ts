/**
 * The real Anthropic SDK, driven by our client, against the scripted loopback server in
 * tests/fixtures/fake-anthropic.mjs. Nothing of ours is mocked.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { ModelError, createAnthropicClient } from '../../src/agent/anthropic-client.js'
import type { AnthropicClientOptions } from '../../src/agent/anthropic-client.js'
import type { ModelRequest, RetryNotice } from '../../src/agent/model-client.js'
import { backoffDelay, retryAfterMs } from '../../src/agent/retry.js'
import {
  estimateUsage,
  startFakeAnthropic,
  type FakeAnthropic,
  type FakeOptions,
  type Script
} from '../fixtures/fake-anthropic.mjs'

const open: FakeAnthropic[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map(fake => fake.close()))
})

async function fake(script: Script, options?: FakeOptions): Promise<FakeAnthropic> {
  const server = await startFakeAnthropic(script, options)
  open.push(server)
  return server
}

function clientFor(server: FakeAnthropic, options: Partial<AnthropicClientOptions> = {}) {
  const logs: string[] = []
  const client = createAnthropicClient({
    apiKey: 'test-key',
    baseURL: server.url,
    idleTimeoutMs: 2_000,
    baseDelayMs: 5,
    maxDelayMs: 20,
    log: line => logs.push(line),
    ...options
  })
  return { client, logs }
}

function tool(name: string) {
  return {
    name,
    description: `The ${name} tool.`,
    input_schema: {
      type: 'object',
      properties: { path: { type: 'string', description: 'A file path.' } },
      required: ['path']
    }
  }
}

function conversation(): ModelRequest {
  return {
    model: 'claude-sonnet-4-5',
    system: 'You are a careful coding agent.',
    tools: [tool('read_file'), tool('write_file'), tool('bash')],
    messages: [
      { role: 'user', content: 'Fix the failing test.' },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Reading the test first.' },
          { type: 'tool_use', id: 'toolu_1', name: 'read_file', input: { path: 'a.test.ts' } }
        ]
      },
      {
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'expect(1).toBe(2)' }]
      }
    ],
    max_tokens: 1024
  }
}

const done = {
  reply: { content: [{ type: 'text' as const, text: 'Done.' }], stop_reason: 'end_turn' as const }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze)
    Object.freeze(value)
  }
  return value
}

/** The parts of a recorded request body these tests read. */
interface SentBody {
  model: string
  stream: boolean
  system?: unknown
  tools: { name: string; input_schema: unknown; cache_control?: unknown }[]
  messages: { role: string; content: unknown }[]
}

function sent(server: FakeAnthropic, index: number): SentBody {
  const request = server.requests[index]
  if (!request) throw new Error(`the fake received no request #${index + 1}`)
  return request.body as SentBody
}

/** Every object in the body that carries cache_control, by where it sits. */
function breakpoints(body: SentBody): string[] {
  const found: string[] = []
  const visit = (value: unknown, where: string): void => {
    if (!value || typeof value !== 'object') return
    if ('cache_control' in value) found.push(where)
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${where}[${i}]`))
  }
  visit(body.system, 'system')
  visit(body.tools, 'tools')
  body.messages.forEach((message, i) => visit(message.content, `messages[${i}]`))
  return found
}

describe('createAnthropicClient against the fake API', () => {
  it('streams a text reply and reports the model the API named', async () => {
    const server = await fake([
      {
        reply: {
          content: [{ type: 'text', text: 'All tests pass now, after fixing the expectation.' }],
          stop_reason: 'end_turn',
          model: 'claude-sonnet-4-5-20250929'
        }
      }
    ])
    const { client } = clientFor(server)
    const response = await client.complete(conversation())
    expect(response.content).toEqual([
      { type: 'text', text: 'All tests pass now, after fixing the expectation.' }
    ])
    expect(response.stop_reason).toBe('end_turn')
    expect(response.model).toBe('claude-sonnet-4-5-20250929')
    expect(server.requests).toHaveLength(1)
    expect(sent(server, 0)).toMatchObject({ stream: true, model: 'claude-sonnet-4-5' })
  })

  it('assembles tool_use input from input_json_delta chunks and keeps thinking with its signature', async () => {
    const input = { path: 'src/a.ts', edits: [{ old: 'a "quoted" {', new: 'b\n' }], dry_run: false }
    const server = await fake(
      [
        {
          reply: {
            content: [
              {
                type: 'thinking',
                thinking: 'The test expects 2; the code returns 1.',
                signature: 'sig-abc=='
              },
              { type: 'text', text: 'Editing.' },
              { type: 'tool_use', id: 'toolu_9', name: 'edit_file', input }
            ],
            stop_reason: 'tool_use'
          }
        }
      ],
      { jsonChunkSize: 3, textChunkSize: 4 }
    )
    const { client } = clientFor(server)
    const response = await client.complete(conversation())
    expect(response.stop_reason).toBe('tool_use')
    expect(response.content).toEqual([
      {
        type: 'thinking',
        thinking: 'The test expects 2; the code returns 1.',
        signature: 'sig-abc=='
      },
      { type: 'text', text: 'Editing.' },
      { type: 'tool_use', id: 'toolu_9', name: 'edit_file', input }
    ])
  })

  it('reports usage from message_start and message_delta, cache fields included', async () => {
    const server = await fake([
      {
        reply: {
          content: [{ type: 'text', text: 'ok' }],
          stop_reason: 'end_turn',
          usage: {
            input_tokens: 12,
            output_tokens: 34,
            cache_read_input_tokens: 5_000,
            cache_creation_input_tokens: 700
          }
        }
      }
    ])
    const { client } = clientFor(server)
    const response = await client.complete(conversation())
    expect(response.usage).toEqual({
      input_tokens: 12,
      output_tokens: 34,
      cache_read_input_tokens: 5_000,
      cache_creation_input_tokens: 700
    })
  })

  it('places cache breakpoints on the system prompt, the last tool and the newest message', async () => {
    const server = await fake([done, done])
    const { client } = clientFor(server)
    await client.complete(conversation())
    const body = sent(server, 0)
    expect(body.system).toEqual([
      {
        type: 'text',
        text: 'You are a careful coding agent.',
        cache_control: { type: 'ephemeral' }
      }
    ])
    expect(breakpoints(body)).toEqual(['system[0]', 'tools[2]', 'messages[2][0]'])
    expect(body.tools[2]).toMatchObject({ name: 'bash', cache_control: { type: 'ephemeral' } })
    expect(body.tools[0]?.input_schema).toEqual(tool('read_file').input_schema)
    // String content is sent as a text block in history too: the shape it had as the newest
    // message, so the cached prefix stays byte-identical.
    expect(body.messages[0]).toEqual({
      role: 'user',
      content: [{ type: 'text', text: 'Fix the failing test.' }]
    })

    // A newest message with string content becomes a text block to carry the breakpoint.
    await client.complete({ ...conversation(), messages: [{ role: 'user', content: 'Hello' }] })
    const second = sent(server, 1)
    expect(second.messages).toEqual([
      {
        role: 'user',
        content: [{ type: 'text', text: 'Hello', cache_control: { type: 'ephemeral' } }]
      }
    ])
    expect(breakpoints(second).length).toBeLessThanOrEqual(4)
  })

  it('reads the previous turn from the cache on the next turn (fake usage)', async () => {
    const server = await fake([done, done])
    const { client } = clientFor(server)
    const first = conversation()
    const firstResponse = await client.complete(first)
    expect(firstResponse.usage.cache_read_input_tokens).toBe(0)
    expect(firstResponse.usage.cache_creation_input_tokens).toBeGreaterThan(0)

    const next: ModelRequest = {
      ...first,
      messages: [
        ...first.messages,
        { role: 'assistant', content: firstResponse.content },
        { role: 'user', content: 'Now run the tests.' }
      ]
    }
    const secondResponse = await client.complete(next)
    // Everything up to the previous newest message was written last turn.
    expect(secondResponse.usage.cache_read_input_tokens).toBe(
      firstResponse.usage.cache_creation_input_tokens
    )
    expect(secondResponse.usage.cache_creation_input_tokens).toBeGreaterThan(0)
    expect(secondResponse.usage.input_tokens).toBeGreaterThanOrEqual(0)
  })

  it('reads a string prompt from the cache once it is history (fake usage)', async () => {
    // The first turn of every run: the prompt is the newest message and carries the breakpoint.
    const server = await fake([done, done])
    const { client } = clientFor(server)
    const first: ModelRequest = {
      ...conversation(),
      messages: [{ role: 'user', content: 'Fix the failing test.' }]
    }
    const firstResponse = await client.complete(first)
    const secondResponse = await client.complete({
      ...first,
      messages: [
        ...first.messages,
        { role: 'assistant', content: firstResponse.content },
        { role: 'user', content: 'Go on.' }
      ]
    })
    expect(secondResponse.usage.cache_read_input_tokens).toBe(
      firstResponse.usage.cache_creation_input_tokens
    )
    expect(secondResponse.usage.input_tokens).toBe(0)
    expect(sent(server, 1).messages[0]).toEqual({
      role: 'user',
      content: [{ type: 'text', text: 'Fix the failing test.' }]
    })
  })

  it('does not mutate the caller request', async () => {
    const server = await fake([done])
    const { client } = clientFor(server)
    const request = conversation()
    const before = structuredClone(request)
    deepFreeze(request)
    await client.complete(request)
    expect(request).toEqual(before)
  })

  it('keeps a path prefix of the base URL and falls back to ANTHROPIC_BASE_URL', async () => {
    const server = await fake([done, done])
    const { client } = clientFor(server, { baseURL: `${server.url}/gateway/anthropic` })
    await client.complete(conversation())

    const saved = process.env.ANTHROPIC_BASE_URL
    process.env.ANTHROPIC_BASE_URL = server.url
    try {
      const fromEnv = createAnthropicClient({ apiKey: 'test-key' })
      await fromEnv.complete(conversation())
    } finally {
      if (saved === undefined) delete process.env.ANTHROPIC_BASE_URL
      else process.env.ANTHROPIC_BASE_URL = saved
    }
    expect(server.requests).toHaveLength(2)
    expect(
      server.requests[0]?.headers['authorization'] ?? server.requests[0]?.headers['x-api-key']
    ).toMatch(/test-key/)
  })
})

describe('retries', () => {
  it('retries 529, 429 (retry-after), 500, an error frame after 200, a dropped connection and a stall, reporting each', async () => {
    const server = await fake([
      { httpError: { status: 529, type: 'overloaded_error', message: 'Overloaded' } },
      {
        httpError: {
          status: 429,
          type: 'rate_limit_error',
          message: 'Number of request tokens has exceeded your rate limit',
          headers: { 'retry-after-ms': '30' }
        }
      },
      { httpError: { status: 500, type: 'api_error', message: 'Internal server error' } },
      { errorFrameAfter200: 'overloaded_error' },
      { dropAfterStart: true },
      { stallAfterStart: true },
      done
    ])
    const notices: RetryNotice[] = []
    const { client, logs } = clientFor(server, { maxAttempts: 7, idleTimeoutMs: 150 })
    const response = await client.complete(conversation(), { onRetry: n => notices.push(n) })

    expect(response.content).toEqual([{ type: 'text', text: 'Done.' }])
    expect(server.requests).toHaveLength(7)
    expect(notices.map(n => n.attempt)).toEqual([1, 2, 3, 4, 5, 6])
    expect(notices.map(n => n.reason)).toEqual([
      'HTTP 529 overloaded_error',
      'HTTP 429 rate_limit_error',
      'HTTP 500 api_error',
      'overloaded_error in the response stream',
      expect.stringMatching(/^connection dropped: /),
      'stream idle for 150 ms'
    ])
    // retry-after-ms is honoured (up to twice maxDelayMs); computed delays stay under maxDelayMs.
    expect(notices[1]?.delay_ms).toBe(30)
    for (const notice of [notices[0], ...notices.slice(2)]) {
      expect(notice?.delay_ms).toBeLessThan(20)
    }
    expect(logs.filter(line => line.includes('retrying in'))).toHaveLength(6)
    expect(logs[0]).toMatch(
      /^model API: attempt 1\/7 failed \(HTTP 529 overloaded_error\); retrying in \d+ ms$/
    )
  })

  it('retries an api_error frame after 200 too', async () => {
    const server = await fake([{ errorFrameAfter200: 'api_error' }, done])
    const notices: RetryNotice[] = []
    const { client } = clientFor(server)
    await client.complete(conversation(), { onRetry: n => notices.push(n) })
    expect(notices.map(n => n.reason)).toEqual(['api_error in the response stream'])
  })

  it('stops after maxAttempts with one clear ModelError', async () => {
    const overloaded = {
      httpError: { status: 529, type: 'overloaded_error', message: 'Overloaded' }
    }
    const server = await fake([overloaded, overloaded, overloaded, done])
    const notices: RetryNotice[] = []
    const { client } = clientFor(server, { maxAttempts: 3 })
    const error = await client
      .complete(conversation(), { onRetry: n => notices.push(n) })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ModelError)
    expect(error).toMatchObject({
      message: 'model API overloaded (HTTP 529) after 3 attempts',
      status: 529,
      type: 'overloaded_error',
      retryable: true,
      attempts: 3
    })
    expect(server.requests).toHaveLength(3)
    expect(notices).toHaveLength(2)
  })

  it('names a stalled stream when attempts run out', async () => {
    const server = await fake([{ stallAfterStart: true }, { stallAfterStart: true }])
    const { client } = clientFor(server, { maxAttempts: 2, idleTimeoutMs: 100 })
    await expect(client.complete(conversation())).rejects.toThrow(
      'model API stream stalled (nothing received for 100 ms) after 2 attempts'
    )
  })

  it('names a dropped connection when attempts run out', async () => {
    const server = await fake([{ dropAfterStart: true }, { dropAfterStart: true }])
    const { client } = clientFor(server, { maxAttempts: 2 })
    const error = await client.complete(conversation()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ModelError)
    expect((error as ModelError).message).toMatch(
      /^model API connection dropped mid-stream \(.+\) after 2 attempts$/
    )
    expect(error).toMatchObject({ type: 'connection_error', retryable: true, attempts: 2 })
  })

  it('retries a refused connection and then says the API could not be reached', async () => {
    const server = await fake([])
    const url = server.url
    await server.close()
    const notices: RetryNotice[] = []
    const { client } = clientFor(server, { baseURL: url, maxAttempts: 2 })
    await expect(
      client.complete(conversation(), { onRetry: n => notices.push(n) })
    ).rejects.toThrow(/^could not reach the model API \(.*ECONNREFUSED.*\) after 2 attempts$/)
    expect(notices).toHaveLength(1)
  })

  it('fails at once on an unknown model (404), naming it', async () => {
    const server = await fake([
      { httpError: { status: 404, type: 'not_found_error', message: 'model: claude-nope' } },
      done
    ])
    const notices: RetryNotice[] = []
    const { client } = clientFor(server)
    const error = await client
      .complete({ ...conversation(), model: 'claude-nope' }, { onRetry: n => notices.push(n) })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ModelError)
    expect(error).toMatchObject({
      message:
        'the model "claude-nope" was not found (HTTP 404): check the model name (the "model" input of the action, or --model)',
      status: 404,
      type: 'not_found_error',
      retryable: false,
      attempts: 1
    })
    expect(server.requests).toHaveLength(1)
    expect(notices).toHaveLength(0)
  })

  it('fails at once on a rejected API key (401)', async () => {
    const server = await fake([done], { apiKey: 'the-right-key' })
    const { client } = clientFor(server, { apiKey: 'a-wrong-key' })
    const error = await client.complete(conversation()).catch((e: unknown) => e)
    expect(error).toMatchObject({
      name: 'ModelError',
      message: 'the API key was rejected (HTTP 401): check ANTHROPIC_API_KEY',
      status: 401,
      retryable: false,
      attempts: 1
    })
  })

  it('fails at once on a 400 and quotes the API message on one line', async () => {
    const server = await fake([
      {
        httpError: {
          status: 400,
          type: 'invalid_request_error',
          message: 'messages.1.content: tool_use ids\nmust be unique'
        }
      }
    ])
    const { client } = clientFor(server)
    await expect(client.complete(conversation())).rejects.toThrow(
      'the model API rejected the request (HTTP 400 invalid_request_error): messages.1.content: tool_use ids must be unique'
    )
    expect(server.requests).toHaveLength(1)
  })
})

describe('abort', () => {
  it('aborts a stream in flight at once, without retrying', async () => {
    const server = await fake([{ stallAfterStart: true }, done])
    const notices: RetryNotice[] = []
    const { client } = clientFor(server, { idleTimeoutMs: 10_000 })
    const controller = new AbortController()
    const started = Date.now()
    setTimeout(() => controller.abort(), 100)
    const error = await client
      .complete(conversation(), { signal: controller.signal, onRetry: n => notices.push(n) })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'AbortError' })
    expect(Date.now() - started).toBeLessThan(4_000)
    expect(server.requests).toHaveLength(1)
    expect(notices).toHaveLength(0)
  })

  it('aborts during the wait before a retry', async () => {
    const server = await fake([
      {
        httpError: {
          status: 529,
          type: 'overloaded_error',
          message: 'Overloaded',
          headers: { 'retry-after-ms': '5000' }
        }
      },
      done
    ])
    const controller = new AbortController()
    const { client } = clientFor(server, { maxDelayMs: 10_000 })
    const started = Date.now()
    const error = await client
      .complete(conversation(), { signal: controller.signal, onRetry: () => controller.abort() })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'AbortError' })
    expect(Date.now() - started).toBeLessThan(4_000)
    expect(server.requests).toHaveLength(1)
  })

  it('does not start when the signal is already aborted', async () => {
    const server = await fake([done])
    const { client } = clientFor(server)
    await expect(
      client.complete(conversation(), { signal: AbortSignal.abort() })
    ).rejects.toMatchObject({ name: 'AbortError' })
    expect(server.requests).toHaveLength(0)
  })
})

describe('retry helpers', () => {
  it('computes full-jitter backoff under a doubling ceiling', () => {
    const options = { baseDelayMs: 1_000, maxDelayMs: 30_000 }
    expect(backoffDelay(1, options, () => 0.999)).toBe(999)
    expect(backoffDelay(3, options, () => 0.5)).toBe(2_000)
    expect(backoffDelay(10, options, () => 0.999)).toBe(29_970)
    expect(backoffDelay(4, options, () => 0)).toBe(0)
  })

  it('reads retry-after-ms, retry-after seconds and retry-after dates', () => {
    const headers = (values: Record<string, string>) => new Headers(values)
    expect(retryAfterMs(headers({ 'retry-after-ms': '1500.5', 'retry-after': '9' }))).toBe(1500.5)
    expect(retryAfterMs(headers({ 'retry-after': '2' }))).toBe(2_000)
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(retryAfterMs(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(
      5_000
    )
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }))).toBeUndefined()
    expect(retryAfterMs(headers({}))).toBeUndefined()
  })
})

describe('the fake API itself', () => {
  it('accepts x-api-key or a bearer token and rejects a request without a key', async () => {
    const server = await fake([done, done])
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ model: 'claude-sonnet-4-5', max_tokens: 10, messages: [] })
      })
    const withKey = await post({ 'x-api-key': 'k' })
    expect(withKey.status).toBe(200)
    expect(await withKey.text()).toContain('event: message_stop')
    expect((await post({ authorization: 'Bearer k' })).status).toBe(200)
    const without = await post({})
    expect(without.status).toBe(401)
    expect(await without.json()).toEqual({
      type: 'error',
      error: { type: 'authentication_error', message: 'missing API key' }
    })
    // The script has run out: 500, saying so.
    const extra = await post({ 'x-api-key': 'k' })
    expect(extra.status).toBe(500)
    expect(await extra.text()).toContain('has no step for request #3')
  })

  it('estimates usage deterministically, with cache reads only for a prefix written before', () => {
    const body = {
      system: [{ type: 'text', text: 'x'.repeat(400), cache_control: { type: 'ephemeral' } }],
      messages: [{ role: 'user', content: 'y'.repeat(40) }]
    }
    const seen = new Set<string>()
    const first = estimateUsage(body, seen)
    expect(first.cache_read_input_tokens).toBe(0)
    expect(first.cache_creation_input_tokens).toBeGreaterThanOrEqual(100)
    const second = estimateUsage(body, seen)
    expect(second).toEqual({
      input_tokens: first.input_tokens,
      cache_read_input_tokens: first.cache_creation_input_tokens,
      cache_creation_input_tokens: 0
    })
    expect(estimateUsage(body, new Set())).toEqual(first)
  })
})
