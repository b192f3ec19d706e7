import { existsSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { UserError } from '../errors.js'
import { lazyModelClient, type ModelClient } from '../agent/model-client.js'
import { runTask } from '../agent/run-task.js'
import { DEFAULT_MODEL } from '../agent/pricing.js'
import { DEFAULT_POLICY, loadPolicyFile } from '../policy/load.js'
import { TASK_NAMES, type Policy, type TaskName } from '../policy/types.js'
import { defaultSessionPath } from '../session/paths.js'
import { readSession } from '../session/reader.js'
import { collectSecrets } from '../sandbox/secrets.js'

/** `claw run`: the agent on a local directory. Everything is checked before anything runs. */
export interface RunFlags {
  prompt?: string
  dir?: string
  task?: string
  policy?: string
  model?: string
  'max-turns'?: string
  session?: string
  replay?: string
}

/** The one JSON object printed as the last line on stdout. */
export interface RunSummary {
  status: string
  turns: number
  usage: {
    input_tokens: number
    output_tokens: number
    cache_read_input_tokens: number
    cache_creation_input_tokens: number
  }
  cost_usd: number
  session: string
}

const MODEL_NAME = /^[a-z0-9][a-z0-9._:@-]*$/i
/** Where `claw run` looks for a policy when --policy is not given. */
export const POLICY_PATH_IN_REPO = join('.github', 'claw.yml')

export async function runCommand(
  flags: RunFlags,
  io: { env: NodeJS.ProcessEnv; log: (line: string) => void; signal?: AbortSignal }
): Promise<{ exitCode: number; summary: RunSummary }> {
  const dir = resolve(flags.dir ?? '.')
  if (!existsSync(dir)) throw new UserError(`--dir ${dir}: no such directory`)
  if (!statSync(dir).isDirectory()) throw new UserError(`--dir ${dir}: not a directory`)

  const task = parseTask(flags.task)
  const maxTurns = parseMaxTurns(flags['max-turns'])
  const policy = choosePolicy(flags.policy, dir)
  const replay = flags.replay ? readSession(resolve(flags.replay)) : undefined

  const prompt = flags.prompt ?? replay?.header.prompt
  if (!prompt || !prompt.trim()) {
    throw new UserError(
      '--prompt is required: say what the agent should do, e.g. --prompt "fix the failing test"'
    )
  }
  const modelName = flags.model ?? replay?.header.model ?? DEFAULT_MODEL
  if (!MODEL_NAME.test(modelName)) {
    throw new UserError(`--model "${modelName}" is not a model name (e.g. ${DEFAULT_MODEL})`)
  }

  let model: ModelClient
  let apiKey: string | undefined
  if (replay) {
    const { ReplayClient } = await import('../agent/replay-client.js')
    model = ReplayClient.fromSession(replay)
  } else {
    apiKey = io.env.ANTHROPIC_API_KEY
    if (!apiKey) {
      throw new UserError(
        'ANTHROPIC_API_KEY is not set: export your Anthropic API key, or pass --replay FILE to play back a recorded session'
      )
    }
    // Loaded only when needed: a replay (the demo, tests) never pays for the SDK's start-up.
    const key = apiKey
    model = lazyModelClient(async () => {
      const { createAnthropicClient } = await import('../agent/anthropic-client.js')
      return createAnthropicClient({ apiKey: key, baseURL: io.env.ANTHROPIC_BASE_URL, log: io.log })
    })
  }

  const sessionPath = flags.session ? resolve(flags.session) : defaultSessionPath(dir, io.env)
  io.log(
    `claw: ${task} in ${dir} with ${modelName}${replay ? ' (replay)' : ''}; policy: ${policy.source}`
  )
  io.log(`claw: session: ${sessionPath}`)
  const result = await runTask({
    workspace: dir,
    task,
    prompt,
    policy,
    model,
    modelName,
    sessionPath,
    limits: maxTurns === undefined ? {} : { maxTurns },
    // The user's shell may hold more than the API key (a GITHUB_TOKEN, cloud keys): a tool that
    // reads its parent's environment must not show them to the model or the transcript either.
    secrets: collectSecrets(io.env, [apiKey]),
    repository: basename(dir),
    event: 'cli',
    log: io.log,
    signal: io.signal,
    env: io.env,
    smallHeap: true
  })
  return {
    exitCode: result.status === 'success' ? 0 : 1,
    summary: {
      status: result.status,
      turns: result.turns,
      usage: { ...result.usage },
      cost_usd: Number(result.costUsd.toFixed(6)),
      session: result.sessionPath
    }
  }
}

function parseTask(value: string | undefined): TaskName {
  if (value === undefined) return 'fix'
  if ((TASK_NAMES as readonly string[]).includes(value)) return value as TaskName
  throw new UserError(`--task "${value}" is not a task (expected one of ${TASK_NAMES.join(', ')})`)
}

function parseMaxTurns(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const turns = Number(value)
  if (!/^\d+$/.test(value) || !Number.isInteger(turns) || turns < 1) {
    throw new UserError(`--max-turns "${value}" must be a positive whole number`)
  }
  return turns
}

/** --policy FILE, else the repository's .github/claw.yml, else the built-in read-only default. */
function choosePolicy(file: string | undefined, dir: string): Policy {
  if (file) return loadPolicyFile(resolve(file))
  const inRepo = join(dir, POLICY_PATH_IN_REPO)
  if (existsSync(inRepo)) return loadPolicyFile(inRepo)
  return DEFAULT_POLICY
}
