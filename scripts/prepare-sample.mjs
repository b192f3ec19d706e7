// A fresh git checkout of the sample library (examples/demo/repo) in a temporary folder.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

export function git(repo, ...args) {
  const result = spawnSync(
    'git',
    ['-c', 'user.name=claw', '-c', 'user.email=claw@users.noreply.github.com', ...args],
    { cwd: repo, encoding: 'utf8' }
  )
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr.trim()}`)
  return result.stdout.trim()
}

/** Copies the sample library into `<new temp folder>/duration-text` and commits it. */
export function prepareSample(prefix = 'claw-sample-') {
  const work = mkdtempSync(join(tmpdir(), prefix))
  const repo = join(work, 'duration-text')
  cpSync(join(ROOT, 'examples', 'demo', 'repo'), repo, { recursive: true })
  git(repo, 'init', '-q', '-b', 'main')
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '-m', 'duration-text 1.2.0')
  return { work, repo }
}
