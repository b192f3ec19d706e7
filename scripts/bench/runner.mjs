// @ts-check
/**
 * What the bench's action sections (scripts/bench/action.mjs, scripts/bench/review.mjs) share: a
 * small GitHub runner for the built action, in plain JavaScript because `npm run bench` runs under
 * plain node and cannot import the tests' TypeScript fixtures.
 *
 * It is a trimmed copy of three test fixtures, kept to what the bench needs:
 * - `runAction` mirrors tests/fixtures/runner.ts: a child process with a clean environment holding
 *   only a hosted runner's variables, the file commands as files, the payload in
 *   GITHUB_EVENT_PATH, each input as `INPUT_<NAME>`;
 * - `startHarness` mirrors tests/fixtures/event-harness.ts: a work repository committed on `main`,
 *   cloned bare and served over HTTP by `git http-backend` (tests/fixtures/git-http-server.mjs),
 *   the scripted model (tests/fixtures/fake-anthropic.mjs) and the fake GitHub
 *   (tests/fixtures/fake-github.mjs, which checks every request against GitHub's REST
 *   description); the workspace is prepared as actions/checkout leaves it;
 * - `issueCommentPayload` and `pullRequestPayload` mirror `issueComment` and `pullRequest` of
 *   tests/fixtures/payloads.ts: GitHub's published webhook examples (@octokit/webhooks-examples),
 *   retargeted to the fake's `octo-org/octo-repo`, with only the named fields altered.
 */
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { clearTimeout } from 'node:timers'
import { fileURLToPath } from 'node:url'
import { startFakeAnthropic } from '../../tests/fixtures/fake-anthropic.mjs'
import { startFakeGitHub } from '../../tests/fixtures/fake-github.mjs'
import {
  checkoutHeader,
  httpBackendPath,
  startGitHttpServer
} from '../../tests/fixtures/git-http-server.mjs'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The token the fakes accept and the API key the fake model wants. */
export const TOKEN = 'ghs_benchHarnessToken0123456789'
export const API_KEY = 'sk-ant-bench-harness-key'

/** The dist/ folder to measure: the option, else CLAW_DIST_DIR, else the repository's dist/. */
export function distDir(/** @type {string | undefined} */ dist) {
  return dist ?? (process.env['CLAW_DIST_DIR'] || join(ROOT, 'dist'))
}

/** Why the action cannot run here (no git http-backend), or undefined. */
export function actionUnavailable() {
  return httpBackendPath() === undefined ? 'git http-backend is not installed' : undefined
}

// ---------------------------------------------------------------------------------------------
// The runner (mirrors tests/fixtures/runner.ts).

/**
 * @typedef {{
 *   exitCode: number | null, signal: NodeJS.Signals | null, stdout: string, stderr: string,
 *   outputs: Record<string, string>, spawnedAt: number, endedAt: number, workspace: string
 * }} ActionRun
 */

/**
 * Runs a built entry like a hosted runner (see tests/fixtures/runner.ts, `runAction`).
 * `spawnedAt` / `endedAt` are `performance.now()` of this process, as fake-anthropic's times are.
 *
 * @param {{ node: string, script: string, root: string, eventName: string, payload: object,
 *   inputs: Record<string, string>, env: Record<string, string>,
 *   prepareWorkspace: (workspace: string) => void, timeoutMs?: number }} options
 * @returns {Promise<ActionRun>}
 */
export async function runAction(options) {
  const root = mkdtempSync(join(options.root, 'run-'))
  const folder = (/** @type {string} */ name) => {
    const path = join(root, name)
    mkdirSync(path, { recursive: true })
    return path
  }
  const workspace = folder('workspace')
  const commands = folder('file-commands')
  const file = (/** @type {string} */ name) => {
    const path = join(commands, name)
    writeFileSync(path, '')
    return path
  }
  const files = {
    GITHUB_OUTPUT: file('output'),
    GITHUB_STATE: file('state'),
    GITHUB_ENV: file('env'),
    GITHUB_PATH: file('path'),
    GITHUB_STEP_SUMMARY: file('step-summary')
  }
  options.prepareWorkspace(workspace)
  const eventPath = join(root, 'event.json')
  writeFileSync(eventPath, JSON.stringify(options.payload))

  // Only what a hosted runner sets, plus PATH (as runner.ts does).
  /** @type {Record<string, string>} */
  const env = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: folder('home'),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: '__run',
    GITHUB_ACTOR: 'Codertocat',
    GITHUB_ACTOR_ID: '21031067',
    GITHUB_TRIGGERING_ACTOR: 'Codertocat',
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKFLOW: 'claw',
    GITHUB_WORKFLOW_REF: 'octo-org/octo-repo/.github/workflows/claw.yml@refs/heads/main',
    GITHUB_JOB: 'claw',
    GITHUB_RUN_ID: '1658821493',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_SHA: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
    GITHUB_WORKSPACE: workspace,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: folder('temp'),
    RUNNER_TOOL_CACHE: folder('tool-cache'),
    ...files
  }
  for (const [name, value] of Object.entries(options.inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  Object.assign(env, options.env)

  const spawnedAt = performance.now()
  const child = spawn(options.node, [options.script], {
    cwd: workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  /** @type {Buffer[]} */
  const stdout = []
  /** @type {Buffer[]} */
  const stderr = []
  child.stdout.on('data', chunk => stdout.push(chunk))
  child.stderr.on('data', chunk => stderr.push(chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  /** @type {[number | null, NodeJS.Signals | null]} */
  const [exitCode, signal] = await new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, sig) => resolve([code, sig]))
  })
  const endedAt = performance.now()
  clearTimeout(timer)
  return {
    exitCode,
    signal,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
    outputs: parseFileCommand(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    spawnedAt,
    endedAt,
    workspace
  }
}

/** `name=value` lines and `name<<DELIMITER` heredocs, as runner.ts's `parseFileCommand`. */
function parseFileCommand(/** @type {string} */ text) {
  /** @type {Record<string, string>} */
  const values = {}
  const lines = text.split(/\r?\n/)
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? ''
    if (line === '') continue
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc !== null) {
      const [, name = '', delimiter = ''] = heredoc
      const value = []
      index++
      while (index < lines.length && lines[index] !== delimiter) value.push(lines[index++] ?? '')
      values[name] = value.join('\n')
      continue
    }
    const equals = line.indexOf('=')
    if (equals > 0) values[line.slice(0, equals)] = line.slice(equals + 1)
  }
  return values
}

/** The `::error::` lines of a run's stdout (how the action reports a failure). */
export function errorLines(/** @type {ActionRun} */ run) {
  return run.stdout.split('\n').filter(line => line.startsWith('::error::'))
}

// ---------------------------------------------------------------------------------------------
// The harness (mirrors tests/fixtures/event-harness.ts).

/**
 * @typedef {Awaited<ReturnType<typeof startHarness>>} Harness
 */

/**
 * Starts the git remote, the fake model and the fake GitHub, with `sample` committed on `main`.
 *
 * @param {{ work: string, steps: import('../../tests/fixtures/fake-anthropic.mjs').Script,
 *   roles?: Record<string, import('../../tests/fixtures/fake-github.mjs').Role>,
 *   sample?: string | ((folder: string) => void) }} options
 */
export async function startHarness(options) {
  const root = mkdtempSync(join(options.work, 'harness-'))
  const home = join(root, 'home')
  mkdirSync(home)
  const git = (/** @type {string} */ cwd, /** @type {string[]} */ ...args) =>
    execFileSync(
      'git',
      [
        '-c',
        'user.name=Harness',
        '-c',
        'user.email=harness@example.com',
        '-c',
        'protocol.file.allow=always',
        '-c',
        'init.defaultBranch=main',
        ...args
      ],
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: home, GIT_CONFIG_NOSYSTEM: '1' }
      }
    ).trim()
  const remote = join(root, 'remote.git')
  const remoteGit = (/** @type {string[]} */ ...args) => git(root, '--git-dir', remote, ...args)

  const work = join(root, 'work')
  const sample = options.sample ?? join(ROOT, 'examples', 'demo', 'repo')
  if (typeof sample === 'string') cpSync(sample, work, { recursive: true })
  else {
    mkdirSync(work)
    sample(work)
  }
  git(work, 'init', '-q', '-b', 'main')
  git(work, 'add', '-A')
  git(work, 'commit', '-q', '-m', 'sample')
  git(root, 'clone', '-q', '--bare', work, remote)
  rmSync(work, { recursive: true, force: true })
  const mainSha = remoteGit('rev-parse', 'main')

  const server = await startGitHttpServer({ root, token: TOKEN })
  const model = await startFakeAnthropic(options.steps, { apiKey: API_KEY })
  const github = await startFakeGitHub({
    token: TOKEN,
    state: { permissions: { ...options.roles } }
  })
  github.state.setBranch('main', mainSha)
  // `git.localhost`: curl resolves any *.localhost to loopback (as in event-harness.ts).
  const serverUrl = server.url.replace('//127.0.0.1:', '//git.localhost:')
  const remoteUrl = `${serverUrl}/remote.git`

  /**
   * Pushes `files` (path → content, or null to delete) as one commit on a new branch from `from`.
   * @param {string} name @param {Record<string, string | null>} files @param {string} [from]
   */
  const pushBranch = (name, files, from = 'main') => {
    const scratch = mkdtempSync(join(root, 'push-'))
    try {
      git(scratch, 'clone', '-q', remote, '.')
      git(scratch, 'checkout', '-q', '-B', name, `origin/${from}`)
      for (const [path, content] of Object.entries(files)) {
        const target = join(scratch, path)
        if (content === null) rmSync(target, { force: true })
        else {
          mkdirSync(dirname(target), { recursive: true })
          writeFileSync(target, content)
        }
      }
      git(scratch, 'add', '-A')
      git(scratch, 'commit', '-q', '-m', `Work on ${name}`)
      git(scratch, 'push', '-q', '--force', 'origin', `HEAD:refs/heads/${name}`)
      const sha = git(scratch, 'rev-parse', 'HEAD')
      github.state.setBranch(name, sha)
      return sha
    } finally {
      rmSync(scratch, { recursive: true, force: true })
    }
  }

  /**
   * Pushes a head branch and opens a pull request for it in the fake GitHub, its files and
   * patches from `git diff main...<branch>` (as event-harness.ts's `openPullRequest`). Without
   * `files`, the branch is on the remote already (another pull request of the same changes).
   * @param {{ branch: string, files?: Record<string, string | null>, title: string, body?: string }} open
   */
  const openPullRequest = open => {
    const headSha =
      open.files === undefined
        ? remoteGit('rev-parse', `refs/heads/${open.branch}`)
        : pushBranch(open.branch, open.files)
    const baseSha = mainSha
    const diff = remoteGit('diff', '--no-color', '--no-renames', `${baseSha}...${headSha}`)
    const files = diff
      .split(/^(?=diff --git )/m)
      .filter(part => part.startsWith('diff --git '))
      .map(part => {
        const filename = /^\+\+\+ b\/(.+)$/m.exec(part)?.[1] ?? /^--- a\/(.+)$/m.exec(part)?.[1]
        const status = /^new file mode/m.test(part)
          ? 'added'
          : /^deleted file mode/m.test(part)
            ? 'removed'
            : 'modified'
        const hunks = part.indexOf('\n@@')
        return {
          filename: filename ?? '',
          status,
          ...(hunks === -1 ? {} : { patch: part.slice(hunks + 1).replace(/\n$/, '') })
        }
      })
    const pull = github.state.addPullRequest({
      title: open.title,
      body: open.body ?? null,
      user: 'Codertocat',
      head: { ref: open.branch, sha: headSha },
      base: { ref: 'main', sha: baseSha },
      draft: false,
      files
    })
    return { pull, number: pull.number, headSha, baseSha }
  }

  /**
   * Runs the built action on an event, the workspace checked out as actions/checkout would (the
   * pull request's head detached for `pull_request`, `main` otherwise).
   * @param {{ node: string, script: string, eventName: string, payload: any,
   *   inputs?: Record<string, string>, env?: Record<string, string> }} run
   */
  const runOnEvent = async run => {
    /** @type {Record<string, string>} */
    const env = {
      GITHUB_ACTOR: run.payload.sender.login,
      GITHUB_TRIGGERING_ACTOR: run.payload.sender.login,
      GITHUB_ACTOR_ID: String(run.payload.sender.id)
    }
    let ref = 'main'
    let detach = false
    if (run.eventName === 'pull_request') {
      const number = run.payload.pull_request.number
      Object.assign(env, {
        GITHUB_REF: `refs/pull/${number}/merge`,
        GITHUB_REF_NAME: `${number}/merge`,
        GITHUB_HEAD_REF: run.payload.pull_request.head.ref,
        GITHUB_BASE_REF: run.payload.pull_request.base.ref
      })
      ref = run.payload.pull_request.head.sha
      detach = true
    }
    const sha = remoteGit('rev-parse', detach ? ref : `refs/heads/${ref}`)
    return runAction({
      node: run.node,
      script: run.script,
      root,
      eventName: run.eventName,
      payload: run.payload,
      inputs: { 'anthropic-api-key': API_KEY, 'github-token': TOKEN, ...run.inputs },
      env: {
        ...env,
        GITHUB_SHA: sha,
        ANTHROPIC_BASE_URL: model.url,
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: serverUrl,
        ...run.env
      },
      prepareWorkspace: workspace => {
        git(workspace, 'clone', '-q', remote, '.')
        git(workspace, 'remote', 'set-url', 'origin', remoteUrl)
        git(workspace, 'config', '--local', `http.${serverUrl}/.extraheader`, checkoutHeader(TOKEN))
        if (detach) git(workspace, 'checkout', '-q', '--detach', ref)
      }
    })
  }

  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await Promise.all([server.close(), model.close(), github.close()])
    rmSync(root, { recursive: true, force: true })
  }

  return {
    root,
    remote,
    mainSha,
    github,
    model,
    server,
    pushBranch,
    openPullRequest,
    runOnEvent,
    close
  }
}

// ---------------------------------------------------------------------------------------------
// Payloads (mirror tests/fixtures/payloads.ts).

const require = createRequire(import.meta.url)
/** @type {{ name: string, examples: any[] }[]} */
const DEFINITIONS = require('@octokit/webhooks-examples')
const EXAMPLE_REPOSITORY = 'Codertocat/Hello-World'
const FULL_NAME = 'octo-org/octo-repo'
const EXAMPLE_HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821'
const EXAMPLE_BASE_SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e'

/** A deep copy of a JSON value. */
const clone = (/** @type {any} */ value) => JSON.parse(JSON.stringify(value))

/** A copy of the first published example of `name` with `action`, preferring one without `organization`. */
function example(/** @type {string} */ name, /** @type {string | undefined} */ action) {
  const all = (DEFINITIONS.find(candidate => candidate.name === name)?.examples ?? []).filter(
    payload => action === undefined || payload.action === action
  )
  const found = all.find(payload => !('organization' in payload)) ?? all[0]
  if (found === undefined) throw new Error(`@octokit/webhooks-examples has no ${name}.${action}`)
  return clone(found)
}

/** Replaces text in every string of a JSON value. */
function replaceText(/** @type {any} */ value, /** @type {string | RegExp} */ from, to = '') {
  const pattern =
    typeof from === 'string' ? new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : from
  return JSON.parse(JSON.stringify(value).replace(pattern, to))
}

/** Moves a payload to `octo-org/octo-repo` (payloads.ts `retarget`). */
function retarget(/** @type {any} */ payload) {
  const moved = replaceText(payload, EXAMPLE_REPOSITORY, FULL_NAME)
  const owner = clone(example('workflow_dispatch', undefined).repository.owner)
  for (const path of ['repository', 'pull_request.head.repo', 'pull_request.base.repo']) {
    const repository = path.split('.').reduce((value, key) => value?.[key], moved)
    if (typeof repository !== 'object' || repository === null) continue
    repository.id = 4242
    repository.name = 'octo-repo'
    repository.full_name = FULL_NAME
    if ('owner' in repository) repository.owner = clone(owner)
    if ('default_branch' in repository) repository.default_branch = 'main'
  }
  return moved
}

/** Replaces `/issues/<from>`, `/pull/<from>` and `/pulls/<from>` in every URL. */
function renumber(
  /** @type {any} */ payload,
  /** @type {number} */ from,
  /** @type {number} */ to
) {
  if (from === to) return payload
  return replaceText(payload, new RegExp(`/(issues|pulls?)/${from}(?![0-9])`, 'g'), `/$1/${to}`)
}

/**
 * `issue_comment.created` by the example's Codertocat, as payloads.ts's `issueComment`: body,
 * issue number (and its URLs), issue title altered; `author_association` `COLLABORATOR`.
 * @param {{ body: string, issueNumber: number, issueTitle: string }} options
 */
export function issueCommentPayload(options) {
  let payload = retarget(example('issue_comment', 'created'))
  payload = renumber(payload, payload.issue.number, options.issueNumber)
  payload.comment.body = options.body
  payload.comment.author_association = 'COLLABORATOR'
  payload.issue.number = options.issueNumber
  payload.issue.title = options.issueTitle
  return payload
}

/**
 * `pull_request.opened`, as payloads.ts's `pullRequest`: number (and its URLs), title, body, the
 * head and base refs and shas (everywhere they appear), `draft: false`.
 * @param {{ number: number, title: string, body: string, headRef: string, headSha: string, baseSha: string }} options
 */
export function pullRequestPayload(options) {
  let payload = retarget(example('pull_request', 'opened'))
  payload = renumber(payload, payload.number, options.number)
  payload = replaceText(payload, EXAMPLE_HEAD_SHA, options.headSha)
  payload = replaceText(payload, EXAMPLE_BASE_SHA, options.baseSha)
  const { head, base } = payload.pull_request
  Object.assign(head, {
    ref: options.headRef,
    label: `octo-org:${options.headRef}`,
    sha: options.headSha
  })
  Object.assign(base, { ref: 'main', label: 'octo-org:main', sha: options.baseSha })
  payload.number = options.number
  payload.pull_request.number = options.number
  payload.pull_request.title = options.title
  payload.pull_request.body = options.body
  payload.pull_request.draft = false
  return payload
}

// ---------------------------------------------------------------------------------------------
// Scripted replies.

let nextId = 0
/** A text block. */
export const text = (/** @type {string} */ value) => ({
  type: /** @type {const} */ ('text'),
  text: value
})
/** A tool call block. */
export const use = (/** @type {string} */ name, /** @type {Record<string, unknown>} */ input) => ({
  type: /** @type {const} */ ('tool_use'),
  id: `toolu_bench_${++nextId}`,
  name,
  input
})
/**
 * One scripted model reply.
 * @param {...(ReturnType<typeof text> | ReturnType<typeof use>)} content
 * @returns {import('../../tests/fixtures/fake-anthropic.mjs').Step}
 */
export function reply(...content) {
  return {
    reply: {
      content,
      stop_reason: content.some(block => block.type === 'tool_use') ? 'tool_use' : 'end_turn'
    }
  }
}
