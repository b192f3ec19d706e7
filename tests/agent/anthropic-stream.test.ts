/**
 * The client's reading of the streamed reply (server-sent events), through a `fetch` that
 * hands the SDK a body cut into awkward chunks: line endings of every kind, a `\r\n` split across
 * chunks, a character split across chunks, comments, multi-line data, pings and a frame without
 * an event name.
 */
import { describe, expect, it } from '@jest/globals'
import { ModelError, createAnthropicClient } from '../../src/agent/anthropic-client.js'
import type { ModelRequest } from '../../src/agent/model-client.js'

const request: ModelRequest = {
  model: 'claude-sonnet-4-5',
  system: '',
  tools: [],
  messages: [{ role: 'user', content: 'hi' }],
  max_tokens: 100
}

function clientWith(chunks: (string | Uint8Array)[]) {
  const encoder = new TextEncoder()
  return createAnthropicClient({
    apiKey: 'test-key',
    baseURL: 'http://127.0.0.1:9',
    maxAttempts: 1,
    fetch: () =>
      Promise.resolve(
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              for (const chunk of chunks) {
                controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk)
              }
              controller.close()
            }
          }),
          { status: 200, headers: { 'content-type': 'text/event-stream', 'request-id': 'req_1' } }
        )
      )
  })
}

const start = JSON.stringify({
  type: 'message_start',
  message: {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-5-20250929',
    content: [],
    stop_reason: null,
    usage: { input_tokens: 10, output_tokens: 1 }
  }
})
const blockStart = JSON.stringify({
  type: 'content_block_start',
  index: 0,
  content_block: { type: 'text', text: '' }
})
const delta = (text: string): string =>
  JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } })
const tail = [
  `event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n`,
  `event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":7}}\n\n`,
  `event: message_stop\ndata: {"type":"message_stop"}\n\n`
]

describe('reading the streamed reply', () => {
  it('reads frames with any line ending, split anywhere, skipping comments, pings and unnamed frames', async () => {
    const euro = new TextEncoder().encode(`event: content_block_delta\ndata: ${delta('5 €')}\n\n`)
    const cut = euro.indexOf(0xe2) + 1 // inside the three bytes of "€"
    const client = clientWith([
      `\ufeffevent: message_start\r\ndata: ${start}\r`,
      `\n\r\n`,
      `: a comment\nevent: ping\ndata: {"type": "ping"}\n\n`,
      `event: content_block_start\rdata: ${blockStart}\r\r`,
      `data: ${delta('never')}\n\n`,
      euro.slice(0, cut),
      euro.slice(cut),
      `event: content_block_delta\ndata: {"type":"content_block_delta","index":0,\ndata: "delta":{"type":"text_delta","text":" and more"}}\n\n`,
      ...tail
    ])
    const response = await client.complete(request)
    expect(response).toEqual({
      model: 'claude-sonnet-4-5-20250929',
      content: [{ type: 'text', text: '5 € and more' }],
      stop_reason: 'end_turn',
      usage: {
        input_tokens: 10,
        output_tokens: 7,
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: 0
      }
    })
  })

  it('fails a body that ends before message_stop, or whose last frame is unfinished', async () => {
    const cutShort = clientWith([
      `event: message_start\ndata: ${start}\n\n`,
      `event: content_block_start\ndata: ${blockStart}\n\n`,
      `event: message_stop\ndata: {"type":"message_stop"}`
    ])
    await expect(cutShort.complete(request)).rejects.toThrow(
      'model API stream ended before message_stop after 1 attempt'
    )
  })

  it('raises an error frame as an API error of its type', async () => {
    const client = clientWith([
      `event: message_start\ndata: ${start}\n\n`,
      `event: error\ndata: {"type":"error","error":{"type":"invalid_request_error","message":"bad\\nthing"}}\n\n`
    ])
    const failure = await client.complete(request).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ModelError)
    expect((failure as ModelError).message).toBe(
      'model API error in the response stream (invalid_request_error): bad thing'
    )
    expect((failure as ModelError).type).toBe('invalid_request_error')
    expect((failure as ModelError).retryable).toBe(false)
  })
})
