import { realpathSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'

/**
 * Where a run's transcript goes when no `--session` is given. Always outside the workspace: a
 * transcript inside it would be read by the agent's own tools, could be committed and pushed with
 * the agent's changes, and would show up in the diff the agent is asked to review.
 *
 * - In a workflow (`GITHUB_ACTIONS=true` and `RUNNER_TEMP` set):
 *   `$RUNNER_TEMP/claw/sessions/session-<run id>-<attempt>-<timestamp>.jsonl` (the runner empties
 *   RUNNER_TEMP after every job; the post step uploads the file first).
 * - Locally: `${XDG_STATE_HOME:-~/.local/state}/claw/sessions/<workspace name>-<timestamp>.jsonl`.
 * - When that path would still land inside the workspace (a workspace at `~`, or RUNNER_TEMP
 *   inside the checkout): the same file name under `os.tmpdir()/claw/sessions`.
 *
 * The timestamp is `now` in UTC with `:` and `.` replaced by `-`, which every file system accepts.
 */
export function defaultSessionPath(
  workspace: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  now: Date = new Date()
): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  let folder: string
  let name: string
  if (env['GITHUB_ACTIONS'] === 'true' && env['RUNNER_TEMP']) {
    folder = join(env['RUNNER_TEMP'], 'claw', 'sessions')
    const runId = safeName(env['GITHUB_RUN_ID'] || 'local')
    const attempt = safeName(env['GITHUB_RUN_ATTEMPT'] || '1')
    name = `session-${runId}-${attempt}-${stamp}.jsonl`
  } else {
    // The XDG spec says to ignore a relative XDG_STATE_HOME.
    const xdg = env['XDG_STATE_HOME']
    const stateHome =
      xdg && isAbsolute(xdg) ? xdg : join(env['HOME'] || homedir(), '.local', 'state')
    folder = join(stateHome, 'claw', 'sessions')
    name = `${safeName(basename(resolve(workspace))) || 'workspace'}-${stamp}.jsonl`
  }
  const candidate = join(folder, name)
  if (!isInside(workspace, candidate)) return candidate
  return join(tmpdir(), 'claw', 'sessions', name)
}

/** Keeps letters, digits, `.`, `_` and `-`; anything else (spaces, slashes) becomes `-`. */
function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^\.+/, '')
}

/** Whether `path` lies in `folder`, following symlinks of the parts that exist. */
function isInside(folder: string, path: string): boolean {
  const root = realExisting(resolve(folder))
  const target = realExisting(resolve(path))
  const rel = relative(root, target)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

/** The real path of the deepest existing ancestor, with the missing rest appended. */
function realExisting(path: string): string {
  const missing: string[] = []
  let current = path
  for (;;) {
    try {
      return join(realpathSync(current), ...missing.reverse())
    } catch {
      const parent = dirname(current)
      if (parent === current) return path
      missing.push(basename(current))
      current = parent
    }
  }
}
