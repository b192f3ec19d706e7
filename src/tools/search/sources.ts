import path from 'node:path'
import type { ToolContext } from '../tool.js'
import {
  startIsIgnored,
  walkCandidates,
  walkFiles,
  compareWalkOrder,
  walkOrder,
  type WalkStats,
  type WalkedFile
} from '../walk.js'
import { toPosix } from '../workspace.js'
import {
  chooseBackend,
  globCandidates,
  grepCandidates,
  ListerFailedError,
  type SearchBackend,
  type SearchEnvironment
} from './backend.js'
import type { RequiredLiterals } from './literals.js'

export interface FileSource {
  files: AsyncIterable<WalkedFile>
  /** The lister that gave the candidates; `js` when the walk runs (also after a failure). */
  backend: SearchBackend
}

function environment(context: ToolContext): SearchEnvironment {
  return { workspace: context.workspace, env: context.childEnv, signal: context.signal }
}

/**
 * `keep` may drop a listed candidate early (one the caller would skip anyway, e.g. a name the
 * glob does not match): the lister's list is long, and every kept one is checked on disk.
 *
 * The files below `start` that Glob looks at, in walk order: the walk's files exactly, whether
 * they come from the walk or from a lister's list checked against the walk's rules.
 */
export async function globSource(
  context: ToolContext,
  start: string,
  stats: WalkStats,
  keep: (relative: string) => boolean = () => true
): Promise<FileSource> {
  const options = { workspace: context.workspace, start, signal: context.signal }
  const search = environment(context)
  const backend = await chooseBackend(search)
  if (backend !== 'js' && !(await startIsIgnored(context.workspace, start))) {
    const scope = toPosix(path.relative(context.workspace, start))
    const candidates = await globCandidates(backend, scope, search)
    if (candidates !== undefined) {
      // Sorted after `keep`: most of a large tree's names are dropped by then.
      return { files: walkCandidates(options, walkOrder(candidates.filter(keep))), backend }
    }
  }
  return { files: walkFiles(options, stats), backend: 'js' }
}

/**
 * The files below `start` that Grep reads, in walk order: the walk's files, less (when a lister
 * ran) files that cannot match because they contain none of the required literals. Without
 * literals a lister would list every file, so the walk runs. `extensions` (lower case), when
 * given, are those of the only files `keep` keeps: git need not search the others.
 */
export async function grepSource(
  context: ToolContext,
  start: string,
  required: RequiredLiterals | undefined,
  stats: WalkStats,
  keep: (relative: string) => boolean = () => true,
  extensions?: readonly string[]
): Promise<FileSource> {
  const options = { workspace: context.workspace, start, signal: context.signal }
  if (required !== undefined) {
    const search = environment(context)
    const backend = await chooseBackend(search)
    if (backend !== 'js' && !(await startIsIgnored(context.workspace, start))) {
      const scope = toPosix(path.relative(context.workspace, start))
      const candidates = await grepCandidates(backend, scope, required, search, extensions)
      if (candidates !== undefined) {
        // Grep opens each file itself, without following a link, and checks its type then.
        const files = walkCandidates(options, candidates, keep, false)
        return { files: walkOnFailure(files, () => walkFiles(options, stats)), backend }
      }
    }
  }
  return { files: walkFiles(options, stats), backend: 'js' }
}

/**
 * The lister's files; if the lister fails part way, the walk's files after the last one given,
 * so that the whole is still the walk's answer.
 */
async function* walkOnFailure(
  files: AsyncIterable<WalkedFile>,
  walk: () => AsyncIterable<WalkedFile>
): AsyncGenerator<WalkedFile> {
  let last: string | undefined
  try {
    for await (const file of files) {
      last = file.relative
      yield file
    }
  } catch (error) {
    if (!(error instanceof ListerFailedError)) throw error
    for await (const file of walk()) {
      if (last === undefined || compareWalkOrder(file.relative, last) > 0) yield file
    }
  }
}
