import type { Policy, Rules, TaskName } from './types.js'

/**
 * The rules one task runs under. A task's section replaces the same section of `defaults` as a
 * whole: `review: { write: { allow: [] } }` leaves review no write rules at all, not the default
 * write rules minus something. (The loader fills a given section's missing allow/ask/deny with
 * empty lists, so a replaced section never inherits patterns.)
 */
export function rulesFor(policy: Policy, task: TaskName): Rules {
  const override = policy.tasks[task] ?? {}
  const defaults = policy.defaults
  return {
    read: override.read ?? defaults.read,
    write: override.write ?? defaults.write,
    bash: override.bash ?? defaults.bash,
    network: override.network ?? defaults.network
  }
}
