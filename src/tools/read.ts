import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { createHash } from 'node:crypto'
import {
  FILE_PATH_FIELD,
  MAX_FILE_BYTES,
  looksBinary,
  numberedLine,
  readHead,
  sha256,
  splitLines
} from './files.js'
import { inputObject, optionalInteger, requiredString } from './input.js'
import type { Tool, ToolContext, ToolResult } from './tool.js'
import { resolveInWorkspace } from './workspace.js'

export const DEFAULT_READ_LINES = 2000

export interface ReadInput {
  file_path: string
  /** 1-based first line. */
  offset?: number
  limit?: number
}

export const readTool: Tool<ReadInput> = {
  name: 'Read',
  description:
    'Reads a text file and returns its lines as "<number><tab><text>" (up to 2000 lines from ' +
    'offset; lines over 2000 characters are cut). Use offset and limit for long files. A file ' +
    'must be read before Write overwrites it or Edit changes it. Refuses folders (use Glob) ' +
    'and binary files.',
  inputSchema: {
    type: 'object',
    properties: {
      file_path: FILE_PATH_FIELD,
      offset: {
        type: 'integer',
        minimum: 1,
        description: 'First line to read, 1-based. Only for files too long to read at once.'
      },
      limit: {
        type: 'integer',
        minimum: 1,
        description: 'How many lines to read (default 2000).'
      }
    },
    required: ['file_path'],
    additionalProperties: false
  },
  readOnly: true,
  parse(raw) {
    const input = inputObject(raw, 'Read', ['file_path', 'offset', 'limit'])
    return {
      file_path: requiredString(input, 'file_path', { nonEmpty: true }),
      offset: optionalInteger(input, 'offset', { min: 1 }),
      limit: optionalInteger(input, 'limit', { min: 1 })
    }
  },
  execute: readFileTool
}

async function readFileTool(input: ReadInput, context: ToolContext): Promise<ToolResult> {
  const { absolute, relative } = resolveInWorkspace(context.workspace, input.file_path)
  let info
  try {
    info = await stat(absolute)
  } catch {
    return {
      content: `File does not exist: ${relative}. Use Glob to find files by name.`,
      is_error: true
    }
  }
  if (info.isDirectory()) {
    return {
      content: `${relative} is a folder, not a file. Use Glob with path "${relative}" to list its files.`,
      is_error: true
    }
  }
  if (!info.isFile()) return { content: `${relative} is not a regular file.`, is_error: true }
  const partial = input.offset !== undefined || input.limit !== undefined
  if (info.size > MAX_FILE_BYTES && !partial) {
    return {
      content:
        `${relative} is ${(info.size / 1024 / 1024).toFixed(1)} MB, over the ` +
        `${MAX_FILE_BYTES / 1024 / 1024} MB limit for a whole read. Read a part with offset and ` +
        'limit, or search it with Grep.',
      is_error: true
    }
  }
  if (looksBinary(await readHead(absolute))) {
    return {
      content: `${relative} is a binary file; Read shows text files only.`,
      is_error: true
    }
  }
  const first = input.offset ?? 1
  const count = input.limit ?? DEFAULT_READ_LINES
  const window =
    info.size > MAX_FILE_BYTES
      ? await streamWindow(absolute, first, count, context.signal)
      : wholeWindow(await readFile(absolute), first, count)
  context.readFiles.set(absolute, window.hash)

  if (window.total === 0) return { content: `(${relative}: file is empty)` }
  if (first > window.total) {
    return {
      content: `${relative} has ${window.total} lines; offset ${first} is past the end.`,
      is_error: true
    }
  }
  const numbered = window.lines.map((line, index) => numberedLine(first + index, line))
  const last = first + window.lines.length - 1
  if (first > 1 || last < window.total) {
    numbered.push(
      `[Lines ${first}-${last} of ${window.total}.` +
        (last < window.total ? ` Read more with offset=${last + 1}.]` : ']')
    )
  }
  return { content: numbered.join('\n') }
}

interface LineWindow {
  lines: string[]
  total: number
  hash: string
}

function wholeWindow(content: Buffer, first: number, count: number): LineWindow {
  const all = splitLines(content.toString('utf8'))
  return {
    lines: all.slice(first - 1, first - 1 + count),
    total: all.length,
    hash: sha256(content)
  }
}

/** For files over the size cap: only the asked-for lines are kept, the hash covers all bytes. */
async function streamWindow(
  file: string,
  first: number,
  count: number,
  signal: AbortSignal
): Promise<LineWindow> {
  const hash = createHash('sha256')
  const stream = createReadStream(file)
  stream.on('data', chunk => hash.update(chunk))
  const lines: string[] = []
  let total = 0
  const reader = createInterface({ input: stream, crlfDelay: Infinity })
  try {
    for await (const line of reader) {
      signal.throwIfAborted()
      total++
      if (total >= first && total < first + count) lines.push(line)
    }
  } finally {
    stream.destroy()
  }
  return { lines, total, hash: hash.digest('hex') }
}
