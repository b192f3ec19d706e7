import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'
import { MAX_FILE_BYTES, lineLocator, looksBinary } from './files.js'
import {
  inputObject,
  optionalBoolean,
  optionalInteger,
  optionalString,
  requiredString
} from './input.js'
import { ToolInputError, type Tool, type ToolContext, type ToolResult } from './tool.js'
import { MAX_FILES_WALKED, walkFiles, type WalkStats, type WalkedFile } from './walk.js'
import { resolveInWorkspace, toPosix } from './workspace.js'

export const DEFAULT_HEAD_LIMIT = 250
/** Content lines longer than this are cut: a minified file's one line would fill the result. */
const MAX_MATCH_LINE_CHARS = 500
/** Grep stops adding results past this size and says how to page on. */
const MAX_OUTPUT_CHARS = 30_000
/** Matches looked at in one file in multiline mode. */
const MAX_MATCHES_PER_FILE = 100_000

export type GrepOutputMode = 'files_with_matches' | 'content' | 'count'
const OUTPUT_MODES: readonly GrepOutputMode[] = ['files_with_matches', 'content', 'count']

/** File types as ripgrep names them, by extension. */
export const FILE_TYPES: Readonly<Record<string, readonly string[]>> = {
  js: ['js', 'jsx', 'mjs', 'cjs'],
  ts: ['ts', 'tsx', 'mts', 'cts'],
  py: ['py', 'pyi'],
  go: ['go'],
  rust: ['rs'],
  java: ['java'],
  kotlin: ['kt', 'kts'],
  c: ['c', 'h'],
  cpp: ['cpp', 'cc', 'cxx', 'c++', 'hpp', 'hh', 'hxx', 'h'],
  cs: ['cs'],
  ruby: ['rb', 'rake', 'gemspec'],
  php: ['php'],
  swift: ['swift'],
  sh: ['sh', 'bash', 'zsh'],
  html: ['html', 'htm'],
  css: ['css', 'scss', 'sass', 'less'],
  md: ['md', 'markdown', 'mdx'],
  json: ['json', 'jsonc', 'json5'],
  yaml: ['yaml', 'yml'],
  toml: ['toml'],
  xml: ['xml'],
  sql: ['sql'],
  txt: ['txt']
}
const TYPE_ALIASES: Readonly<Record<string, string>> = {
  javascript: 'js',
  typescript: 'ts',
  python: 'py',
  rs: 'rust',
  rb: 'ruby',
  markdown: 'md',
  yml: 'yaml',
  kt: 'kotlin',
  csharp: 'cs'
}

export interface GrepInput {
  pattern: string
  path?: string
  glob?: string
  type?: string
  output_mode?: GrepOutputMode
  '-i'?: boolean
  '-n'?: boolean
  '-A'?: number
  '-B'?: number
  '-C'?: number
  multiline?: boolean
  head_limit?: number
  offset?: number
}

const FIELDS = [
  'pattern',
  'path',
  'glob',
  'type',
  'output_mode',
  '-i',
  '-n',
  '-A',
  '-B',
  '-C',
  'multiline',
  'head_limit',
  'offset'
] as const

export const grepTool: Tool<GrepInput> = {
  name: 'Grep',
  description:
    'Searches file contents with a JavaScript regular expression (escape literal ( [ { . * + ? ' +
    "with \\). Skips .gitignore'd and binary files. output_mode: files_with_matches (default, " +
    'newest first), content (matching lines), count. Filter files with glob or type. Results ' +
    'are paged with head_limit and offset. Use this, not grep or rg in Bash.',
  inputSchema: {
    type: 'object',
    properties: {
      pattern: { type: 'string', description: 'Regular expression (JavaScript syntax).' },
      path: {
        type: 'string',
        description: 'File or folder to search (default: the workspace root).'
      },
      glob: {
        type: 'string',
        description: 'Only files whose path matches, e.g. "*.ts", "*.{ts,tsx}", "src/**/*.go".'
      },
      type: {
        type: 'string',
        description: 'Only files of a type, e.g. ts, js, py, go, rust, java, md, json, yaml.'
      },
      output_mode: {
        type: 'string',
        enum: OUTPUT_MODES,
        description:
          'files_with_matches (default): paths; content: matching lines; count: matches per file.'
      },
      '-i': { type: 'boolean', description: 'Ignore case.' },
      '-n': { type: 'boolean', description: 'Show line numbers (content mode; default true).' },
      '-A': { type: 'integer', minimum: 0, description: 'Lines after each match (content mode).' },
      '-B': { type: 'integer', minimum: 0, description: 'Lines before each match (content mode).' },
      '-C': {
        type: 'integer',
        minimum: 0,
        description: 'Lines before and after each match (content mode).'
      },
      multiline: {
        type: 'boolean',
        description: 'Let the pattern span lines; `.` also matches newlines.'
      },
      head_limit: {
        type: 'integer',
        minimum: 1,
        description: `At most this many lines of results (default ${DEFAULT_HEAD_LIMIT}).`
      },
      offset: { type: 'integer', minimum: 0, description: 'Skip this many result lines first.' }
    },
    required: ['pattern'],
    additionalProperties: false
  },
  readOnly: true,
  parse(raw) {
    const input = inputObject(raw, 'Grep', FIELDS)
    const outputMode = optionalString(input, 'output_mode')
    if (outputMode !== undefined && !OUTPUT_MODES.includes(outputMode as GrepOutputMode)) {
      throw new ToolInputError(`"output_mode" must be one of ${OUTPUT_MODES.join(', ')}.`)
    }
    const parsed: GrepInput = {
      pattern: requiredString(input, 'pattern', { nonEmpty: true }),
      path: optionalString(input, 'path') || undefined,
      glob: optionalString(input, 'glob') || undefined,
      type: optionalString(input, 'type') || undefined,
      output_mode: outputMode as GrepOutputMode | undefined,
      '-i': optionalBoolean(input, '-i'),
      '-n': optionalBoolean(input, '-n'),
      '-A': optionalInteger(input, '-A', { min: 0, max: 1000 }),
      '-B': optionalInteger(input, '-B', { min: 0, max: 1000 }),
      '-C': optionalInteger(input, '-C', { min: 0, max: 1000 }),
      multiline: optionalBoolean(input, 'multiline'),
      head_limit: optionalInteger(input, 'head_limit', { min: 1 }),
      offset: optionalInteger(input, 'offset', { min: 0 })
    }
    compilePattern(parsed.pattern, parsed['-i'] === true, parsed.multiline === true)
    if (parsed.type !== undefined) extensionsOf(parsed.type)
    if (parsed.glob !== undefined) {
      try {
        picomatch.makeRe(parsed.glob)
      } catch (error) {
        throw new ToolInputError(`"glob" is not a valid glob: ${String(error)}`)
      }
    }
    return parsed
  },
  execute: grep
}

/**
 * Compiles the model's pattern. A leading inline flag group as ripgrep takes it (`(?i)`, `(?s)`,
 * `(?m)`) becomes a JavaScript flag; an invalid pattern is an input error the model can fix.
 */
export function compilePattern(pattern: string, ignoreCase: boolean, multiline: boolean): RegExp {
  const flags = new Set<string>(multiline ? ['g', 's', 'm'] : [])
  if (ignoreCase) flags.add('i')
  let source = pattern
  const inline = /^\(\?([a-z]+)\)/.exec(pattern)
  if (inline?.[1] !== undefined && /^[ism]+$/.test(inline[1])) {
    for (const flag of inline[1]) flags.add(flag)
    source = pattern.slice(inline[0].length)
  }
  const base = [...flags].join('')
  try {
    return new RegExp(source, `${base}u`)
  } catch {
    // Without `u` JavaScript accepts more escapes (`\-`, `\_`); try that before giving up.
    try {
      return new RegExp(source, base)
    } catch (error) {
      throw new ToolInputError(
        `"pattern" is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}. ` +
          'Grep uses JavaScript syntax; escape literal characters such as ( [ { . * + ? with \\.'
      )
    }
  }
}

function extensionsOf(type: string): readonly string[] {
  const name = TYPE_ALIASES[type.toLowerCase()] ?? type.toLowerCase()
  const extensions = FILE_TYPES[name]
  if (extensions === undefined) {
    throw new ToolInputError(
      `Unknown "type" ${type}; known types: ${Object.keys(FILE_TYPES).join(', ')}. Or use "glob".`
    )
  }
  return extensions
}

interface FileMatches {
  relative: string
  mtime: number
  lines: string[]
  /** 0-based indices of matching lines, ascending. */
  matched: number[]
}

async function grep(input: GrepInput, context: ToolContext): Promise<ToolResult> {
  const mode = input.output_mode ?? 'files_with_matches'
  const regex = compilePattern(input.pattern, input['-i'] === true, input.multiline === true)
  const extensions = input.type === undefined ? undefined : new Set(extensionsOf(input.type))
  const globMatch =
    input.glob === undefined ? undefined : picomatch(input.glob, { dot: true, basename: true })
  const offset = input.offset ?? 0
  const limit = input.head_limit ?? DEFAULT_HEAD_LIMIT

  const base = resolveInWorkspace(context.workspace, input.path ?? '.')
  let baseInfo
  try {
    baseInfo = await stat(base.absolute)
  } catch {
    return {
      content: `Path does not exist: ${base.relative}. Use Glob to find files.`,
      is_error: true
    }
  }
  const stats: WalkStats = { filesWalked: 0, capped: false }
  const baseDir = baseInfo.isDirectory() ? base.absolute : path.dirname(base.absolute)
  const files: AsyncIterable<WalkedFile> | WalkedFile[] = baseInfo.isDirectory()
    ? walkFiles(
        { workspace: context.workspace, start: base.absolute, signal: context.signal },
        stats
      )
    : [{ absolute: base.absolute, relative: base.relative }]

  const before = input['-B'] ?? input['-C'] ?? 0
  const after = input['-A'] ?? input['-C'] ?? 0
  const numbered = input['-n'] ?? true
  let skippedLarge = 0
  const matchedFiles: FileMatches[] = []
  // Content mode renders as it goes so that it can stop once the page is full.
  const content: string[] = []
  let contentComplete = true
  let lastFileWithContext: string | undefined

  for await (const file of files) {
    context.signal.throwIfAborted()
    // A file the read policy denies is never opened: its content must not reach the model.
    if (!context.canRead(file.relative)) continue
    const fromBase = toPosix(path.relative(baseDir, file.absolute))
    if (globMatch !== undefined && !globMatch(fromBase)) continue
    if (extensions !== undefined) {
      const extension = path.extname(file.absolute).slice(1).toLowerCase()
      if (!extensions.has(extension)) continue
    }
    let info
    try {
      info = await stat(file.absolute)
    } catch {
      continue
    }
    if (info.size > MAX_FILE_BYTES) {
      skippedLarge++
      continue
    }
    let bytes: Buffer
    try {
      bytes = await readFile(file.absolute)
    } catch {
      continue
    }
    if (looksBinary(bytes)) continue
    const text = bytes.toString('utf8')
    const found = matchLines(text, regex, input.multiline === true)
    if (found === undefined) continue
    const entry: FileMatches = {
      relative: file.relative,
      mtime: info.mtimeMs,
      lines: found.lines,
      matched: found.matched
    }
    if (mode !== 'content') {
      matchedFiles.push({ ...entry, lines: [] })
      continue
    }
    if (before > 0 || after > 0) {
      if (lastFileWithContext !== undefined) content.push('--')
      lastFileWithContext = file.relative
    }
    content.push(...contentLines(entry, before, after, numbered))
    if (content.length > offset + limit) {
      contentComplete = false // the page is full and more exist: stop searching
      break
    }
  }

  let entries: string[]
  let total: number | undefined
  if (mode === 'content') {
    entries = content
    total = contentComplete ? content.length : undefined
  } else if (mode === 'count') {
    entries = matchedFiles.map(file => `${file.relative}:${file.matched.length}`)
    total = entries.length
  } else {
    matchedFiles.sort((a, b) => b.mtime - a.mtime || (a.relative < b.relative ? -1 : 1))
    entries = matchedFiles.map(file => file.relative)
    total = entries.length
  }

  const out: string[] = []
  let size = 0
  let index = offset
  for (; index < entries.length && index < offset + limit; index++) {
    const line = entries[index] ?? ''
    if (size + line.length > MAX_OUTPUT_CHARS && out.length > 0) break
    out.push(line)
    size += line.length + 1
  }
  const notes: string[] = []
  if (out.length === 0) {
    notes.push(
      offset > 0 && entries.length > 0 ? `No results after offset ${offset}.` : 'No matches found.'
    )
  }
  if (index < entries.length) {
    notes.push(
      `[Showing results ${offset + 1}-${index} of ${total ?? `${entries.length}+`}. ` +
        `Use offset=${index} for more.]`
    )
  }
  if (mode === 'count' && matchedFiles.length > 0) {
    const matches = matchedFiles.reduce((sum, file) => sum + file.matched.length, 0)
    notes.push(
      `[${matches} matching ${matches === 1 ? 'line' : 'lines'} in ${matchedFiles.length} ` +
        `${matchedFiles.length === 1 ? 'file' : 'files'}.]`
    )
  }
  if (skippedLarge > 0) {
    notes.push(`[${skippedLarge} files over ${MAX_FILE_BYTES / 1024 / 1024} MB not searched.]`)
  }
  if (stats.capped) {
    notes.push(
      `[Stopped after ${MAX_FILES_WALKED} files: results are incomplete. Search a smaller folder.]`
    )
  }
  return { content: [...out, ...notes].join('\n') }
}

/** The lines of a file and which of them match; undefined when none does. */
function matchLines(
  text: string,
  regex: RegExp,
  multiline: boolean
): { lines: string[]; matched: number[] } | undefined {
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  const matched: number[] = []
  if (!multiline) {
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index] ?? ''
      if (regex.test(line.endsWith('\r') ? line.slice(0, -1) : line)) matched.push(index)
    }
  } else {
    const lineAt = lineLocator(text)
    const seen = new Set<number>()
    regex.lastIndex = 0
    let count = 0
    for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
      const first = lineAt(match.index)
      const last = lineAt(Math.max(match.index, match.index + match[0].length - 1))
      for (let line = first; line <= last && line < lines.length; line++) seen.add(line)
      if (match[0].length === 0) regex.lastIndex++
      if (++count >= MAX_MATCHES_PER_FILE) break
    }
    matched.push(...[...seen].sort((a, b) => a - b))
  }
  if (matched.length === 0) return undefined
  return { lines: lines.map(line => (line.endsWith('\r') ? line.slice(0, -1) : line)), matched }
}

/** ripgrep's layout: `path:line:text` for matches, `path-line-text` for context, `--` between groups. */
function contentLines(
  file: FileMatches,
  before: number,
  after: number,
  numbered: boolean
): string[] {
  const ranges: [number, number][] = []
  for (const line of file.matched) {
    const first = Math.max(0, line - before)
    const last = Math.min(file.lines.length - 1, line + after)
    const previous = ranges[ranges.length - 1]
    if (previous !== undefined && first <= previous[1] + 1)
      previous[1] = Math.max(previous[1], last)
    else ranges.push([first, last])
  }
  const matched = new Set(file.matched)
  const out: string[] = []
  for (const [first, last] of ranges) {
    if (out.length > 0) out.push('--')
    for (let index = first; index <= last; index++) {
      const separator = matched.has(index) ? ':' : '-'
      let text = file.lines[index] ?? ''
      if (text.length > MAX_MATCH_LINE_CHARS) {
        text = `${text.slice(0, MAX_MATCH_LINE_CHARS)}… [${text.length - MAX_MATCH_LINE_CHARS} more characters]`
      }
      out.push(
        numbered
          ? `${file.relative}${separator}${index + 1}${separator}${text}`
          : `${file.relative}${separator}${text}`
      )
    }
  }
  return out
}
