/**
 * Preparing a resumed session (src/agent/resume.ts) from the sample session in
 * tests/fixtures/sessions/sample.jsonl, which ends `needs-approval` on `npm install left-pad`.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { prepareResume, replaceResults, ResumeError } from '../../src/agent/resume.js'
import { conversationOf, parseSession } from '../../src/session/reader.js'
import { REPOSITORY_ROOT } from '../fixtures/runner.js'

const SAMPLE = join(REPOSITORY_ROOT, 'tests/fixtures/sessions/sample.jsonl')
const paused = () => parseSession(readFileSync(SAMPLE, 'utf8'), SAMPLE)

/** The sample, finished: its pending outcome replaced by a final answer and a success. */
function finished() {
  const session = paused()
  const events = session.events.slice(0, -2)
  events.push(
    { type: 'message', message: { role: 'assistant', content: [{ type: 'text', text: 'Done.' }] } },
    { ...(session.events.at(-1) as object), status: 'success', pending: undefined } as never
  )
  return { ...session, events }
}

describe('prepareResume', () => {
  it('hands the pending calls back and leaves the placeholder message out of the copy', () => {
    const session = paused()
    const prepared = prepareResume({ session, approval: 'approve-once', by: 'octocat' })
    expect(prepared.pending).toEqual([
      { type: 'tool_use', id: 'toolu_04', name: 'Bash', input: { command: 'npm install left-pad' } }
    ])
    expect(prepared.pendingRules).toEqual(['bash.ask: npm install *'])
    // The copy rebuilds every message but the last: the loop records the rebuilt one.
    const copied = { ...session, events: prepared.copied }
    expect(conversationOf(copied)).toEqual(prepared.messages.slice(0, -1))
    expect(prepared.recorded).toBe(prepared.messages.length - 1)
    expect(prepared.messages.at(-1)).toEqual(conversationOf(session).at(-1))
  })

  it('adds a new request to the results message instead of a second user turn', () => {
    const prepared = prepareResume({
      session: paused(),
      approval: 'deny',
      by: 'octocat',
      request: 'use the built-in padStart instead'
    })
    const last = prepared.messages.at(-1)
    expect(last?.role).toBe('user')
    expect(last?.content).toEqual(
      expect.arrayContaining([{ type: 'text', text: 'use the built-in padStart instead' }])
    )
  })

  it('continues a finished session with the follow-up as a new user message', () => {
    const prepared = prepareResume({
      session: finished(),
      by: 'octocat',
      request: 'also add a test'
    })
    expect(prepared.messages.at(-2)?.role).toBe('assistant')
    expect(prepared.messages.at(-1)).toEqual({ role: 'user', content: 'also add a test' })
    expect(prepared.pending).toEqual([])
    expect(conversationOf({ ...finished(), events: prepared.copied })).toEqual(
      prepared.messages.slice(0, -1)
    )
  })

  it('refuses an approval when nothing is pending', () => {
    expect(() => prepareResume({ session: finished(), approval: 'approve-once', by: 'o' })).toThrow(
      ResumeError
    )
  })
})

describe('replaceResults', () => {
  it('replaces the placeholder of an answered call and keeps the others', () => {
    const messages = prepareResume({ session: paused(), approval: 'deny', by: 'o' }).messages
    replaceResults(messages, [
      { type: 'tool_result', tool_use_id: 'toolu_04', content: 'added 1 package' }
    ])
    expect(messages.at(-1)?.content).toEqual([
      { type: 'tool_result', tool_use_id: 'toolu_04', content: 'added 1 package' }
    ])
  })
})
