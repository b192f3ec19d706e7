import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SessionWriter, MAX_EVENT_LINE_BYTES } from '../../src/session/writer.js'
import { readSession } from '../../src/session/reader.js'
import type { SessionEvent, SessionHeader } from '../../src/session/events.js'

const HEADER: Omit<SessionHeader, 'type' | 'format' | 'version'> = {
  task: 'fix',
  repository: 'octo-org/widgets',
  event: 'cli',
  model: 'claude-sonnet-4-5',
  policy_digest: 'sha256:abc',
  policy_source: 'built-in default',
  started_at: '2026-11-02T10:15:00.000Z',
  prompt: 'fix the test'
}

const EVENTS: SessionEvent[] = [
  { type: 'message', message: { role: 'user', content: 'fix the test' } },
  {
    type: 'request',
    turn: 1,
    model: 'claude-sonnet-4-5',
    usage: {
      input_tokens: 10,
      output_tokens: 5,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0
    },
    cost_usd: 0.001,
    duration_ms: 20,
    stop_reason: 'tool_use'
  },
  {
    type: 'message',
    message: {
      role: 'assistant',
      content: [{ type: 'tool_use', id: 'toolu_1', name: 'Bash', input: { command: 'npm test' } }]
    }
  },
  {
    type: 'tool_call',
    id: 'toolu_1',
    tool: 'Bash',
    input: { command: 'npm test' },
    decision: { decision: 'allow', rule: 'bash.allow: npm test', reason: 'allowed' }
  },
  {
    type: 'tool_result',
    id: 'toolu_1',
    tool: 'Bash',
    is_error: false,
    content: 'ok — ünïcödé 🎉 "quotes" \\ back\nslash',
    duration_ms: 30
  }
]

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claw-writer-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('SessionWriter', () => {
  it('writes a header and events that read back unchanged', () => {
    const path = join(dir, 'a', 'b', 'run.jsonl')
    const writer = SessionWriter.create(path, HEADER)
    expect(writer.path).toBe(path)
    for (const event of EVENTS) writer.append(event)
    writer.close()

    const session = readSession(path)
    expect(session.header).toEqual({
      type: 'header',
      format: 'claw-session',
      version: 1,
      ...HEADER
    })
    expect(session.events).toEqual(EVENTS)
    expect(session.truncatedTail).toBe(false)
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(EVENTS.length + 2)
  })

  it('writes each event before append returns', () => {
    const path = join(dir, 'run.jsonl')
    const writer = SessionWriter.create(path, HEADER)
    writer.append(EVENTS[0] as SessionEvent)
    // No close: what a crash right now would leave behind.
    expect(readSession(path).events).toEqual([EVENTS[0]])
    writer.close()
  })

  it('creates the folder 0700 and the file 0600', () => {
    if (process.platform === 'win32') return
    const path = join(dir, 'sessions', 'run.jsonl')
    SessionWriter.create(path, HEADER).close()
    expect(statSync(join(dir, 'sessions')).mode & 0o777).toBe(0o700)
    expect(statSync(path).mode & 0o777).toBe(0o600)
  })

  it('leaves a readable file when a crash cuts the last line', () => {
    const path = join(dir, 'run.jsonl')
    const writer = SessionWriter.create(path, HEADER)
    for (const event of EVENTS) writer.append(event)
    writer.close()
    const size = statSync(path).size
    truncateSync(path, size - 15)

    const session = readSession(path)
    expect(session.truncatedTail).toBe(true)
    expect(session.events).toEqual(EVENTS.slice(0, -1))
  })

  it('redacts every line, header included', () => {
    const secret = 'ghp_s3cr3tT0kenValue'
    const redact = (text: string): string => text.split(secret).join('[REDACTED]')
    const path = join(dir, 'run.jsonl')
    const writer = SessionWriter.create(path, { ...HEADER, prompt: `use ${secret}` }, { redact })
    writer.append({
      type: 'tool_result',
      id: 'toolu_1',
      tool: 'Bash',
      is_error: false,
      content: `GITHUB_TOKEN=${secret}\n`,
      duration_ms: 1
    })
    writer.append({
      type: 'tool_call',
      id: 'toolu_2',
      tool: 'Bash',
      input: { command: `curl -H "Authorization: ${secret}"` },
      decision: { decision: 'deny', rule: 'default: deny', reason: 'no rule matched' }
    })
    writer.close()

    const text = readFileSync(path, 'utf8')
    expect(text).not.toContain(secret)
    const session = readSession(path)
    expect(session.header.prompt).toBe('use [REDACTED]')
    expect(session.events[0]).toMatchObject({ content: 'GITHUB_TOKEN=[REDACTED]\n' })
    expect(session.events[1]).toMatchObject({
      input: { command: 'curl -H "Authorization: [REDACTED]"' }
    })
  })

  it('redacts a secret that JSON escapes, such as a multi-line key', () => {
    const secret = '-----BEGIN KEY-----\nMIIEvQ"back\\slash\n-----END KEY-----'
    const redact = (text: string): string => text.split(secret).join('[REDACTED]')
    const path = join(dir, 'run.jsonl')
    const writer = SessionWriter.create(path, HEADER, { redact })
    writer.append({
      type: 'tool_result',
      id: 't',
      tool: 'Read',
      is_error: false,
      content: `key:\n${secret}\n`,
      duration_ms: 1
    })
    writer.close()
    const text = readFileSync(path, 'utf8')
    expect(text).not.toContain('MIIEvQ')
    expect(readSession(path).events[0]).toMatchObject({ content: 'key:\n[REDACTED]\n' })
  })

  it('keeps the file readable when a secret matches JSON syntax', () => {
    const secret = '123456789'
    const redact = (text: string): string => text.split(secret).join('[REDACTED]')
    const path = join(dir, 'run.jsonl')
    const writer = SessionWriter.create(path, HEADER, { redact })
    writer.append({
      type: 'tool_result',
      id: 't',
      tool: 'Bash',
      is_error: false,
      content: `pin ${secret}`,
      duration_ms: 123456789
    })
    writer.close()
    expect(readSession(path).events[0]).toMatchObject({
      content: 'pin [REDACTED]',
      duration_ms: 123456789
    })
  })

  it('redacts before it cuts, so a secret across the cut leaves nothing behind', () => {
    const secret = 'sk-ant-SECRETSECRETSECRET'
    const redact = (text: string): string => text.split(secret).join('[REDACTED]')
    const path = join(dir, 'run.jsonl')
    const writer = SessionWriter.create(path, HEADER, { redact, maxLineBytes: 2000 })
    // The secret straddles every cut point the writer might choose.
    const content = Array.from({ length: 400 }, () => `x${secret}`).join('')
    writer.append({
      type: 'tool_result',
      id: 't',
      tool: 'Bash',
      is_error: false,
      content,
      duration_ms: 1
    })
    writer.close()
    const text = readFileSync(path, 'utf8')
    expect(text).not.toContain('sk-ant')
    expect(text).toContain('[REDACTED]')
  })

  it('caps a huge event instead of throwing, and the line still reads back', () => {
    const path = join(dir, 'run.jsonl')
    const writer = SessionWriter.create(path, HEADER)
    const huge = 'y'.repeat(5 * MAX_EVENT_LINE_BYTES)
    writer.append({
      type: 'tool_result',
      id: 't1',
      tool: 'Read',
      is_error: false,
      content: huge,
      duration_ms: 1
    })
    writer.append({
      type: 'message',
      message: {
        role: 'assistant',
        content: Array.from({ length: 5000 }, (_, index) => ({
          type: 'tool_use' as const,
          id: `toolu_${index}`,
          name: 'Write',
          input: { file_path: 'big.txt', content: 'z'.repeat(2000) }
        }))
      }
    })
    writer.append(EVENTS[0] as SessionEvent)
    writer.close()

    const lines = readFileSync(path, 'utf8').trimEnd().split('\n')
    for (const line of lines)
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(MAX_EVENT_LINE_BYTES)
    const session = readSession(path)
    expect(session.events).toHaveLength(3)
    const result = session.events[0]
    if (result?.type !== 'tool_result') throw new Error('expected a tool_result')
    expect(result.content.startsWith('yyyy')).toBe(true)
    expect(result.content).toMatch(/characters cut by claw/)
    expect(session.events[2]).toEqual(EVENTS[0])
  })

  it('refuses appends after close', () => {
    const writer = SessionWriter.create(join(dir, 'run.jsonl'), HEADER)
    writer.close()
    writer.close()
    expect(() => writer.append(EVENTS[0] as SessionEvent)).toThrow(/closed/)
  })
})
