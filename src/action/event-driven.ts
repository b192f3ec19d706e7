/**
 * Events claw plans from (src/github/events.ts): comments, issues, pull requests, workflow runs,
 * schedules and manual dispatches. On these the `prompt` input adds instructions to the task the
 * event chooses; on any other event a `prompt` alone runs the agent and leaves its changes in the
 * workspace. Kept apart from handle-event.ts so that main can decide without loading the event
 * handling.
 */
export const EVENT_DRIVEN: ReadonlySet<string> = new Set([
  'issue_comment',
  'pull_request_review_comment',
  'issues',
  'pull_request',
  'workflow_run',
  'schedule',
  'workflow_dispatch'
])
