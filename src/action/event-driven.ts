/**
 * Events whose plan can run without a `prompt` input: comments, issues, pull requests and workflow
 * runs. A `workflow_dispatch` or `schedule` run needs the `prompt` input. Kept apart from
 * handle-event.ts so that main can decide without loading the event handling.
 */
export const EVENT_DRIVEN: ReadonlySet<string> = new Set([
  'issue_comment',
  'pull_request_review_comment',
  'issues',
  'pull_request',
  'workflow_run'
])
