/**
 * `npm run demo` (scripts/demo.mjs) as a user runs it: it replays the recorded session on a fresh
 * copy of the sample library and must show the failing tests, the fix committed, and the tests
 * passing. The script runs `dist/cli.js` itself, so this also proves the committed bundle replays
 * the committed recording.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { ROOT, TempDirs, baseEnv, runProcess, type ProcessResult } from './cli-process.js'

const dirs = new TempDirs()
let demo: ProcessResult

beforeAll(async () => {
  demo = await runProcess(process.execPath, ['scripts/demo.mjs'], {
    cwd: ROOT,
    env: baseEnv(dirs.make('claw-demo-home-'))
  })
  // The demo leaves its copy of the sample for the user to look at; the test removes it.
  const repo = /^1\. A sample library with a bug: (.+)$/m.exec(demo.stdout)?.[1]
  if (repo && existsSync(repo)) dirs.track(dirname(repo))
})
afterAll(() => dirs.removeAll())

describe('npm run demo', () => {
  it('exits 0', () => {
    expect({ code: demo.code, stderr: demo.stderr }).toEqual({
      code: 0,
      stderr: expect.any(String)
    })
  })

  it('reports the failing tests before the fix, by name', () => {
    const before = /npm test: (\d+) passed, (\d+) failed/.exec(demo.stdout)
    expect(before?.slice(1)).toEqual(['5', '3'])
    expect(demo.stdout.match(/^ {3}✗ .+$/gm)).toHaveLength(3)
  })

  it('commits the fix and prints the commit line', () => {
    expect(demo.stdout).toMatch(/^ {3}[0-9a-f]{7,} Parse "ms" durations and reject unknown units$/m)
  })

  it('reports 8 passed, 0 failed after the fix', () => {
    const summaries = [...demo.stdout.matchAll(/npm test: (\d+ passed, \d+ failed)/g)].map(
      m => m[1]
    )
    expect(summaries).toEqual(['5 passed, 3 failed', '8 passed, 0 failed'])
    expect(demo.stdout).toMatch(/^Done: 7 turns;/m)
  })
})
