/**
 * Who may start a run, decided from the permission GitHub reports, and how often claw may answer a
 * refusal. Pure: the caller asks GitHub (`repos.getCollaboratorPermissionLevel`) and passes the
 * answer in.
 */

/** Permissions that may trigger a run: the ones that can push to the repository anyway. */
const ALLOWED = new Set(['admin', 'maintain', 'write'])

/**
 * What `repos.getCollaboratorPermissionLevel` answers (`data.permission`, `data.role_name`), or
 * one of those strings alone. `permission` is the legacy level (`admin | write | read | none`:
 * `maintain` reads as `write`, `triage` as `read`); `role_name` is the finer role (`admin`,
 * `maintain`, `write`, `triage`, `read`, or the name of an organisation's custom role).
 */
export type PermissionAnswer =
  string | { permission?: string | null; role_name?: string | null } | null | undefined

export interface TriggerDecision {
  allowed: boolean
  /** One line saying why, fit to show the user in a reply. */
  reason: string
}

/**
 * Whether an actor may trigger a run: users with write, maintain or admin permission. Either field
 * that grants it is enough (a custom role built on `write` reports `permission: write` and its own
 * `role_name`). Anything else is refused: `read`, `triage`, `none`, an unknown or missing answer
 * (GitHub answers 404 for someone who is not a collaborator at all).
 *
 * Bots never pass here: a bot triggers only when it is listed in `allowed-bots`, which the event
 * plan decides without a permission check (`needsPermissionCheck: false`). A bot reaching this
 * function is refused, so a caller that forgets the list does not let every app with write access
 * run claw (an app's comment can be written by whoever controls that app).
 */
export function mayTrigger(
  permission: PermissionAnswer,
  actorType: 'User' | 'Bot'
): TriggerDecision {
  if (actorType === 'Bot') {
    return {
      allowed: false,
      reason: 'Bots may trigger claw only when listed in the "allowed-bots" input.'
    }
  }
  const levels =
    typeof permission === 'string'
      ? [permission]
      : [permission?.permission, permission?.role_name].filter(
          (level): level is string => typeof level === 'string'
        )
  const normalised = levels.map(level => level.trim().toLowerCase()).filter(level => level !== '')
  const granted = normalised.find(level => ALLOWED.has(level))
  if (granted !== undefined) {
    return { allowed: true, reason: `The actor has "${granted}" permission on the repository.` }
  }
  const shown = normalised.length === 0 ? 'no' : normalised.map(level => `"${level}"`).join('/')
  return {
    allowed: false,
    reason:
      `Only users with write, maintain or admin permission on the repository may trigger claw; ` +
      `this user has ${shown} permission.`
  }
}

/** How long after one refusal reply claw stays silent on further refusals: ten minutes. */
export const REFUSAL_REPLY_INTERVAL_MS = 10 * 60 * 1000

/**
 * Whether claw may reply to another refused trigger: only when no earlier refusal reply is within
 * `intervalMs` before `now`. A flood of unauthorised `/claw` comments then costs at most one reply
 * per interval, instead of claw spamming the thread (and everyone watching it) on an attacker's
 * behalf. A timestamp in the future (clock skew) counts as recent; an invalid one is ignored.
 */
export function refusalReplyAllowed(
  previousRefusalsAt: readonly Date[],
  now: Date,
  intervalMs: number = REFUSAL_REPLY_INTERVAL_MS
): boolean {
  const current = now.getTime()
  if (Number.isNaN(current)) return false
  return previousRefusalsAt.every(at => {
    const time = at.getTime()
    return Number.isNaN(time) || current - time >= intervalMs
  })
}
