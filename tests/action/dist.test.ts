/**
 * The bundled action, run the way a runner runs it: `node dist/index.js` and `node dist/post.js`
 * in a child process with the runner's environment and files (tests/fixtures/runner.ts).
 *
 * It runs the committed `dist/` (CI checks separately that `dist/` matches `src/`); set
 * CLAW_DIST_DIR to run a bundle built elsewhere.
 */
import { describe, expect, it } from '@jest/globals'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DIST_DIR, REPOSITORY_ROOT, runAction, type RunActionResult } from '../fixtures/runner.js'
import { startFakeAnthropic } from '../fixtures/fake-anthropic.mjs'
import { DEMO_PROMPT, demoSteps } from '../../scripts/scripted-tasks.mjs'
import { git } from '../../scripts/prepare-sample.mjs'

const WORKFLOW_DISPATCH = join(REPOSITORY_ROOT, 'tests/fixtures/payloads/workflow_dispatch.json')
const haveDist = existsSync(join(DIST_DIR, 'index.js')) && existsSync(join(DIST_DIR, 'post.js'))
const describeDist = haveDist ? describe : describe.skip
const title = haveDist
  ? `dist/ (${DIST_DIR})`
  : `dist/ (SKIPPED: ${DIST_DIR}/index.js or post.js is missing; run "npm run bundle")`

/** Lines of a stack trace, anywhere the user could see them. */
function stackLines(result: RunActionResult): string[] {
  return `${result.stdout}\n${result.stderr}`.split('\n').filter(line => /^\s+at /.test(line))
}

function commandLines(result: RunActionResult, command: string): string[] {
  return result.stdout.split('\n').filter(line => line.startsWith(`::${command}::`))
}

describeDist(title, () => {
  it('fails on an invalid input with one readable error line and no stack trace', async () => {
    const result = await runAction('index.js', {
      inputs: { 'max-turns': 'ten', prompt: 'Fix the typo.' },
      payload: WORKFLOW_DISPATCH
    })
    expect(result.exitCode).toBe(1)
    expect(commandLines(result, 'error')).toEqual([
      '::error::Input "max-turns" must be a positive whole number, got "ten".'
    ])
    expect(stackLines(result)).toEqual([])
    expect(result.outputs).toEqual({ conclusion: 'failure', task: '' })
    expect(result.summary).toContain('**claw** failed: Input "max-turns" must be')
  })

  it('ends as skipped, exit 0, when no prompt is given on an event claw does not plan from', async () => {
    const result = await runAction('index.js', { eventName: 'push', payload: WORKFLOW_DISPATCH })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toEqual({ conclusion: 'skipped', task: '' })
    expect(result.stdout).toMatch(/^claw: skipped\. No "prompt" input was given/m)
    expect(result.summary).toContain('**claw** skipped:')
    expect(commandLines(result, 'error')).toEqual([])
    expect(result.stderr).toBe('')
  })

  it('asks for the API key secret when a prompt is given without one', async () => {
    // The test process may have its own ANTHROPIC_API_KEY: the runner's clean environment must
    // not pass it on.
    const result = await runAction('index.js', {
      inputs: { prompt: 'Fix the typo.' },
      payload: WORKFLOW_DISPATCH
    })
    expect(result.exitCode).toBe(1)
    expect(commandLines(result, 'error')).toHaveLength(1)
    expect(commandLines(result, 'error')[0]).toMatch(
      /^::error::No Anthropic API key: .*secrets\.ANTHROPIC_API_KEY/
    )
    expect(result.outputs['conclusion']).toBe('failure')
  })

  it('masks the secrets before it prints anything else', async () => {
    const result = await runAction('index.js', {
      inputs: {
        'anthropic-api-key': 'sk-ant-dist-test',
        'github-token': 'ghs_dist_test',
        prompt: 'Fix the typo.'
      },
      payload: WORKFLOW_DISPATCH
    })
    const lines = result.stdout.split('\n').filter(line => !line.startsWith('::debug::'))
    const firstMask = lines.findIndex(line => line.startsWith('::add-mask::'))
    expect(lines.slice(firstMask, firstMask + 2).sort()).toEqual([
      '::add-mask::ghs_dist_test',
      '::add-mask::sk-ant-dist-test'
    ])
    expect(lines.slice(0, firstMask).every(line => line.startsWith('::group::'))).toBe(true)
  })

  it('runs the agent on the workspace with the prompt and reports it in outputs and summary', async () => {
    const fake = await startFakeAnthropic(demoSteps())
    try {
      const result = await runAction('index.js', {
        inputs: { 'anthropic-api-key': 'sk-ant-dist-test-key', prompt: DEMO_PROMPT },
        env: { ANTHROPIC_BASE_URL: fake.url },
        payload: WORKFLOW_DISPATCH,
        prepareWorkspace: workspace => {
          cpSync(join(REPOSITORY_ROOT, 'examples/demo/repo'), workspace, { recursive: true })
          git(workspace, 'init', '-q', '-b', 'main')
          git(workspace, 'add', '-A')
          git(workspace, 'commit', '-q', '-m', 'sample')
        },
        keep: true
      })
      try {
        expect(commandLines(result, 'error')).toEqual([])
        expect(result.exitCode).toBe(0)
        expect(result.outputs).toMatchObject({ conclusion: 'success', task: 'fix', turns: '7' })
        expect(Number(result.outputs['cost-usd'])).toBeGreaterThan(0)
        expect(Number(result.outputs['input-tokens'])).toBeGreaterThanOrEqual(0)
        expect(Number(result.outputs['output-tokens'])).toBeGreaterThan(0)
        // The transcript lies outside the workspace, where the post step was told to look.
        const sessionFile = result.outputs['session-file'] ?? ''
        expect(sessionFile.startsWith(`${result.runnerTemp}/claw/sessions/`)).toBe(true)
        expect(result.state['session-file']).toBe(sessionFile)
        const session = readFileSync(sessionFile, 'utf8')
        expect(session).toContain('"status":"success"')
        expect(session).not.toContain('sk-ant-dist-test-key')
        // The fix is in the workspace: the sample's tests pass now.
        expect(git(result.workspace, 'diff', '--stat')).toContain('src/parse.js')
        expect(result.summary).toContain('**claw** fix: success after 7 turns')
        expect(result.stdout).toContain('Bash npm test 2>&1 | tail -n 12 → deny (default: deny)')
        expect(stackLines(result)).toEqual([])
      } finally {
        result.cleanup()
      }
    } finally {
      await fake.close()
    }
  })

  it('post step: exits 0 quietly when the main step saved no state', async () => {
    const result = await runAction('post.js', { payload: WORKFLOW_DISPATCH })
    expect(result.exitCode).toBe(0)
    expect(commandLines(result, 'error')).toEqual([])
    expect(commandLines(result, 'warning')).toEqual([])
    expect(result.stderr).toBe('')
  })

  it('post step: says when the main step wrote no transcript', async () => {
    const result = await runAction('post.js', {
      payload: WORKFLOW_DISPATCH,
      state: { 'session-file': '/nonexistent/claw/session.jsonl' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain(
      'claw: no session transcript was written (expected at /nonexistent/claw/session.jsonl).'
    )
  })

  it('post step: says where the session transcript is', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'claw-dist-test-'))
    try {
      const sessionFile = join(folder, 'session.jsonl')
      writeFileSync(sessionFile, '{"type":"header"}\n')
      const result = await runAction('post.js', {
        payload: WORKFLOW_DISPATCH,
        state: { 'session-file': sessionFile }
      })
      expect(result.exitCode).toBe(0)
      expect(result.stdout).toContain(`claw: the session transcript is at ${sessionFile}`)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
