import { realpathSync } from 'node:fs'
import type { Message, ToolUseBlock, Usage } from './messages.js'
import type { ModelClient } from './model-client.js'
import { runAgent, type AgentResult, type ExecutedCall } from './loop.js'
import { prepareResume, replaceResults, type ResumeRequest } from './resume.js'
import { buildSystemPrompt } from './prompt.js'
import { costOf } from './pricing.js'
import { preferSmallHeap } from './heap.js'
import type { Decision, Policy, TaskName } from '../policy/types.js'
import { decide, canReadPath } from '../policy/decide.js'
import { rulesFor } from '../policy/rules.js'
import { loadShellParser, needsShellParser, shellParserLoaded } from '../policy/shell.js'
import { policyDigest } from '../policy/load.js'
import { toolDefinitions, toolsFor } from '../tools/registry.js'
import type { ReviewCollector } from '../tools/tool.js'
import { runToolCalls } from '../tools/run-tool.js'
import { childEnvironment } from '../sandbox/child-env.js'
import { describeIsolation, isolationForRun, type IsolationDetector } from '../sandbox/isolation.js'
import { createRedactor } from '../sandbox/redact.js'
import { SessionWriter } from '../session/writer.js'
import type { SessionEvent, WorkspaceEvent } from '../session/events.js'

/**
 * One agent run on a workspace, wired from its parts: policy, tools, model, session. Both entry
 * points (the action and `claw run`) call this; neither touches the loop's parts directly.
 */
export interface RunTaskOptions {
  /** The repository checkout the agent works in. */
  workspace: string
  task: TaskName
  /** The user's request. */
  prompt: string
  policy: Policy
  model: ModelClient
  modelName: string
  /** Where the JSONL transcript goes (outside the workspace). */
  sessionPath: string
  /** Overrides of the policy's limits (the action's inputs, the CLI's flags). */
  limits?: { maxTurns?: number; maxCostUsd?: number; timeoutMinutes?: number }
  /** Values that must never reach the model, the session or a log. */
  secrets?: string[]
  /** For the session header: `owner/name`, or the directory's name locally. */
  repository: string
  /** The GitHub event name, or `cli`. */
  event: string
  log?: (line: string) => void
  signal?: AbortSignal
  /** The environment child processes start from (filtered to an allow-list). */
  env?: NodeJS.ProcessEnv
  /**
   * Answers the isolation probe (src/sandbox/isolation.ts `sharedIsolationDetector`): the action
   * starts the probe while its GitHub requests are out and the run picks the answer up here.
   * Default: a probe of its own.
   */
  isolation?: IsolationDetector
  /** Injected clock for tests. */
  now?: () => number
  /** Called with each tool call and result the session records (a progress comment follows them). */
  onEvent?: (event: SessionEvent) => void
  /**
   * A pull request review: the model is offered ReviewComment as well, and its findings are
   * collected here for the caller to post.
   */
  review?: ReviewCollector
  /** A task that only reads (ask): Write and Edit are not offered, and calls to them are refused. */
  readOnly?: boolean
  /** Continue an earlier session instead of starting from `prompt` (src/agent/resume.ts). */
  resume?: ResumeRequest
  /**
   * Switch V8 to favour a small heap after the first model reply (src/agent/heap.ts). The entry
   * points set it; tests leave their process's V8 alone.
   */
  smallHeap?: boolean
  /** Puts the working tree back as a paused run left it, before a resumed run goes on. */
  restoreWorkspace?: (saved: WorkspaceEvent) => Promise<void>
  /** The working tree's changes, recorded when the run pauses for approval. */
  snapshotWorkspace?: () => Promise<WorkspaceEvent | undefined>
}

export interface RunTaskResult extends AgentResult {
  sessionPath: string
}

/**
 * How long a model request has to be under way before the shell parser is loaded meanwhile. It
 * blocks the process for about 50 ms: a reply that is already arriving would wait that long, one
 * that takes a model's usual seconds does not notice.
 */
export const LOAD_PARSER_AFTER_MS = 300

export async function runTask(options: RunTaskOptions): Promise<RunTaskResult> {
  const now = options.now ?? Date.now
  const workspace = realpathSync(options.workspace)
  const rules = rulesFor(options.policy, options.task)
  const redact = createRedactor(options.secrets ?? [])
  // Every progress line is redacted too: it can quote the model's text or a tool's input.
  const log = (line: string): void => options.log?.(redact(line))
  const childEnv = childEnvironment(options.env ?? process.env)
  // Probed before anything else: with `isolation: required` a run that cannot isolate Bash ends
  // here (IsolationUnavailableError), before a model request or a session file.
  const probing = isolationForRun({
    mode: options.policy.isolation,
    rules,
    env: childEnv,
    ...(options.isolation === undefined ? {} : { detect: options.isolation })
  })
  // The probe runs in child processes: load the model client meanwhile.
  const preparing = options.model.prepare?.()
  const isolation = await probing.catch(async (error: unknown) => {
    await preparing?.catch(() => {})
    throw error
  })
  await preparing
  log(`claw: Bash isolation: ${describeIsolation(isolation)}`)
  const session = SessionWriter.create(
    options.sessionPath,
    {
      task: options.task,
      repository: options.repository,
      event: options.event,
      model: options.modelName,
      policy_digest: policyDigest(options.policy),
      policy_source: options.policy.source,
      started_at: new Date(now()).toISOString(),
      prompt: options.prompt,
      isolation: {
        level: isolation.level,
        network: isolation.network,
        detail: isolation.detail
      }
    },
    { redact }
  )
  const record = (event: SessionEvent): void => {
    session.append(event)
    options.onEvent?.(event)
    if (event.type === 'tool_call') log(describeCall(event.tool, event.input, event.decision))
  }

  const offered = toolsFor({
    review: options.review !== undefined,
    readOnly: options.readOnly === true
  })
  const tools = new Map(offered.map(tool => [tool.name, tool] as const))
  // One context for the whole run: the files read in earlier turns stay known to Write and Edit.
  const toolContext = {
    workspace,
    readFiles: new Map<string, string>(),
    canRead: (relativePath: string) => canReadPath(rules, relativePath),
    childEnv,
    isolation,
    review: options.review
  }
  const limits = options.policy.limits
  const timeoutMinutes = options.limits?.timeoutMinutes ?? limits['timeout-minutes']
  let messages: Message[] = [{ role: 'user', content: redact(options.prompt) }]
  let alreadyRecorded = 0
  let approvedRules = new Set<string>()
  const decideCall = (tool: string, input: unknown): Decision => {
    const made = decide(options.policy, options.task, { tool, input }, workspace)
    // `/claw approve all`: later calls under the same `ask` rule need no second approval.
    if (made.decision === 'ask' && approvedRules.has(made.rule)) {
      return { ...made, decision: 'allow', rule: `approved: ${made.rule}` }
    }
    return made
  }
  const execute = async (
    calls: ToolUseBlock[],
    signal: AbortSignal | undefined,
    decideOne = decideCall
  ) => {
    if (calls.some(call => call.name === 'Bash' && needsShellParser(commandOf(call)))) {
      await loadShellParser()
    }
    return runToolCalls(calls, {
      tools,
      decide: decideOne,
      context: toolContext,
      redact,
      record,
      signal
    })
  }
  try {
    if (options.resume !== undefined) {
      const resumed = prepareResume(options.resume)
      for (const event of resumed.copied) session.append(event)
      const { approval, by } = options.resume
      record({
        type: 'resume',
        kind: approval ?? 'follow-up',
        by,
        ...(options.resume.request ? { request: options.resume.request } : {}),
        at: new Date(now()).toISOString()
      })
      if (resumed.workspace !== undefined) await options.restoreWorkspace?.(resumed.workspace)
      messages = resumed.messages
      alreadyRecorded = resumed.recorded
      if (approval === 'approve-all') approvedRules = new Set(resumed.pendingRules)
      if (approval === 'deny') {
        replaceResults(
          messages,
          resumed.pending.map(call => ({
            type: 'tool_result',
            tool_use_id: call.id,
            content: `A maintainer (@${by}) denied this call. Do not try it again; go on without it.`,
            is_error: true
          }))
        )
      } else if (approval !== undefined) {
        // Exactly the calls that waited run now, allowed by the maintainer's answer.
        const outcomes = await execute(resumed.pending, options.signal, (tool, input) => {
          const made = decide(options.policy, options.task, { tool, input }, workspace)
          if (made.decision !== 'ask') return made
          return { ...made, decision: 'allow', rule: `approved by @${by}: ${made.rule}` }
        })
        replaceResults(
          messages,
          outcomes.map(outcome => outcome.result)
        )
      }
    }
    const model = loadingParserMeanwhile(options.model)
    const result = await runAgent({
      model: options.smallHeap === true ? smallHeapAfterFirstReply(model) : model,
      modelName: options.modelName,
      // The repository's instruction files are text like any other: redacted before the model.
      system: redact(buildSystemPrompt({ task: options.task, workspace })),
      tools: toolDefinitions(offered),
      messages,
      alreadyRecorded,
      limits: {
        maxTurns: options.limits?.maxTurns ?? limits['max-turns'],
        maxCostUsd: options.limits?.maxCostUsd ?? limits['max-cost-usd'],
        deadline: now() + timeoutMinutes * 60_000
      },
      record,
      costOf: (model: string, usage: Usage) => costOf(model, usage),
      log,
      signal: options.signal,
      now,
      executeCalls: async (calls, signal): Promise<ExecutedCall[]> => {
        const outcomes = await execute(calls, signal)
        return outcomes.map(outcome => ({
          result: outcome.result,
          pending: outcome.pending,
          rule: outcome.decision.rule
        }))
      }
    })
    if (result.status === 'needs-approval' && options.snapshotWorkspace !== undefined) {
      const saved = await options.snapshotWorkspace()
      if (saved !== undefined) record(saved)
    }
    return { ...result, sessionPath: session.path }
  } finally {
    session.close()
  }
}

function commandOf(call: ToolUseBlock): string {
  const command = (call.input as { command?: unknown } | null)?.command
  // Not a string: the input check refuses the call before the policy looks at it.
  return typeof command === 'string' ? command : ''
}

/**
 * The model, with the shell parser loaded while a request waits for its reply (after
 * LOAD_PARSER_AFTER_MS): a Bash line that needs the parser then finds it loaded, instead of
 * its call waiting for it.
 */
function loadingParserMeanwhile(model: ModelClient): ModelClient {
  return {
    ...(model.prepare ? { prepare: () => model.prepare?.() ?? Promise.resolve() } : {}),
    complete: async (request, completeOptions) => {
      const timer = shellParserLoaded()
        ? undefined
        : setTimeout(() => void loadShellParser().catch(() => {}), LOAD_PARSER_AFTER_MS)
      timer?.unref()
      try {
        return await model.complete(request, completeOptions)
      } finally {
        clearTimeout(timer)
      }
    }
  }
}

/**
 * The model, with V8 switched to favour a small heap (src/agent/heap.ts) once the first reply is
 * in: set before the first request, the switch's first collection lands in start-up (about 40 ms
 * more before the first request, measured with scripts/bench-measure.mjs).
 */
function smallHeapAfterFirstReply(model: ModelClient): ModelClient {
  return {
    ...model,
    complete: async (request, completeOptions) => {
      try {
        return await model.complete(request, completeOptions)
      } finally {
        preferSmallHeap()
      }
    }
  }
}

function describeCall(tool: string, input: unknown, decision: { decision: string; rule: string }) {
  const fields = (input ?? {}) as Record<string, unknown>
  const subject = [fields.command, fields.file_path, fields.pattern].find(
    (value): value is string => typeof value === 'string'
  )
  const shown = subject && subject.length > 120 ? `${subject.slice(0, 120)}…` : (subject ?? '')
  return `  ${tool} ${shown} → ${decision.decision} (${decision.rule})`
}
