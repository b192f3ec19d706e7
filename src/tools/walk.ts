import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import ignore, { type Ignore } from 'ignore'
import { toPosix } from './workspace.js'

/** Glob and Grep stop walking after this many files and say that results may be incomplete. */
export const MAX_FILES_WALKED = 200_000

export interface WalkedFile {
  absolute: string
  /** Workspace-relative, `/`-separated. */
  relative: string
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
