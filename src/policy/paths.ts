/**
 * Lexical workspace confinement. The decision function is pure, so it cannot see symlinks: the
 * tools resolve real paths before touching a file and must confine those too. What this module
 * guarantees is that a path which leaves the workspace on paper never reaches the rules.
 */
import { posix } from 'node:path'

export type WorkspacePath =
  | { ok: true; /** posix, relative to the workspace, `.` for the root itself */ relative: string }
  | { ok: false; reason: string }

/** Resolves `path` (absolute inside `workspace`, or relative to it) to a workspace-relative path. */
export function workspaceRelative(workspace: string, path: string): WorkspacePath {
  if (path.includes('\0')) return { ok: false, reason: 'the path contains a NUL byte' }
  if (path === '') return { ok: false, reason: 'the path is empty' }
  const root = posix.normalize(workspace).replace(/(.)\/+$/, '$1')
  const absolute = posix.isAbsolute(path) ? posix.normalize(path) : posix.join(root, path)
  const relative = posix.relative(root, absolute)
  if (relative === '') return { ok: true, relative: '.' }
  if (relative === '..' || relative.startsWith('../') || posix.isAbsolute(relative)) {
    return { ok: false, reason: `\`${path}\` is outside the workspace` }
  }
  return { ok: true, relative }
}

/**
 * Whether a workspace-relative path lies in a `.git` directory (at any depth, any case: a
 * case-insensitive file system treats `.GIT` as `.git`; see isGitName). Writing there plants hooks or config
 * that run code at the next git command, outside every rule of the policy.
 */
export function isInsideGitDirectory(relative: string): boolean {
  return relative.split(/[/\\]/).some(isGitName)
}

/**
 * Whether one path segment names a `.git` folder on some file system: any case (macOS, Windows),
 * with code points HFS+ ignores (`.g\u200cit`), with trailing dots or spaces (Windows drops
 * them), or as the Windows short name `git~1`. The same checks git itself makes (CVE-2014-9390).
 */
export function isGitName(segment: string): boolean {
  const name = segment
    .replace(/[\u200b-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g, '')
    .toLowerCase()
    .replace(/[. ]+$/, '')
  return name === '.git' || name === 'git~1'
}
