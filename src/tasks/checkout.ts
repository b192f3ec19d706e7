/**
 * Putting the workspace where a task must work, and the credentials its pushes carry.
 *
 * actions/checkout checks out what the event names: the default branch for a comment (also one
 * on a pull request), the merge commit for a `pull_request` event. A task on a pull request works
 * on the pull request's head instead, and a rolling docs branch continues from its last commit;
 * those are fetched here, before the agent runs (its Bash has no credentials and no network).
 */
import { branchNameProblem } from '../git/branch-name.js'
import type { SavedCredentials } from '../git/credentials.js'
import { basicAuthHeader, credentialEnvironment, type PushCredentials } from '../git/deliver.js'
import { NETWORK_TIMEOUT_MS, type Git } from '../git/repo.js'
import { UserError } from '../errors.js'

/**
 * The credential a push or fetch carries: the one actions/checkout persisted (taken away for the
 * agent run and put back after it), else one made from the `github-token` input.
 */
export function pushCredentials(
  saved: SavedCredentials | undefined,
  token: string,
  serverUrl: string
): PushCredentials | undefined {
  for (const entry of saved?.entries ?? []) {
    const value = entry.values.find(candidate => /^authorization:\s*basic\s+\S+$/i.test(candidate))
    if (value !== undefined) return { header: value, url: serverUrl }
  }
  return token === '' ? undefined : { header: basicAuthHeader(token), url: serverUrl }
}

/**
 * Fetches `ref` from origin and returns the commit it names, or undefined when the remote has no
 * such ref. The credential goes through the environment (see src/git/deliver.ts), never into the
 * config the agent could read.
 */
export async function fetchRef(
  git: Git,
  ref: string,
  credentials: PushCredentials | undefined
): Promise<string | undefined> {
  const env =
    credentials === undefined
      ? {}
      : credentialEnvironment(credentials.url ?? (await originUrl(git)), credentials.header)
  const secrets = credentials === undefined ? [] : [credentials.header]
  const output = await git.exec(['fetch', '--no-tags', '--end-of-options', 'origin', ref], {
    env,
    secrets,
    timeoutMs: NETWORK_TIMEOUT_MS
  })
  if (output.exitCode === 0) return git.resolveCommit('FETCH_HEAD')
  if (/couldn't find remote ref|no such ref|not our ref/i.test(output.stderr)) return undefined
  throw new UserError(
    `Could not fetch ${ref} from origin: ${output.stderr.trim().split('\n').at(-1) ?? ''}`
  )
}

/**
 * Checks out `sha` on a local branch named `branch` (created or moved there), so that a push of
 * the agent's commits fast-forwards the remote branch. Local changes would be lost by a switch:
 * a workspace with any is refused.
 */
export async function checkoutBranchAt(git: Git, branch: string, sha: string): Promise<void> {
  const problem = branchNameProblem(branch)
  if (problem !== undefined) {
    throw new UserError(`Cannot check out the branch ${JSON.stringify(branch)}: ${problem}.`)
  }
  if (await git.hasChanges()) {
    throw new UserError(
      'The workspace has uncommitted changes before claw started; run claw right after actions/checkout, or commit the changes in an earlier step.'
    )
  }
  await git.run(['checkout', '--quiet', '-B', branch, sha, '--'])
}

async function originUrl(git: Git): Promise<string> {
  return (await git.run(['remote', 'get-url', 'origin'])).trim()
}
