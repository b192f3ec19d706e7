/** A failure in the post step is a warning, never a failed job: here the file check throws. */
import { afterEach, expect, it, jest } from '@jest/globals'

const actualFs = await import('node:fs')
jest.unstable_mockModule('node:fs', () => ({
  ...actualFs,
  existsSync: () => {
    throw new Error('EACCES: permission denied')
  }
}))
const { runPost } = await import('../../src/action/post-run.js')

afterEach(() => {
  jest.restoreAllMocks()
  delete process.env['STATE_session-file']
  process.exitCode = undefined
})

it('reports a failure as a warning and leaves the exit code alone', async () => {
  const stdout: string[] = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk))
    return true
  })
  process.env['STATE_session-file'] = '/tmp/claw/session.jsonl'
  await runPost()
  expect(stdout.join('')).toContain('::warning::claw post step: EACCES: permission denied')
  expect(process.exitCode).toBeUndefined()
})
