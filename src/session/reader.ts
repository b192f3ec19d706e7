import { readFileSync } from 'node:fs'
import type { Message } from '../agent/messages.js'
import { UserError, errorMessage } from '../errors.js'
import {
  SESSION_FORMAT_VERSION,
  type CompactionEvent,
  type SessionEvent,
  type SessionHeader
} from './events.js'

/** A transcript as read back: its header, then every event after it in file order. */
export interface Session {
  header: SessionHeader
  /** The events after the header, in the order they were written (never a header). */
  events: SessionEvent[]
  /**
   * The file's last line was cut off mid-write (a crash or a killed job) and was left out. Every
   * event before it is intact.
   */
  truncatedTail: boolean
}

/** A session file that cannot be read as a transcript; the message names the file and line. */
export class SessionFormatError extends UserError {
  override name = 'SessionFormatError'

  constructor(
    readonly source: string,
    readonly line: number,
    problem: string
  ) {
    super(`${source}:${line}: ${problem}`)
  }
}

/** Reads and checks a transcript file. Throws UserError (SessionFormatError for bad content). */
export function readSession(path: string): Session {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new UserError(`cannot read session file ${path}: ${describeFsError(error)}`)
  }
  return parseSession(text, path)
}

/**
 * Parses a transcript's text; `source` names it in error messages. Every line must be a known
 * event with its required fields, except that a last line without its newline that is not valid
 * JSON (a write cut off by a crash) is left out and reported as `truncatedTail`.
 */
export function parseSession(text: string, source: string): Session {
  if (text.startsWith('\uFEFF')) text = text.slice(1)
  if (text.trim() === '') {
    throw new SessionFormatError(
      source,
      1,
      'the file is empty; a claw session starts with a header line'
    )
  }
  const lines = text.split('\n')
  const endsWithNewline = text.endsWith('\n')
  let header: SessionHeader | undefined
  const events: SessionEvent[] = []
  let truncatedTail = false
  // Length of the conversation rebuilt so far, to check each compaction against it.
  let conversationLength = 0

  for (let index = 0; index < lines.length; index += 1) {
    const lineNumber = index + 1
    const raw = (lines[index] ?? '').replace(/\r$/, '')
    if (raw.trim() === '') continue
    const isCutOff = index === lines.length - 1 && !endsWithNewline
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch (error) {
      if (isCutOff && header) {
        truncatedTail = true
        break
      }
      const problem = isCutOff
        ? 'the header line is cut off (the run stopped while writing it)'
        : `not valid JSON (${errorMessage(error)})`
      throw new SessionFormatError(source, lineNumber, problem)
    }
    try {
      if (!header) {
        header = checkHeader(value)
        continue
      }
      const event = checkEvent(value)
      if (event.type === 'message') conversationLength += 1
      if (event.type === 'compaction') {
        if (event.replaced_messages > conversationLength) {
          throw new Problem(
            `the compaction replaces ${event.replaced_messages} messages but the conversation has only ${conversationLength} at this point`
          )
        }
        conversationLength = conversationLength - event.replaced_messages + 1
      }
      events.push(event)
    } catch (error) {
      if (error instanceof Problem) throw new SessionFormatError(source, lineNumber, error.message)
      throw error
    }
  }
  // Unreachable: a non-blank text has a first line that either parsed into a header or threw.
  if (!header) throw new SessionFormatError(source, 1, 'no header line')
  return { header, events, truncatedTail }
}

/**
 * The conversation as the model last saw it, for resuming a session. Messages are taken in file
 * order; a `compaction` event with `replaced_messages: N` and `summary: S` replaces the first N
 * messages of the conversation rebuilt so far (a summary from an earlier compaction counts as one
 * of them) with the single message `{ role: 'user', content: S }`, kept in front of the messages
 * that follow. `summary` is therefore the exact text of that user message, not the model's raw
 * reply. The returned messages are copies: changing them does not change the session.
 */
export function conversationOf(session: Session): Message[] {
  let conversation: Message[] = []
  for (const event of session.events) {
    if (event.type === 'message') conversation.push(structuredClone(event.message))
    if (event.type === 'compaction') conversation = applyCompaction(conversation, event)
  }
  return conversation
}

function applyCompaction(conversation: Message[], event: CompactionEvent): Message[] {
  if (event.replaced_messages > conversation.length) {
    throw new Error(
      `a compaction replaces ${event.replaced_messages} messages but the conversation has only ${conversation.length}`
    )
  }
  return [{ role: 'user', content: event.summary }, ...conversation.slice(event.replaced_messages)]
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'it is a directory'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return errorMessage(error)
}

/** A problem with one line's content; parseSession adds the file and line. */
class Problem extends Error {}

type Fields = Record<string, unknown>

function checkHeader(value: unknown): SessionHeader {
  if (!isRecord(value) || value['type'] !== 'header' || value['format'] !== 'claw-session') {
    throw new Problem(
      `not a claw session: the first line must be a claw-session header, found ${describe(value)}`
    )
  }
  const version = value['version']
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new Problem(
      `the header's "version" must be a positive integer, found ${JSON.stringify(version)}`
    )
  }
  if (version > SESSION_FORMAT_VERSION) {
    throw new Problem(
      `the session was written by a newer claw (format ${version}); this claw reads format ${SESSION_FORMAT_VERSION}`
    )
  }
  const where = 'header'
  for (const key of [
    'task',
    'repository',
    'event',
    'model',
    'policy_digest',
    'policy_source',
    'started_at',
    'prompt'
  ]) {
    string(value, key, where)
  }
  if (value['isolation'] !== undefined) {
    const isolation = record(value, 'isolation', where)
    oneOf(isolation, 'level', ISOLATION_LEVELS, where, 'isolation.')
    oneOf(isolation, 'network', ['isolated', 'host'], where, 'isolation.')
    string(isolation, 'detail', where, 'isolation.')
  }
  return value as unknown as SessionHeader
}

const ISOLATION_LEVELS = ['user-namespace', 'root-namespace', 'sudo-namespace', 'none']

const RUN_STATUSES = [
  'success',
  'max-turns',
  'max-cost',
  'timeout',
  'needs-approval',
  'refusal',
  'error'
]

const EVENT_CHECKS: Record<Exclude<SessionEvent['type'], 'header'>, (event: Fields) => void> = {
  message: event => checkMessage(record(event, 'message', 'message event'), 'message'),
  request: event => {
    const where = 'request event'
    integer(event, 'turn', where)
    string(event, 'model', where)
    usage(event, 'usage', where)
    number(event, 'cost_usd', where)
    number(event, 'duration_ms', where)
    string(event, 'stop_reason', where)
  },
  retry: event => {
    const where = 'retry event'
    integer(event, 'turn', where)
    integer(event, 'attempt', where)
    number(event, 'delay_ms', where)
    string(event, 'reason', where)
  },
  tool_call: event => {
    const where = 'tool_call event'
    string(event, 'id', where)
    string(event, 'tool', where)
    // `input` (here, in tool_use blocks and in pending calls) is free-form and may be absent:
    // JSON.stringify leaves out an undefined input.
    const decision = record(event, 'decision', where)
    oneOf(decision, 'decision', ['allow', 'ask', 'deny'], where, 'decision.')
    string(decision, 'rule', where, 'decision.')
    string(decision, 'reason', where, 'decision.')
  },
  tool_result: event => {
    const where = 'tool_result event'
    string(event, 'id', where)
    string(event, 'tool', where)
    boolean(event, 'is_error', where)
    string(event, 'content', where)
    number(event, 'duration_ms', where)
  },
  resume: event => {
    const where = 'resume event'
    oneOf(event, 'kind', ['approve-once', 'approve-all', 'deny', 'follow-up'], where)
    string(event, 'by', where)
    string(event, 'at', where)
  },
  workspace: event => {
    const where = 'workspace event'
    string(event, 'base', where)
    string(event, 'patch', where)
  },
  compaction: event => {
    const where = 'compaction event'
    integer(event, 'replaced_messages', where)
    number(event, 'tokens_before', where)
    string(event, 'summary', where)
  },
  outcome: event => {
    const where = 'outcome event'
    oneOf(event, 'status', RUN_STATUSES, where)
    string(event, 'reason', where)
    integer(event, 'turns', where)
    usage(event, 'usage', where)
    number(event, 'cost_usd', where)
    string(event, 'ended_at', where)
    if (event['branch'] !== undefined) string(event, 'branch', where)
    if (event['commits'] !== undefined) {
      array(event, 'commits', where).forEach((item, index) => {
        if (typeof item !== 'string') throw missing(where, `commits[${index}]`, 'a string', item)
      })
    }
    if (event['pending'] !== undefined) {
      array(event, 'pending', where).forEach((item, index) => {
        const prefix = `pending[${index}].`
        if (!isRecord(item))
          throw new Problem(`${where}: "${prefix.slice(0, -1)}" must be an object`)
        string(item, 'id', where, prefix)
        string(item, 'tool', where, prefix)
        string(item, 'rule', where, prefix)
      })
    }
  }
}

function checkEvent(value: unknown): SessionEvent {
  if (!isRecord(value))
    throw new Problem(`an event must be a JSON object, found ${describe(value)}`)
  const type = value['type']
  if (type === 'header') throw new Problem('a second header line; a session file holds one session')
  if (typeof type !== 'string' || !Object.hasOwn(EVENT_CHECKS, type)) {
    const known = Object.keys(EVENT_CHECKS).join(', ')
    throw new Problem(`unknown event type ${JSON.stringify(type)} (known: ${known})`)
  }
  EVENT_CHECKS[type as keyof typeof EVENT_CHECKS](value)
  return value as unknown as SessionEvent
}

function checkMessage(message: Fields, path: string): void {
  const where = 'message event'
  oneOf(message, 'role', ['user', 'assistant'], where, `${path}.`)
  const content = message['content']
  if (message['role'] === 'user' && typeof content === 'string') return
  const blocks = array(message, 'content', where, `${path}.`)
  const allowed =
    message['role'] === 'user' ? ['text', 'tool_result'] : ['text', 'tool_use', 'thinking']
  blocks.forEach((block, index) => {
    const prefix = `${path}.content[${index}].`
    if (!isRecord(block)) throw new Problem(`${where}: "${prefix.slice(0, -1)}" must be an object`)
    oneOf(block, 'type', allowed, where, prefix)
    switch (block['type']) {
      case 'text':
        string(block, 'text', where, prefix)
        break
      case 'tool_use':
        string(block, 'id', where, prefix)
        string(block, 'name', where, prefix)
        break
      case 'thinking':
        string(block, 'thinking', where, prefix)
        string(block, 'signature', where, prefix)
        break
      case 'tool_result':
        string(block, 'tool_use_id', where, prefix)
        string(block, 'content', where, prefix)
        if (block['is_error'] !== undefined) boolean(block, 'is_error', where, prefix)
        break
    }
  })
}

function usage(fields: Fields, key: string, where: string): void {
  const value = record(fields, key, where)
  for (const name of [
    'input_tokens',
    'output_tokens',
    'cache_read_input_tokens',
    'cache_creation_input_tokens'
  ]) {
    number(value, name, where, `${key}.`)
  }
}

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (isRecord(value)) {
    return typeof value['type'] === 'string'
      ? `a "${value['type']}" event`
      : 'an object without "type"'
  }
  if (Array.isArray(value)) return 'an array'
  return JSON.stringify(value) ?? String(value)
}

function missing(where: string, name: string, expected: string, value: unknown): Problem {
  const found = value === undefined ? 'it is missing' : `found ${JSON.stringify(value)}`
  return new Problem(`${where}: "${name}" must be ${expected}; ${truncate(found)}`)
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text
}

function string(fields: Fields, key: string, where: string, prefix = ''): string {
  const value = fields[key]
  if (typeof value !== 'string') throw missing(where, prefix + key, 'a string', value)
  return value
}

function number(fields: Fields, key: string, where: string, prefix = ''): void {
  const value = fields[key]
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw missing(where, prefix + key, 'a number', value)
  }
}

function integer(fields: Fields, key: string, where: string, prefix = ''): void {
  const value = fields[key]
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw missing(where, prefix + key, 'a whole number', value)
  }
}

function boolean(fields: Fields, key: string, where: string, prefix = ''): void {
  if (typeof fields[key] !== 'boolean')
    throw missing(where, prefix + key, 'true or false', fields[key])
}

function oneOf(fields: Fields, key: string, values: string[], where: string, prefix = ''): void {
  const value = fields[key]
  if (typeof value !== 'string' || !values.includes(value)) {
    throw missing(where, prefix + key, `one of ${values.join(', ')}`, value)
  }
}

function record(fields: Fields, key: string, where: string, prefix = ''): Fields {
  const value = fields[key]
  if (!isRecord(value)) throw missing(where, prefix + key, 'an object', value)
  return value
}

function array(fields: Fields, key: string, where: string, prefix = ''): unknown[] {
  const value = fields[key]
  if (!Array.isArray(value)) throw missing(where, prefix + key, 'an array', value)
  return value
}
