import { mkdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { FILE_PATH_FIELD, countLines, sha256, staleReadMessage, writeFileAtomic } from './files.js'
import { inputObject, requiredString } from './input.js'
import type { Tool, ToolContext, ToolResult } from './tool.js'
import { resolveInWorkspace } from './workspace.js'

export interface WriteInput {
  file_path: string
  content: string
}

export const writeTool: Tool<WriteInput> = {
  name: 'Write',
  description:
    'Writes a whole file, creating parent folders. Overwriting an existing file requires ' +
    'reading it first in this session; prefer Edit to change part of an existing file.',
  inputSchema: {
    type: 'object',
    properties: {
      file_path: FILE_PATH_FIELD,
      content: { type: 'string', description: 'The complete new content of the file.' }
    },
    required: ['file_path', 'content'],
    additionalProperties: false
  },
  readOnly: false,
  parse(raw) {
    const input = inputObject(raw, 'Write', ['file_path', 'content'])
    return {
      file_path: requiredString(input, 'file_path', { nonEmpty: true }),
      content: requiredString(input, 'content')
    }
  },
  execute: writeFile
}

async function writeFile(input: WriteInput, context: ToolContext): Promise<ToolResult> {
  const { absolute, relative } = resolveInWorkspace(context.workspace, input.file_path, {
    forWrite: true
  })
  let exists: boolean
  try {
    const info = await stat(absolute)
    if (info.isDirectory()) {
      return { content: `${relative} is a folder; give a file path.`, is_error: true }
    }
    exists = true
  } catch {
    exists = false
  }
  if (exists) {
    const stale = staleReadMessage(context, absolute, relative, await readFile(absolute))
    if (stale !== undefined) return { content: stale, is_error: true }
  } else {
    await mkdir(path.dirname(absolute), { recursive: true })
  }
  context.signal.throwIfAborted()
  await writeFileAtomic(absolute, input.content)
  context.readFiles.set(absolute, sha256(input.content))
  const lines = countLines(input.content)
  return {
    content: `${exists ? 'Overwrote' : 'Created'} ${relative} (${lines} ${lines === 1 ? 'line' : 'lines'}).`
  }
}
