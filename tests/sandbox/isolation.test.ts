import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readlinkSync } from 'node:fs'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import type { ModelClient, ModelRequest, ModelResponse } from '../../src/agent/model-client.js'
import { runTask } from '../../src/agent/run-task.js'
import { parsePolicy } from '../../src/policy/load.js'
import type { Rules } from '../../src/policy/types.js'
import { childEnvironment } from '../../src/sandbox/child-env.js'
import {
  IsolationUnavailableError,
  NO_ISOLATION,
  detectIsolation,
  isolationForRun,
  sharedIsolationDetector,
  type Isolation,
  type NamespaceLevel
} from '../../src/sandbox/isolation.js'
import { readSession } from '../../src/session/reader.js'
import { renderSessionMarkdown } from '../../src/session/render.js'
import { bashTool } from '../../src/tools/bash.js'
import { makeContext, makeWorkspace, removeDir } from '../tools/helpers.js'

const isRoot = process.getuid?.() === 0
const works = (argv: string[]): boolean => spawnSync(argv[0] as string, argv.slice(1)).status === 0
const namespaces = ['--pid', '--fork', '--mount-proc', '--net', '--kill-child', 'true']

/** Which mechanism this machine has, probed independently of the code under test. */
const AVAILABLE: Record<NamespaceLevel, string | undefined> = {
  'user-namespace': works(['unshare', '--user', '--map-root-user', ...namespaces])
    ? undefined
    : 'unprivileged user namespaces do not work here',
  'root-namespace': !isRoot
    ? 'not running as root'
    : works(['unshare', ...namespaces])
      ? undefined
      : 'unshare does not work here',
  'sudo-namespace': isRoot
    ? 'running as root (sudo is never used by root)'
    : works(['sudo', '-n', 'unshare', ...namespaces])
      ? undefined
      : 'no passwordless sudo with unshare here'
}

const BASH_RULES: Rules = {
  read: { allow: ['**'], ask: [], deny: [] },
  write: { allow: [], ask: [], deny: [] },
  bash: { allow: ['true'], ask: [], deny: [] },
  network: false
}

/**
 * Runs `command` the way the action runs Bash, under a parent that holds a secret in its own
 * environment (as the action's node process holds its inputs): the parent is a shell started
 * with the canary, and the command gets only the filtered child environment. Returns stdout.
 */
function runUnderSecretParent(
  isolation: Isolation,
  canary: { name: string; value: string },
  command: string
): Promise<string> {
  const childEnv = childEnvironment()
  const entries = Object.entries(childEnv).map(([name, value]) => `${name}=${value ?? ''}`)
  const inner = isolation.wrap(['bash', '-c', command], childEnv)
  return new Promise((resolve, reject) => {
    // `; :` keeps the holder alive as the command's parent (no exec of the last command).
    const holder = spawn('sh', ['-c', '"$@"; :', 'holder', 'env', '-i', ...entries, ...inner], {
      env: { ...childEnv, [canary.name]: canary.value },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    holder.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    holder.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
    holder.once('error', reject)
    holder.once('close', () => resolve(out))
  })
}

describe('detectIsolation', () => {
  it('finds a mechanism on this machine, or says what it tried', async () => {
    const isolation = await detectIsolation({ network: false, env: childEnvironment() })
    const expected = (['user-namespace', 'root-namespace', 'sudo-namespace'] as const).find(
      level => AVAILABLE[level] === undefined
    )
    expect(isolation.level).toBe(expected ?? 'none')
    if (expected) expect(isolation.network).toBe('isolated')
    else expect(isolation.detail).toMatch(/^nothing available \(user-namespace: /)
  })

  it('finds nothing when unshare is not on PATH, and says so', async () => {
    const bin = await binWithout('unshare')
    const isolation = await detectIsolation({ network: false, env: { PATH: bin.dir } })
    expect(isolation.level).toBe('none')
    expect(isolation.network).toBe('host')
    expect(isolation.detail).toMatch(
      /^nothing available \(user-namespace[^;]*: unshare not found on PATH/
    )
    expect(isolation.wrap(['bash', '-c', 'x'])).toEqual(['bash', '-c', 'x'])
    await bin.remove()
  })

  it('ignores relative PATH entries (a workspace file must not stand in for unshare)', async () => {
    // A planted `unshare` that only prints what a working one would.
    const bin = await binWithout('unshare')
    const fake = path.join(bin.dir, 'unshare')
    await writeFile(
      fake,
      '#!/bin/sh\nprintf "pid=1\\nUid:\\t0\\t0\\t0\\t0\\nCapPrm:\\t0\\nCapEff:\\t0\\nCapBnd:\\t0\\n' +
        '--claw-net--\\n    lo: 0 0\\n"\n',
      { mode: 0o755 }
    )
    const found = await detectIsolation({ network: false, env: { PATH: bin.dir } })
    expect(found.level).toBe('user-namespace')

    const relative = path.relative(process.cwd(), bin.dir)
    expect(existsSync(path.join(relative, 'unshare'))).toBe(true)
    const ignored = await detectIsolation({ network: false, env: { PATH: relative } })
    expect(ignored.level).toBe('none')
    expect(ignored.detail).toContain('unshare not found on PATH')
    await bin.remove()
  })
})

describe.each(['user-namespace', 'root-namespace', 'sudo-namespace'] as const)('%s', level => {
  const skipReason = AVAILABLE[level]
  const test = skipReason === undefined ? it : it.skip
  const note = skipReason === undefined ? '' : ` (skipped: ${skipReason})`
  let offline: Isolation
  let online: Isolation
  let workspace: string
  beforeAll(async () => {
    if (skipReason !== undefined) return
    offline = await detectIsolation({ network: false, env: childEnvironment(), levels: [level] })
    online = await detectIsolation({ network: true, env: childEnvironment(), levels: [level] })
  })
  beforeEach(async () => {
    workspace = await makeWorkspace({ 'hello.txt': 'hi\n' })
  })
  afterEach(async () => {
    await removeDir(workspace)
  })
  const bash = (isolation: Isolation, command: string, timeout?: number) =>
    bashTool.execute(bashTool.parse({ command, timeout }), makeContext(workspace, { isolation }))

  test(`is detected and proved${note}`, () => {
    expect(offline.level).toBe(level)
    expect(offline.network).toBe('isolated')
    expect(online.level).toBe(level)
    expect(online.network).toBe('host')
  })

  test(`runs the command as PID 1 and shows it only its own processes${note}`, async () => {
    const result = await bash(
      offline,
      'echo "pid=$$"; for p in /proc/[0-9]*; do tr "\\0" " " < $p/cmdline; echo; done; cat hello.txt'
    )
    expect(result.content).toMatch(/^pid=1\n/)
    expect(result.content).toContain('hi\nExit code: 0')
    // The test runner (our parent) and every other host process are out of sight.
    expect(result.content).not.toMatch(/jest|node /)
    const listed = result.content.split('\n').filter(line => line.trim() !== '').length
    expect(listed).toBeLessThan(8)
  })

  test(`keeps the parent's environment unreadable, even after umount /proc${note}`, async () => {
    const canary = {
      name: `CLAW_CANARY_SECRET_${randomBytes(4).toString('hex').toUpperCase()}`,
      value: `canary-${randomBytes(12).toString('hex')}`
    }
    // The canary is dropped by the child environment, so only /proc could show it.
    expect(childEnvironment({ [canary.name]: canary.value })).not.toHaveProperty(canary.name)
    const find =
      'cat /proc/$PPID/environ 2>/dev/null | tr "\\0" "\\n"; ' +
      'cat /proc/[0-9]*/environ 2>/dev/null | tr "\\0" "\\n"; echo "ppid=$PPID"'

    // Control: without isolation the command reads it from its parent, so the check can fail.
    const exposed = await runUnderSecretParent(NO_ISOLATION, canary, find)
    expect(exposed).toContain(`${canary.name}=${canary.value}`)

    const hidden = await runUnderSecretParent(offline, canary, find)
    expect(hidden).toContain('ppid=0')
    expect(hidden).not.toContain(canary.value)

    // Root of a user namespace could unmount the namespace's /proc and find the host's below:
    // without capabilities it cannot. Guarded so that a broken isolation never unmounts the
    // machine's /proc.
    const hostMounts = readlinkSync('/proc/self/ns/mnt')
    const escape =
      `if [ "$(readlink /proc/self/ns/mnt)" != "${hostMounts}" ]; then umount /proc; ` +
      `else echo SAME-MOUNT-NAMESPACE; fi; ${find}`
    const afterUmount = await runUnderSecretParent(offline, canary, escape)
    expect(afterUmount).not.toContain('SAME-MOUNT-NAMESPACE')
    expect(afterUmount).toMatch(/umount: \/proc: .*(superuser|permitted|denied)/)
    expect(afterUmount).not.toContain(canary.value)
  })

  describe('network', () => {
    let server: Server
    let port: number
    beforeAll(async () => {
      server = createServer((_request, response) => response.end('pong'))
      await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
      port = (server.address() as AddressInfo).port
    })
    afterAll(async () => {
      await new Promise(resolve => server.close(resolve))
    })
    const connect = () =>
      `exec 3<>/dev/tcp/127.0.0.1/${port} && printf 'GET / HTTP/1.0\\r\\n\\r\\n' >&3 && cat <&3`

    test(`is cut off with network: false, and there with network: true${note}`, async () => {
      const cut = await bash(offline, connect())
      expect(cut.is_error).toBe(true)
      expect(cut.content).toMatch(/Network is unreachable|Connection refused/)
      expect(cut.content).not.toContain('pong')

      const open = await bash(online, connect())
      expect(open.content).toContain('pong')
      expect(open.is_error).toBe(false)
    })
  })
})

describe('isolationForRun', () => {
  const neverRun = (): Promise<never> => Promise.reject(new Error('the probe must not run'))

  it('does not probe with isolation: off', async () => {
    const isolation = await isolationForRun({ mode: 'off', rules: BASH_RULES, run: neverRun })
    expect(isolation).toMatchObject({ level: 'none', detail: 'off in the policy (isolation: off)' })
  })

  it('does not probe when the task allows no Bash, even when isolation is required', async () => {
    const rules = { ...BASH_RULES, bash: { allow: [], ask: [], deny: ['*'] } }
    const isolation = await isolationForRun({ mode: 'required', rules, run: neverRun })
    expect(isolation).toMatchObject({ level: 'none', detail: 'no Bash allowed' })
  })

  it('probes when Bash is only asked for', async () => {
    const rules = { ...BASH_RULES, bash: { allow: [], ask: ['npm install *'], deny: [] } }
    const bin = await binWithout('unshare')
    await expect(
      isolationForRun({ mode: 'required', rules, env: { PATH: bin.dir } })
    ).rejects.toThrow(IsolationUnavailableError)
    await bin.remove()
  })

  it('fails closed with isolation: required when nothing is available', async () => {
    const bin = await binWithout('unshare')
    const error = await isolationForRun({
      mode: 'required',
      rules: BASH_RULES,
      env: { PATH: bin.dir }
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(IsolationUnavailableError)
    const message = (error as Error).message
    expect(message.split('\n')).toHaveLength(1)
    expect(message).toMatch(/^the policy says isolation: required, but Bash cannot be isolated/)
    expect(message).toMatch(/user-namespace[^;]*: unshare not found on PATH/)
    expect(message).toContain('set isolation: preferred')
    await bin.remove()
  })

  it('runs without isolation with isolation: preferred when nothing is available', async () => {
    const bin = await binWithout('unshare')
    const isolation = await isolationForRun({
      mode: 'preferred',
      rules: BASH_RULES,
      env: { PATH: bin.dir }
    })
    expect(isolation.level).toBe('none')
    await bin.remove()
  })
})

describe('sharedIsolationDetector', () => {
  it('probes once per network rule and PATH, and isolationForRun takes its answer', async () => {
    const probed: string[] = []
    const run = (argv: string[], env: NodeJS.ProcessEnv) => {
      probed.push(`${String(env.PATH)} ${argv.includes('--net') ? 'net' : 'host'}`)
      return Promise.resolve({ code: 1, stdout: '', stderr: 'refused' })
    }
    const bin = await binWithout('sudo')
    const detect = sharedIsolationDetector({ run, levels: ['user-namespace'] })
    const early = detect({ network: false, env: { PATH: bin.dir } })
    const later = await isolationForRun({
      mode: 'preferred',
      rules: BASH_RULES,
      env: { PATH: bin.dir },
      detect
    })
    expect(later).toBe(await early)
    expect(later.level).toBe('none')
    expect(probed).toEqual([`${bin.dir} net`, `${bin.dir} host`])

    await isolationForRun({
      mode: 'preferred',
      rules: { ...BASH_RULES, network: true },
      env: { PATH: bin.dir },
      detect
    })
    expect(probed).toEqual([`${bin.dir} net`, `${bin.dir} host`, `${bin.dir} host`])
    await bin.remove()
  })
})

describe('runTask and isolation', () => {
  let workspace: string
  let sessionDir: string
  beforeEach(async () => {
    workspace = await makeWorkspace({ 'hello.txt': 'hi\n' })
    sessionDir = await makeWorkspace()
  })
  afterEach(async () => {
    await removeDir(workspace)
    await removeDir(sessionDir)
  })

  const policy = (isolation: string) =>
    parsePolicy(
      `version: 1\nisolation: ${isolation}\ndefaults:\n  bash: { allow: ['echo *', 'cat *'] }\n`,
      'claw.yml'
    )

  it('fails closed before any model request when isolation is required and unavailable', async () => {
    const bin = await binWithout('unshare')
    const model = scriptedModel([])
    const sessionPath = path.join(sessionDir, 'session.jsonl')
    const lines: string[] = []
    await expect(
      runTask({
        ...taskBase(workspace, sessionPath, model),
        policy: policy('required'),
        env: { PATH: bin.dir, HOME: workspace },
        log: line => lines.push(line)
      })
    ).rejects.toThrow(/isolation: required, but Bash cannot be isolated.*unshare not found/)
    expect(model.requests).toHaveLength(0)
    expect(existsSync(sessionPath)).toBe(false)
    await bin.remove()
  })

  const anyLevel = Object.values(AVAILABLE).some(reason => reason === undefined)
  ;(anyLevel ? it : it.skip)(
    `records the isolation in the session and runs Bash inside it${anyLevel ? '' : ' (skipped: no isolation on this machine)'}`,
    async () => {
      const model = scriptedModel([
        toolUse('echo "pid=$$"; cat hello.txt'),
        { type: 'text', text: 'done' }
      ])
      const sessionPath = path.join(sessionDir, 'session.jsonl')
      const lines: string[] = []
      const result = await runTask({
        ...taskBase(workspace, sessionPath, model),
        policy: policy('required'),
        log: line => lines.push(line)
      })
      expect(result.status).toBe('success')
      const session = readSession(sessionPath)
      expect(session.header.isolation).toMatchObject({ network: 'isolated' })
      expect(session.header.isolation?.level).not.toBe('none')
      const toolResult = session.events.find(event => event.type === 'tool_result')
      expect(toolResult).toMatchObject({ content: 'pid=1\nhi\nExit code: 0' })
      expect(lines).toContainEqual(
        expect.stringMatching(/^claw: Bash isolation: [a-z]+-namespace, network isolated \(/)
      )
      expect(renderSessionMarkdown(session)).toMatch(
        /\| Bash isolation \| [a-z]+-namespace, network isolated: /
      )
    }
  )
})

function taskBase(workspace: string, sessionPath: string, model: ModelClient) {
  return {
    workspace,
    task: 'fix' as const,
    prompt: 'go',
    model,
    modelName: 'claude-sonnet-4-5',
    sessionPath,
    repository: 'test/repo',
    event: 'cli'
  }
}

type Block = ModelResponse['content'][number]

function toolUse(command: string): Block {
  return { type: 'tool_use', id: 'toolu_1', name: 'Bash', input: { command } }
}

/** Answers each request with the next block; records the requests. */
function scriptedModel(blocks: Block[]): ModelClient & { requests: ModelRequest[] } {
  const requests: ModelRequest[] = []
  return {
    requests,
    complete(request) {
      requests.push(request)
      const block = blocks[requests.length - 1] ?? { type: 'text', text: 'done' }
      return Promise.resolve({
        model: request.model,
        content: [block],
        stop_reason: block.type === 'tool_use' ? 'tool_use' : 'end_turn',
        usage: {
          input_tokens: 1,
          output_tokens: 1,
          cache_read_input_tokens: 0,
          cache_creation_input_tokens: 0
        }
      })
    }
  }
}

/** A PATH directory with links to the usual tools, except the one named: a real condition. */
async function binWithout(missing: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const root = await makeWorkspace()
  const dir = path.join(root, 'bin')
  await mkdir(dir)
  for (const tool of ['sh', 'bash', 'cat', 'env', 'setpriv', 'unshare', 'sudo', 'tr', 'id']) {
    if (tool === missing) continue
    const found = spawnSync('sh', ['-c', `command -v ${tool}`])
      .stdout.toString()
      .trim()
    if (found.startsWith('/')) await symlink(found, path.join(dir, tool))
  }
  return { dir, remove: () => removeDir(root) }
}
