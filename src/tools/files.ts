import { createHash, randomBytes } from 'node:crypto'
import { open, rename, stat, unlink } from 'node:fs/promises'
import path from 'node:path'
import type { ToolContext } from './tool.js'

/** Files above this size are not read whole (Read refuses them without offset/limit). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024

/** How much of a file is sniffed for a NUL byte to call it binary (as git and ripgrep do). */
export const BINARY_SNIFF_BYTES = 8192

export function sha256(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex')
}

export function looksBinary(content: Buffer): boolean {
  return content.subarray(0, BINARY_SNIFF_BYTES).includes(0)
}

/** Reads the first bytes of a file for the binary sniff without reading all of it. */
export async function readHead(file: string, bytes = BINARY_SNIFF_BYTES): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.alloc(bytes)
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/**
 * Refuses a change to an existing file the model has not read in this session, or that changed
 * on disk since (a formatter, a Bash command): an edit made on a stale view would silently
 * undo someone's change. Returns an error message, or undefined when the change may go ahead.
 */
export function staleReadMessage(
  context: ToolContext,
  absolute: string,
  relative: string,
  current: Buffer
): string | undefined {
  const known = context.readFiles.get(absolute)
  if (known === undefined) {
    return `${relative} exists but has not been read in this session. Read it first, then try again.`
  }
  if (known !== sha256(current)) {
    return `${relative} has changed on disk since it was last read. Read it again, then try again.`
  }
  return undefined
}

/**
 * Writes a file atomically: the content goes to a temporary file in the same folder (so the
 * rename stays on one file system), is flushed, and replaces the target in one rename. A crash
 * or a kill leaves either the old file or the new one, never half of one.
 */
export async function writeFileAtomic(target: string, content: string): Promise<void> {
  // An overwrite keeps the file's mode (an executable script stays executable); a new file gets
  // the default mode less the umask.
  let existingMode: number | undefined
  try {
    existingMode = (await stat(target)).mode & 0o7777
  } catch {
    existingMode = undefined
  }
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.claw-${randomBytes(6).toString('hex')}.tmp`
  )
  const handle = await open(temp, 'wx', existingMode ?? 0o666)
  try {
    try {
      await handle.writeFile(content, 'utf8')
      if (existingMode !== undefined) await handle.chmod(existingMode)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, target)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
}

/** Lines of a text as a model sees them: `\n`-separated, no final empty line, no `\r`. */
export function splitLines(text: string): string[] {
  if (text.length === 0) return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines.map(line => (line.endsWith('\r') ? line.slice(0, -1) : line))
}

export const MAX_LINE_CHARS = 2000

/**
 * One numbered line: the number, a tab, the text. Unlike `cat -n` the number is not padded to six
 * columns: the padding is five spaces on most lines of every Read, sent again on every later turn.
 */
export function numberedLine(lineNumber: number, text: string, maxChars = MAX_LINE_CHARS): string {
  const shown =
    text.length > maxChars
      ? `${text.slice(0, maxChars)}… [line cut: ${text.length - maxChars} more characters]`
      : text
  return `${lineNumber}\t${shown}`
}

export function countLines(text: string): number {
  return splitLines(text).length
}

/** A function from a character offset in `text` to its 0-based line index (binary search). */
export function lineLocator(text: string): (position: number) => number {
  const lineStarts: number[] = [0]
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) === 10) lineStarts.push(index + 1)
  }
  return position => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if ((lineStarts[middle] ?? 0) <= position) low = middle
      else high = middle - 1
    }
    return low
  }
}

/** The `file_path` field every file tool shares. */
export const FILE_PATH_FIELD = {
  type: 'string',
  description: 'The file: relative to the workspace root, or absolute inside it.'
} as const
