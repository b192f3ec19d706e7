import { describe, expect, it } from '@jest/globals'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sessionFilePath } from '../../src/action/session-path.js'

describe('sessionFilePath', () => {
  const now = new Date('2026-11-05T10:20:30.456Z')

  it('puts the transcript in RUNNER_TEMP, named after the run and attempt', () => {
    expect(
      sessionFilePath(
        { RUNNER_TEMP: '/runner/temp', GITHUB_RUN_ID: '99', GITHUB_RUN_ATTEMPT: '2' },
        now
      )
    ).toBe('/runner/temp/claw/session-99-2-2026-11-05T10-20-30-456Z.jsonl')
  })

  it('falls back to the system temp folder outside a runner', () => {
    expect(sessionFilePath({}, now)).toBe(
      join(tmpdir(), 'claw', 'session-local-1-2026-11-05T10-20-30-456Z.jsonl')
    )
  })
})
