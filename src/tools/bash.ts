import { spawn } from 'node:child_process'
import { StringDecoder } from 'node:string_decoder'
import { inputObject, optionalInteger, optionalString, requiredString } from './input.js'
import type { Tool, ToolContext, ToolResult } from './tool.js'
import { HeadTailBuffer } from './truncate.js'

export const DEFAULT_BASH_TIMEOUT_MS = 120_000
export const MAX_BASH_TIMEOUT_MS = 600_000
/** Output beyond this keeps its first and last halves. */
export const MAX_BASH_OUTPUT_CHARS = 30_000
/** Between SIGTERM and SIGKILL when a command is stopped. */
const KILL_GRACE_MS = 2_000
/** How long to wait for the pipes to close once the shell has exited. */
const DRAIN_MS = 500

export interface BashInput {
  command: string
  timeout?: number
  description?: string
}

export const bashTool: Tool<BashInput> = {
  name: 'Bash',
  description:
    'Runs a command line with bash in the workspace root; returns stdout and stderr ' +
    'interleaved, and the exit code. Every call is a fresh shell: cd and variables do not ' +
    'carry over, stdin is closed, processes left in the background are killed when it ends. ' +
    'Each command in the line must be allowed by the policy. Use Read, Glob, Grep and Edit ' +
    'rather than cat, find, grep or sed. Long output keeps its head and tail.',
  inputSchema: {
    type: 'object',
    properties: {
      command: { type: 'string', description: 'The command line to run.' },
      timeout: {
        type: 'integer',
        minimum: 1,
        maximum: MAX_BASH_TIMEOUT_MS,
        description: `Milliseconds before the command is killed (default ${DEFAULT_BASH_TIMEOUT_MS}, at most ${MAX_BASH_TIMEOUT_MS}).`
      },
      description: {
        type: 'string',
        description: 'What the command does, in a few words (shown in the session log).'
      }
    },
    required: ['command'],
    additionalProperties: false
  },
  readOnly: false,
  parse(raw) {
    const input = inputObject(raw, 'Bash', ['command', 'timeout', 'description'])
    return {
      command: requiredString(input, 'command', { nonEmpty: true }),
      timeout: optionalInteger(input, 'timeout', { min: 1, max: MAX_BASH_TIMEOUT_MS }),
      description: optionalString(input, 'description')
    }
  },
  execute: runBash
}

type Ending =
  | { kind: 'exit'; code: number }
  | { kind: 'signal'; signal: string }
  | { kind: 'timeout'; ms: number }
  | { kind: 'aborted' }

async function runBash(input: BashInput, context: ToolContext): Promise<ToolResult> {
  context.signal.throwIfAborted()
  const timeoutMs = input.timeout ?? DEFAULT_BASH_TIMEOUT_MS
  const output = new HeadTailBuffer(MAX_BASH_OUTPUT_CHARS / 2, MAX_BASH_OUTPUT_CHARS / 2)
  // detached: the shell (or the isolation's unshare) leads a new process group, so a timeout can
  // kill everything it started (`sleep 999 &`, a test runner's workers), not only the shell. In a
  // PID namespace, `unshare --kill-child` takes the namespace's init, and so every process in it,
  // down with it, including those that left the group.
  const [file, ...args] = context.isolation.wrap(['bash', '-c', input.command], context.childEnv)
  if (file === undefined) throw new Error('the isolation produced an empty command')
  const child = spawn(file, args, {
    cwd: context.workspace,
    env: context.childEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const pid = child.pid
  const killGroup = (signal: NodeJS.Signals): void => {
    if (pid === undefined) return
    try {
      process.kill(-pid, signal)
    } catch {
      // ESRCH: the group is already gone.
    }
  }

  for (const stream of [child.stdout, child.stderr]) {
    const decoder = new StringDecoder('utf8')
    stream.on('data', (chunk: Buffer) => output.push(decoder.write(chunk)))
    stream.on('end', () => output.push(decoder.end()))
  }
  const closed = new Promise<void>(resolve => child.once('close', () => resolve()))

  let stoppedBy: 'timeout' | 'aborted' | undefined
  let killTimer: NodeJS.Timeout | undefined
  const stop = (reason: 'timeout' | 'aborted'): void => {
    if (stoppedBy !== undefined) return
    stoppedBy = reason
    killGroup('SIGTERM')
    killTimer = setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS)
  }
  const timer = setTimeout(() => stop('timeout'), timeoutMs)
  const onAbort = (): void => stop('aborted')
  context.signal.addEventListener('abort', onAbort, { once: true })

  let ending: Ending
  try {
    const exit = await new Promise<{ code: number | null; signal: string | null }>(
      (resolve, reject) => {
        child.once('error', reject)
        child.once('exit', (code, signal) => resolve({ code, signal }))
      }
    )
    // Nothing the command started may outlive it: stop what is left of its group, and do not
    // wait forever for pipes a runaway grandchild (one that left the group) holds open.
    killGroup('SIGTERM')
    if (!(await settlesWithin(closed, DRAIN_MS))) {
      killGroup('SIGKILL')
      if (!(await settlesWithin(closed, DRAIN_MS))) {
        child.stdout.destroy()
        child.stderr.destroy()
      }
    }
    if (stoppedBy === 'timeout') ending = { kind: 'timeout', ms: timeoutMs }
    else if (stoppedBy === 'aborted') ending = { kind: 'aborted' }
    else if (exit.code !== null) ending = { kind: 'exit', code: exit.code }
    else ending = { kind: 'signal', signal: exit.signal ?? 'unknown' }
  } finally {
    clearTimeout(timer)
    clearTimeout(killTimer)
    context.signal.removeEventListener('abort', onAbort)
  }

  const text = output.toString()
  const body = text.length === 0 ? '(no output)\n' : text.endsWith('\n') ? text : `${text}\n`
  switch (ending.kind) {
    case 'exit':
      return { content: `${body}Exit code: ${ending.code}`, is_error: ending.code !== 0 }
    case 'signal':
      return { content: `${body}Killed by signal ${ending.signal}`, is_error: true }
    case 'timeout':
      return {
        content: `${body}Killed after ${ending.ms} ms (timeout). Pass a larger timeout (at most ${MAX_BASH_TIMEOUT_MS}) if the command needs longer.`,
        is_error: true
      }
    case 'aborted':
      return { content: `${body}Killed: the run was cancelled.`, is_error: true }
  }
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<boolean>(resolve => {
    timer = setTimeout(() => resolve(false), ms)
  })
  try {
    return await Promise.race([promise.then(() => true), timeout])
  } finally {
    clearTimeout(timer)
  }
}
