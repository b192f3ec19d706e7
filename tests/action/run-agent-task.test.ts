import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAgentTask } from '../../src/action/run-agent-task.js'
import { parseSettings } from '../../src/settings.js'

describe('runAgentTask', () => {
  it('refuses a policy input that names a missing file, before any model call', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'claw-agent-task-'))
    try {
      const settings = parseSettings(
        name =>
          ({ prompt: 'Fix it.', 'anthropic-api-key': 'sk-ant-x', policy: 'ci/claw.yml' })[
            name as string
          ] ?? '',
        { environment: {}, mask: () => {} }
      )
      await expect(
        runAgentTask(settings, workspace, { sessionFile: join(workspace, '..', 'unused.jsonl') })
      ).rejects.toThrow(
        'Input "policy" names ci/claw.yml, but there is no such file in the workspace.'
      )
      // Nothing was written: no session, no file in the workspace.
      expect(readdirSync(workspace)).toEqual([])
    } finally {
      rmSync(workspace, { recursive: true, force: true })
    }
  })
})
