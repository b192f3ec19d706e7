import type { TaskName } from '../policy/types.js'

/**
 * The short brief each task gives the model. Later releases give each task its own file with its
 * tool profile and delivery; the agent core only needs the brief.
 */
export const TASK_BRIEFS: Record<TaskName, string> = {
  fix: 'Make the change the user asks for: find the cause, edit the code, add or update a test, and run the tests if the policy allows it.',
  review:
    'Review the change: find real defects (bugs, security, missing tests) with file and line. Do not edit files.',
  docs: 'Bring the documentation in line with the code: find what drifted and update the docs only.',
  repair:
    'A CI run failed. Find the failing tests and their cause, fix the code (not the test, unless the test is wrong), and verify.',
  ask: 'Answer the question about this repository. Read what you need; do not edit files.'
}
