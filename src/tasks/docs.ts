/**
 * `docs`: bring the documentation back in line with the code (`schedule`, `workflow_dispatch`).
 *
 * One rolling pull request on a fixed branch (`<prefix>docs-refresh`): when the branch exists, the
 * agent continues from its last commit and the new commit fast-forwards it, so the open pull
 * request is updated in place instead of a new one opening on every schedule. Nothing drifted:
 * no commit, no pull request.
 */
import * as core from '@actions/core'
import type { AgentRun } from '../action/run-agent-task.js'
import { commitChanges, pushBranch } from '../git/deliver.js'
import { Git } from '../git/repo.js'
import { UserError } from '../errors.js'
import { checkoutBranchAt, fetchRef, pushCredentials } from './checkout.js'
import {
  openPullRequest,
  requestOr,
  type Delivery,
  type PreparedTask,
  type TaskContext
} from './task.js'

interface DocsPrepared extends PreparedTask {
  branch: string
  /** The branch's head on the remote when the run started; undefined when it is new. */
  remoteSha: string | undefined
  baseBranch: string
}

export function docsBranch(prefix: string): string {
  return `${prefix}docs-refresh`
}

export const docsTask = {
  async prepare(context: TaskContext): Promise<DocsPrepared> {
    const git = new Git({ cwd: context.workspace })
    const baseBranch = await git.currentBranch()
    if (baseBranch === undefined) {
      throw new UserError(
        'The docs task needs a branch checked out (the default branch); check it out with actions/checkout.'
      )
    }
    const branch = docsBranch(context.settings.branchPrefix)
    const credentials = pushCredentials(undefined, context.settings.githubToken, context.serverUrl)
    const remoteSha = await fetchRef(git, `refs/heads/${branch}`, credentials)
    if (remoteSha !== undefined) {
      await checkoutBranchAt(git, branch, remoteSha)
      context.log(
        `claw: continuing the rolling docs branch ${branch} at ${remoteSha.slice(0, 12)}.`
      )
    }
    const request = requestOr(
      context.plan,
      'Compare the documentation (README, docs/, comments that document public APIs) with the ' +
        'code, and update what drifted from it. Change documentation only; if nothing drifted, ' +
        'change nothing and say so.'
    )
    return { branch, remoteSha, baseBranch, prompt: request }
  },

  async deliver(context: TaskContext, run: AgentRun, prepared: DocsPrepared): Promise<Delivery> {
    const git = new Git({ cwd: context.workspace })
    const commit = await commitChanges(git, {
      message: `Refresh the docs\n\n${run.summary}`
    })
    if (commit.nothing === true) {
      return { result: { reason: 'Nothing drifted: the docs match the code, so no pull request.' } }
    }
    const { branch } = prepared
    const credentials = pushCredentials(
      run.checkoutCredentials,
      context.settings.githubToken,
      context.serverUrl
    )
    const pushed = await pushBranch(git, {
      remote: 'origin',
      branch,
      base: commit.parent ?? (await git.resolveCommit('HEAD~1')),
      ...(prepared.remoteSha === undefined ? {} : { expectedRemoteSha: prepared.remoteSha }),
      ...(credentials === undefined ? {} : { credentials })
    })
    if (!pushed.pushed) {
      core.info(context.redact(pushed.patch))
      return {
        result: {
          conclusion: 'failure',
          reason: `The docs update was committed but could not be pushed to ${branch}: ${pushed.message}. The patch is in the log.`
        }
      }
    }
    if (!context.settings.openPullRequest) {
      return { branch, result: { branch, reason: `Pushed ${branch}; open-pr is false.` } }
    }
    return openOrUpdatePull(context, run, prepared)
  }
}

/** The rolling pull request: found open from the branch and its body refreshed, or opened. */
async function openOrUpdatePull(
  context: TaskContext,
  run: AgentRun,
  prepared: DocsPrepared
): Promise<Delivery> {
  const { owner, repo } = context
  const { branch } = prepared
  const body = `${run.summary}\n\n---\nKept up to date by claw; last refreshed in [this run](${context.runUrl}).`
  try {
    const { data: open } = await context.octokit.rest.pulls.list({
      owner,
      repo,
      state: 'open',
      head: `${owner}:${branch}`,
      per_page: 10
    })
    const existing = open.find(pull => pull.head.ref === branch)
    if (existing !== undefined) {
      await context.octokit.rest.pulls.update({ owner, repo, pull_number: existing.number, body })
      return {
        branch,
        pullNumber: existing.number,
        result: {
          branch,
          pullRequest: existing.html_url,
          reason: `Updated the rolling docs pull request #${existing.number}.`
        }
      }
    }
  } catch (error) {
    return {
      branch,
      result: {
        conclusion: 'failure',
        branch,
        reason: `Pushed ${branch}, but ${context.describe(error, 'pulls.update')}`
      }
    }
  }
  return openPullRequest(context, {
    branch,
    base: prepared.baseBranch,
    title: 'Refresh the docs',
    body,
    opened: number => `Opened the rolling docs pull request #${number}.`
  })
}
