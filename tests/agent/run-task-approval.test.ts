/**
 * runTask resuming a session paused on an `ask` rule: `approve-once` runs exactly the waiting call,
 * `approve-all` also allows later calls under the same rule, `deny` runs nothing; the new session
 * file holds the earlier events, a `resume` event, and the conversation the model is sent.
 */
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { ModelClient } from '../../src/agent/model-client.js'
import { runTask } from '../../src/agent/run-task.js'
import type { ApprovalKind } from '../../src/agent/resume.js'
import { parsePolicy } from '../../src/policy/load.js'
import { conversationOf, readSession } from '../../src/session/reader.js'
import { makeWorkspace, removeDir } from '../tools/helpers.js'
import { scriptedModel, type Block } from './scripted-model.js'

const policy = parsePolicy(
  'version: 1\nisolation: off\ndefaults:\n  read: { allow: ["**"] }\n  bash:\n    allow: ["echo *"]\n    ask: ["touch *"]\n',
  'claw.yml'
)
const touch = (id: string, file: string): Block => ({
  type: 'tool_use',
  id,
  name: 'Bash',
  input: { command: `touch ${file}` }
})

describe('runTask resuming a paused session', () => {
  let workspace: string
  let sessions: string
  beforeEach(async () => {
    workspace = await makeWorkspace({ 'a.txt': 'a\n' })
    sessions = await makeWorkspace()
  })
  afterEach(async () => {
    await removeDir(workspace)
    await removeDir(sessions)
  })

  const base = (model: ModelClient, sessionPath: string) => ({
    workspace,
    task: 'fix' as const,
    policy,
    model,
    modelName: 'claude-sonnet-4-5',
    sessionPath,
    repository: 'octo-org/octo-repo',
    event: 'issue_comment'
  })

  /** Run 1: the model asks to `touch one.txt`, which waits for approval. */
  async function paused(): Promise<string> {
    const sessionPath = path.join(sessions, 'first.jsonl')
    const result = await runTask({
      ...base(scriptedModel([touch('toolu_1', 'one.txt')]), sessionPath),
      prompt: 'Create the files.'
    })
    expect(result.status).toBe('needs-approval')
    return sessionPath
  }

  async function resume(approval: ApprovalKind, blocks: Block[]) {
    const model = scriptedModel(blocks)
    const sessionPath = path.join(sessions, `${approval}.jsonl`)
    const result = await runTask({
      ...base(model, sessionPath),
      prompt: '',
      resume: { session: readSession(await paused()), approval, by: 'octocat' }
    })
    return { result, model, session: readSession(sessionPath) }
  }

  const exists = async (file: string) =>
    (await import('node:fs')).existsSync(path.join(workspace, file))

  it('approve-once: runs exactly the waiting call, and asks again for a new one', async () => {
    const { result, model, session } = await resume('approve-once', [touch('toolu_2', 'two.txt')])
    expect(await exists('one.txt')).toBe(true)
    expect(await exists('two.txt')).toBe(false)
    expect(result.status).toBe('needs-approval')
    // The model saw the real result in place of the placeholder.
    const sent = JSON.stringify(model.requests[0]?.messages.at(-1))
    expect(sent).toContain('Exit code: 0')
    expect(sent).not.toContain('Not run')
    const call = session.events.find(
      e => e.type === 'tool_call' && e.id === 'toolu_1' && e.decision.decision === 'allow'
    )
    expect(call).toMatchObject({ decision: { rule: 'approved by @octocat: bash.ask: touch *' } })
    expect(session.events.find(e => e.type === 'resume')).toMatchObject({
      kind: 'approve-once',
      by: 'octocat'
    })
    // The new file rebuilds what the model was sent, then its answer.
    expect(conversationOf(session).slice(0, model.requests[0]?.messages.length)).toEqual(
      model.requests[0]?.messages
    )
  })

  it('approve-all: later calls under the same rule run too', async () => {
    const { result } = await resume('approve-all', [touch('toolu_2', 'two.txt')])
    expect(result.status).toBe('success')
    expect(await exists('one.txt')).toBe(true)
    expect(await exists('two.txt')).toBe(true)
  })

  it('deny: runs nothing and tells the model who refused', async () => {
    const { result, model } = await resume('deny', [{ type: 'text', text: 'Going on without it.' }])
    expect(result.status).toBe('success')
    expect(await exists('one.txt')).toBe(false)
    expect(JSON.stringify(model.requests[0]?.messages.at(-1))).toContain(
      'A maintainer (@octocat) denied this call'
    )
  })
})
