/**
 * Session transcripts kept as workflow artifacts, so that a later run on the same issue or pull
 * request can continue the conversation: the post step uploads each run's transcript (with a
 * Markdown rendering for people), and a run started by a comment downloads the newest one.
 *
 * The only module that uses `@actions/artifact`, and only through `await import(...)` inside the
 * functions: loading it costs about 150 ms, which a run that never uploads nor downloads saves.
 * Neither function throws: a session that cannot be stored or found is a reason the caller logs,
 * never a failed run.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, extname, join } from 'node:path'
import { errorMessage } from '../errors.js'
import { readSession } from './reader.js'
import { renderSessionMarkdown } from './render.js'

/** What a session belongs to; the shapes of src/github/events.ts's targets, narrowed. */
export type SessionTarget =
  | { kind: 'issue' | 'pull_request'; number: number }
  | { kind: 'repository' }
  | { kind: 'workflow_run'; runId: number; pullRequests: number[] }

/** `claw-session-issue-42`, `claw-session-pr-7`, `claw-session-docs`, `claw-session-run-<id>` */
export function sessionArtifactName(target: SessionTarget): string {
  switch (target.kind) {
    case 'issue':
      return `claw-session-issue-${target.number}`
    case 'pull_request':
      return `claw-session-pr-${target.number}`
    case 'repository':
      // Scheduled and dispatched runs (the docs task by default) share one conversation.
      return 'claw-session-docs'
    case 'workflow_run':
      return `claw-session-run-${target.runId}`
  }
}

export type UploadOutcome =
  { uploaded: true; id: number; size: number; name: string } | { uploaded: false; reason: string }

export interface UploadOptions {
  /** The JSONL transcript. */
  sessionFile: string
  /** The artifact's name (`sessionArtifactName`); a suffix is added when this run has it already. */
  name: string
  /** Where the runner's variables come from; default `process.env`. */
  env?: NodeJS.ProcessEnv
  /** Lines worth a log entry on the way (the outcome itself is the caller's to log). */
  log: (line: string) => void
}

/**
 * Uploads the transcript and its Markdown rendering as one artifact of this workflow run, kept for
 * the repository's default retention. Artifact names are unique within a run only, so every run
 * uses the plain name and later runs find the newest by it; a run that has the name already (a
 * re-run, or a second claw step on the same target) adds `-attempt-<GITHUB_RUN_ATTEMPT>`.
 */
export async function uploadSessionArtifact(options: UploadOptions): Promise<UploadOutcome> {
  const env = options.env ?? process.env
  const { sessionFile } = options
  const fallback = `the session is at ${sessionFile} (session-file output); upload it with actions/upload-artifact`
  const ghes = enterpriseServerHost(env)
  if (ghes !== undefined) {
    return {
      uploaded: false,
      reason: `GitHub Enterprise Server (${ghes}) has no artifact service the artifact client supports: ${fallback}`
    }
  }
  if (!env['ACTIONS_RUNTIME_TOKEN'] || !env['ACTIONS_RESULTS_URL']) {
    return {
      uploaded: false,
      reason: `ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL is not set (not a GitHub Actions job?): ${fallback}`
    }
  }
  let staging: string | undefined
  try {
    // Outside the workspace, where the agent's next run would read it or a later step commit it.
    staging = mkdtempSync(join(env['RUNNER_TEMP'] || tmpdir(), 'claw-session-upload-'))
    const files = stageSession(sessionFile, staging, options.log)
    const folder = staging
    const stored = await withArtifactEnvironment(env, async () => {
      const { DefaultArtifactClient } = await import('@actions/artifact')
      const client = new DefaultArtifactClient()
      const name = await unusedName(client, options.name, env)
      if (name !== options.name) {
        options.log(`claw: this run has a session artifact ${options.name} already; using ${name}.`)
      }
      const response = await client.uploadArtifact(name, files, folder)
      return { name, id: response.id, size: response.size }
    })
    if (stored.id === undefined) {
      return {
        uploaded: false,
        reason: `the artifact service did not confirm the upload of ${stored.name}: ${fallback}`
      }
    }
    return { uploaded: true, id: stored.id, size: stored.size ?? 0, name: stored.name }
  } catch (error) {
    return {
      uploaded: false,
      reason: `the upload failed (${oneLine(errorMessage(error))}): ${fallback}`
    }
  } finally {
    if (staging !== undefined) rmSync(staging, { recursive: true, force: true })
  }
}

/**
 * Copies the transcript into `folder` and writes its Markdown rendering next to it (the artifact
 * client zips files under one root). A transcript that cannot be rendered goes up alone: the JSONL
 * is what a later run needs.
 */
function stageSession(sessionFile: string, folder: string, log: (line: string) => void): string[] {
  const stem = basename(sessionFile, extname(sessionFile)) || 'session'
  const transcript = join(folder, `${stem}.jsonl`)
  copyFileSync(sessionFile, transcript)
  try {
    const markdown = join(folder, `${stem}.md`)
    writeFileSync(markdown, renderSessionMarkdown(readSession(transcript)))
    return [transcript, markdown]
  } catch (error) {
    log(`claw: uploading the transcript without its Markdown view: ${errorMessage(error)}`)
    return [transcript]
  }
}

type ArtifactClient = InstanceType<typeof import('@actions/artifact').DefaultArtifactClient>

/** `name`, or the first of `name-attempt-<n>`, `name-attempt-<n>-2`, ... this run does not have. */
async function unusedName(
  client: ArtifactClient,
  name: string,
  env: NodeJS.ProcessEnv
): Promise<string> {
  const { artifacts } = await client.listArtifacts()
  const taken = new Set(artifacts.map(artifact => artifact.name))
  if (!taken.has(name)) return name
  const attempted = `${name}-attempt-${(env['GITHUB_RUN_ATTEMPT'] || '1').replace(/[^0-9]/g, '') || '1'}`
  let candidate = attempted
  for (let copy = 2; taken.has(candidate); copy += 1) candidate = `${attempted}-${copy}`
  return candidate
}

export type DownloadOutcome =
  | { found: true; sessionFile: string; artifactId: number; runId: number; createdAt: string }
  | { found: false; reason: string }

export interface DownloadOptions {
  /** A token with `actions: read` on the repository. */
  token: string
  owner: string
  repo: string
  /** The artifact's name (`sessionArtifactName`). */
  name: string
  /** An empty folder to unpack the artifact into. */
  directory: string
  /** Where `GITHUB_API_URL` and `GITHUB_SERVER_URL` come from; default `process.env`. */
  env?: NodeJS.ProcessEnv
  /** Artifacts larger than this (zipped) are not downloaded. Default 20 MB. */
  maxBytes?: number
  log: (line: string) => void
}

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024
/** Listing pages read looking for an unexpired artifact (100 each, newest first). */
const MAX_LIST_PAGES = 5

/**
 * Finds the newest unexpired artifact with the name in the repository, downloads it and checks
 * the transcript in it. Anything that keeps a session from being continued (none yet, too large,
 * unreadable, written by a newer claw, an API error) is `found: false` with the reason, which says
 * the run starts fresh.
 */
export async function downloadLatestSession(options: DownloadOptions): Promise<DownloadOutcome> {
  try {
    return await downloadChecked(options)
  } catch (error) {
    return {
      found: false,
      reason: `looking for the earlier session failed (${oneLine(errorMessage(error))}); the run starts fresh`
    }
  }
}

async function downloadChecked(options: DownloadOptions): Promise<DownloadOutcome> {
  const env = options.env ?? process.env
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const fresh = 'the run starts fresh'
  const ghes = enterpriseServerHost(env)
  if (ghes !== undefined) {
    return {
      found: false,
      reason: `sessions are not kept as artifacts on GitHub Enterprise Server (${ghes}); ${fresh}`
    }
  }
  // Listed and downloaded under `env`: `@actions/github`, loaded here the first time, reads
  // GITHUB_API_URL once, and the artifact client's download goes through it.
  const fetched = await withArtifactEnvironment(env, () => fetchNewest(options, maxBytes))
  if ('reason' in fetched) return { found: false, reason: `${fetched.reason}; ${fresh}` }
  const { artifactId, runId, which, createdAt } = fetched
  const sessionFile = findTranscript(options.directory)
  if (sessionFile === undefined) {
    return {
      found: false,
      reason: `the newest session (${which}) has no .jsonl transcript; ${fresh}`
    }
  }
  try {
    const session = readSession(sessionFile)
    // A cut-off last line may be the result the next turn depends on: better no history than a
    // conversation that does not hold together.
    if (session.truncatedTail) {
      return {
        found: false,
        reason: `the newest session (${which}) is truncated (its run stopped mid-write); ${fresh}`
      }
    }
  } catch (error) {
    return {
      found: false,
      reason: `the newest session (${which}) cannot be continued: ${errorMessage(error)}; ${fresh}`
    }
  }
  return { found: true, sessionFile, artifactId, runId, createdAt }
}

/** Lists and downloads the newest usable artifact, or says why there is none. */
async function fetchNewest(
  options: DownloadOptions,
  maxBytes: number
): Promise<
  { artifactId: number; runId: number; which: string; createdAt: string } | { reason: string }
> {
  const { createOctokit, describeGitHubError } = await import('../github/octokit.js')
  let newest: ListedArtifact | undefined
  try {
    const octokit = createOctokit({ token: options.token, log: options.log })
    newest = await findNewest(octokit, options)
  } catch (error) {
    return { reason: describeGitHubError(error, 'actions.listArtifactsForRepo') }
  }
  if (newest === undefined) return { reason: `no session artifact named ${options.name} yet` }
  const runId = newest.workflow_run?.id ?? 0
  const which = `artifact ${newest.name} of run ${runId}`
  if (newest.size_in_bytes > maxBytes) {
    return {
      reason: `the newest session (${which}) is ${newest.size_in_bytes} bytes, over the ${maxBytes}-byte limit`
    }
  }
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact')
    await new DefaultArtifactClient().downloadArtifact(newest.id, {
      path: options.directory,
      findBy: {
        token: options.token,
        workflowRunId: runId,
        repositoryOwner: options.owner,
        repositoryName: options.repo
      }
    })
  } catch (error) {
    return {
      reason: `the newest session (${which}) could not be downloaded (${oneLine(errorMessage(error))})`
    }
  }
  return { artifactId: newest.id, runId, which, createdAt: newest.created_at ?? '' }
}

type GitHubClient = import('../github/octokit.js').GitHubClient
type ListedArtifact = Awaited<
  ReturnType<GitHubClient['rest']['actions']['listArtifactsForRepo']>
>['data']['artifacts'][number]

/**
 * The newest unexpired artifact with the name that a run of this repository's own code uploaded.
 * A fork's pull request runs the fork's workflow files, with a runtime token that can upload
 * artifacts: without this check it could plant a forged conversation under the pull request's
 * session name for the next `/claw` comment there to continue.
 */
async function findNewest(
  octokit: GitHubClient,
  options: DownloadOptions
): Promise<ListedArtifact | undefined> {
  for (let page = 1; page <= MAX_LIST_PAGES; page += 1) {
    const { data } = await octokit.rest.actions.listArtifactsForRepo({
      owner: options.owner,
      repo: options.repo,
      name: options.name,
      per_page: 100,
      page
    })
    const usable = data.artifacts
      .filter(artifact => artifact.name === options.name && !artifact.expired)
      .filter(artifact => {
        const run = artifact.workflow_run
        const fromFork =
          run?.head_repository_id != null &&
          run.repository_id != null &&
          run.head_repository_id !== run.repository_id
        if (fromFork) {
          options.log(
            `claw: ignoring session artifact ${artifact.id}: its run (${run?.id}) built a fork's code.`
          )
        }
        return !fromFork
      })
      .sort((a, b) => time(b.created_at) - time(a.created_at) || b.id - a.id)
    if (usable[0] !== undefined) return usable[0]
    if (page * 100 >= data.total_count) return undefined
  }
  return undefined
}

function time(value: string | null | undefined): number {
  const parsed = Date.parse(value ?? '')
  return Number.isNaN(parsed) ? 0 : parsed
}

/** The `.jsonl` file in the unpacked artifact (the first by name, should there be several). */
function findTranscript(directory: string): string | undefined {
  const names = readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter(name => name.endsWith('.jsonl'))
    .sort()
  for (const name of names) {
    const path = join(directory, name)
    if (statSync(path).isFile()) return path
  }
  return undefined
}

/**
 * The host of `GITHUB_SERVER_URL` when the artifact client would take it for GitHub Enterprise
 * Server (which it refuses): anything but github.com, *.ghe.com and *.localhost, as its own check.
 */
function enterpriseServerHost(env: NodeJS.ProcessEnv): string | undefined {
  let host: string
  try {
    host = new URL(env['GITHUB_SERVER_URL'] || 'https://github.com').hostname.toLowerCase()
  } catch {
    return env['GITHUB_SERVER_URL']
  }
  if (host === 'github.com' || host.endsWith('.ghe.com') || host.endsWith('.localhost')) {
    return undefined
  }
  return host
}

/** The variables `@actions/artifact` (and the `@actions/github` it loads) read from process.env. */
const ARTIFACT_ENVIRONMENT = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'GITHUB_SERVER_URL',
  'GITHUB_API_URL',
  'GITHUB_WORKSPACE',
  'ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY',
  'ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS',
  'ACTIONS_ARTIFACT_MAX_ARTIFACT_COUNT'
] as const

let environmentQueue: Promise<unknown> = Promise.resolve()

/**
 * Runs `work` with `env`'s values of ARTIFACT_ENVIRONMENT in process.env: the artifact client has
 * no other way to be configured. Calls with their own `env` run one at a time so that they cannot
 * see each other's values. `@actions/github` reads GITHUB_API_URL once, when first loaded, so the
 * client's download goes to the API URL of the first load whatever `env` says later.
 */
async function withArtifactEnvironment<T>(
  env: NodeJS.ProcessEnv,
  work: () => Promise<T>
): Promise<T> {
  if (env === process.env) return work()
  const run = environmentQueue.then(async () => {
    const saved = ARTIFACT_ENVIRONMENT.map(key => [key, process.env[key]] as const)
    for (const key of ARTIFACT_ENVIRONMENT) setVariable(key, env[key])
    try {
      return await work()
    } finally {
      for (const [key, value] of saved) setVariable(key, value)
    }
  })
  environmentQueue = run.catch(() => undefined)
  return run
}

function setVariable(key: string, value: string | undefined): void {
  if (value === undefined) delete process.env[key]
  else process.env[key] = value
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}
