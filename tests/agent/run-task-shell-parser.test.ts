/**
 * When runTask loads the shell parser (mvdan-sh, about 50 ms): not for a plain Bash line, for a
 * line that needs it before that call is decided, and meanwhile while a model reply is slow.
 * A test file of its own: the parser is loaded once per module registry.
 */
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { ModelClient } from '../../src/agent/model-client.js'
import { LOAD_PARSER_AFTER_MS, runTask } from '../../src/agent/run-task.js'
import { parsePolicy } from '../../src/policy/load.js'
import { shellParserLoaded } from '../../src/policy/shell.js'
import { readSession } from '../../src/session/reader.js'
import { makeWorkspace, removeDir } from '../tools/helpers.js'
import { scriptedModel } from './scripted-model.js'

const policy = parsePolicy(
  'version: 1\nisolation: off\ndefaults:\n  read: { allow: ["**"] }\n  bash: { allow: ["true", "echo *"] }\n',
  'claw.yml'
)

describe('runTask and the shell parser', () => {
  let workspace: string
  let sessionDir: string
  beforeEach(async () => {
    workspace = await makeWorkspace({ 'a.txt': 'a\n' })
    sessionDir = await makeWorkspace()
  })
  afterEach(async () => {
    await removeDir(workspace)
    await removeDir(sessionDir)
  })

  function run(model: ModelClient) {
    return runTask({
      workspace,
      task: 'fix',
      prompt: 'Check.',
      policy,
      model,
      modelName: 'claude-sonnet-4-5',
      sessionPath: path.join(sessionDir, 'session.jsonl'),
      repository: 'octo-org/octo-repo',
      event: 'cli'
    })
  }

  const bash = (id: string, command: string) =>
    ({ type: 'tool_use', id, name: 'Bash', input: { command } }) as const

  function results() {
    return readSession(path.join(sessionDir, 'session.jsonl'))
      .events.filter(event => event.type === 'tool_result')
      .map(event => (event.type === 'tool_result' ? [event.is_error, event.content] : []))
  }

  it('runs a plain line without it', async () => {
    const result = await run(scriptedModel([bash('toolu_1', 'echo plain')]))
    expect(result.status).toBe('success')
    expect(results()).toEqual([[false, 'plain\nExit code: 0']])
    expect(shellParserLoaded()).toBe(false)
  })

  it(`loads it meanwhile once a request has waited ${LOAD_PARSER_AFTER_MS} ms`, async () => {
    const fast = scriptedModel([])
    const slow: ModelClient = {
      complete: async request => {
        await new Promise(resolve => setTimeout(resolve, LOAD_PARSER_AFTER_MS + 100))
        return fast.complete(request)
      }
    }
    expect((await run(slow)).status).toBe('success')
    for (let waited = 0; !shellParserLoaded() && waited < 5_000; waited += 20) {
      await new Promise(resolve => setTimeout(resolve, 20))
    }
    expect(shellParserLoaded()).toBe(true)
  })

  it('decides a line that needs it with it', async () => {
    const result = await run(scriptedModel([bash('toolu_2', 'echo piped | true')]))
    expect(result.status).toBe('success')
    expect(results()).toEqual([[false, '(no output)\nExit code: 0']])
  })
})
