/**
 * The pull request a task works on, as the API describes it now (a payload can be minutes old,
 * and a comment's payload has no head at all), and putting the workspace on its head.
 */
import { Git } from '../git/repo.js'
import { UserError } from '../errors.js'
import { checkoutBranchAt, fetchRef, pushCredentials } from './checkout.js'
import type { TaskContext } from './task.js'

export interface PullRequestState {
  number: number
  title: string
  url: string
  headRef: string
  headSha: string
  baseRef: string
  /** `owner/name` of the head's repository; undefined when the fork was deleted. */
  headRepository: string | undefined
  /** Whether the head lives in another repository, where the job's token cannot push. */
  fromFork: boolean
  state: string
}

export async function loadPullRequest(
  context: TaskContext,
  number: number
): Promise<PullRequestState> {
  const { owner, repo } = context
  let data
  try {
    data = await context.reads.pull(number)
  } catch (error) {
    throw new UserError(context.describe(error, 'pulls.get'))
  }
  const headRepository = data.head.repo?.full_name
  const own = `${owner}/${repo}`.toLowerCase()
  return {
    number,
    title: data.title,
    url: data.html_url,
    headRef: data.head.ref,
    headSha: data.head.sha,
    baseRef: data.base.ref,
    headRepository,
    fromFork: headRepository === undefined || headRepository.toLowerCase() !== own,
    state: data.state
  }
}

/**
 * Puts the workspace on the pull request's head commit. A same-repository head is checked out as
 * the branch itself (the agent's commits then fast-forward it); a fork's head is fetched through
 * `refs/pull/<n>/head`, which GitHub keeps in the base repository, and checked out as a local
 * branch that is never pushed.
 */
export async function checkoutPullRequestHead(
  context: TaskContext,
  pull: PullRequestState
): Promise<Git> {
  const git = new Git({ cwd: context.workspace })
  const credentials = pushCredentials(undefined, context.settings.githubToken, context.serverUrl)
  const ref = pull.fromFork ? `refs/pull/${pull.number}/head` : `refs/heads/${pull.headRef}`
  const fetched = await fetchRef(git, ref, credentials)
  if (fetched === undefined) {
    throw new UserError(
      `The head of pull request #${pull.number} (${ref}) is not on the remote any more; nothing to work on.`
    )
  }
  // The head moved since the API answered: work on what is there now.
  const local = pull.fromFork ? `claw/pull-${pull.number}-head` : pull.headRef
  await checkoutBranchAt(git, local, fetched)
  pull.headSha = fetched
  context.log(`claw: checked out pull request #${pull.number} at ${fetched.slice(0, 12)}.`)
  return git
}
