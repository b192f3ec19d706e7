/**
 * The GitHub reads about one issue or pull request that a run makes, each made once. The task's
 * `prepare`, the context it gathers and the review's earlier findings all read the same pull
 * request, files and reviews; sharing them saves the round trips, and lets the event handler
 * start them while the permission check is still out (src/action/handle-event.ts).
 *
 * Only reads: a read started early writes nothing, so starting one before the permission check
 * gives an unauthorised commenter nothing but the requests our own token makes. A read that
 * fails rejects for each caller that awaits it (which turns the error into its own message); one
 * started but never awaited is no unhandled rejection.
 */
import type { GitHubClient } from './octokit.js'

type Data<T extends (...args: never[]) => Promise<{ data: unknown }>> = Awaited<
  ReturnType<T>
>['data']
type Rest = GitHubClient['rest']

export type IssueData = Data<Rest['issues']['get']>
export type IssueCommentData = Data<Rest['issues']['listComments']>
export type PullData = Data<Rest['pulls']['get']>
export type PullFileData = Data<Rest['pulls']['listFiles']>
export type ReviewCommentData = Data<Rest['pulls']['listReviewComments']>
export type ReviewData = Data<Rest['pulls']['listReviews']>

export class ThreadReads {
  private readonly made = new Map<string, Promise<unknown>>()

  constructor(
    private readonly octokit: GitHubClient,
    private readonly owner: string,
    private readonly repo: string
  ) {}

  /** `issues.get` */
  issue(number: number): Promise<IssueData> {
    return this.once(`issue ${number}`, async () => {
      const { owner, repo } = this
      return (await this.octokit.rest.issues.get({ owner, repo, issue_number: number })).data
    })
  }

  /** `issues.listComments`, every page. */
  issueComments(number: number): Promise<IssueCommentData> {
    return this.once(`comments ${number}`, () =>
      this.octokit.paginate(this.octokit.rest.issues.listComments, {
        owner: this.owner,
        repo: this.repo,
        issue_number: number,
        per_page: 100
      })
    )
  }

  /** `pulls.get` */
  pull(number: number): Promise<PullData> {
    return this.once(`pull ${number}`, async () => {
      const { owner, repo } = this
      return (await this.octokit.rest.pulls.get({ owner, repo, pull_number: number })).data
    })
  }

  /** `pulls.listFiles`, every page. */
  pullFiles(number: number): Promise<PullFileData> {
    return this.once(`files ${number}`, () =>
      this.octokit.paginate(this.octokit.rest.pulls.listFiles, this.pullWhere(number))
    )
  }

  /** `pulls.listReviewComments`, every page. */
  reviewComments(number: number): Promise<ReviewCommentData> {
    return this.once(`review comments ${number}`, () =>
      this.octokit.paginate(this.octokit.rest.pulls.listReviewComments, this.pullWhere(number))
    )
  }

  /** `pulls.listReviews`, every page. */
  reviews(number: number): Promise<ReviewData> {
    return this.once(`reviews ${number}`, () =>
      this.octokit.paginate(this.octokit.rest.pulls.listReviews, this.pullWhere(number))
    )
  }

  private pullWhere(number: number): {
    owner: string
    repo: string
    pull_number: number
    per_page: number
  } {
    return { owner: this.owner, repo: this.repo, pull_number: number, per_page: 100 }
  }

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    let made = this.made.get(key) as Promise<T> | undefined
    if (made === undefined) {
      made = read()
      // Started early and not awaited (the permission check refused the run): not an error.
      made.catch(() => {})
      this.made.set(key, made)
    }
    return made
  }
}
