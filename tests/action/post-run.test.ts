import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPost } from '../../src/action/post-run.js'

describe('runPost', () => {
  const savedEnvironment = { ...process.env }
  let stdout: string[]
  let folder: string

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'claw-post-test-'))
    delete process.env['STATE_session-file']
    stdout = []
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout.push(String(chunk))
      return true
    })
  })

  afterEach(() => {
    jest.restoreAllMocks()
    process.env = { ...savedEnvironment }
    process.exitCode = undefined
    rmSync(folder, { recursive: true, force: true })
  })

  it('does nothing visible when the main step started no session', async () => {
    await runPost()
    const lines = stdout
      .join('')
      .split('\n')
      .filter(line => line !== '')
    expect(lines.filter(line => !line.startsWith('::debug::'))).toEqual([])
    expect(process.exitCode).toBeUndefined()
  })

  it('says where the session transcript is', async () => {
    const sessionFile = join(folder, 'session.jsonl')
    writeFileSync(sessionFile, '{"type":"header"}\n')
    process.env['STATE_session-file'] = sessionFile
    await runPost()
    expect(stdout.join('')).toContain(`claw: the session transcript is at ${sessionFile}`)
    expect(process.exitCode).toBeUndefined()
  })

  it('says so when the main step wrote no transcript', async () => {
    const sessionFile = join(folder, 'never-written.jsonl')
    process.env['STATE_session-file'] = sessionFile
    await runPost()
    expect(stdout.join('')).toContain(
      `claw: no session transcript was written (expected at ${sessionFile}).`
    )
    expect(process.exitCode).toBeUndefined()
  })
})
