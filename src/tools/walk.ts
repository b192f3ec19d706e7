import { lstat, readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import ignore, { type Ignore } from 'ignore'
import { readAhead } from './search/read-ahead.js'
import { toPosix } from './workspace.js'

/** Glob and Grep stop walking after this many files and say that results may be incomplete. */
export const MAX_FILES_WALKED = 200_000

export interface WalkedFile {
  absolute: string
  /** Workspace-relative, `/`-separated. */
  relative: string
  /** Modification time, when the walk already had it (from a lister's candidates' lstat). */
  mtimeMs?: number
}

export interface WalkStats {
  filesWalked: number
  /** The walk stopped at the file cap. */
  capped: boolean
}

export interface WalkOptions {
  /** Absolute real path of the workspace root. */
  workspace: string
  /** Absolute real path of the folder to walk (the workspace or a folder below it). */
  start: string
  signal: AbortSignal
  maxFiles?: number
}

interface IgnoreLevel {
  /** Workspace-relative folder the rules belong to; '' for the root. */
  dir: string
  rules: Ignore
}

/**
 * Walks the files below `start` in name order, as git sees the tree: `.gitignore` files (the
 * root's, nested ones, and `.git/info/exclude`) are honoured, `.git` is always skipped, and
 * symbolic links are not followed (as ripgrep does): a link could lead out of the workspace, or
 * give a file the read policy denies a name it allows.
 */
export async function* walkFiles(
  options: WalkOptions,
  stats: WalkStats
): AsyncGenerator<WalkedFile> {
  const maxFiles = options.maxFiles ?? MAX_FILES_WALKED
  const startRelative = toPosix(path.relative(options.workspace, options.start))
  let levels = await ancestorLevels(options.workspace, startRelative)
  // A folder the model names explicitly is searched even when ignored (ripgrep does the same);
  // the rules above it would otherwise hide everything in it.
  if (startRelative !== '' && isIgnored(levels, `${startRelative}/`)) levels = []

  async function* visit(
    absolute: string,
    relative: string,
    inherited: IgnoreLevel[]
  ): AsyncGenerator<WalkedFile> {
    options.signal.throwIfAborted()
    let entries
    try {
      entries = await readdir(absolute, { withFileTypes: true })
    } catch {
      return // unreadable folder: skip it, as git and ripgrep do
    }
    const own = await loadRules(path.join(absolute, '.gitignore'), relative)
    const levels = own === undefined ? inherited : [...inherited, own]
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      if (entry.name === '.git') continue
      const childRelative = relative === '' ? entry.name : `${relative}/${entry.name}`
      const childAbsolute = path.join(absolute, entry.name)
      if (entry.isDirectory()) {
        if (isIgnored(levels, `${childRelative}/`)) continue
        yield* visit(childAbsolute, childRelative, levels)
        if (stats.capped) return
      } else if (entry.isFile()) {
        if (isIgnored(levels, childRelative)) continue
        if (stats.filesWalked >= maxFiles) {
          stats.capped = true
          return
        }
        stats.filesWalked++
        yield { absolute: childAbsolute, relative: childRelative }
      }
    }
  }

  yield* visit(options.start, startRelative, levels)
}

/**
 * Whether the walk from `start` ignores the rules above it: a folder the model names is searched
 * even when ignored, which a lister that applies the rules would not do.
 */
export async function startIsIgnored(workspace: string, start: string): Promise<boolean> {
  const startRelative = toPosix(path.relative(workspace, start))
  if (startRelative === '') return false
  return isIgnored(await ancestorLevels(workspace, startRelative), `${startRelative}/`)
}

/**
 * Paths sorted as the walk yields them, without duplicates. With `/` read as a character below
 * every other (NUL, which no name holds) plain string order is that order.
 */
export function walkOrder(paths: readonly string[]): string[] {
  return [...new Set(paths)]
    .map(file => file.replaceAll('/', '\0'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map(key => key.replaceAll('\0', '/'))
}

/** Compares two workspace-relative paths in walk order (`/` below every other character). */
export function compareWalkOrder(a: string, b: string): number {
  const left = a.replaceAll('/', '\0')
  const right = b.replaceAll('/', '\0')
  return left < right ? -1 : left > right ? 1 : 0
}

interface FolderState {
  /** The rules that apply to the folder's entries (its own .gitignore included). */
  levels: IgnoreLevel[]
}

/** Candidates checked on disk at the same time. */
const CHECK_AHEAD = 32

/**
 * Of `candidates` (workspace-relative files, e.g. listed by ripgrep or git, in walk order and
 * without duplicates), yields in walk order exactly those `walkFiles` would yield from the same
 * start: each folder on the way must be a real folder (not a symlink, not `.git`) that the rules
 * do not ignore, and the file a regular file the rules do not ignore. Candidates outside the
 * start, and those `keep` drops (a name the caller would skip anyway), are dropped before any
 * disk access. Each folder's .gitignore is read once; files are checked CHECK_AHEAD at a time.
 * Without `statFiles` the files themselves are not looked at: the caller opens each one without
 * following a symbolic link and skips what is not a regular file.
 * The count of files is not capped here: the caller checks the lister's count against the cap.
 */
export async function* walkCandidates(
  options: WalkOptions,
  candidates: Iterable<string> | AsyncIterable<string>,
  keep: (relative: string) => boolean = () => true,
  statFiles = true
): AsyncGenerator<WalkedFile> {
  const startRelative = toPosix(path.relative(options.workspace, options.start))
  let startLevels = await ancestorLevels(options.workspace, startRelative)
  if (startRelative !== '' && isIgnored(startLevels, `${startRelative}/`)) startLevels = []
  const folders = new Map<string, Promise<FolderState | undefined>>()

  const folder = (relative: string): Promise<FolderState | undefined> => {
    let state = folders.get(relative)
    if (state === undefined) {
      state = loadFolder(relative)
      folders.set(relative, state)
    }
    return state
  }
  const loadFolder = async (relative: string): Promise<FolderState | undefined> => {
    const absolute = path.join(options.workspace, relative)
    let inherited: IgnoreLevel[]
    if (relative === startRelative) {
      inherited = startLevels
    } else {
      const slash = relative.lastIndexOf('/')
      const parentRelative = slash < 0 ? '' : relative.slice(0, slash)
      const name = relative.slice(slash + 1)
      const parent = await folder(parentRelative)
      if (parent === undefined || name === '.git') return undefined
      try {
        if (!(await lstat(absolute)).isDirectory()) return undefined
      } catch {
        return undefined
      }
      if (isIgnored(parent.levels, `${relative}/`)) return undefined
      inherited = parent.levels
    }
    const own = await loadRules(path.join(absolute, '.gitignore'), relative)
    return { levels: own === undefined ? inherited : [...inherited, own] }
  }
  const check = async (relative: string): Promise<WalkedFile | undefined> => {
    const slash = relative.lastIndexOf('/')
    const parent = await folder(slash < 0 ? '' : relative.slice(0, slash))
    if (parent === undefined || isIgnored(parent.levels, relative)) return undefined
    const absolute = path.join(options.workspace, relative)
    if (!statFiles) return { absolute, relative }
    try {
      const info = await lstat(absolute)
      return info.isFile() ? { absolute, relative, mtimeMs: info.mtimeMs } : undefined
    } catch {
      return undefined
    }
  }

  const prefix = startRelative === '' ? '' : `${startRelative}/`
  const wanted = async function* (): AsyncGenerator<string> {
    for await (const relative of candidates) {
      options.signal.throwIfAborted()
      if (!relative.startsWith(prefix) || relative.length === prefix.length) continue
      const name = relative.slice(relative.lastIndexOf('/') + 1)
      if (name === '.git' || name === '' || !keep(relative)) continue
      yield relative
    }
  }
  for await (const file of readAhead(wanted(), CHECK_AHEAD, check)) {
    if (file !== undefined) yield file
  }
}

/** Whether the rules ignore a workspace-relative path (a folder ends with `/`). */
function isIgnored(levels: readonly IgnoreLevel[], relative: string): boolean {
  // The deepest .gitignore that has an opinion wins, as in git.
  for (let index = levels.length - 1; index >= 0; index--) {
    const level = levels[index]
    if (level === undefined) continue
    let below: string
    if (level.dir === '') below = relative
    else if (relative.startsWith(`${level.dir}/`)) below = relative.slice(level.dir.length + 1)
    else continue
    if (below === '' || below === '/') continue
    const result = level.rules.test(below)
    if (result.ignored) return true
    if (result.unignored) return false
  }
  return false
}

/** The rules of the root and of every folder above `startRelative` (not its own: visit loads it). */
async function ancestorLevels(workspace: string, startRelative: string): Promise<IgnoreLevel[]> {
  const levels: IgnoreLevel[] = []
  const exclude = await loadRules(path.join(workspace, '.git', 'info', 'exclude'), '')
  if (exclude !== undefined) levels.push(exclude)
  if (startRelative === '') return levels
  const parts = startRelative.split('/')
  for (let depth = 0; depth < parts.length; depth++) {
    const dir = parts.slice(0, depth).join('/')
    const rules = await loadRules(path.join(workspace, ...parts.slice(0, depth), '.gitignore'), dir)
    if (rules !== undefined) levels.push(rules)
  }
  return levels
}

async function loadRules(file: string, dir: string): Promise<IgnoreLevel | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return undefined
  }
  return { dir, rules: ignore().add(text) }
}
