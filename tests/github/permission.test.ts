import { describe, expect, it } from '@jest/globals'
import {
  mayTrigger,
  REFUSAL_REPLY_INTERVAL_MS,
  refusalReplyAllowed
} from '../../src/github/permission.js'

describe('mayTrigger', () => {
  // What `repos.getCollaboratorPermissionLevel` answers for each repository role.
  it.each([
    ['admin', { permission: 'admin', role_name: 'admin' }, true],
    ['maintain', { permission: 'write', role_name: 'maintain' }, true],
    ['write', { permission: 'write', role_name: 'write' }, true],
    ['triage', { permission: 'read', role_name: 'triage' }, false],
    ['read', { permission: 'read', role_name: 'read' }, false],
    ['none', { permission: 'none', role_name: '' }, false],
    ['a custom role built on write', { permission: 'write', role_name: 'release-manager' }, true],
    ['a custom role built on read', { permission: 'read', role_name: 'security-reviewer' }, false]
  ])('a user with the %s role: allowed %s', (_role, answer, allowed) => {
    expect(mayTrigger(answer, 'User').allowed).toBe(allowed)
  })

  it.each([
    ['admin', true],
    ['maintain', true],
    ['write', true],
    ['WRITE', true],
    ['triage', false],
    ['read', false],
    ['none', false],
    ['', false],
    ['writer', false]
  ])('takes the level alone as a string: %j → %s', (level, allowed) => {
    expect(mayTrigger(level, 'User').allowed).toBe(allowed)
  })

  it('refuses a missing answer (GitHub answers 404 for a non-collaborator)', () => {
    expect(mayTrigger(undefined, 'User')).toEqual({
      allowed: false,
      reason:
        'Only users with write, maintain or admin permission on the repository may trigger claw; ' +
        'this user has no permission.'
    })
    expect(mayTrigger(null, 'User').allowed).toBe(false)
    expect(mayTrigger({ permission: null, role_name: null }, 'User').allowed).toBe(false)
  })

  it('says which permission the refused user has', () => {
    expect(mayTrigger({ permission: 'read', role_name: 'triage' }, 'User').reason).toContain(
      '"read"/"triage" permission'
    )
  })

  it('says which permission let the user in', () => {
    expect(mayTrigger({ permission: 'write', role_name: 'maintain' }, 'User')).toEqual({
      allowed: true,
      reason: 'The actor has "write" permission on the repository.'
    })
  })

  it('refuses a bot whatever its permission: bots pass only through allowed-bots', () => {
    expect(mayTrigger('admin', 'Bot')).toEqual({
      allowed: false,
      reason: 'Bots may trigger claw only when listed in the "allowed-bots" input.'
    })
  })
})

describe('refusalReplyAllowed', () => {
  const now = new Date('2024-05-01T12:00:00Z')
  const minutesAgo = (minutes: number): Date => new Date(now.getTime() - minutes * 60_000)

  it('allows the first reply', () => {
    expect(refusalReplyAllowed([], now)).toBe(true)
  })

  it('stays silent within ten minutes of the last reply', () => {
    expect(REFUSAL_REPLY_INTERVAL_MS).toBe(600_000)
    expect(refusalReplyAllowed([minutesAgo(9.9)], now)).toBe(false)
    expect(refusalReplyAllowed([minutesAgo(30), minutesAgo(1)], now)).toBe(false)
  })

  it('replies again once ten minutes have passed', () => {
    expect(refusalReplyAllowed([minutesAgo(10)], now)).toBe(true)
    expect(refusalReplyAllowed([minutesAgo(60), minutesAgo(11)], now)).toBe(true)
  })

  it('gives a flood of refusals one reply per interval', () => {
    const replies: Date[] = []
    // One unauthorised comment every 30 seconds for an hour.
    for (let second = 0; second < 3600; second += 30) {
      const at = new Date(now.getTime() + second * 1000)
      if (refusalReplyAllowed(replies, at)) replies.push(at)
    }
    expect(replies.map(at => (at.getTime() - now.getTime()) / 60_000)).toEqual([
      0, 10, 20, 30, 40, 50
    ])
  })

  it('treats a reply in the future (clock skew) as recent and ignores invalid dates', () => {
    expect(refusalReplyAllowed([minutesAgo(-5)], now)).toBe(false)
    expect(refusalReplyAllowed([new Date('not a date')], now)).toBe(true)
    expect(refusalReplyAllowed([], new Date('not a date'))).toBe(false)
  })

  it('takes another interval', () => {
    expect(refusalReplyAllowed([minutesAgo(2)], now, 60_000)).toBe(true)
    expect(refusalReplyAllowed([minutesAgo(2)], now, 5 * 60_000)).toBe(false)
  })
})
