import { existsSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { ToolUseBlock } from '../../src/agent/messages.js'
import type { Decision } from '../../src/policy/types.js'
import type { ToolCallEvent, ToolResultEvent } from '../../src/session/events.js'
import { loadShellParser } from '../../src/policy/shell.js'
import { createRedactor } from '../../src/sandbox/redact.js'
import { ALL_TOOLS, toolDefinitions, toolsByName } from '../../src/tools/registry.js'
import { runToolCall, runToolCalls, type ToolCallDeps } from '../../src/tools/run-tool.js'
import type { Tool } from '../../src/tools/tool.js'
import { makeDepsContext, makeWorkspace, removeDir } from './helpers.js'

const allow: Decision = { decision: 'allow', rule: 'test.allow', reason: 'allowed in tests' }

function call(name: string, input: unknown, id = `call_${name}`): ToolUseBlock {
  return { type: 'tool_use', id, name, input }
}

describe('runToolCall', () => {
  let workspace: string
  let events: (ToolCallEvent | ToolResultEvent)[]
  let decided: { tool: string; input: unknown }[]

  beforeEach(async () => {
    workspace = await makeWorkspace({ 'notes.md': 'hello\n', 'src/a.ts': 'export {}\n' })
    events = []
    decided = []
  })
  afterEach(async () => {
    await removeDir(workspace)
  })

  function deps(overrides: Partial<ToolCallDeps> = {}): ToolCallDeps {
    const context = makeDepsContext(workspace)
    return {
      tools: toolsByName(),
      decide: (tool, input) => {
        decided.push({ tool, input })
        return allow
      },
      context,
      redact: createRedactor([]),
      record: event => events.push(event),
      ...overrides
    }
  }

  it('runs an allowed call and records the call and its result', async () => {
    const outcome = await runToolCall(call('Read', { file_path: 'notes.md' }), deps())
    expect(outcome.result).toEqual({
      type: 'tool_result',
      tool_use_id: 'call_Read',
      content: '1\thello'
    })
    expect(outcome.pending).toBe(false)
    expect(events.map(event => event.type)).toEqual(['tool_call', 'tool_result'])
    expect(events[0]).toMatchObject({ tool: 'Read', decision: allow })
    expect(events[1]).toMatchObject({ is_error: false, content: '1\thello' })
  })

  it('gives the policy the workspace-relative path, even for an absolute one', async () => {
    await runToolCall(call('Read', { file_path: path.join(workspace, 'src/a.ts') }), deps())
    expect(decided).toEqual([
      { tool: 'Read', input: { file_path: 'src/a.ts', offset: undefined, limit: undefined } }
    ])
  })

  it('never executes a denied call', async () => {
    const denyAll = (): Decision => ({
      decision: 'deny',
      rule: 'write.deny: **',
      reason: 'Writing is not allowed in this task.'
    })
    const outcome = await runToolCall(
      call('Write', { file_path: 'created.txt', content: 'x' }),
      deps({ decide: denyAll })
    )
    expect(existsSync(path.join(workspace, 'created.txt'))).toBe(false)
    expect(outcome.result.is_error).toBe(true)
    expect(outcome.result.content).toBe(
      'Permission denied by write.deny: **: Writing is not allowed in this task.'
    )
    expect(outcome.decision.decision).toBe('deny')
    expect(events[0]).toMatchObject({ type: 'tool_call', decision: { decision: 'deny' } })
  })

  it('does not run an `ask` call and marks it pending', async () => {
    const ask = (): Decision => ({
      decision: 'ask',
      rule: 'bash.ask: npm install *',
      reason: 'Installing packages needs a maintainer.'
    })
    const outcome = await runToolCall(
      call('Bash', { command: 'touch ran.txt' }),
      deps({ decide: ask })
    )
    expect(existsSync(path.join(workspace, 'ran.txt'))).toBe(false)
    expect(outcome.pending).toBe(true)
    expect(outcome.result.is_error).toBe(true)
    expect(outcome.result.content).toContain("needs a maintainer's approval")
    expect(outcome.result.content).toContain('pending')
  })

  it('turns bad input into a message saying how to fix it, before asking the policy', async () => {
    const outcome = await runToolCall(call('Read', { path: 'notes.md' }), deps())
    expect(outcome.result.is_error).toBe(true)
    expect(outcome.result.content).toMatch(/Invalid input for Read: .*no field "path".*file_path/)
    expect(outcome.decision.rule).toBe('invalid-input')
    expect(decided).toEqual([])
  })

  it('names the tools when the model calls one that does not exist', async () => {
    const outcome = await runToolCall(call('WebFetch', {}), deps())
    expect(outcome.result.content).toContain('There is no tool named "WebFetch"')
    expect(outcome.result.content).toContain('Bash, Read, Write, Edit, Glob, Grep')
  })

  it('denies a path outside the workspace before the policy sees it', async () => {
    const outcome = await runToolCall(call('Read', { file_path: '/etc/passwd' }), deps())
    expect(outcome.decision.rule).toBe('confinement')
    expect(outcome.result.content).toMatch(/^Permission denied: .*outside the workspace/)
    expect(decided).toEqual([])
    const git = await runToolCall(
      call('Edit', { file_path: '.git/config', old_string: 'a', new_string: 'b' }),
      deps()
    )
    expect(git.decision.rule).toBe('confinement')
  })

  it('turns a tool that throws into an error result', async () => {
    const broken: Tool = {
      ...ALL_TOOLS[1]!,
      name: 'Read',
      execute: () => Promise.reject(new Error('disk on fire'))
    }
    const outcome = await runToolCall(
      call('Read', { file_path: 'notes.md' }),
      deps({ tools: new Map([['Read', broken]]) })
    )
    expect(outcome.result).toMatchObject({ is_error: true, content: 'Read failed: disk on fire' })
  })

  it('stops a tool at its wall-clock cap and aborts its signal', async () => {
    let seen: AbortSignal | undefined
    const slow: Tool = {
      ...ALL_TOOLS[1]!,
      execute: (_input, context) => {
        seen = context.signal
        return new Promise(() => {})
      }
    }
    const outcome = await runToolCall(
      call('Read', { file_path: 'notes.md' }),
      deps({ tools: new Map([['Read', slow]]), defaultTimeoutMs: 50 })
    )
    expect(outcome.result.content).toContain('did not finish within 50 ms')
    expect(seen?.aborted).toBe(true)
  })

  it('truncates long results and redacts secrets in results and recorded input', async () => {
    const secret = 'hunter2-very-secret'
    const loud: Tool = {
      ...ALL_TOOLS[1]!,
      execute: () => Promise.resolve({ content: `${secret} ${'x'.repeat(100_000)} ${secret}` })
    }
    const outcome = await runToolCall(
      call('Read', { file_path: 'notes.md', offset: 1 }),
      deps({ tools: new Map([['Read', loud]]), redact: createRedactor([secret]) })
    )
    expect(outcome.result.content.length).toBeLessThanOrEqual(40_000)
    expect(outcome.result.content).toMatch(/^\[REDACTED\] x/)
    expect(outcome.result.content).toMatch(/x \[REDACTED\]$/)
    expect(outcome.result.content).toContain('characters cut')

    events = []
    await runToolCall(
      call('Bash', { command: `echo ${secret}` }),
      deps({ redact: createRedactor([secret]) })
    )
    expect(JSON.stringify(events)).not.toContain(secret)
    expect(events[0]).toMatchObject({ input: { command: 'echo [REDACTED]' } })
  })

  it('does not start a call once the run is cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    const outcome = await runToolCall(
      call('Write', { file_path: 'late.txt', content: 'x' }),
      deps({ signal: controller.signal })
    )
    expect(outcome.result.content).toContain('cancelled')
    expect(existsSync(path.join(workspace, 'late.txt'))).toBe(false)
  })
})

describe('runToolCalls', () => {
  let workspace: string
  beforeEach(async () => {
    workspace = await makeWorkspace({ 'a.txt': 'a\n', 'b.txt': 'b\n' })
  })
  afterEach(async () => {
    await removeDir(workspace)
  })

  it('runs consecutive read-only calls together and keeps results and events in call order', async () => {
    const log: string[] = []
    let running = 0
    let maxRunning = 0
    const delays: Record<string, number> = { r1: 80, r2: 10, r3: 40 }
    const fake = (name: Tool['name'], readOnly: boolean): Tool => ({
      name,
      description: '',
      inputSchema: {},
      readOnly,
      parse: input => input,
      execute: async input => {
        const id = (input as { id: string }).id
        running++
        maxRunning = Math.max(maxRunning, running)
        log.push(`start ${id}`)
        await new Promise(resolve => setTimeout(resolve, delays[id] ?? 0))
        log.push(`end ${id}`)
        running--
        return { content: id }
      }
    })
    const tools = new Map<string, Tool>([
      ['Glob', fake('Glob', true)],
      ['Bash', fake('Bash', false)]
    ])
    const events: (ToolCallEvent | ToolResultEvent)[] = []
    const context = makeDepsContext(workspace)
    const calls = [
      call('Glob', { id: 'r1' }, 'r1'),
      call('Glob', { id: 'r2' }, 'r2'),
      call('Glob', { id: 'r3' }, 'r3'),
      call('Bash', { id: 'w1' }, 'w1'),
      call('Glob', { id: 'r4' }, 'r4')
    ]
    const outcomes = await runToolCalls(calls, {
      tools,
      decide: () => allow,
      context,
      redact: text => text,
      record: event => events.push(event)
    })
    expect(outcomes.map(outcome => outcome.result.content)).toEqual(['r1', 'r2', 'r3', 'w1', 'r4'])
    expect(maxRunning).toBe(3)
    // The write starts only after every earlier read ended, and the read after it waits for it.
    expect(log.indexOf('start w1')).toBeGreaterThan(log.indexOf('end r1'))
    expect(log.indexOf('start r4')).toBeGreaterThan(log.indexOf('end w1'))
    expect(events.map(event => `${event.type} ${event.id}`)).toEqual([
      'tool_call r1',
      'tool_result r1',
      'tool_call r2',
      'tool_result r2',
      'tool_call r3',
      'tool_result r3',
      'tool_call w1',
      'tool_result w1',
      'tool_call r4',
      'tool_result r4'
    ])
  })

  it('runs a real Read and Grep pair concurrently on the workspace', async () => {
    const context = makeDepsContext(workspace)
    const outcomes = await runToolCalls(
      [call('Read', { file_path: 'a.txt' }, '1'), call('Grep', { pattern: 'b' }, '2')],
      { tools: toolsByName(), decide: () => allow, context, redact: t => t, record: () => {} }
    )
    expect(outcomes.map(outcome => outcome.result.content)).toEqual(['1\ta', 'b.txt'])
  })
})

describe('registry', () => {
  it('offers the six tools with schemas whose fields all have descriptions', () => {
    const definitions = toolDefinitions(ALL_TOOLS)
    expect(definitions.map(definition => definition.name)).toEqual([
      'Bash',
      'Read',
      'Write',
      'Edit',
      'Glob',
      'Grep'
    ])
    for (const definition of definitions) {
      expect(definition.description.length).toBeLessThan(500)
      const properties = definition.input_schema.properties as Record<
        string,
        { description?: string }
      >
      for (const [field, schema] of Object.entries(properties)) {
        expect([definition.name, field, typeof schema.description]).toEqual([
          definition.name,
          field,
          'string'
        ])
      }
    }
  })

  it('picks tools by name and refuses an unknown one', () => {
    expect([...toolsByName(['Read', 'Grep']).keys()]).toEqual(['Read', 'Grep'])
    expect(() => toolsByName(['Read', 'Fetch'])).toThrow(/Unknown tool Fetch/)
  })
})

describe('Bash redirections through a symlink', () => {
  let workspace: string
  let outside: string
  beforeEach(async () => {
    workspace = await makeWorkspace()
    outside = await makeWorkspace()
    symlinkSync(outside, path.join(workspace, 'out'))
  })
  afterEach(async () => {
    await removeDir(workspace)
    await removeDir(outside)
  })

  it('refuses a redirection whose real path leaves the workspace, even when the policy allows the name', async () => {
    await loadShellParser()
    const events: (ToolCallEvent | ToolResultEvent)[] = []
    const outcome = await runToolCall(
      { type: 'tool_use', id: 't1', name: 'Bash', input: { command: 'echo escaped > out/x.txt' } },
      {
        tools: toolsByName(),
        // A policy that allows everything by name: only the real path can stop this write.
        decide: () => ({ decision: 'allow', rule: 'test: allow', reason: 'allowed' }),
        context: makeDepsContext(workspace),
        redact: text => text,
        record: event => events.push(event)
      }
    )
    expect(outcome.result.is_error).toBe(true)
    expect(outcome.decision.rule).toBe('confinement')
    expect(outcome.result.content).toContain('out/x.txt')
    expect(existsSync(path.join(outside, 'x.txt'))).toBe(false)
  })
})
