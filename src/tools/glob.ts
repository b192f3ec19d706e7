import { stat } from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'
import { inputObject, optionalString, requiredString } from './input.js'
import { ToolInputError, type Tool, type ToolContext, type ToolResult } from './tool.js'
import { readAhead } from './search/read-ahead.js'
import { globSource } from './search/sources.js'
import { MAX_FILES_WALKED, type WalkStats, type WalkedFile } from './walk.js'
import { isInside, resolveInWorkspace, toPosix } from './workspace.js'

export const MAX_GLOB_RESULTS = 100

export interface GlobInput {
  pattern: string
  path?: string
}

export const globTool: Tool<GlobInput> = {
  name: 'Glob',
  description:
    'Finds files by glob pattern (e.g. "**/*.ts", "src/**/*.test.js", "*.{json,yml}"), ' +
    "matched against paths relative to `path`. Skips .gitignore'd files and .git/. Returns up " +
    'to 100 workspace-relative paths, most recently modified first.',
  inputSchema: {
    type: 'object',
    properties: {
      pattern: {
        type: 'string',
        description: 'Glob pattern; `**` crosses folders, `*` does not.'
      },
      path: {
        type: 'string',
        description: 'Folder to search in (default: the workspace root).'
      }
    },
    required: ['pattern'],
    additionalProperties: false
  },
  readOnly: true,
  parse(raw) {
    const input = inputObject(raw, 'Glob', ['pattern', 'path'])
    const pattern = requiredString(input, 'pattern', { nonEmpty: true })
    try {
      picomatch.makeRe(pattern)
    } catch (error) {
      throw new ToolInputError(`"pattern" is not a valid glob: ${String(error)}`)
    }
    return { pattern, path: optionalString(input, 'path') || undefined }
  },
  execute: glob
}

async function glob(input: GlobInput, context: ToolContext): Promise<ToolResult> {
  const base = resolveInWorkspace(context.workspace, input.path ?? '.')
  let info
  try {
    info = await stat(base.absolute)
  } catch {
    return { content: `Folder does not exist: ${base.relative}.`, is_error: true }
  }
  if (!info.isDirectory()) {
    return { content: `${base.relative} is a file; "path" must be a folder.`, is_error: true }
  }

  let pattern = input.pattern
  if (path.isAbsolute(pattern)) {
    // An absolute pattern inside the search folder is read relative to it.
    const relative = path.relative(base.absolute, pattern)
    if (!isInside(base.absolute, pattern) || relative === '') {
      return {
        content: `The pattern ${pattern} lies outside ${base.relative}; give a relative pattern.`,
        is_error: true
      }
    }
    pattern = toPosix(relative)
  }
  const matches = picomatch(pattern, { dot: true })
  // Walk only below the pattern's fixed leading folders (`src/` of `src/**/*.ts`).
  const scanned = picomatch.scan(pattern)
  const scanBase = scanned.isGlob ? scanned.base : path.posix.dirname(scanned.base)
  const start =
    scanBase === '' || scanBase === '.' ? base.absolute : path.join(base.absolute, scanBase)
  if (!isInside(base.absolute, start)) return { content: 'No files found.' }
  try {
    if (!(await stat(start)).isDirectory()) return { content: 'No files found.' }
  } catch {
    return { content: 'No files found.' }
  }

  const stats: WalkStats = { filesWalked: 0, capped: false }
  // A file Glob answers with: its path from the base matches, and the read policy allows it. A
  // lister's candidates are sifted by it before they are checked on disk; the walk's, after.
  const wanted = (relative: string): boolean =>
    matches(toPosix(path.relative(base.absolute, path.join(context.workspace, relative)))) &&
    context.canRead(relative)
  const source = await globSource(context, start, stats, wanted)
  const files = async function* (): AsyncGenerator<WalkedFile> {
    for await (const file of source.files) if (wanted(file.relative)) yield file
  }
  const found: { relative: string; mtime: number }[] = []
  const modified = async (file: WalkedFile): Promise<number | undefined> => {
    if (file.mtimeMs !== undefined) return file.mtimeMs // a lister's candidate, checked on disk
    try {
      return (await stat(file.absolute)).mtimeMs
    } catch {
      return undefined // removed while walking
    }
  }
  for await (const [file, mtime] of readAhead(files(), 16, async file => {
    return [file, await modified(file)] as const
  })) {
    if (mtime !== undefined) found.push({ relative: file.relative, mtime })
  }

  found.sort((a, b) => b.mtime - a.mtime || (a.relative < b.relative ? -1 : 1))
  const lines = found.slice(0, MAX_GLOB_RESULTS).map(file => file.relative)
  if (lines.length === 0) lines.push('No files found.')
  if (found.length > MAX_GLOB_RESULTS) {
    lines.push(
      `[Showing ${MAX_GLOB_RESULTS} of ${found.length} files, newest first. Narrow the pattern ` +
        'or path to see the others.]'
    )
  }
  if (stats.capped) {
    lines.push(
      `[Stopped after ${MAX_FILES_WALKED} files: results are incomplete. Search a smaller folder.]`
    )
  }
  return { content: lines.join('\n') }
}
