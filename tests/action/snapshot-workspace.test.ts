/**
 * The working tree a paused run keeps in its session (src/action/run-agent-task.ts): real git in a
 * temp repository; files the read rules deny are left out.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { snapshotWorkspace } from '../../src/action/run-agent-task.js'

const folders: string[] = []
afterEach(() => folders.splice(0).forEach(folder => rmSync(folder, { recursive: true })))

function repository(): string {
  const folder = mkdtempSync(join(tmpdir(), 'claw-snapshot-'))
  folders.push(folder)
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: folder,
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: folder }
    })
  git('init', '-q', '-b', 'main')
  writeFileSync(join(folder, 'a.js'), 'export const a = 1\n')
  git('add', '-A')
  git('commit', '-q', '-m', 'start')
  return folder
}

describe('snapshotWorkspace', () => {
  it('keeps the changes, leaving out files the read rules deny', async () => {
    const folder = repository()
    writeFileSync(join(folder, 'a.js'), 'export const a = 2\n')
    writeFileSync(join(folder, '.env'), 'TOKEN=abc\n')
    const saved = await snapshotWorkspace(folder, path => path !== '.env')
    expect(saved?.patch).toContain('+export const a = 2')
    expect(saved?.patch).not.toContain('.env')
    expect(saved?.patch).not.toContain('TOKEN=abc')
    expect(saved?.base).toMatch(/^[0-9a-f]{40}$/)
  })

  it('keeps nothing when nothing changed', async () => {
    expect(await snapshotWorkspace(repository(), () => true)).toBeUndefined()
  })
})
