/**
 * The one place that builds an Octokit: `@actions/github`'s client (REST methods, pagination,
 * the runner's proxy settings) with the retry and throttling plugins. Nothing else in claw calls
 * `new Octokit` or `getOctokit`, so every GitHub request gets the same retries, rate-limit
 * handling and logging.
 *
 * Import this module lazily (`await import('./github/octokit.js')`) where GitHub is first needed:
 * it pulls in Octokit and its plugins, which the start of a run does not need.
 */
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling'
import { errorMessage } from '../errors.js'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface OctokitFactoryOptions {
  token: string
  /** The REST API root. Defaults to `GITHUB_API_URL` (set on runners, GHES included), then github.com. */
  baseUrl?: string
  /** One line per retry, rate-limit wait and Octokit warning. */
  log: (line: string) => void
  /** Retries of a failed request (5xx, 429, network), after the first attempt. Default 3. */
  retries?: number
  /** The n-th retry of a failed request waits n² times this. Default 1000 ms; tests shorten it. */
  retryBaseDelayMs?: number
  /** Waits for a rate limit are honoured up to this long; a longer one fails. Default 300 s. */
  maxRateLimitWaitSeconds?: number
  /**
   * Space content-creating requests as GitHub asks (writes 1 s apart, notifying writes such as
   * comments, pull requests and reviews 3 s apart, per process). Default true; tests turn it off.
   */
  paceWrites?: boolean
}

/** Rate-limited requests are retried this many times (the retry-after is always honoured). */
const RATE_LIMIT_RETRIES = 3

export function createOctokit(options: OctokitFactoryOptions): GitHubClient {
  const baseUrl = (options.baseUrl || process.env['GITHUB_API_URL'] || 'https://api.github.com')
    // Octokit joins paths to the base with a slash of its own.
    .replace(/\/+$/, '')
  const log = options.log
  const maxWait = options.maxRateLimitWaitSeconds ?? 300
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _: unknown,
      retryCount: number
    ) => {
      const what = `${request.method} ${request.url}`
      if (retryCount >= RATE_LIMIT_RETRIES || retryAfter > maxWait) {
        log(
          `GitHub ${kind} on ${what}; not retrying (retry ${retryCount + 1}, wait ${retryAfter} s)`
        )
        return false
      }
      log(
        `GitHub ${kind} on ${what}; retrying in ${retryAfter} s (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})`
      )
      return true
    }
  const throttle: ThrottlingOptions = {
    onRateLimit: onLimit('rate limit'),
    onSecondaryRateLimit: onLimit('secondary rate limit'),
    ...(options.paceWrites === false ? { write: unpaced(), notifications: unpaced() } : {})
  }
  return getOctokit(
    options.token,
    {
      baseUrl,
      retry: {
        retries: options.retries ?? 3,
        retryAfterBaseValue: options.retryBaseDelayMs ?? 1000
      },
      throttle,
      log: {
        debug: () => {},
        info: () => {},
        warn: (message: string) => log(`GitHub API: ${message}`),
        error: (message: string) => log(`GitHub API: ${message}`)
      }
    },
    retry,
    throttling
  )
}

type Group = NonNullable<ThrottlingOptions['write']>

/**
 * A stand-in for a Bottleneck group that runs every job at once. The throttling plugin only calls
 * `group.key(id).schedule(options, job)`; its own groups space writes 1–3 s apart, which would
 * make every test that writes wait for seconds.
 */
function unpaced(): Group {
  const limiter = {
    schedule: (_options: unknown, job: (...args: unknown[]) => unknown, ...args: unknown[]) =>
      Promise.resolve().then(() => job(...args))
  }
  return { key: () => limiter } as unknown as Group
}

/**
 * Which permission of the workflow's `permissions:` block an operation needs (`issues.createComment`
 * → `issues: write`). GitHub answers 403 `Resource not accessible by integration` without naming it.
 */
const NEEDED_PERMISSION: Record<string, string> = {
  'issues.get': 'issues: read',
  'issues.listComments': 'issues: read (pull-requests: read for a pull request)',
  'issues.getComment': 'issues: read (pull-requests: read for a pull request)',
  'issues.createComment': 'issues: write (pull-requests: write to comment on a pull request)',
  'issues.updateComment': 'issues: write (pull-requests: write for a comment on a pull request)',
  'reactions.createForIssueComment':
    'issues: write (pull-requests: write for a comment on a pull request)',
  'pulls.get': 'pull-requests: read',
  'pulls.list': 'pull-requests: read',
  'pulls.listFiles': 'pull-requests: read',
  'pulls.listReviews': 'pull-requests: read',
  'pulls.listReviewComments': 'pull-requests: read',
  'pulls.create': 'pull-requests: write',
  'pulls.update': 'pull-requests: write',
  'pulls.createReview': 'pull-requests: write',
  'pulls.createReplyForReviewComment': 'pull-requests: write',
  'checks.listForRef': 'checks: read',
  'repos.get': 'contents: read',
  'repos.getCollaboratorPermissionLevel': 'contents: read',
  'actions.listJobsForWorkflowRun': 'actions: read',
  'actions.downloadJobLogsForWorkflowRun': 'actions: read',
  'actions.listWorkflowRunArtifacts': 'actions: read',
  'actions.listArtifactsForRepo': 'actions: read'
}

interface RequestErrorLike {
  status: number
  message: string
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown }
  request?: { method?: string; url?: string }
}

function isRequestError(error: unknown): error is RequestErrorLike {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { status?: unknown }).status === 'number' &&
    typeof (error as { message?: unknown }).message === 'string'
  )
}

/**
 * One line saying what went wrong with a GitHub request and what to do about it.
 *
 * @param operation the Octokit method, e.g. `pulls.create`
 */
export function describeGitHubError(error: unknown, operation: string): string {
  if (!isRequestError(error)) {
    return `GitHub ${operation} failed: ${oneLine(errorMessage(error))}`
  }
  const { status } = error
  const message = apiMessage(error)
  const where =
    error.request?.method && error.request.url
      ? ` (${error.request.method} ${pathOf(error.request.url)})`
      : ''
  const headers = error.response?.headers ?? {}
  if (status === 401) {
    return `GitHub rejected the token on ${operation} (401 ${message}): it is invalid or expired; check the github-token input`
  }
  if ((status === 403 || status === 429) && /secondary rate limit/i.test(message)) {
    return `GitHub's secondary rate limit stopped ${operation} after retries; space out the runs or try again in a few minutes`
  }
  if (
    (status === 403 || status === 429) &&
    (String(headers['x-ratelimit-remaining']) === '0' || /rate limit/i.test(message))
  ) {
    const reset = Number(headers['x-ratelimit-reset'])
    const when =
      Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : ''
    return `GitHub's API rate limit for this token is used up${when}; ${operation} was not done`
  }
  if (status === 403 && /not permitted to create or approve pull requests/i.test(message)) {
    return `the repository does not let GitHub Actions create or approve pull requests (${operation}); enable it in Settings → Actions → General → Workflow permissions`
  }
  if (status === 403) {
    const needed = NEEDED_PERMISSION[operation]
    if (needed && /not accessible by integration|permission/i.test(message)) {
      return `the token lacks ${needed} for ${operation}; add it to the workflow's permissions`
    }
    return `GitHub refused ${operation}${where}: 403 ${message}`
  }
  if (status === 404) {
    if (
      operation === 'repos.get' ||
      /\/repos\/[^/]+\/[^/]+$/.test(pathOf(error.request?.url ?? ''))
    ) {
      return `the repository was not found, or the token cannot see it (${operation}${where}); a token of another repository or an app not installed on it gets 404`
    }
    return `GitHub found nothing for ${operation}${where}: it does not exist, or the token cannot see the repository`
  }
  if (status === 422) {
    return `GitHub rejected ${operation} as invalid${where}: ${message}`
  }
  return `GitHub ${operation} failed${where}: ${status} ${message}`
}

/** The API's own message with its `errors` details, without Octokit's documentation suffix. */
function apiMessage(error: RequestErrorLike): string {
  const data = error.response?.data
  if (
    typeof data === 'object' &&
    data !== null &&
    'message' in data &&
    typeof data.message === 'string'
  ) {
    const details =
      'errors' in data && Array.isArray(data.errors)
        ? data.errors
            .map((entry: unknown) =>
              typeof entry === 'object' &&
              entry !== null &&
              'message' in entry &&
              typeof entry.message === 'string'
                ? entry.message
                : JSON.stringify(entry)
            )
            .join('; ')
        : ''
    return oneLine(details ? `${data.message}: ${details}` : data.message)
  }
  return oneLine(error.message)
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}
