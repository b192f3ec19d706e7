import { describe, it, expect } from '@jest/globals'
import { runAgent, type AgentOptions, type ExecutedCall } from '../../src/agent/loop.js'
import type { AssistantBlock, Message, StopReason, Usage } from '../../src/agent/messages.js'
import type { ModelClient, ModelRequest, ModelResponse } from '../../src/agent/model-client.js'
import type { SessionEvent } from '../../src/session/events.js'

// The loop's own logic, with a plain scripted ModelClient (the interface's contract) and an
// injected tool executor. The real SDK, tools and policy are exercised together in
// tests/agent/run-task.test.ts and the CLI tests.

type Reply = { content: AssistantBlock[]; stop_reason: StopReason; usage?: Partial<Usage> }

class ScriptedModel implements ModelClient {
  readonly requests: ModelRequest[] = []
  constructor(
    private readonly replies: (Reply | ((request: ModelRequest) => Reply | Promise<Reply>))[]
  ) {}
  async complete(
    request: ModelRequest,
    options?: { signal?: AbortSignal }
  ): Promise<ModelResponse> {
    // Deep copy: the loop keeps appending to its messages array after the call.
    this.requests.push(structuredClone(request))
    const next = this.replies.shift()
    if (!next) throw new Error('script exhausted')
    const reply = typeof next === 'function' ? await next(request) : next
    if (options?.signal?.aborted) throw new Error('aborted')
    return {
      model: request.model,
      content: reply.content,
      stop_reason: reply.stop_reason,
      usage: {
        input_tokens: 100,
        output_tokens: 10,
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: 0,
        ...reply.usage
      }
    }
  }
}

const text = (t: string): AssistantBlock => ({ type: 'text', text: t })
const use = (id: string, name: string, input: unknown): AssistantBlock => ({
  type: 'tool_use',
  id,
  name,
  input
})

function setup(
  model: ModelClient,
  overrides: Partial<AgentOptions> = {},
  execute?: (id: string, name: string) => Partial<ExecutedCall>
) {
  const events: SessionEvent[] = []
  const executed: string[] = []
  const options: AgentOptions = {
    model,
    modelName: 'claude-sonnet-4-5',
    system: 'system',
    tools: [{ name: 'Read', description: 'read', input_schema: { type: 'object' } }],
    messages: [{ role: 'user', content: 'fix the bug' }],
    limits: { maxTurns: 10, maxCostUsd: 5, deadline: Date.now() + 60_000 },
    record: event => events.push(event),
    costOf: (_model, usage) => usage.input_tokens * 0.0001 + usage.output_tokens * 0.001,
    executeCalls: calls =>
      Promise.resolve(
        calls.map(call => {
          executed.push(call.name)
          return {
            result: { type: 'tool_result' as const, tool_use_id: call.id, content: 'ok' },
            pending: false,
            rule: 'read.allow: **',
            ...execute?.(call.id, call.name)
          }
        })
      ),
    ...overrides
  }
  return { options, events, executed }
}

const outcomeOf = (events: SessionEvent[]) => events.filter(e => e.type === 'outcome')

describe('runAgent', () => {
  it('runs tools and sends their results back until the model answers without a tool call', async () => {
    const model = new ScriptedModel([
      {
        content: [text('Looking.'), use('t1', 'Read', { file_path: 'a' })],
        stop_reason: 'tool_use'
      },
      { content: [text('Fixed it.')], stop_reason: 'end_turn' }
    ])
    const { options, events, executed } = setup(model)
    const result = await runAgent(options)
    expect(result.status).toBe('success')
    expect(result.turns).toBe(2)
    expect(result.finalText).toBe('Fixed it.')
    expect(executed).toEqual(['Read'])
    const second = model.requests[1]?.messages
    expect(second?.at(-1)).toEqual({
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: 't1', content: 'ok' }]
    })
    expect(result.usage).toEqual({
      input_tokens: 200,
      output_tokens: 20,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0
    })
    expect(outcomeOf(events)).toHaveLength(1)
    expect(events.filter(e => e.type === 'request')).toHaveLength(2)
    expect(events[0]).toEqual({
      type: 'message',
      message: { role: 'user', content: 'fix the bug' }
    })
  })

  it('keeps going after a denied or failed call: the model reads the error', async () => {
    const model = new ScriptedModel([
      { content: [use('t1', 'Bash', { command: 'curl x' })], stop_reason: 'tool_use' },
      { content: [text('Done another way.')], stop_reason: 'end_turn' }
    ])
    const { options } = setup(model, {}, () => ({
      result: { type: 'tool_result', tool_use_id: 't1', content: 'denied: curl', is_error: true },
      rule: 'default: deny'
    }))
    const result = await runAgent(options)
    expect(result.status).toBe('success')
    const toolResult = model.requests[1]?.messages.at(-1) as Message
    expect(JSON.stringify(toolResult)).toContain('"is_error":true')
  })

  it('stops at the turn cap', async () => {
    const loop = () => ({
      content: [use(`t${Math.random()}`, 'Read', {})],
      stop_reason: 'tool_use' as const
    })
    const model = new ScriptedModel([loop, loop, loop, loop])
    const { options, events } = setup(model, {
      limits: { maxTurns: 3, maxCostUsd: 5, deadline: Date.now() + 60_000 }
    })
    const result = await runAgent(options)
    expect(result.status).toBe('max-turns')
    expect(result.turns).toBe(3)
    expect(model.requests).toHaveLength(3)
    expect(outcomeOf(events)[0]).toMatchObject({ status: 'max-turns', turns: 3 })
  })

  it('stops before a request that would likely cross the cost cap', async () => {
    // Each request costs 0.1 * 1 + 0.001 * 10 = 0.11 USD with this costOf.
    const loop = () => ({
      content: [use(`t${Math.random()}`, 'Read', {})],
      stop_reason: 'tool_use' as const,
      usage: { input_tokens: 1000 }
    })
    const model = new ScriptedModel([loop, loop, loop, loop, loop])
    const { options } = setup(model, {
      limits: { maxTurns: 10, maxCostUsd: 0.3, deadline: Date.now() + 60_000 }
    })
    const result = await runAgent(options)
    expect(result.status).toBe('max-cost')
    expect(result.costUsd).toBeLessThanOrEqual(0.3)
    expect(model.requests).toHaveLength(2)
    expect(result.reason).toContain('$0.30')
  })

  it('ends with needs-approval when a call was answered ask, without running it', async () => {
    const model = new ScriptedModel([
      { content: [use('t1', 'Bash', { command: 'npm install x' })], stop_reason: 'tool_use' }
    ])
    const { options, events } = setup(model, {}, () => ({
      pending: true,
      rule: 'bash.ask: npm install *',
      result: { type: 'tool_result', tool_use_id: 't1', content: 'needs approval', is_error: true }
    }))
    const result = await runAgent(options)
    expect(result.status).toBe('needs-approval')
    expect(result.pending).toEqual([
      {
        id: 't1',
        tool: 'Bash',
        input: { command: 'npm install x' },
        rule: 'bash.ask: npm install *'
      }
    ])
    expect(outcomeOf(events)[0]).toMatchObject({
      status: 'needs-approval',
      pending: result.pending
    })
  })

  it('ends with refusal when the model refuses', async () => {
    const model = new ScriptedModel([{ content: [text('I cannot help.')], stop_reason: 'refusal' }])
    const { options } = setup(model)
    const result = await runAgent(options)
    expect(result.status).toBe('refusal')
  })

  it('asks the model to continue a reply cut at max_tokens', async () => {
    const model = new ScriptedModel([
      { content: [text('Part one')], stop_reason: 'max_tokens' },
      { content: [text('part two.')], stop_reason: 'end_turn' }
    ])
    const { options } = setup(model)
    const result = await runAgent(options)
    expect(result.status).toBe('success')
    const last = model.requests[1]?.messages.at(-1)
    expect(last?.role).toBe('user')
    expect(JSON.stringify(last)).toContain('Continue exactly where you stopped')
  })

  it('sends the conversation back unchanged after pause_turn', async () => {
    const model = new ScriptedModel([
      { content: [text('thinking...')], stop_reason: 'pause_turn' },
      { content: [text('done')], stop_reason: 'end_turn' }
    ])
    const { options } = setup(model)
    const result = await runAgent(options)
    expect(result.status).toBe('success')
    expect(model.requests[1]?.messages.at(-1)).toEqual({
      role: 'assistant',
      content: [text('thinking...')]
    })
  })

  it('ends with timeout at the deadline, aborting the request under way', async () => {
    const model: ModelClient = {
      complete: (_request, options) =>
        new Promise((_resolve, reject) => {
          options?.signal?.addEventListener('abort', () => reject(new Error('aborted')))
        })
    }
    const { options } = setup(model, {
      limits: { maxTurns: 10, maxCostUsd: 5, deadline: Date.now() + 150 }
    })
    const started = Date.now()
    const result = await runAgent(options)
    expect(result.status).toBe('timeout')
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('ends with error and a clear reason when the model API fails for good', async () => {
    const model: ModelClient = {
      complete: () => Promise.reject(new Error('model API overloaded (HTTP 529) after 5 attempts'))
    }
    const { options, events } = setup(model)
    const result = await runAgent(options)
    expect(result.status).toBe('error')
    expect(result.reason).toBe('model API overloaded (HTTP 529) after 5 attempts')
    expect(outcomeOf(events)[0]).toMatchObject({ status: 'error' })
  })

  it('records every retry the client reports', async () => {
    const model: ModelClient = {
      complete: (request, options) => {
        options?.onRetry?.({ attempt: 1, delay_ms: 10, reason: 'HTTP 529 overloaded_error' })
        return Promise.resolve({
          model: request.model,
          content: [text('ok')],
          stop_reason: 'end_turn',
          usage: {
            input_tokens: 1,
            output_tokens: 1,
            cache_read_input_tokens: 0,
            cache_creation_input_tokens: 0
          }
        })
      }
    }
    const { options, events } = setup(model)
    await runAgent(options)
    expect(events.filter(e => e.type === 'retry')).toEqual([
      { type: 'retry', turn: 1, attempt: 1, delay_ms: 10, reason: 'HTTP 529 overloaded_error' }
    ])
  })

  it('compacts near the context window without separating a tool_use from its result', async () => {
    const big = { input_tokens: 180_000 }
    const turn = (n: number) => ({
      content: [text(`step ${n}`), use(`t${n}`, 'Read', { file_path: `f${n}` })],
      stop_reason: 'tool_use' as const,
      usage: n >= 5 ? big : {}
    })
    const model = new ScriptedModel([
      turn(1),
      turn(2),
      turn(3),
      turn(4),
      turn(5),
      // The compaction request: it must end with the summary instruction.
      request => {
        expect(JSON.stringify(request.messages.at(-1))).toContain('replaced by a summary')
        return { content: [text('SUMMARY: read f1..f2')], stop_reason: 'end_turn' }
      },
      { content: [text('all done')], stop_reason: 'end_turn' }
    ])
    const { options, events } = setup(model, {
      limits: { maxTurns: 10, maxCostUsd: 1_000, deadline: Date.now() + 60_000 }
    })
    const result = await runAgent(options)
    expect(result.status).toBe('success')
    const compaction = events.find(e => e.type === 'compaction')
    expect(compaction).toBeDefined()
    // The summary request is on record too: five tool turns, the summary, the final answer.
    const requests = events.filter(e => e.type === 'request')
    expect(requests).toHaveLength(7)
    expect(events[events.indexOf(compaction!) - 1]).toMatchObject({ type: 'request', turn: 5 })
    const after = model.requests.at(-1)?.messages ?? []
    expect(after[0]?.role).toBe('user')
    expect(JSON.stringify(after[0])).toContain('SUMMARY: read f1..f2')
    expect(JSON.stringify(after[0])).toContain('fix the bug')
    // Every tool_result in the compacted conversation has its tool_use before it.
    const uses = new Set<string>()
    for (const message of after) {
      if (typeof message.content === 'string') continue
      for (const block of message.content) {
        if (block.type === 'tool_use') uses.add(block.id)
        if (block.type === 'tool_result') expect(uses.has(block.tool_use_id)).toBe(true)
      }
    }
    // Roles still alternate.
    after.forEach((message, index) =>
      expect(message.role).toBe(index % 2 === 0 ? 'user' : 'assistant')
    )
  })
  it('compacts a resumed conversation near the window before its first request', async () => {
    // An earlier run's conversation of about 160,000 estimated tokens, then the new request.
    const long = 'x'.repeat(80_000)
    const earlier: Message[] = []
    for (let n = 0; n < 4; n++) {
      earlier.push({ role: 'user', content: `${n === 0 ? 'fix the bug' : 'go on'} ${long}` })
      earlier.push({ role: 'assistant', content: [text(`answer ${n} ${long}`)] })
    }
    const model = new ScriptedModel([
      request => {
        expect(JSON.stringify(request.messages.at(-1))).toContain('replaced by a summary')
        return { content: [text('SUMMARY: the earlier run')], stop_reason: 'end_turn' }
      },
      { content: [text('done')], stop_reason: 'end_turn' }
    ])
    const { options, events } = setup(model, {
      messages: [...earlier, { role: 'user', content: 'also update the docs' }],
      alreadyRecorded: earlier.length
    })
    const result = await runAgent(options)
    expect(result.status).toBe('success')
    expect(events.findIndex(e => e.type === 'compaction')).toBeLessThan(
      events.findIndex(e => e.type === 'message' && e.message.role === 'assistant')
    )
    expect(JSON.stringify(model.requests.at(-1)?.messages)).toContain('also update the docs')
    // Only the new request was recorded as a message: the earlier ones are in the copied session.
    expect(events.filter(e => e.type === 'message')[0]).toEqual({
      type: 'message',
      message: { role: 'user', content: 'also update the docs' }
    })
  })
})
