import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import { stat } from 'node:fs/promises'
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
import { asciiFoldSafe, requiredLiterals, type RequiredLiterals } from './search/literals.js'
import { grepSource } from './search/sources.js'
import { MAX_FILES_WALKED, type WalkStats, type WalkedFile } from './walk.js'
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
    "with \\). Skips .gitignore'd and binary files, and files over 10 MB. output_mode: " +
    'files_with_matches (default, newest first), content (matching lines), count. Filter files ' +
    'with glob or type. Results are paged with head_limit and offset. Use this, not grep or rg ' +
    'in Bash.',
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
  /** Whether a workspace-relative file passes the policy and the glob and type filters. */
  const wants = (relative: string): boolean => {
    // A file the read policy denies is never opened: its content must not reach the model.
    if (!context.canRead(relative)) return false
    const absolute = path.join(context.workspace, relative)
    if (globMatch !== undefined && !globMatch(toPosix(path.relative(baseDir, absolute)))) {
      return false
    }
    if (extensions !== undefined) {
      const extension = path.extname(absolute).slice(1).toLowerCase()
      if (!extensions.has(extension)) return false
    }
    return true
  }
  // Every match contains one of these: a file without any of them is not decoded nor matched,
  // and an external lister (ripgrep, git grep) may list the files that have one.
  const required = requiredLiterals(regex)
  // Aborted once the results are in, so that a lister still running is stopped at once.
  const finished = new AbortController()
  const searchSignal = AbortSignal.any([context.signal, finished.signal])
  const files: AsyncIterable<WalkedFile> | WalkedFile[] = baseInfo.isDirectory()
    ? (
        await grepSource(
          { ...context, signal: searchSignal },
          base.absolute,
          required,
          stats,
          relative => wants(relative),
          extensions === undefined ? undefined : [...extensions]
        )
      ).files
    : [{ absolute: base.absolute, relative: base.relative }]
  const needles =
    required === undefined || required.ignoreCase
      ? undefined
      : required.literals.map(literal => Buffer.from(literal, 'latin1'))

  const before = input['-B'] ?? input['-C'] ?? 0
  const after = input['-A'] ?? input['-C'] ?? 0
  const numbered = input['-n'] ?? true
  const matchedFiles: { relative: string; mtime: number; count: number }[] = []
  // Content mode renders as it goes so that it can stop once the page is full.
  const content: string[] = []
  let contentComplete = true
  let lastFileWithContext: string | undefined

  const wanted = async function* (): AsyncGenerator<WalkedFile> {
    for await (const file of files) {
      context.signal.throwIfAborted()
      if (wants(file.relative)) yield file
    }
  }

  const reader = new FileReader(baseInfo.isDirectory())
  try {
    for await (const file of wanted()) {
      context.signal.throwIfAborted()
      const loaded = reader.read(file)
      // Unreadable, not a regular file, or over the size cap (said in the tool's description).
      if (loaded === undefined) continue
      const { mtime, bytes } = loaded
      if (needles !== undefined && !needles.some(needle => bytes.includes(needle))) continue
      if (looksBinary(bytes)) continue
      if (mode !== 'content' && input.multiline !== true && required !== undefined) {
        // Paths and counts need no line list: only lines holding a required literal are tested,
        // and a path needs only its first match.
        const first = mode === 'files_with_matches'
        const count = countMatchingLines(bytes, regex, required, needles, first)
        if (count > 0) matchedFiles.push({ relative: file.relative, mtime, count })
        continue
      }
      const text = bytes.toString('utf8')
      const found = matchLines(text, regex, input.multiline === true)
      if (found === undefined) continue
      if (mode !== 'content') {
        matchedFiles.push({ relative: file.relative, mtime, count: found.matched.length })
        continue
      }
      const entry: FileMatches = {
        relative: file.relative,
        mtime,
        lines: found.lines,
        matched: found.matched
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
  } finally {
    finished.abort()
  }

  let entries: string[]
  let total: number | undefined
  if (mode === 'content') {
    entries = content
    total = contentComplete ? content.length : undefined
  } else if (mode === 'count') {
    entries = matchedFiles.map(file => `${file.relative}:${file.count}`)
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
    const matches = matchedFiles.reduce((sum, file) => sum + file.count, 0)
    notes.push(
      `[${matches} matching ${matches === 1 ? 'line' : 'lines'} in ${matchedFiles.length} ` +
        `${matchedFiles.length === 1 ? 'file' : 'files'}.]`
    )
  }
  if (stats.capped) {
    notes.push(
      `[Stopped after ${MAX_FILES_WALKED} files: results are incomplete. Search a smaller folder.]`
    )
  }
  return { content: [...out, ...notes].join('\n') }
}

/**
 * Reads the files one at a time, synchronously, into one buffer kept for the call. Measured on
 * a 69,000-file tree: a FileHandle's open, stat, read and close cost about 300 µs of the main
 * thread per file, and a new buffer per file most of the collector's time; these reads are a
 * few syscalls each, and no file is held once searched (matches are copied out as strings).
 */
class FileReader {
  private buffer = Buffer.alloc(0)

  /**
   * @param listed the files come from a folder's walk or a lister: a symbolic link among them
   *   (a lister's candidate replaced since) is not followed, as the walk does not follow one.
   */
  constructor(private readonly listed: boolean) {}

  /**
   * A file's modification time and bytes (valid until the next read); undefined when it is
   * over the size cap (not read), not a regular file, or cannot be read.
   */
  read(file: WalkedFile): { mtime: number; bytes: Buffer } | undefined {
    let fd: number
    try {
      // Non-blocking: opening a FIFO must not wait for a writer (it is then skipped).
      const flags = constants.O_RDONLY | constants.O_NONBLOCK
      fd = openSync(file.absolute, this.listed ? flags | (constants.O_NOFOLLOW ?? 0) : flags)
    } catch {
      return undefined
    }
    try {
      const info = fstatSync(fd)
      if (!info.isFile() || info.size > MAX_FILE_BYTES) return undefined
      if (this.buffer.length < info.size) {
        this.buffer = Buffer.allocUnsafe(
          Math.min(Math.max(info.size, this.buffer.length * 2), MAX_FILE_BYTES)
        )
      }
      let length = 0
      while (length < info.size) {
        const read = readSync(fd, this.buffer, length, info.size - length, length)
        if (read === 0) break
        length += read
      }
      return { mtime: info.mtimeMs, bytes: this.buffer.subarray(0, length) }
    } catch {
      return undefined
    } finally {
      closeSync(fd)
    }
  }
}

/** Characters a literal must escape in a pattern, with or without the `u` flag. */
const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|/]/g

/**
 * How many lines of a file match (at most 1 with `first`), one line at a time as matchLines
 * does, but testing only the lines that hold a required literal: no other line can match.
 * Literals are found in the bytes (ASCII: a line decoded alone decodes as it does in the whole
 * text, `\n` ending any UTF-8 sequence): `needles`, the literals as bytes, when the pattern is
 * case-sensitive; made once per call by the caller, not per file.
 */
function countMatchingLines(
  bytes: Buffer,
  regex: RegExp,
  required: RequiredLiterals,
  needles: readonly Buffer[] | undefined,
  first: boolean
): number {
  const test = (line: string): boolean => regex.test(line.endsWith('\r') ? line.slice(0, -1) : line)
  let count = 0
  if (needles !== undefined) {
    // Each needle's next place, looked for again only once passed: no rescans of the file.
    const next = needles.map(() => -2)
    let from = 0
    while (from < bytes.length) {
      let hit = -1
      needles.forEach((needle, index) => {
        let at = next[index] ?? -1
        if (at !== -1 && at < from) {
          at = bytes.indexOf(needle, from)
          next[index] = at
        }
        if (at >= 0 && (hit < 0 || at < hit)) hit = at
      })
      if (hit < 0) break
      const start = hit === 0 ? 0 : bytes.lastIndexOf(0x0a, hit - 1) + 1
      const newline = bytes.indexOf(0x0a, hit)
      const end = newline < 0 ? bytes.length : newline
      if (test(bytes.toString('utf8', start, end))) {
        count++
        if (first) break
      }
      from = end + 1
    }
    return count
  }
  // Literals free of the letters that `iu` folds from non-ASCII (K, ſ) are found by an
  // ASCII-only search in the bytes read as Latin-1 (one character per byte, no decoding);
  // otherwise in the decoded text with the pattern's own folding.
  const ascii = asciiFoldSafe(required)
  const text = bytes.toString(ascii === undefined ? 'utf8' : 'latin1')
  const literals = (ascii ?? required).literals
  const escaped = literals.map(literal => literal.replace(REGEX_SYNTAX, '\\$&'))
  const finder = new RegExp(escaped.join('|'), ascii === undefined && regex.unicode ? 'giu' : 'gi')
  for (let found = finder.exec(text); found !== null; found = finder.exec(text)) {
    const start = text.lastIndexOf('\n', found.index - 1) + 1
    const newline = text.indexOf('\n', found.index)
    const end = newline < 0 ? text.length : newline
    const line = ascii === undefined ? text.slice(start, end) : bytes.toString('utf8', start, end)
    if (test(line)) {
      count++
      if (first) break
    }
    finder.lastIndex = end + 1
  }
  return count
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
