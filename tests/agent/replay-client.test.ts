import { describe, it, expect } from '@jest/globals'
import { fileURLToPath } from 'node:url'
import { ReplayClient, ReplayExhaustedError } from '../../src/agent/replay-client.js'
import type { ModelRequest } from '../../src/agent/model-client.js'
import { readSession, type Session } from '../../src/session/reader.js'
import { UserError } from '../../src/errors.js'

const sample = readSession(
  fileURLToPath(new URL('../fixtures/sessions/sample.jsonl', import.meta.url))
)

const REQUEST: ModelRequest = {
  model: 'claude-sonnet-4-5',
  system: 'system',
  tools: [],
  messages: [{ role: 'user', content: 'hi' }],
  max_tokens: 1000
}

describe('ReplayClient', () => {
  it('plays the recorded replies back in order, then throws ReplayExhaustedError', async () => {
    const client = ReplayClient.fromSession(sample)
    expect(client.remaining).toBe(3)

    const first = await client.complete(REQUEST)
    expect(first.model).toBe('claude-sonnet-4-5-20250929')
    expect(first.stop_reason).toBe('tool_use')
    expect(first.usage).toEqual({
      input_tokens: 1200,
      output_tokens: 80,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 1100
    })
    expect(first.content.map(block => block.type)).toEqual(['thinking', 'text', 'tool_use'])

    const second = await client.complete(REQUEST)
    expect(second.content.flatMap(block => (block.type === 'tool_use' ? [block.id] : []))).toEqual([
      'toolu_02',
      'toolu_03'
    ])
    expect(second.usage.cache_read_input_tokens).toBe(2300)

    const third = await client.complete(REQUEST)
    expect(third.content).toEqual([
      { type: 'tool_use', id: 'toolu_04', name: 'Bash', input: { command: 'npm install left-pad' } }
    ])
    expect(client.played).toBe(3)

    const exhausted = client.complete(REQUEST)
    await expect(exhausted).rejects.toThrow(ReplayExhaustedError)
    await expect(client.complete(REQUEST)).rejects.toThrow(
      'the recorded session has no more model replies (3 played)'
    )
    await expect(client.complete(REQUEST)).rejects.toBeInstanceOf(UserError)
  })

  it('hands out copies, so the loop cannot change the recording', async () => {
    const client = ReplayClient.fromSession(sample)
    const reply = await client.complete(REQUEST)
    reply.content.length = 0
    const again = ReplayClient.fromSession(sample)
    expect((await again.complete(REQUEST)).content).toHaveLength(3)
  })

  it('replays a compaction summary where the recording had one', async () => {
    const session: Session = {
      header: sample.header,
      truncatedTail: false,
      events: [
        { type: 'message', message: { role: 'user', content: 'go' } },
        {
          type: 'message',
          message: { role: 'assistant', content: [{ type: 'text', text: 'a1' }] }
        },
        {
          type: 'compaction',
          replaced_messages: 2,
          tokens_before: 5000,
          summary: 'Earlier turns were compacted.\n<summary>\nWe looked at sum.js.\n</summary>'
        },
        { type: 'message', message: { role: 'assistant', content: [{ type: 'text', text: 'a2' }] } }
      ]
    }
    const client = ReplayClient.fromSession(session)
    const texts: string[] = []
    for (let index = 0; index < 3; index += 1) {
      const reply = await client.complete(REQUEST)
      texts.push(reply.content.map(block => (block.type === 'text' ? block.text : '')).join(''))
      // No request event was recorded: the header's model, and a stop reason read from the content.
      expect(reply.model).toBe(sample.header.model)
      expect(reply.stop_reason).toBe('end_turn')
    }
    expect(texts).toEqual(['a1', 'We looked at sum.js.', 'a2'])
  })

  it('honours an aborted signal', async () => {
    const client = ReplayClient.fromSession(sample)
    const controller = new AbortController()
    controller.abort(new Error('cancelled'))
    await expect(client.complete(REQUEST, { signal: controller.signal })).rejects.toThrow(
      'cancelled'
    )
    expect(client.played).toBe(0)
  })
})
