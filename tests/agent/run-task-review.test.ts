/**
 * runTask with a review collector: the model is offered ReviewComment besides the six tools, its
 * calls go through the policy like any other, and the findings land in the collector.
 */
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { ModelClient } from '../../src/agent/model-client.js'
import { runTask } from '../../src/agent/run-task.js'
import { parsePolicy } from '../../src/policy/load.js'
import { readSession } from '../../src/session/reader.js'
import type { ReviewCollector } from '../../src/tools/tool.js'
import { makeWorkspace, removeDir } from '../tools/helpers.js'
import { scriptedModel } from './scripted-model.js'

const policy = parsePolicy(
  'version: 1\nisolation: off\ndefaults:\n  read: { allow: ["**"], deny: [".env"] }\n',
  'claw.yml'
)

describe('runTask with a review', () => {
  let workspace: string
  let sessionDir: string
  beforeEach(async () => {
    workspace = await makeWorkspace({ 'src/app.ts': 'run()\n', '.env': 'TOKEN=x\n' })
    sessionDir = await makeWorkspace()
  })
  afterEach(async () => {
    await removeDir(workspace)
    await removeDir(sessionDir)
  })

  function run(model: ModelClient, review?: ReviewCollector) {
    return runTask({
      workspace,
      task: 'review',
      prompt: 'Review pull request #1.',
      policy,
      model,
      modelName: 'claude-sonnet-4-5',
      sessionPath: path.join(sessionDir, 'session.jsonl'),
      repository: 'octo-org/octo-repo',
      event: 'pull_request',
      ...(review ? { review } : {})
    })
  }

  it('offers ReviewComment, records findings the policy allows and denies the others', async () => {
    const model = scriptedModel([
      {
        type: 'tool_use',
        id: 'toolu_1',
        name: 'ReviewComment',
        input: { file_path: 'src/app.ts', line: 1, body: 'Await this.', suggestion: 'await run()' }
      },
      {
        type: 'tool_use',
        id: 'toolu_2',
        name: 'ReviewComment',
        input: { file_path: '.env', line: 1, body: 'The token is TOKEN=x.' }
      },
      { type: 'text', text: 'One finding.' }
    ])
    const review: ReviewCollector = { findings: [], isInDiff: () => true }
    const result = await run(model, review)

    expect(result.status).toBe('success')
    expect(result.finalText).toBe('One finding.')
    expect(model.requests[0]?.tools.map(tool => tool.name)).toEqual([
      'Bash',
      'Read',
      'Write',
      'Edit',
      'Glob',
      'Grep',
      'ReviewComment'
    ])
    expect(review.findings).toEqual([
      {
        path: 'src/app.ts',
        line: 1,
        side: 'RIGHT',
        body: 'Await this.',
        suggestion: 'await run()'
      }
    ])
    const session = readSession(result.sessionPath)
    const results = session.events.filter(event => event.type === 'tool_result')
    expect(results.map(event => [event.is_error, event.content])).toEqual([
      [false, expect.stringMatching(/^Recorded finding 1 on src\/app\.ts:1 \(new version\)/)],
      [true, expect.stringMatching(/^Permission denied by read\.deny: \.env: /)]
    ])
  })

  it('does not offer ReviewComment without a review', async () => {
    const model = scriptedModel([{ type: 'text', text: 'done' }])
    await run(model)
    expect(model.requests[0]?.tools.map(tool => tool.name)).not.toContain('ReviewComment')
  })
})
