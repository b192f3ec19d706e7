import { readFile, stat } from 'node:fs/promises'
import {
  FILE_PATH_FIELD,
  lineLocator,
  numberedLine,
  sha256,
  staleReadMessage,
  writeFileAtomic
} from './files.js'
import { inputObject, optionalBoolean, requiredString } from './input.js'
import { ToolInputError, type Tool, type ToolContext, type ToolResult } from './tool.js'
import { resolveInWorkspace } from './workspace.js'

export interface EditInput {
  file_path: string
  old_string: string
  new_string: string
  replace_all?: boolean
}

/**
 * Lines of context around each change in the snippet returned to the model: enough to show where
 * the change landed (the model wrote the new text itself), and every line of it is sent again on
 * each later turn.
 */
const SNIPPET_CONTEXT = 1
const SNIPPET_MAX_LINES = 60

export const editTool: Tool<EditInput> = {
  name: 'Edit',
  description:
    'Replaces exact text in a file. old_string must match the file exactly, whitespace and ' +
    'indentation included (without the line-number prefix Read shows), and be unique unless ' +
    'replace_all is true; include surrounding lines to make it unique. Read the file first.',
  inputSchema: {
    type: 'object',
    properties: {
      file_path: FILE_PATH_FIELD,
      old_string: { type: 'string', description: 'The exact text to replace.' },
      new_string: {
        type: 'string',
        description: 'The text to put in its place (must differ from old_string).'
      },
      replace_all: {
        type: 'boolean',
        description: 'Replace every occurrence of old_string (default false).'
      }
    },
    required: ['file_path', 'old_string', 'new_string'],
    additionalProperties: false
  },
  readOnly: false,
  parse(raw) {
    const input = inputObject(raw, 'Edit', ['file_path', 'old_string', 'new_string', 'replace_all'])
    const parsed: EditInput = {
      file_path: requiredString(input, 'file_path', { nonEmpty: true }),
      old_string: requiredString(input, 'old_string'),
      new_string: requiredString(input, 'new_string'),
      replace_all: optionalBoolean(input, 'replace_all')
    }
    if (parsed.old_string.length === 0) {
      throw new ToolInputError(
        '"old_string" is empty: give the text to replace, or use Write to create a file.'
      )
    }
    if (parsed.old_string === parsed.new_string) {
      throw new ToolInputError(
        '"old_string" and "new_string" are the same: there is nothing to change.'
      )
    }
    return parsed
  },
  execute: editFile
}

async function editFile(input: EditInput, context: ToolContext): Promise<ToolResult> {
  const { absolute, relative } = resolveInWorkspace(context.workspace, input.file_path, {
    forWrite: true
  })
  try {
    if (!(await stat(absolute)).isFile()) {
      return { content: `${relative} is not a file.`, is_error: true }
    }
  } catch {
    return {
      content: `${relative} does not exist. Use Write to create a file, or Glob to find one.`,
      is_error: true
    }
  }
  const bytes = await readFile(absolute)
  const stale = staleReadMessage(context, absolute, relative, bytes)
  if (stale !== undefined) return { content: stale, is_error: true }
  const original = bytes.toString('utf8')

  // The model writes `\n`; a CRLF file keeps its line endings.
  let oldString = input.old_string
  let newString = input.new_string
  let positions = findAll(original, oldString)
  if (original.includes('\r\n')) {
    const crlfOld = toCrlf(oldString)
    const crlfPositions = crlfOld === oldString ? positions : findAll(original, crlfOld)
    if (crlfPositions.length > 0 || positions.length === 0) {
      oldString = crlfOld
      positions = crlfPositions
      newString = toCrlf(newString)
    }
  }
  if (positions.length === 0) {
    return {
      content:
        `old_string was not found in ${relative}. It must match exactly, including whitespace ` +
        'and indentation; Read the file again and copy the text.',
      is_error: true
    }
  }
  if (positions.length > 1 && input.replace_all !== true) {
    return {
      content:
        `old_string occurs ${positions.length} times in ${relative}. Include more surrounding ` +
        'lines to make it unique, or set replace_all to true to change every occurrence.',
      is_error: true
    }
  }

  // Built by hand: String.replace would read `$&` and `$1` in new_string as patterns.
  const parts: string[] = []
  const changed: { start: number; end: number }[] = []
  let from = 0
  let length = 0
  for (const position of positions) {
    const before = original.slice(from, position)
    parts.push(before, newString)
    length += before.length
    changed.push({ start: length, end: length + newString.length })
    length += newString.length
    from = position + oldString.length
  }
  parts.push(original.slice(from))
  const updated = parts.join('')

  context.signal.throwIfAborted()
  await writeFileAtomic(absolute, updated)
  context.readFiles.set(absolute, sha256(updated))
  const count = positions.length
  return {
    content:
      `Edited ${relative} (${count} ${count === 1 ? 'replacement' : 'replacements'}). ` +
      `Changed lines:\n${snippet(updated, changed)}`
  }
}

/** Start offsets of the non-overlapping occurrences of `needle`. */
function findAll(haystack: string, needle: string): number[] {
  const positions: number[] = []
  let index = haystack.indexOf(needle)
  while (index !== -1) {
    positions.push(index)
    index = haystack.indexOf(needle, index + needle.length)
  }
  return positions
}

function toCrlf(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(/\n/g, '\r\n')
}

/** The changed regions of the new content with a few lines around them, numbered like Read. */
function snippet(content: string, changed: { start: number; end: number }[]): string {
  const lines = content.split('\n')
  const lineAt = lineLocator(content)
  const ranges: [number, number][] = []
  for (const { start, end } of changed) {
    const first = Math.max(0, lineAt(start) - SNIPPET_CONTEXT)
    const last = Math.min(lines.length - 1, lineAt(Math.max(start, end - 1)) + SNIPPET_CONTEXT)
    const previous = ranges[ranges.length - 1]
    if (previous !== undefined && first <= previous[1] + 1)
      previous[1] = Math.max(previous[1], last)
    else ranges.push([first, last])
  }
  const out: string[] = []
  let shown = 0
  for (const [first, last] of ranges) {
    if (out.length > 0) out.push('   ...')
    for (let index = first; index <= last; index++) {
      if (shown >= SNIPPET_MAX_LINES) {
        out.push('   [more changes not shown; Read the file to see them]')
        return out.join('\n')
      }
      const line = lines[index] ?? ''
      out.push(numberedLine(index + 1, line.endsWith('\r') ? line.slice(0, -1) : line, 500))
      shown++
    }
  }
  return out.join('\n')
}
