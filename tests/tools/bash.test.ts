import { spawnSync } from 'node:child_process'
import { randomInt } from 'node:crypto'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { childEnvironment } from '../../src/sandbox/child-env.js'
import { detectIsolation, type Isolation } from '../../src/sandbox/isolation.js'
import { bashTool } from '../../src/tools/bash.js'
import { ToolInputError } from '../../src/tools/tool.js'
import { makeContext, makeWorkspace, removeDir } from './helpers.js'

/** Alive and not a zombie (a container's PID 1 may never reap an orphan). */
async function processAlive(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
    return !/^\d+ \(.*\) Z/.test(stat)
  } catch {
    return false
  }
}

describe('Bash', () => {
  let workspace: string
  beforeEach(async () => {
    workspace = await makeWorkspace({ 'hello.txt': 'hi\n' })
  })
  afterEach(async () => {
    await removeDir(workspace)
  })

  const run = (input: unknown, overrides = {}) =>
    bashTool.execute(bashTool.parse(input), makeContext(workspace, overrides))

  it('runs in the workspace and states the exit code', async () => {
    const result = await run({ command: 'cat hello.txt; pwd' })
    expect(result.content).toBe(`hi\n${workspace}\nExit code: 0`)
    expect(result.is_error).toBe(false)
  })

  it('reports a non-zero exit as an error, with stderr interleaved', async () => {
    const result = await run({ command: 'echo out; echo err >&2; exit 3' })
    expect(result.content).toContain('out\n')
    expect(result.content).toContain('err\n')
    expect(result.content.endsWith('Exit code: 3')).toBe(true)
    expect(result.is_error).toBe(true)
  })

  it('says when there was no output', async () => {
    expect((await run({ command: 'true' })).content).toBe('(no output)\nExit code: 0')
  })

  it('closes stdin', async () => {
    const result = await run({ command: 'cat; echo done' })
    expect(result.content).toBe('done\nExit code: 0')
  })

  it('keeps head and tail of long output', async () => {
    const result = await run({
      command: 'echo START; for i in $(seq 1 20000); do echo line-$i; done; echo END'
    })
    expect(result.content.length).toBeLessThan(31_000)
    expect(result.content).toMatch(/^START\n/)
    expect(result.content).toMatch(/END\nExit code: 0$/)
    expect(result.content).toMatch(/\[\.\.\. \d+ characters cut \.\.\.\]/)
  })

  it('kills the whole process group on timeout', async () => {
    const pidFile = path.join(workspace, 'bg.pid')
    const started = Date.now()
    const result = await run({
      command: `sleep 30 & echo $! > ${pidFile}; echo started; sleep 30`,
      timeout: 500
    })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(result.is_error).toBe(true)
    expect(result.content).toContain('started')
    expect(result.content).toContain('Killed after 500 ms (timeout)')
    const pid = Number((await readFile(pidFile, 'utf8')).trim())
    expect(pid).toBeGreaterThan(0)
    expect(await processAlive(pid)).toBe(false)
  })

  it('does not leave background processes behind after a normal exit', async () => {
    const pidFile = path.join(workspace, 'bg.pid')
    const result = await run({ command: `sleep 30 >/dev/null 2>&1 & echo $! > ${pidFile}` })
    expect(result.content).toBe('(no output)\nExit code: 0')
    const pid = Number((await readFile(pidFile, 'utf8')).trim())
    expect(await processAlive(pid)).toBe(false)
  })

  it('stops when the signal aborts', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 300)
    const result = await run({ command: 'sleep 30' }, { signal: controller.signal })
    expect(result.is_error).toBe(true)
    expect(result.content).toContain('cancelled')
  })

  it('runs with the scrubbed environment, not the parent one', async () => {
    const childEnv = childEnvironment({
      PATH: process.env.PATH,
      HOME: '/home/runner',
      ANTHROPIC_API_KEY: 'sk-ant-fake-key-000000000000',
      'INPUT_GITHUB-TOKEN': 'ghs_faketoken',
      GITHUB_TOKEN: 'ghs_other',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
      ACTIONS_RUNTIME_TOKEN: 'runtime'
    })
    const result = await run({ command: 'env' }, { childEnv })
    expect(result.content).toContain('HOME=/home/runner')
    expect(result.content).toContain('GIT_TERMINAL_PROMPT=0')
    for (const leaked of ['sk-ant-fake', 'ghs_faketoken', 'ghs_other', 'oidc', 'runtime']) {
      expect(result.content).not.toContain(leaked)
    }
    expect(result.content).not.toMatch(/ANTHROPIC|INPUT_|ACTIONS_|GITHUB_TOKEN/)
  })

  it('validates its input', () => {
    expect(() => bashTool.parse({})).toThrow(ToolInputError)
    expect(() => bashTool.parse({ command: '' })).toThrow(/must not be empty/)
    expect(() => bashTool.parse({ command: 'ls', timeout: 700_000 })).toThrow(/at most 600000/)
    expect(() => bashTool.parse({ command: 'ls', cwd: '/' })).toThrow(/no field "cwd"/)
    expect(bashTool.parse({ command: 'ls', timeout: '1000' })).toEqual({
      command: 'ls',
      timeout: 1000,
      description: undefined
    })
  })
})

/** Host PIDs of live processes whose command line contains `marker`. */
async function processesWith(marker: string): Promise<number[]> {
  const found: number[] = []
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const cmdline = (await readFile(`/proc/${entry}/cmdline`, 'utf8')).replace(/\0/g, ' ')
      if (cmdline.includes(marker) && (await processAlive(Number(entry)))) found.push(Number(entry))
    } catch {
      // Gone.
    }
  }
  return found
}

// Independent of the code under test: does this machine give us any namespace at all?
const namespaceWorks =
  spawnSync('unshare', ['--user', '--map-root-user', '--pid', '--fork', '--mount-proc', 'true'])
    .status === 0 ||
  (process.getuid?.() === 0 &&
    spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true']).status === 0)
const inNamespace = namespaceWorks ? it : it.skip
const skipNote = namespaceWorks ? '' : ' (skipped: no PID namespace on this machine)'

describe('Bash in a PID namespace', () => {
  let isolation: Isolation
  let workspace: string
  beforeAll(async () => {
    isolation = await detectIsolation({ network: false, env: childEnvironment() })
  })
  beforeEach(async () => {
    workspace = await makeWorkspace()
  })
  afterEach(async () => {
    await removeDir(workspace)
  })
  const run = (command: string, timeout?: number) =>
    bashTool.execute(bashTool.parse({ command, timeout }), makeContext(workspace, { isolation }))

  // `setsid` takes the sleep out of the process group, where a group kill cannot reach it: only
  // the end of the namespace's init does. (The short waits let setsid run before the shell ends.)
  inNamespace(
    `kills everything inside on timeout, even what left the group${skipNote}`,
    async () => {
      expect(isolation.level).not.toBe('none')
      const marker = `${randomInt(100_000, 999_999)}.5`
      const started = Date.now()
      const result = await run(
        `setsid sleep ${marker} & sleep ${marker} & echo started; sleep 30`,
        500
      )
      expect(Date.now() - started).toBeLessThan(10_000)
      expect(result.content).toContain('started')
      expect(result.content).toContain('Killed after 500 ms (timeout)')
      expect(await processesWith(`sleep ${marker}`)).toEqual([])
    }
  )

  inNamespace(`leaves nothing behind after a normal exit${skipNote}`, async () => {
    const marker = `${randomInt(100_000, 999_999)}.5`
    const result = await run(`setsid sleep ${marker} >/dev/null 2>&1 & sleep 0.3; echo "pid=$$"`)
    expect(result.content).toBe('pid=1\nExit code: 0')
    expect(await processesWith(`sleep ${marker}`)).toEqual([])
  })

  it('control: without a namespace, a process that left the group outlives the command', async () => {
    const marker = `${randomInt(100_000, 999_999)}.5`
    await bashTool.execute(
      bashTool.parse({ command: `setsid sleep ${marker} >/dev/null 2>&1 & sleep 0.3` }),
      makeContext(workspace)
    )
    const left = await processesWith(`sleep ${marker}`)
    expect(left).toHaveLength(1)
    for (const pid of left) process.kill(pid, 'SIGKILL')
  })
})
