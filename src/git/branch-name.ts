/**
 * Names of the branches claw creates: `<prefix>issue-<n>-<slug>`, e.g.
 * `claw/issue-42-fix-parsing-of-ms`, and the rules of `git check-ref-format --branch` they follow.
 * Titles are text from an issue (anyone can write one), so the slug keeps only ASCII letters and
 * digits: nothing in a title can turn the name into an option (`-f`), a revision (`@{-1}`, `..`)
 * or a path outside `refs/heads/`.
 */

/** Longest slug taken from a title, in characters. */
export const MAX_SLUG_LENGTH = 40

/**
 * The branch for a fix of issue `number`: `branchForIssue('claw/', 42, 'Fix parsing of "ms"')`
 * is `claw/issue-42-fix-parsing-of-ms`. Without usable words in the title it is
 * `claw/issue-42`. Throws a `RangeError` when the prefix makes an invalid name (check it with
 * `branchPrefixProblem` where it is read).
 */
export function branchForIssue(prefix: string, number: number, title: string): string {
  if (!Number.isSafeInteger(number) || number <= 0) {
    throw new RangeError(`an issue number is a positive integer, not ${number}`)
  }
  const slug = slugify(title)
  const name = `${prefix}issue-${number}${slug === '' ? '' : `-${slug}`}`
  const problem = branchNameProblem(name)
  if (problem !== undefined)
    throw new RangeError(`"${name}" is not a valid branch name: ${problem}`)
  return name
}

/**
 * A title as lower-case ASCII words joined by hyphens, at most `maxLength` characters, cut at a
 * word boundary where one is close enough, never ending in `-` or `.`. Accents are dropped
 * (`Café` → `cafe`); other characters separate words.
 */
export function slugify(title: string, maxLength = MAX_SLUG_LENGTH): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // Apostrophes join a word (`don't` → `dont`) instead of splitting it.
    .replace(/['\u2019]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(word => word !== '')
  let slug = words.join('-')
  if (slug.length > maxLength) {
    const cut = slug.slice(0, maxLength + 1)
    const boundary = cut.lastIndexOf('-')
    // Cut at the last whole word, unless that throws away more than half.
    slug = boundary > maxLength / 2 ? cut.slice(0, boundary) : slug.slice(0, maxLength)
  }
  return slug.replace(/[-.]+$/, '')
}

/**
 * Why `prefix` cannot start a branch name, or undefined when it can. A prefix is valid when
 * prefix + a plain name is a valid branch name: `claw/`, `bot-`, `fixes/claw-` are; `/claw`,
 * `claw//`, `.claw/`, `claw.lock/`, `a..b/`, `-x` are not.
 */
export function branchPrefixProblem(prefix: string): string | undefined {
  if (prefix === '') return undefined
  return branchNameProblem(`${prefix}issue-1`)
}

/** Whether `name` is a valid branch name (`git check-ref-format --branch` accepts it). */
export function isValidBranchName(name: string): boolean {
  return branchNameProblem(name) === undefined
}

/** Why `name` is not a valid branch name, or undefined when it is: git's rules, one by one. */
export function branchNameProblem(name: string): string | undefined {
  if (name === '') return 'it is empty'
  if (name.startsWith('-')) return 'it starts with "-"'
  if (name === '@') return 'it is "@"'
  if (name === 'HEAD') return 'it is "HEAD"'
  if ([...name].some(character => character < ' ' || character === '\u007f')) {
    return 'it contains a control character'
  }
  const bad = /[ ~^:?*[\\]/.exec(name)
  if (bad !== null) return `it contains "${bad[0]}"`
  if (name.includes('..')) return 'it contains ".."'
  if (name.includes('@{')) return 'it contains "@{"'
  if (name.startsWith('/') || name.endsWith('/')) return 'it starts or ends with "/"'
  if (name.includes('//')) return 'it contains "//"'
  if (name.endsWith('.')) return 'it ends with "."'
  for (const component of name.split('/')) {
    if (component.startsWith('.')) return `the part "${component}" starts with "."`
    if (component.endsWith('.lock')) return `the part "${component}" ends with ".lock"`
  }
  return undefined
}
