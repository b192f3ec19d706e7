import { spawn } from 'node:child_process'
import { accessSync, constants, realpathSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { StringDecoder } from 'node:string_decoder'
import { MAX_FILE_BYTES } from '../files.js'
import { MAX_FILES_WALKED, walkOrder } from '../walk.js'
import { asciiFoldSafe, type RequiredLiterals } from './literals.js'

/**
 * Where Glob and Grep get their candidate files. `rg` and `git` only list candidates (a superset
 * of the files that can match); the JavaScript code still decides every result, so the answer is
 * the same whichever lister ran. `js` walks the tree itself.
 */
export type SearchBackend = 'rg' | 'git' | 'js'

/** Forces a backend: `rg`, `git` or `js`; unset (or any other value) chooses per call. */
export const SEARCH_BACKEND_VARIABLE = 'CLAW_SEARCH'

/** An external lister that runs longer than this is given up for the JavaScript walk. */
const LISTER_TIMEOUT_MS = 60_000
/** Output of a lister above this size is given up too (a huge tree: the walk copes). */
const MAX_LISTER_OUTPUT_BYTES = 256 * 1024 * 1024
/**
 * The walk stops at MAX_FILES_WALKED and says so. A lister's file count is an upper bound of the
 * walk's, but not an exact one; near the cap the walk runs itself so that its note is exact.
 */
const NEAR_CAP = Math.floor(MAX_FILES_WALKED * 0.9)

export interface SearchEnvironment {
  /** Absolute real path of the workspace root. */
  workspace: string
  /** Environment of the lister processes (`PATH` finds rg and git). */
  env: NodeJS.ProcessEnv
  signal: AbortSignal
}

/** The lister to try for one call, from `CLAW_SEARCH` and what the machine has. */
export async function chooseBackend(search: SearchEnvironment): Promise<SearchBackend> {
  // The listers' output is parsed as POSIX paths.
  if (process.platform === 'win32') return 'js'
  const forced = process.env[SEARCH_BACKEND_VARIABLE]?.trim().toLowerCase()
  if (forced === 'js') return 'js'
  if (forced === 'rg') return findOnPath('rg', search.env) === undefined ? 'js' : 'rg'
  if (forced === 'git') return (await isGitRoot(search)) ? 'git' : 'js'
  if (findOnPath('rg', search.env) !== undefined) return 'rg'
  return (await isGitRoot(search)) ? 'git' : 'js'
}

const pathCache = new Map<string, string | undefined>()

/** The absolute path of an executable on the environment's PATH (cached per PATH value). */
export function findOnPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
  const searchPath = env.PATH ?? ''
  const key = `${command}\0${searchPath}`
  if (pathCache.has(key)) return pathCache.get(key)
  let found: string | undefined
  for (const dir of searchPath.split(path.delimiter)) {
    if (dir === '' || !path.isAbsolute(dir)) continue // a relative PATH entry depends on the cwd
    const candidate = path.join(dir, command)
    try {
      accessSync(candidate, constants.X_OK)
      found = candidate
      break
    } catch {
      // not here
    }
  }
  pathCache.set(key, found)
  return found
}

/** Per workspace: whether it is the top of a git work tree (does not change within a run). */
const gitRootCache = new Map<string, Promise<boolean>>()

/**
 * Whether the workspace is the top of a git work tree. A workspace below the top would see the
 * .gitignore files above it applied by git but not by the walk, and git could leave out files
 * the walk finds. Asked once per workspace and process.
 */
function isGitRoot(search: SearchEnvironment): Promise<boolean> {
  let known = gitRootCache.get(search.workspace)
  if (known === undefined) {
    known = askGitRoot(search)
    gitRootCache.set(search.workspace, known)
    // A cancelled or failed question is asked again next time.
    void known.then(root => {
      if (!root) gitRootCache.delete(search.workspace)
    })
  }
  return known
}

async function askGitRoot(search: SearchEnvironment): Promise<boolean> {
  const result = await runLister('git', ['rev-parse', '--show-toplevel'], search)
  if (result === undefined || result.code !== 0) return false
  const top = result.stdout.toString('utf8').trim()
  try {
    return realpathSync(top) === search.workspace
  } catch {
    return false
  }
}

interface ListerResult {
  code: number
  stdout: Buffer
}

/**
 * Runs a lister with the call's signal and a timeout; undefined when it cannot start, is
 * stopped, or writes too much. Standard input is closed so that rg never waits on it.
 */
export function runLister(
  command: string,
  args: string[],
  search: SearchEnvironment
): Promise<ListerResult | undefined> {
  return new Promise(resolve => {
    if (search.signal.aborted) {
      resolve(undefined)
      return
    }
    const executable = findOnPath(command, search.env)
    if (executable === undefined) {
      resolve(undefined)
      return
    }
    const child = spawn(executable, args, {
      cwd: search.workspace,
      env: { ...search.env, GIT_LITERAL_PATHSPECS: '1', GIT_OPTIONAL_LOCKS: '0' },
      stdio: ['ignore', 'pipe', 'ignore']
    })
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const finish = (result: ListerResult | undefined): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      search.signal.removeEventListener('abort', stop)
      resolve(result)
    }
    const stop = (): void => {
      child.kill('SIGKILL')
      finish(undefined)
    }
    const timer = setTimeout(stop, LISTER_TIMEOUT_MS)
    search.signal.addEventListener('abort', stop, { once: true })
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_LISTER_OUTPUT_BYTES) stop()
      else chunks.push(chunk)
    })
    child.on('error', () => finish(undefined))
    child.on('close', code =>
      finish(code === null ? undefined : { code, stdout: Buffer.concat(chunks) })
    )
  })
}

/** NUL-separated paths as a lister printed them, made workspace-relative and `/`-separated. */
function splitPaths(output: Buffer): string[] {
  const text = output.toString('utf8')
  const paths: string[] = []
  for (const item of text.split('\0')) {
    if (item === '') continue
    paths.push(item.startsWith('./') ? item.slice(2) : item)
  }
  return paths
}

/**
 * ripgrep as a lister: every file it would search below `scope`, with ignore rules no stricter
 * than the walk's. Hidden files are searched (the walk keeps them); symlinks are not followed
 * (nor by the walk); `.ignore`, `.rgignore`, the global excludes file, `.git/info/exclude` and
 * rule files above the workspace are not read (the walk reads only the workspace's .gitignore
 * files and its root `.git/info/exclude`, and a rule the walk lacks could drop a file it keeps);
 * no config file or size cap; binary files are searched as text so that none is dropped.
 */
const RG_LISTING_FLAGS = [
  '--no-config',
  '--hidden',
  '--no-follow',
  '--no-ignore-global',
  '--no-ignore-parent',
  '--no-ignore-dot',
  '--no-ignore-exclude',
  '--no-require-git',
  '--no-messages',
  '--glob',
  '!.git'
]

/** git without the parts of its configuration that could drop files or run programs. */
const GIT_SAFE_CONFIG = [
  '-c',
  'core.fsmonitor=false',
  '-c',
  'core.excludesFile=/dev/null',
  '-c',
  'core.untrackedCache=false'
]

/** `scope` as a lister argument: `.` for the workspace. */
function scopeArgument(scope: string): string {
  return scope === '' ? '.' : scope
}

/** What git's index says, for the listers: read once per index version. */
interface IndexInfo {
  /** Tracked paths, in index (byte) order. */
  paths: string[]
  /** A submodule (mode 160000) holds files git does not list but the walk finds. */
  submodule: boolean
  /** Tracked files the index last saw over the size cap: git grep need not read them. */
  large: string[]
}

/** Per workspace: the index's identity (from its stat) and what it said. */
const indexCache = new Map<string, { key: string; info: Promise<IndexInfo | undefined> }>()

/**
 * The tracked files, from one `git ls-files --debug` (which prints the size each file had when
 * the index last looked at it). Kept while `.git/index` is unchanged: within a run most calls
 * see the same index, and listing it costs a process and a parse of every path.
 */
async function indexInfo(search: SearchEnvironment): Promise<IndexInfo | undefined> {
  let key = 'none'
  try {
    const info = await stat(path.join(search.workspace, '.git', 'index'))
    key = `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`
  } catch {
    // no index yet: nothing is tracked
  }
  const cached = indexCache.get(search.workspace)
  if (cached?.key === key) return cached.info
  const info = readIndex(search).then(read => read ?? listIndex(search))
  indexCache.set(search.workspace, { key, info })
  void info.then(result => {
    if (result === undefined) indexCache.delete(search.workspace)
  })
  return info
}

/**
 * The index read directly: one file read instead of a process and its output. Only the plain
 * layouts (versions 2 to 4, SHA-1 names, not split, not sparse, the default index file) are
 * read; any other, or anything unexpected, is left to `git ls-files` (undefined).
 */
export async function readIndex(search: SearchEnvironment): Promise<IndexInfo | undefined> {
  if (search.env.GIT_INDEX_FILE !== undefined || search.env.GIT_DIR !== undefined) return undefined
  let data: Buffer
  try {
    data = await readFile(path.join(search.workspace, '.git', 'index'))
  } catch {
    return undefined
  }
  if (data.length < 12 || data.toString('latin1', 0, 4) !== 'DIRC') return undefined
  const version = data.readUInt32BE(4)
  const count = data.readUInt32BE(8)
  if (version < 2 || version > 4) return undefined
  const paths: string[] = []
  const large: string[] = []
  let submodule = false
  let previous: Buffer = Buffer.alloc(0)
  let at = 12
  for (let entry = 0; entry < count; entry++) {
    // ctime, mtime (8 each), dev, ino, mode, uid, gid, size (4 each), object name (20), flags.
    if (at + 62 > data.length) return undefined
    const mode = data.readUInt32BE(at + 24)
    const size = data.readUInt32BE(at + 36)
    const flags = data.readUInt16BE(at + 60)
    let nameAt = at + 62
    if ((flags & 0x4000) !== 0) {
      if (version < 3) return undefined
      nameAt += 2
    }
    let name: Buffer
    if (version === 4) {
      // The name drops a number of bytes from the end of the previous one and adds a suffix.
      let byte = data[nameAt++] ?? 0
      let drop = byte & 0x7f
      while ((byte & 0x80) !== 0) {
        byte = data[nameAt++] ?? 0
        drop = ((drop + 1) << 7) | (byte & 0x7f)
      }
      const end = data.indexOf(0, nameAt)
      if (end < 0 || drop > previous.length) return undefined
      name = Buffer.concat([
        previous.subarray(0, previous.length - drop),
        data.subarray(nameAt, end)
      ])
      at = end + 1
    } else {
      const end = data.indexOf(0, nameAt)
      if (end < 0) return undefined
      name = data.subarray(nameAt, end)
      // Padded with 1 to 8 NULs to a multiple of 8 bytes from the entry's start.
      at += (nameAt - at + name.length + 8) & ~7
      if (data[at - 1] !== 0) return undefined
    }
    previous = name
    // 040000: a sparse index's folder entry, whose files are not listed.
    if ((mode & 0o170000) === 0o040000) return undefined
    if ((mode & 0o170000) === 0o160000) submodule = true
    const file = name.toString('utf8')
    // The index keeps the low 32 bits of the size; a file of 4 GiB or more may read as small,
    // and is then searched by git rather than left out: never a wrong answer.
    if (size > MAX_FILE_BYTES) large.push(file)
    if (paths[paths.length - 1] !== file) paths.push(file)
  }
  // Extensions: a split index (`link`) keeps most entries in another file.
  while (at + 8 <= data.length - 20) {
    const signature = data.toString('latin1', at, at + 4)
    if (signature === 'link' || signature === 'sdir') return undefined
    at += 8 + data.readUInt32BE(at + 4)
  }
  return { paths, submodule, large }
}

const SIZE_FIELD = Buffer.from('size: ')

async function listIndex(search: SearchEnvironment): Promise<IndexInfo | undefined> {
  const result = await runLister(
    'git',
    [...GIT_SAFE_CONFIG, 'ls-files', '-z', '-s', '--debug'],
    search
  )
  if (result?.code !== 0) return undefined
  // Each entry: `<mode> <object> <stage>\t<path>\0` then five lines of stat data, the last
  // `  size: <n>\tflags: <x>\n`. A path may hold a line break, never a NUL. Read in the bytes:
  // only the paths are decoded.
  const output = result.stdout
  const paths: string[] = []
  const large: string[] = []
  let submodule = false
  let at = 0
  while (at < output.length) {
    const nul = output.indexOf(0, at)
    const tab = output.indexOf(0x09, at)
    const sizeAt = nul < 0 ? -1 : output.indexOf(SIZE_FIELD, nul)
    const end = sizeAt < 0 ? -1 : output.indexOf(0x0a, sizeAt)
    if (end < 0 || tab < 0 || tab > nul) return undefined
    const file = output.toString('utf8', tab + 1, nul)
    if (output.toString('latin1', at, at + 7) === '160000 ') submodule = true
    let size = 0
    for (let index = sizeAt + SIZE_FIELD.length; index < end; index++) {
      const digit = (output[index] ?? 0) - 0x30
      if (digit < 0 || digit > 9) break
      size = size * 10 + digit
    }
    if (size > MAX_FILE_BYTES) large.push(file)
    // An unmerged file has up to three entries, one per stage.
    if (paths[paths.length - 1] !== file) paths.push(file)
    at = end + 1
  }
  return { paths, submodule, large }
}

/** Paths below `scope` ('' for all), by prefix. */
function within(paths: readonly string[], scope: string): string[] {
  if (scope === '') return [...paths]
  const prefix = `${scope}/`
  return paths.filter(file => file.startsWith(prefix))
}

/** Untracked, not ignored files below `scope`; undefined when git failed or met a nested repo. */
async function untrackedFiles(
  scope: string,
  search: SearchEnvironment
): Promise<string[] | undefined> {
  const result = await runLister(
    'git',
    [
      ...GIT_SAFE_CONFIG,
      'ls-files',
      '-z',
      '--others',
      '--exclude-standard',
      '--',
      scopeArgument(scope)
    ],
    search
  )
  if (result?.code !== 0) return undefined
  const files = splitPaths(result.stdout)
  // An untracked folder listed whole is a nested repository: its files are not listed.
  if (files.some(file => file.endsWith('/'))) return undefined
  return files
}

/**
 * Files below `scope` (workspace-relative, '' for the root) that Glob must look at, in no
 * particular order: every file the walk could yield, and maybe others. Undefined when the lister failed or
 * the tree is near the walk's file cap: then the walk runs.
 */
export async function globCandidates(
  backend: Exclude<SearchBackend, 'js'>,
  scope: string,
  search: SearchEnvironment
): Promise<string[] | undefined> {
  let files: string[] | undefined
  if (backend === 'rg') {
    const result = await runLister(
      'rg',
      ['--files', '-0', ...RG_LISTING_FLAGS, '--', scopeArgument(scope)],
      search
    )
    // Exit 1: no files at all.
    files = result?.code === 0 ? splitPaths(result.stdout) : result?.code === 1 ? [] : undefined
  } else {
    const [index, untracked] = await Promise.all([indexInfo(search), untrackedFiles(scope, search)])
    if (index === undefined || index.submodule || untracked === undefined) return undefined
    files = [...within(index.paths, scope), ...untracked]
  }
  if (files === undefined || files.length >= NEAR_CAP) return undefined
  return files
}

/** A lister stopped with an error after it had given some candidates. */
export class ListerFailedError extends Error {}

/**
 * `git grep` listing (NUL-separated) the files that hold one of the literals, tracked files only
 * unless `untracked`; never a text conversion or a submodule, never outside the repository.
 */
function gitGrepArguments(
  literals: RequiredLiterals,
  untracked: boolean,
  pathspecs: readonly string[]
): string[] {
  return [
    ...GIT_SAFE_CONFIG,
    '-c',
    'grep.fallbackToNoIndex=false',
    'grep',
    '--files-with-matches',
    '-z',
    ...(untracked ? ['--untracked'] : []),
    '--no-textconv',
    '--fixed-strings',
    '--no-recurse-submodules',
    ...(literals.ignoreCase ? ['--ignore-case'] : []),
    ...literals.literals.flatMap(literal => ['-e', literal]),
    '--',
    ...pathspecs
  ]
}

/**
 * Files below `scope` that Grep must read, in walk order: at least those containing one of the
 * required literals. Files over the size cap are never read, so the listers may leave them out.
 * Undefined when the lister failed or the tree is near the walk's file cap. git's candidates
 * stream while git grep runs, so that a paged search can stop early; if git then fails, the
 * iteration throws ListerFailedError.
 */
export async function grepCandidates(
  backend: Exclude<SearchBackend, 'js'>,
  scope: string,
  required: RequiredLiterals,
  search: SearchEnvironment,
  extensions?: readonly string[]
): Promise<Iterable<string> | AsyncIterable<string> | undefined> {
  if (backend === 'rg') {
    const patterns = required.literals.flatMap(literal => ['-e', literal])
    const result = await runLister(
      'rg',
      [
        '--files-with-matches',
        '-0',
        '--stats',
        '--fixed-strings',
        '--text',
        '--max-filesize',
        String(MAX_FILE_BYTES),
        ...(required.ignoreCase ? ['--ignore-case'] : ['--case-sensitive']),
        ...RG_LISTING_FLAGS,
        ...patterns,
        '--',
        scopeArgument(scope)
      ],
      search
    )
    if (result === undefined || (result.code !== 0 && result.code !== 1)) return undefined
    // The statistics follow the last NUL-terminated path. Files over the size cap are not
    // counted; the cap's margin (NEAR_CAP) covers them.
    const output = result.stdout
    const end = output.lastIndexOf(0)
    const searched = /(\d+) files searched/.exec(output.subarray(end + 1).toString('utf8'))
    if (searched?.[1] === undefined || Number(searched[1]) >= NEAR_CAP) return undefined
    return walkOrder(splitPaths(output.subarray(0, end + 1)))
  }
  // git folds case in ASCII only: the letters JavaScript also folds from non-ASCII are cut out.
  const literals = asciiFoldSafe(required)
  if (literals === undefined) return undefined
  // ls-files walks the folders for untracked files meanwhile.
  const untrackedListing = untrackedFiles(scope, search)
  const index = await indexInfo(search)
  if (index === undefined || index.submodule) return undefined
  const large = within(index.large, scope)
  // Tracked files only: the untracked ones come from ls-files, which walks the folders once
  // (`git grep --untracked` would walk them again), and are few in a work tree.
  // Past this many, the exclusions would make git's command line too long.
  const excluded = large.length <= MAX_EXCLUDED ? large : []
  const grep = startLister(
    'git',
    gitGrepArguments(literals, false, [
      ...gitScope(scope, extensions),
      // Files the index saw over the size cap are not read by Grep: git need not read them.
      ...excluded.map(file => `:(top,exclude,literal)${file}`)
    ]),
    search
  )
  if (grep === undefined) return undefined
  const untracked = await untrackedListing
  const tracked = within(index.paths, scope).length
  if (untracked === undefined || tracked + untracked.length >= NEAR_CAP) {
    grep.stop()
    return undefined
  }
  if (untracked.length > MAX_UNTRACKED_READ) {
    // Many untracked files (a tree never committed): git searches them too, in one more pass.
    grep.stop()
    const all = await runLister(
      'git',
      gitGrepArguments(literals, true, [scopeArgument(scope)]),
      search
    )
    if (all === undefined || (all.code !== 0 && all.code !== 1)) return undefined
    return walkOrder(splitPaths(all.stdout))
  }
  // Untracked files go to the JavaScript check unfiltered, and so do the large ones left out
  // above (one could have shrunk since the index saw it).
  return inWalkOrder(grep.paths, [...untracked, ...excluded])
}

/** Large files left out of git grep by name, at most. */
const MAX_EXCLUDED = 1000

/**
 * git grep's pathspecs for `scope`, narrowed to the extensions of a Grep `type` when that is
 * safe: glob magic needs a scope free of glob characters, and git folds case in ASCII only
 * where JavaScript also lowers the Kelvin sign to `k`.
 */
function gitScope(scope: string, extensions: readonly string[] | undefined): string[] {
  const whole = scope === '' ? ':(top)' : `:(top,literal)${scope}`
  if (extensions === undefined || /[*?[\\]/.test(scope)) return [whole]
  if (extensions.some(extension => /[^a-z0-9+]/.test(extension) || extension.includes('k'))) {
    return [whole]
  }
  const below = scope === '' ? '' : `${scope}/`
  return extensions.map(extension => `:(top,glob,icase)${below}**/*.${extension}`)
}

/** Untracked files read by Grep itself rather than searched by git first. */
const MAX_UNTRACKED_READ = 2000

/** A lister started now whose NUL-separated paths are read as they come. */
interface StreamingLister {
  /** Ends (killing the lister) when the consumer stops; throws ListerFailedError on failure. */
  paths: AsyncGenerator<string, void, undefined>
  stop: () => void
}

function startLister(
  command: string,
  args: string[],
  search: SearchEnvironment
): StreamingLister | undefined {
  const executable = findOnPath(command, search.env)
  if (executable === undefined || search.signal.aborted) return undefined
  const child = spawn(executable, args, {
    cwd: search.workspace,
    // Pathspec magic (`:(exclude)`) is used, and every path is marked literal in it.
    env: { ...search.env, GIT_LITERAL_PATHSPECS: '0', GIT_OPTIONAL_LOCKS: '0' },
    stdio: ['ignore', 'pipe', 'ignore']
  })
  // Read from the start (a pipe left unread can be closed with its data when the lister ends)
  // and hand the paths over as the consumer asks.
  const ready: string[] = []
  let ended: number | null | undefined
  let wake: (() => void) | undefined
  const decoder = new StringDecoder('utf8')
  let rest = ''
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (rest + decoder.write(chunk)).split('\0')
    rest = parts.pop() ?? ''
    for (const part of parts) {
      if (part !== '') ready.push(part.startsWith('./') ? part.slice(2) : part)
    }
    wake?.()
  })
  const finish = (code: number | null): void => {
    if (ended !== undefined) return
    ended = code
    done()
    wake?.()
  }
  child.on('close', finish)
  child.on('error', () => finish(null))
  const stop = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
  const timer = setTimeout(stop, LISTER_TIMEOUT_MS)
  search.signal.addEventListener('abort', stop, { once: true })
  const done = (): void => {
    clearTimeout(timer)
    search.signal.removeEventListener('abort', stop)
    stop()
  }
  async function* paths(): AsyncGenerator<string, void, undefined> {
    try {
      for (;;) {
        let next = ready.shift()
        while (next !== undefined) {
          yield next
          next = ready.shift()
        }
        if (ended !== undefined) break
        await new Promise<void>(resolve => (wake = resolve))
        wake = undefined
      }
      // Stopped through the signal: the caller is done (or cancelled) and checks the signal.
      if (search.signal.aborted) return
      if (ended !== 0 && ended !== 1) throw new ListerFailedError(`${command} exited ${ended}`)
    } finally {
      done()
    }
  }
  return { paths: paths(), stop: done }
}

/**
 * Paths in byte order (git's) merged with `extra` and yielded in walk order as soon as no later
 * path can come before them. Walk order is byte order with `/` below every other character, so
 * the two differ only where one path has `/` and another a character below it (` !"#$%&'()*+,-.`)
 * after the same prefix: `a.js` comes before `a/b.js` in git's order and after it in the walk's.
 * A path X is held until the stream is past every path that starts with X's prefix up to its
 * first such character followed by `/`, i.e. at or past that prefix followed by `0`.
 */
export async function* inWalkOrder(
  stream: AsyncIterable<string>,
  extra: readonly string[]
): AsyncGenerator<string> {
  const pending = walkOrder(extra)
  // UTF-16 order (the walk's) matches byte order only below U+D800: past it, all is held.
  let ordered = !pending.some(file => /[\ud800-\uffff]/.test(file))
  const insert = (file: string): void => {
    const key = walkKey(file)
    let low = 0
    let high = pending.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (walkKey(pending[middle] ?? '') < key) low = middle + 1
      else high = middle
    }
    if (pending[low] !== file) pending.splice(low, 0, file)
  }
  for await (const file of stream) {
    if (/[\ud800-\uffff]/.test(file)) ordered = false
    insert(file)
    if (!ordered) continue
    const last = Buffer.from(file)
    while (pending.length > 0 && Buffer.compare(last, releaseBound(pending[0] ?? '')) >= 0) {
      yield pending.shift() ?? ''
    }
  }
  yield* pending
}

function walkKey(file: string): string {
  return file.replaceAll('/', '\0')
}

/** The byte-order point past which the stream can no longer bring a path before `file`. */
function releaseBound(file: string): Buffer {
  for (let index = 0; index < file.length; index++) {
    if (file.charCodeAt(index) < 0x2f) return Buffer.from(`${file.slice(0, index)}0`)
  }
  return Buffer.from(file)
}
