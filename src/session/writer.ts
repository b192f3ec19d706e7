import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import { SESSION_FORMAT_VERSION, type SessionEvent, type SessionHeader } from './events.js'

/** A session line longer than this (in bytes, newline excluded) has its long strings cut. */
export const MAX_EVENT_LINE_BYTES = 1024 * 1024

export interface SessionWriterOptions {
  /**
   * Replaces secret substrings with `[REDACTED]`. The writer applies it twice to every event,
   * header included: first to each string in the event (keys and values, unescaped), then to the
   * serialized JSON line. The first pass catches secrets that JSON would escape (a PEM key's
   * newlines, quotes, backslashes), which the line holds only in escaped form; the second keeps
   * the contract that nothing reaches the file without passing the redactor as text. It should
   * replace secrets and change nothing else; a text pass that leaves invalid JSON is dropped for
   * that line (the file must stay readable), keeping the first pass's result.
   */
  redact?: (text: string) => string
  /** Cap of one line in bytes; see MAX_EVENT_LINE_BYTES. For tests. */
  maxLineBytes?: number
}

/**
 * Writes a session transcript (see events.ts) one line per event, synchronously, so that a crash
 * or a cancelled job leaves a file holding every event recorded until then (a reader tolerates a
 * last line cut off mid-write). The file is created with mode 0600 and its folder with 0700: a
 * transcript holds the repository's code and the model's reasoning, which other local users
 * should not read.
 */
export class SessionWriter {
  private fd: number | undefined
  private readonly redact: ((text: string) => string) | undefined
  private readonly maxLineBytes: number

  private constructor(
    private readonly filePath: string,
    fd: number,
    options: SessionWriterOptions
  ) {
    this.fd = fd
    this.redact = options.redact
    this.maxLineBytes = options.maxLineBytes ?? MAX_EVENT_LINE_BYTES
  }

  /**
   * Creates (or truncates) the file at `path`, creating its parent folders, and writes the header
   * line. Throws the file system's error when the file cannot be created.
   */
  static create(
    path: string,
    header: Omit<SessionHeader, 'type' | 'format' | 'version'>,
    options: SessionWriterOptions = {}
  ): SessionWriter {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
    const fd = openSync(path, 'w', 0o600)
    const writer = new SessionWriter(path, fd, options)
    const full: SessionHeader = {
      type: 'header',
      format: 'claw-session',
      version: SESSION_FORMAT_VERSION,
      ...header
    }
    writer.append(full)
    return writer
  }

  get path(): string {
    return this.filePath
  }

  /**
   * Writes one event as one line, redacted, before returning. An event whose line would exceed
   * the cap is written with its longest strings cut (each cut ends in a `[… N characters cut by
   * claw …]` marker) rather than thrown away or thrown about. Throws only when the writer is
   * closed or the file system fails.
   */
  append(event: SessionEvent): void {
    if (this.fd === undefined) throw new Error(`session ${this.filePath} is already closed`)
    const line = this.serialize(event)
    const bytes = Buffer.from(`${line}\n`, 'utf8')
    let written = 0
    while (written < bytes.length) {
      written += writeSync(this.fd, bytes, written, bytes.length - written)
    }
  }

  /** Flushes and closes the file; further appends throw. Closing twice is harmless. */
  close(): void {
    if (this.fd === undefined) return
    const fd = this.fd
    this.fd = undefined
    try {
      fsyncSync(fd)
    } catch {
      // Some file systems (pipes, certain mounts) refuse fsync; the data is written anyway.
    }
    closeSync(fd)
  }

  private serialize(event: SessionEvent): string {
    const cleaned = this.redact ? redactStrings(event, this.redact) : event
    // Redact first, cut second: cutting first could split a secret so that the redactor no longer
    // recognises the half that stays in the file.
    const line = this.redactLine(JSON.stringify(cleaned))
    if (Buffer.byteLength(line, 'utf8') <= this.maxLineBytes) return line
    return this.redactLine(capEvent(JSON.parse(line), this.maxLineBytes))
  }

  /**
   * The redactor's pass over the JSON text, kept only when the text stays valid JSON. A secret
   * can match JSON syntax (an all-digit secret inside a number such as `duration_ms`); a broken
   * line would make the whole file unreadable, and every string was already redacted on its own.
   */
  private redactLine(line: string): string {
    if (!this.redact) return line
    const redacted = this.redact(line)
    if (redacted === line) return line
    try {
      JSON.parse(redacted)
      return redacted
    } catch {
      return line
    }
  }
}

/** A copy of `value` with `redact` applied to every string in it, object keys included. */
function redactStrings(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value)
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(item => redactStrings(item, redact))
  const result: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    result[redact(key)] = redactStrings(item, redact)
  }
  return result
}

/** Limits tried in turn, loosest first, until the line fits. */
const CAP_STEPS: { stringChars: number; arrayItems: number; depth: number }[] = [
  { stringChars: 256 * 1024, arrayItems: Infinity, depth: Infinity },
  { stringChars: 64 * 1024, arrayItems: Infinity, depth: Infinity },
  { stringChars: 16 * 1024, arrayItems: Infinity, depth: Infinity },
  { stringChars: 4 * 1024, arrayItems: 1000, depth: Infinity },
  { stringChars: 1024, arrayItems: 100, depth: Infinity },
  { stringChars: 256, arrayItems: 20, depth: 6 },
  // Depth 5 keeps every field the reader requires (message.content[i].input is at depth 4) and
  // cuts only inside free-form values such as a tool's input.
  { stringChars: 128, arrayItems: 10, depth: 5 }
]

/** Serializes `value` with strings, arrays and deep structures cut until the line fits. */
export function capEvent(value: unknown, maxBytes: number): string {
  let line = ''
  for (const step of CAP_STEPS) {
    line = JSON.stringify(shrink(value, step, 0))
    if (Buffer.byteLength(line, 'utf8') <= maxBytes) return line
  }
  // Only an event with a vast number of object keys gets here; writing it whole beats losing it.
  return line
}

function shrink(
  value: unknown,
  limits: { stringChars: number; arrayItems: number; depth: number },
  depth: number
): unknown {
  if (typeof value === 'string') return cutString(value, limits.stringChars)
  if (value === null || typeof value !== 'object') return value
  if (depth >= limits.depth) {
    return `[… ${JSON.stringify(value).length} characters of nested data cut by claw …]`
  }
  if (Array.isArray(value)) {
    const kept = value.slice(0, limits.arrayItems).map(item => shrink(item, limits, depth + 1))
    // A marker element could break a typed array (message content), so the count goes nowhere:
    // the cut strings around it already say that the event was shortened.
    return kept
  }
  const result: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) result[key] = shrink(item, limits, depth + 1)
  return result
}

function cutString(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  let end = maxChars
  // Do not leave half of a surrogate pair behind.
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end -= 1
  return `${text.slice(0, end)}[… ${text.length - end} characters cut by claw …]`
}
