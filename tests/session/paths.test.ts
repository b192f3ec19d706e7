import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, isAbsolute } from 'node:path'
import { defaultSessionPath } from '../../src/session/paths.js'

const NOW = new Date('2026-11-02T10:15:00.123Z')

let root: string
let workspace: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'claw-paths-'))
  workspace = join(root, 'home', 'me', 'my repo')
  mkdirSync(workspace, { recursive: true })
})
afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

describe('defaultSessionPath', () => {
  it('uses RUNNER_TEMP in a workflow', () => {
    const runnerTemp = join(root, 'runner', 'temp')
    const env = {
      GITHUB_ACTIONS: 'true',
      RUNNER_TEMP: runnerTemp,
      GITHUB_RUN_ID: '123',
      GITHUB_RUN_ATTEMPT: '2',
      HOME: join(root, 'home', 'me')
    }
    const path = defaultSessionPath(workspace, env, NOW)
    expect(path).toBe(
      join(runnerTemp, 'claw', 'sessions', 'session-123-2-2026-11-02T10-15-00-123Z.jsonl')
    )
    expect(inside(workspace, path)).toBe(false)
  })

  it('uses XDG_STATE_HOME locally, named after the workspace', () => {
    const state = join(root, 'state')
    const path = defaultSessionPath(workspace, { XDG_STATE_HOME: state, HOME: root }, NOW)
    expect(path).toBe(join(state, 'claw', 'sessions', 'my-repo-2026-11-02T10-15-00-123Z.jsonl'))
    expect(inside(workspace, path)).toBe(false)
  })

  it('falls back to ~/.local/state without XDG_STATE_HOME (or with a relative one)', () => {
    const home = join(root, 'home', 'me')
    const expected = join(
      home,
      '.local',
      'state',
      'claw',
      'sessions',
      'my-repo-2026-11-02T10-15-00-123Z.jsonl'
    )
    expect(defaultSessionPath(workspace, { HOME: home }, NOW)).toBe(expected)
    expect(defaultSessionPath(workspace, { HOME: home, XDG_STATE_HOME: 'state' }, NOW)).toBe(
      expected
    )
  })

  it('goes to the temp folder when the path would land inside the workspace', () => {
    // A workspace that is the home folder itself, and a RUNNER_TEMP inside the checkout.
    const home = join(root, 'home', 'me')
    const local = defaultSessionPath(home, { HOME: home }, NOW)
    expect(inside(home, local)).toBe(false)
    expect(local).toBe(join(tmpdir(), 'claw', 'sessions', 'me-2026-11-02T10-15-00-123Z.jsonl'))

    const workflow = defaultSessionPath(
      workspace,
      { GITHUB_ACTIONS: 'true', RUNNER_TEMP: join(workspace, 'tmp'), GITHUB_RUN_ID: '9' },
      NOW
    )
    expect(inside(workspace, workflow)).toBe(false)
    expect(workflow).toBe(
      join(tmpdir(), 'claw', 'sessions', 'session-9-1-2026-11-02T10-15-00-123Z.jsonl')
    )
  })

  it('ignores RUNNER_TEMP outside a workflow', () => {
    const path = defaultSessionPath(
      workspace,
      { RUNNER_TEMP: join(root, 'rt'), HOME: join(root, 'h') },
      NOW
    )
    expect(path.startsWith(join(root, 'h', '.local', 'state'))).toBe(true)
  })
})
