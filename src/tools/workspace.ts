import { lstatSync, realpathSync, type Stats } from 'node:fs'
import path from 'node:path'
import { isInsideGitDirectory } from '../policy/paths.js'

/**
 * A path the model asked for lies outside the workspace (or inside `.git/` for a write). The
 * message is written for the model: it says what was refused and what to do instead.
 */
export class ConfinementError extends Error {
  override name = 'ConfinementError'
}

export interface ResolveOptions {
  /**
   * Refuse paths inside any `.git` folder: a write there could plant a hook or rewrite
   * `.git/config` (e.g. a `core.fsmonitor` command), which runs code outside the policy. Refuse
   * an existing file with several hard links too: it may be linked to a file outside.
   */
  forWrite?: boolean
}

export interface ResolvedPath {
  /** Absolute path with every existing component resolved through symlinks. */
  absolute: string
  /** The same path relative to the workspace, `/`-separated; `.` for the workspace itself. */
  relative: string
}

/**
 * Resolves a path the model gave (absolute inside the workspace, or relative to it) and refuses
 * one that leaves the workspace, lexically (`..`, another absolute path) or through a symlink in
 * any existing component (the longest existing prefix is resolved with realpath).
 */
export function resolveInWorkspace(
  workspace: string,
  filePath: string,
  options: ResolveOptions = {}
): ResolvedPath {
  if (typeof filePath !== 'string' || filePath.length === 0) {
    throw new ConfinementError('The path is empty: give a file path inside the workspace.')
  }
  if (filePath.includes('\0')) {
    throw new ConfinementError('The path contains a NUL byte: give a plain file path.')
  }
  const root = realRoot(workspace)
  const requested = path.resolve(root, filePath)
  if (!isInside(root, requested)) throw outside(filePath, root)

  // Resolve the longest existing prefix; the rest does not exist yet and cannot be a symlink.
  let existing = requested
  const rest: string[] = []
  while (!exists(existing)) {
    rest.unshift(path.basename(existing))
    existing = path.dirname(existing)
  }
  let realExisting: string
  try {
    realExisting = realpathSync.native(existing)
  } catch {
    throw new ConfinementError(
      `${filePath} goes through a symbolic link whose target is missing; use the target's own path.`
    )
  }
  const absolute = rest.length > 0 ? path.join(realExisting, ...rest) : realExisting
  if (!isInside(root, absolute)) {
    throw new ConfinementError(
      `${filePath} resolves through a symbolic link to ${absolute}, outside the workspace ` +
        `(${root}). Only files inside the workspace can be used.`
    )
  }
  const relative = toPosix(path.relative(root, absolute)) || '.'
  if (options.forWrite === true && (hasGitSegment(relative) || hasGitSegment(toPosix(filePath)))) {
    throw new ConfinementError(
      `${filePath} is inside a .git folder, which tools may not change. Use git commands ` +
        'through Bash (if the policy allows them) instead.'
    )
  }
  if (options.forWrite === true) refuseHardLink(filePath, absolute)
  return { absolute, relative }
}

/**
 * A file with more than one name may share its content with a file outside the workspace (a hard
 * link cannot be told apart from the original): writing through this name would change that file
 * too, and a later write that replaces it would still leave the other name with old content. So
 * Write, Edit and Bash redirections refuse it; Read does not.
 */
function refuseHardLink(filePath: string, absolute: string): void {
  let info: Stats
  try {
    info = lstatSync(absolute)
  } catch {
    return // does not exist yet
  }
  if (!info.isDirectory() && info.nlink > 1) {
    throw new ConfinementError(
      `${filePath} has ${info.nlink} hard links: it may be linked to a file outside the ` +
        'workspace, so it cannot be written. Write a new file instead, or ask the user.'
    )
  }
}

/** Whether `candidate` is `root` or below it (both absolute, normalised). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate)
  if (relative === '') return true
  // `..foo` is a name inside the root; only a `..` segment leaves it.
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
}

export function toPosix(relative: string): string {
  return path.sep === '/' ? relative : relative.split(path.sep).join('/')
}

const realRoots = new Map<string, string>()

function realRoot(workspace: string): string {
  let real = realRoots.get(workspace)
  if (real === undefined) {
    real = realpathSync.native(path.resolve(workspace))
    realRoots.set(workspace, real)
  }
  return real
}

function exists(candidate: string): boolean {
  try {
    lstatSync(candidate)
    return true
  } catch {
    return false
  }
}

function hasGitSegment(relative: string): boolean {
  // Case-insensitive: on macOS and Windows `.GIT/config` is `.git/config` (and `.git.`, `git~1`).
  return isInsideGitDirectory(relative)
}

function outside(filePath: string, root: string): ConfinementError {
  return new ConfinementError(
    `${filePath} is outside the workspace (${root}). Use a path inside it, relative to the ` +
      'workspace root.'
  )
}
