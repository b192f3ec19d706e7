import { lstatSync, realpathSync } from 'node:fs'
import path from 'node:path'

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
   * `.git/config` (e.g. a `core.fsmonitor` command), which runs code outside the policy.
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
  return { absolute, relative }
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
  // Case-insensitive: on macOS and Windows `.GIT/config` is `.git/config`.
  return relative.split('/').some(segment => segment.toLowerCase() === '.git')
}

function outside(filePath: string, root: string): ConfinementError {
  return new ConfinementError(
    `${filePath} is outside the workspace (${root}). Use a path inside it, relative to the ` +
      'workspace root.'
  )
}
