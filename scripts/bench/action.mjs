// @ts-check
/**
 * `npm run bench`, section "startup": how long claw takes from process start to its first model
 * request, as the action on a real webhook event and as the CLI, next to the floor under both.
 *
 * - dist/index.js: a `/claw fix ...` comment (GitHub's published `issue_comment.created` example,
 *   retargeted, see scripts/bench/runner.mjs) by a user with write permission, on an issue; the
 *   fake GitHub answers the permission check, the issue and the progress comment, the workspace
 *   is a clone of examples/demo/repo served by `git http-backend`. The model's one reply is a plain
 *   answer (no change), so the run ends right after; every run must end `success`.
 * - dist/cli.js: `claw run` of the ten-turn scripted fix (scripts/bench-measure.mjs, `startupMs`).
 * - the floor: `node -e "fetch(...)"`, no claw (scripts/bench-measure.mjs, `measureBaseline`).
 *
 * The runs of the three alternate, so that a slow moment of a shared machine hits all of them.
 * `raw` holds every run's figure, for a peer's figures to be set beside them (the section has no
 * peer of its own).
 */
import { join } from 'node:path'
import { measureBaseline, measureOnce } from '../bench-measure.mjs'
import {
  actionUnavailable,
  distDir,
  errorLines,
  issueCommentPayload,
  reply,
  startHarness,
  text
} from './runner.mjs'
import { median } from './section.mjs'

const ISSUE_TITLE = 'Durations in milliseconds do not parse'
const COMMENT = '/claw fix the parsing of "250ms"'

/**
 * @param {import('./section.mjs').SectionOptions & { dist?: string }} options
 * @returns {Promise<import('./section.mjs').SectionResult & { raw: { actionMs: number[], actionFirstGitHubMs: number[], cliMs: number[], floorMs: number[] } }>}
 */
export async function measure(options) {
  const dist = distDir(options.dist)
  const runs = options.smoke ? 1 : options.runs
  /** @type {{ actionMs: number[], actionFirstGitHubMs: number[], cliMs: number[], floorMs: number[] }} */
  const raw = { actionMs: [], actionFirstGitHubMs: [], cliMs: [], floorMs: [] }
  /** @type {import('./section.mjs').SectionResult & { raw: typeof raw }} */
  const result = {
    id: 'startup',
    title: 'Start-up: process start to the first model request',
    rows: [],
    skipped: [],
    notes: [],
    checks: [],
    raw
  }

  const unavailable = actionUnavailable()
  const harness = unavailable
    ? undefined
    : await startHarness({
        work: options.work,
        roles: { Codertocat: 'write' },
        steps: () => reply(text('The parser already handles "250ms"; nothing to change.'))
      })
  if (unavailable) result.skipped.push({ what: 'dist/index.js', reason: unavailable })
  try {
    /** Runs the action once on a new issue; returns ms from spawn to the first model request. */
    const actionOnce = async () => {
      if (!harness) return undefined
      const issue = harness.github.state.addIssue({
        title: ISSUE_TITLE,
        body: '`parseDuration("250ms")` throws `cannot parse "s"`.',
        user: 'Codertocat'
      })
      const before = harness.model.requests.length
      const githubBefore = harness.github.requests.length
      const run = await harness.runOnEvent({
        node: options.node,
        script: join(dist, 'index.js'),
        eventName: 'issue_comment',
        payload: issueCommentPayload({
          body: COMMENT,
          issueNumber: issue.number,
          issueTitle: ISSUE_TITLE
        })
      })
      const first = harness.model.requests[before]
      const ok =
        run.exitCode === 0 &&
        run.outputs['conclusion'] === 'success' &&
        errorLines(run).length === 0 &&
        first !== undefined
      if (!ok) {
        throw new Error(
          `dist/index.js on issue_comment did not succeed (exit ${run.exitCode}, conclusion ` +
            `${run.outputs['conclusion']}, ${harness.model.requests.length - before} model ` +
            `requests):\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-2000)}`
        )
      }
      // The fake GitHub stamps requests with Date.now(); on this process's performance clock:
      const base = performance.timeOrigin + run.spawnedAt
      const calls = harness.github.requests
        .slice(githubBefore)
        .filter(request => request.time - base <= first.startedAt - run.spawnedAt)
      return {
        ms: first.startedAt - run.spawnedAt,
        firstGitHubMs: (calls[0]?.time ?? NaN) - base,
        githubCalls: calls.map(request => request.operation ?? request.path),
        totalMs: run.endedAt - run.spawnedAt,
        outputs: run.outputs,
        firstRequest: JSON.stringify(first.body)
      }
    }

    // One unmeasured run of each first, so that disk caches (and claw's compile cache for
    // dist/cli.js) are what they are on the second run of a day, not the first after a build.
    if (!options.smoke) {
      await actionOnce()
      await measureOnce(join(dist, 'cli.js'), options.node)
    }
    /** @type {number[]} */
    const totals = []
    /** @type {Awaited<ReturnType<typeof actionOnce>>} */
    let lastAction
    for (let index = 0; index < runs; index += 1) {
      options.log(`startup: run ${index + 1} of ${runs}`)
      const action = await actionOnce()
      if (action) {
        raw.actionMs.push(action.ms)
        raw.actionFirstGitHubMs.push(action.firstGitHubMs)
        totals.push(action.totalMs)
        lastAction = action
      }
      raw.cliMs.push((await measureOnce(join(dist, 'cli.js'), options.node)).startupMs)
      raw.floorMs.push(await measureBaseline(options.node))
    }

    if (lastAction) {
      result.rows.push({
        figure: 'dist/index.js (issue_comment /claw fix): start to first model request',
        unit: 'ms',
        claw: median(raw.actionMs),
        target: { op: '<', value: 150 },
        note: 'settings, permission check, issue and comments, progress comment, prompt'
      })
      result.rows.push({
        figure: 'dist/index.js: start to its first GitHub API request',
        unit: 'ms',
        claw: median(raw.actionFirstGitHubMs),
        note: 'Node start, loading the bundle, settings and event checks (ms resolution)'
      })
      result.notes.push(
        `dist/index.js makes ${lastAction.githubCalls.length} GitHub API requests before its first model request, on loopback here (a few ms each; on github.com each is a network round trip): ${lastAction.githubCalls.join(', ')}.`
      )
      result.checks.push({
        what: 'dist/index.js on issue_comment "/claw fix": exit 0, conclusion success, task fix',
        ok: lastAction.outputs['task'] === 'fix',
        detail: `outputs: conclusion=${lastAction.outputs['conclusion']} task=${lastAction.outputs['task']} turns=${lastAction.outputs['turns']}`
      })
      result.checks.push({
        what: 'the first model request holds the comment and the issue fenced as data',
        ok:
          lastAction.firstRequest.includes('the parsing of') &&
          lastAction.firstRequest.includes(ISSUE_TITLE) &&
          lastAction.firstRequest.includes('untrusted-data')
      })
      result.notes.push(
        `dist/index.js whole run (start to exit, one plain-answer turn): median ${median(totals).toFixed(0)} ms: the final progress-comment edit waits up to 1 s after the comment is created, as GitHub asks of content-changing requests (src/github/progress-comment.ts, finalIntervalMs).`
      )
    }
    result.rows.push({
      figure: 'dist/cli.js run: start to first model request',
      unit: 'ms',
      claw: median(raw.cliMs),
      target: { op: '<', value: 150 },
      note: 'claw run of the scripted ten-turn fix (bench-measure.mjs)'
    })
    result.rows.push({
      figure: 'floor: node start + one fetch, no claw',
      unit: 'ms',
      claw: median(raw.floorMs),
      note: 'what claw adds is the figures above minus this one'
    })
    result.notes.push(
      'Start-up is measured from spawning the process to the fake model having read the first ' +
        'request; both fakes are on loopback, so network time is near zero and what remains is ' +
        "Node's start, loading the bundle, and claw's own work before the first request.",
      'claude-code-action installs its runtime on every run before its first model request: its ' +
        'action.yml (anthropics/claude-code-action, composite) installs Bun with oven-sh/setup-bun, ' +
        'runs `bun install` for the action and again for its base-action, and installs the Claude ' +
        'Code CLI with `bun install -g @anthropic-ai/claude-code@<pinned version>`; a later `setup` ' +
        'sub-action caches the CLI install. Its documentation gives no figure for how long this ' +
        'takes, so none is quoted here. claw runs its committed bundle and installs nothing.'
    )
  } finally {
    await harness?.close()
  }
  return result
}
