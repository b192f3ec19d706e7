import { describe, it, expect } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  SessionFormatError,
  conversationOf,
  parseSession,
  readSession,
  type Session
} from '../../src/session/reader.js'
import { UserError } from '../../src/errors.js'
import type { SessionEvent } from '../../src/session/events.js'
import { SAMPLE_SESSION } from './helpers.js'

const sample = readFileSync(SAMPLE_SESSION, 'utf8')
const sampleLines = sample.trimEnd().split('\n')
const headerLine = sampleLines[0] as string

function formatError(text: string): SessionFormatError {
  try {
    parseSession(text, 'run.jsonl')
  } catch (error) {
    if (error instanceof SessionFormatError) return error
    throw error
  }
  throw new Error('expected a SessionFormatError')
}

describe('readSession', () => {
  it('reads the sample session', () => {
    const session = readSession(SAMPLE_SESSION)
    expect(session.header.task).toBe('fix')
    expect(session.header.version).toBe(1)
    expect(session.events).toHaveLength(sampleLines.length - 1)
    expect(session.events.map(event => event.type)).toContain('outcome')
    expect(session.truncatedTail).toBe(false)
  })

  it('names a missing file in a UserError', () => {
    const path = join(tmpdir(), 'claw-no-such-session.jsonl')
    expect(() => readSession(path)).toThrow(UserError)
    expect(() => readSession(path)).toThrow(`cannot read session file ${path}: no such file`)
  })

  it('reports bad content of a file with the file name and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claw-reader-'))
    try {
      const path = join(dir, 'bad.jsonl')
      writeFileSync(path, `${headerLine}\n{"type":"message"\n`)
      expect(() => readSession(path)).toThrow(`${path}:2: not valid JSON`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('parseSession errors', () => {
  it('an empty file', () => {
    const error = formatError('')
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toBe(
      'run.jsonl:1: the file is empty; a claw session starts with a header line'
    )
    expect(formatError('\n\n').line).toBe(1)
  })

  it('a first line that is not a claw-session header', () => {
    expect(formatError('{"hello":"world"}\n').message).toBe(
      'run.jsonl:1: not a claw session: the first line must be a claw-session header, found an object without "type"'
    )
    expect(formatError(`${sampleLines[1]}\n`).message).toMatch(
      /^run\.jsonl:1: not a claw session: .* found a "message" event$/
    )
    expect(formatError('hello world\n').message).toMatch(/^run\.jsonl:1: not valid JSON/)
  })

  it('a newer format version', () => {
    const newer = headerLine.replace('"version":1', '"version":2')
    expect(formatError(`${newer}\n`).message).toBe(
      'run.jsonl:1: the session was written by a newer claw (format 2); this claw reads format 1'
    )
  })

  it('a header missing a field', () => {
    const header = JSON.parse(headerLine) as Record<string, unknown>
    delete header['model']
    expect(formatError(`${JSON.stringify(header)}\n`).message).toBe(
      'run.jsonl:1: header: "model" must be a string; it is missing'
    )
  })

  it('a header whose isolation is malformed', () => {
    const header = JSON.parse(headerLine) as Record<string, unknown>
    header['isolation'] = { level: 'jail', network: 'host', detail: 'x' }
    expect(formatError(`${JSON.stringify(header)}\n`).message).toBe(
      'run.jsonl:1: header: "isolation.level" must be one of user-namespace, root-namespace, sudo-namespace, none; found "jail"'
    )
    header['isolation'] = 'none'
    expect(formatError(`${JSON.stringify(header)}\n`).message).toBe(
      'run.jsonl:1: header: "isolation" must be an object; found "none"'
    )
  })

  it('a malformed line in the middle', () => {
    const lines = [...sampleLines]
    lines[4] = '{"type":"message","message":'
    const error = formatError(`${lines.join('\n')}\n`)
    expect(error.line).toBe(5)
    expect(error.message).toMatch(/^run\.jsonl:5: not valid JSON \(/)
  })

  it('a cut-off line that is not the last one', () => {
    const lines = [...sampleLines]
    lines[2] = (lines[2] as string).slice(0, 20)
    expect(formatError(lines.join('\n')).message).toMatch(/^run\.jsonl:3: not valid JSON/)
  })

  it('an unknown event type', () => {
    const error = formatError(`${headerLine}\n${sampleLines[1]}\n{"type":"telemetry","x":1}\n`)
    expect(error.message).toBe(
      'run.jsonl:3: unknown event type "telemetry" (known: message, request, retry, tool_call, tool_result, resume, workspace, compaction, outcome)'
    )
  })

  it('an event missing a required field', () => {
    const call = JSON.parse(sampleLines[5] as string) as Record<string, unknown>
    expect(call['type']).toBe('tool_call')
    delete (call['decision'] as Record<string, unknown>)['rule']
    expect(formatError(`${headerLine}\n${JSON.stringify(call)}\n`).message).toBe(
      'run.jsonl:2: tool_call event: "decision.rule" must be a string; it is missing'
    )
    expect(formatError(`${headerLine}\n{"type":"request","turn":1}\n`).message).toBe(
      'run.jsonl:2: request event: "model" must be a string; it is missing'
    )
  })

  it('a message with a malformed block', () => {
    const line = JSON.stringify({
      type: 'message',
      message: {
        role: 'assistant',
        content: [
          { type: 'text', text: 'hi' },
          { type: 'tool_use', id: 'x', input: {} }
        ]
      }
    })
    expect(formatError(`${headerLine}\n${line}\n`).message).toBe(
      'run.jsonl:2: message event: "message.content[1].name" must be a string; it is missing'
    )
  })

  it('a second header', () => {
    expect(formatError(`${headerLine}\n${headerLine}\n`).message).toBe(
      'run.jsonl:2: a second header line; a session file holds one session'
    )
  })

  it('a compaction that replaces more messages than there are', () => {
    const compaction = {
      type: 'compaction',
      replaced_messages: 3,
      tokens_before: 100,
      summary: 's'
    }
    expect(
      formatError(`${headerLine}\n${sampleLines[1]}\n${JSON.stringify(compaction)}\n`).message
    ).toBe(
      'run.jsonl:3: the compaction replaces 3 messages but the conversation has only 1 at this point'
    )
  })

  it('a header cut off by a crash', () => {
    expect(formatError(headerLine.slice(0, 40)).message).toBe(
      'run.jsonl:1: the header line is cut off (the run stopped while writing it)'
    )
  })
})

describe('parseSession tolerance', () => {
  it('reads headers with and without the optional isolation', () => {
    const header = JSON.parse(headerLine) as Record<string, unknown>
    expect(parseSession(`${headerLine}\n`, 'run.jsonl').header.isolation).toBeUndefined()
    const isolation = { level: 'sudo-namespace', network: 'isolated', detail: 'sudo with …' }
    const text = `${JSON.stringify({ ...header, isolation })}\n`
    expect(parseSession(text, 'run.jsonl').header.isolation).toEqual(isolation)
  })

  it('leaves out a last line cut off mid-write', () => {
    const cut = `${sampleLines.slice(0, 5).join('\n')}\n${(sampleLines[5] as string).slice(0, 30)}`
    const session = parseSession(cut, 'run.jsonl')
    expect(session.truncatedTail).toBe(true)
    expect(session.events).toHaveLength(4)
  })

  it('accepts a complete last line without its newline, CRLF line ends and blank lines', () => {
    const session = parseSession(
      `${sampleLines.slice(0, 3).join('\r\n')}\r\n\r\n${sampleLines[3]}`,
      'x'
    )
    expect(session.truncatedTail).toBe(false)
    expect(session.events.map(event => event.type)).toEqual(['message', 'retry', 'request'])
  })
})

describe('conversationOf', () => {
  const header = readSession(SAMPLE_SESSION).header
  const user = (text: string): SessionEvent => ({
    type: 'message',
    message: { role: 'user', content: text }
  })
  const assistant = (text: string): SessionEvent => ({
    type: 'message',
    message: { role: 'assistant', content: [{ type: 'text', text }] }
  })

  it('is the messages in order when nothing was compacted', () => {
    const session = readSession(SAMPLE_SESSION)
    const messages = conversationOf(session)
    const recorded = session.events.flatMap(event =>
      event.type === 'message' ? [event.message] : []
    )
    expect(messages).toEqual(recorded)
    expect(messages).toHaveLength(7)
    expect(messages[0]).toEqual({ role: 'user', content: header.prompt })
  })

  it('replaces the first replaced_messages messages with the summary, compaction after compaction', () => {
    const session: Session = {
      header,
      truncatedTail: false,
      events: [
        user('u1'),
        assistant('a1'),
        user('u2'),
        assistant('a2'),
        user('u3'),
        { type: 'compaction', replaced_messages: 3, tokens_before: 1000, summary: 'S1' },
        assistant('a3'),
        user('u4'),
        { type: 'compaction', replaced_messages: 2, tokens_before: 900, summary: 'S2' },
        assistant('a4')
      ]
    }
    expect(conversationOf(session)).toEqual([
      { role: 'user', content: 'S2' },
      { role: 'user', content: 'u3' },
      { role: 'assistant', content: [{ type: 'text', text: 'a3' }] },
      { role: 'user', content: 'u4' },
      { role: 'assistant', content: [{ type: 'text', text: 'a4' }] }
    ])
  })

  it('agrees with a session read from text, and returns copies', () => {
    const compaction = {
      type: 'compaction',
      replaced_messages: 2,
      tokens_before: 10,
      summary: 'sum'
    }
    const text = [headerLine, ...sampleLines.slice(1, 8), JSON.stringify(compaction)].join('\n')
    const session = parseSession(`${text}\n`, 'x')
    const messages = conversationOf(session)
    expect(messages[0]).toEqual({ role: 'user', content: 'sum' })
    expect(messages).toHaveLength(2)
    expect(messages[1]?.role).toBe('user')
    messages[1]!.content = 'changed'
    expect(conversationOf(session)[1]?.content).not.toBe('changed')
  })
})
