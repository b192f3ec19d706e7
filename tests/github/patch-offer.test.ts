/**
 * The patch offered on a fork's pull request, against real git: a repository with a pull
 * request's head (a small JS module and a few other files) and two commits of claw's on top. The
 * patch is `git format-patch` output and the suggestions come from `git diff --unified=1`, as the
 * caller makes them. The patch is taken back out of the rendered Markdown (parsed by a CommonMark
 * parser, the way GitHub shows it) and applied with the `git am` command the comment gives, to a
 * fresh clone at the pull request's head; the suggestions are applied the way GitHub applies
 * them (lines s..e replaced) and compared with claw's files.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import * as prettier from 'prettier'
import {
  renderPatchComment,
  suggestionBlock,
  suggestionsFromDiff,
  type Suggestion
} from '../../src/github/patch-offer.js'

let root: string
let repo: string
/** The pull request's head: the fork's branch before claw. */
let prHead: string
/** claw's last commit. */
let clawHead: string
let patch: string
let diff: string

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.com',
      '-c',
      'init.defaultBranch=main',
      ...args
    ],
    {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: root }
    }
  )
}

function write(path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true })
  writeFileSync(join(repo, path), content)
}

function read(cwd: string, path: string): string {
  return readFileSync(join(cwd, path), 'utf8')
}

/** The pull request's version of the module: 36 lines. */
const CART = `'use strict'

const TAX_RATE = 0.2

/** A shopping cart. */
class Cart {
  constructor() {
    this.items = []
  }

  add(item, quantity) {
    this.items.push({ item, quantity })
  }

  remove(name) {
    this.items = this.items.filter(entry => entry.item.name !== name)
  }

  subtotal() {
    let total = 0
    for (const entry of this.items) {
      total += entry.item.price * entry.quantity
    }
    return total
  }

  tax() {
    return this.subtotal() * TAX_RATE
  }

  total() {
    return this.subtotal() + this.tax()
  }
}

module.exports = { Cart }
`

/** claw's version: a line inserted at the top, others modified, deleted and inserted. */
const CART_FIXED = `// @ts-check
'use strict'

const TAX_RATE = 0.21

/** A shopping cart. */
class Cart {
  constructor() {
    this.items = []
  }

  add(item, quantity) {
    if (quantity <= 0) throw new RangeError('quantity must be positive')
    this.items.push({ item, quantity })
  }

  subtotal() {
    let total = 0
    for (const entry of this.items) {
      total += entry.item.price * entry.quantity * (1 - (entry.discount ?? 0))
    }
    return total
  }

  tax() {
    return this.subtotal() * TAX_RATE
  }

  total() {
    const subtotal = this.subtotal()
    const tax = subtotal * TAX_RATE
    return Math.round((subtotal + tax) * 100) / 100
  }
}

module.exports = { Cart }
module.exports.TAX_RATE = TAX_RATE
`

/** Backtick runs of 3 and 5: the patch's fence must be longer than both. */
const README = '# Cart\n\n```js\nnew Cart()\n```\n\nFences: `````\n\nTax is 20%.\n'
const README_FIXED = '# Cart\n\n```js\nnew Cart()\n```\n\nFences: `````\n\nTax is 21% (```).\n'

/** Arbitrary bytes with NULs: git treats the file as binary. */
function binary(seed: number): Buffer {
  return Buffer.from(Array.from({ length: 300 }, (_, index) => (index * 37 + seed) % 256))
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'claw-patch-offer-'))
  repo = join(root, 'repo')
  mkdirSync(repo)
  git(repo, 'init', '-q')
  write('src/cart.js', CART)
  write('docs/read me.md', README)
  write('café.txt', 'un\ndeux\ntrois\n')
  write('windows.txt', 'one\r\ntwo\r\nthree\r\n')
  write('no-eol.txt', 'alpha\nbeta')
  write('eol-added.txt', 'first\nlast')
  write('old.js', 'module.exports = 1\n')
  write('util.js', 'exports.a = 1\nexports.b = 2\nexports.c = 3\nexports.d = 4\nexports.e = 5\n')
  write('logo.png', binary(1))
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '-m', 'The pull request')
  prHead = git(repo, 'rev-parse', 'HEAD').trim()

  write('src/cart.js', CART_FIXED)
  write('docs/read me.md', README_FIXED)
  write('café.txt', 'un\nDEUX\ntrois\n')
  write('windows.txt', 'one\r\nTWO\r\nthree\r\n')
  git(repo, 'add', '-A')
  git(
    repo,
    'commit',
    '-q',
    '-m',
    'Fix the tax rate\n\nThe rate in `TAX_RATE` and the ```` fence in the docs.'
  )

  write('no-eol.txt', 'alpha\ngamma')
  write('eol-added.txt', 'first\nlast\n')
  rmSync(join(repo, 'old.js'))
  git(repo, 'mv', 'util.js', 'helpers.js')
  write('helpers.js', 'exports.a = 1\nexports.b = 2\nexports.c = 3\nexports.d = 4\nexports.e = 6\n')
  write('lib/new helper.js', 'module.exports = () => 42\n')
  write('logo.png', binary(2))
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '-m', 'Tidy up')
  clawHead = git(repo, 'rev-parse', 'HEAD').trim()

  // As src/git/deliver.ts `formatPatch` and the caller of suggestionsFromDiff run them.
  patch = git(
    repo,
    'format-patch',
    '--stdout',
    '--binary',
    '--no-signature',
    '--no-ext-diff',
    '--no-textconv',
    '--end-of-options',
    `${prHead}..HEAD`
  )
  diff = git(
    repo,
    '-c',
    'core.quotePath=true',
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--unified=1',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    '--end-of-options',
    prHead,
    'HEAD'
  )
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

// --- Markdown, parsed as GitHub would -------------------------------------------------------

interface MarkdownNode {
  type: string
  value?: string
  lang?: string | null
  children?: MarkdownNode[]
}

/**
 * The Markdown syntax tree. No Markdown parser is among the dependencies; Prettier's (remark,
 * CommonMark) is, through its debug entry point.
 */
async function parseMarkdown(markdown: string): Promise<MarkdownNode> {
  const debug = (
    prettier as unknown as {
      __debug: {
        parse(text: string, options: { parser: string }): Promise<{ ast: MarkdownNode }>
      }
    }
  ).__debug
  return (await debug.parse(markdown, { parser: 'markdown' })).ast
}

function nodes(tree: MarkdownNode, type: string): MarkdownNode[] {
  const found = tree.type === type ? [tree] : []
  return [...found, ...(tree.children ?? []).flatMap(child => nodes(child, type))]
}

/** The text a reader sees: text and code spans, without the Markdown around them. */
function visibleText(tree: MarkdownNode): string {
  if (tree.type === 'text' || tree.type === 'inlineCode') return tree.value ?? ''
  return (tree.children ?? []).map(visibleText).join(tree.type === 'root' ? '\n' : '')
}

/**
 * The patch as a reader takes it from the rendered comment: the diff block's content, found
 * on the raw body (the syntax tree's values have CRs normalised away, the way a browser's copy
 * may), plus the newline before the closing fence.
 */
function patchFromComment(markdown: string): string {
  const match = /^(`{3,})diff\n([\s\S]*?)\n\1$/m.exec(markdown)
  if (match === null) throw new Error('no diff block in the comment')
  return `${match[2] ?? ''}\n`
}

/** A clone at the pull request's head, where the author would apply the patch. */
function freshClone(name: string): string {
  const dir = join(root, name)
  git(root, 'clone', '-q', repo, dir)
  git(dir, 'checkout', '-q', '-B', 'feature', prHead)
  return dir
}

// --- The comment ----------------------------------------------------------------------------

describe('renderPatchComment', () => {
  const runUrl = 'https://github.com/octo-org/octo-repo/actions/runs/4242'

  it('shows the whole patch, which applies with the git am command the comment gives', async () => {
    const markdown = renderPatchComment({
      patch,
      headRef: 'feature',
      headRepository: 'fork-owner/octo-repo',
      reason: 'the pull request comes from fork-owner/octo-repo, where this token cannot push',
      runUrl
    })

    const tree = await parseMarkdown(markdown)
    const text = visibleText(tree)
    expect(text).toContain(
      'claw could not push its commits to feature of fork-owner/octo-repo: the pull request comes from fork-owner/octo-repo, where this token cannot push.'
    )
    // The only HTML is the collapsible block around the patch.
    expect(nodes(tree, 'html').map(node => node.value)).toEqual([
      '<details><summary>claw.patch: 2 commits, 10 files changed (+15 −14)</summary>',
      '</details>'
    ])
    const blocks = nodes(tree, 'code')
    expect(blocks).toHaveLength(1)
    expect(blocks[0]?.lang).toBe('diff')
    // The fence outgrew the patch's five backticks.
    expect(markdown).toMatch(/^``````diff$/m)
    expect(patchFromComment(markdown)).toBe(patch)

    // windows.txt has CRLF lines: without --keep-cr, git am strips the CRs and the patch fails.
    const command = nodes(tree, 'inlineCode')
      .map(node => node.value ?? '')
      .find(value => value.startsWith('git am'))
    expect(command).toBe('git am --keep-cr claw.patch')
    expect(text).toContain('CRLF')

    const clone = freshClone('apply')
    writeFileSync(join(clone, 'claw.patch'), patchFromComment(markdown))
    git(clone, ...(command ?? '').split(' ').slice(1))
    expect(git(clone, 'rev-parse', 'HEAD^{tree}')).toBe(
      git(repo, 'rev-parse', `${clawHead}^{tree}`)
    )
    expect(git(clone, 'log', '--format=%s', `${prHead}..HEAD`)).toBe('Tidy up\nFix the tax rate\n')
    expect(read(clone, 'windows.txt')).toBe('one\r\nTWO\r\nthree\r\n')
  })

  it('says plain git am when no line ends in CR, and applies', async () => {
    const base = git(repo, 'rev-parse', `${clawHead}~1`).trim()
    const lfPatch = git(
      repo,
      'format-patch',
      '--stdout',
      '--binary',
      '--no-signature',
      `${base}..${clawHead}`
    )
    const markdown = renderPatchComment({
      patch: lfPatch,
      headRef: 'feature',
      headRepository: undefined,
      reason: 'the fork was deleted',
      runUrl
    })
    const tree = await parseMarkdown(markdown)
    expect(visibleText(tree)).toContain(
      'claw could not push its commits to feature: the fork was deleted.'
    )
    expect(nodes(tree, 'inlineCode').map(node => node.value)).toContain('git am claw.patch')
    expect(visibleText(tree)).not.toContain('CRLF')
    expect(markdown).toContain('<summary>claw.patch: 1 commit, 6 files changed (+4 −4)</summary>')

    const clone = freshClone('apply-lf')
    git(clone, 'reset', '-q', '--hard', base)
    writeFileSync(join(clone, 'claw.patch'), patchFromComment(markdown))
    git(clone, 'am', 'claw.patch')
    expect(git(clone, 'rev-parse', 'HEAD^{tree}')).toBe(
      git(repo, 'rev-parse', `${clawHead}^{tree}`)
    )
  })

  it('shows a branch name from the fork as text, whatever it holds', async () => {
    const headRef = 'x``<img src=x onerror=alert(1)>`*[link](https://evil.example)*\u202Egnp.exe'
    const markdown = renderPatchComment({
      patch,
      headRef,
      headRepository: 'evil/<b>repo</b>',
      reason: 'the push failed: <script>alert(1)</script> **loud** [x](https://evil.example)',
      runUrl
    })
    const tree = await parseMarkdown(markdown)
    const spans = nodes(tree, 'inlineCode').map(node => node.value)
    // The right-to-left override is shown, not obeyed.
    expect(spans).toContain(
      'x``<img src=x onerror=alert(1)>`*[link](https://evil.example)*\\u{202E}gnp.exe'
    )
    expect(spans).toContain('evil/<b>repo</b>')
    expect(nodes(tree, 'html').map(node => node.value)).toEqual([
      expect.stringMatching(/^<details><summary>claw\.patch: /),
      '</details>'
    ])
    // GitHub links a bare URL as itself; no link shows text other than where it goes, but ours.
    const links = nodes(tree, 'link').map(node => [
      visibleText(node),
      (node as { url?: string }).url
    ])
    expect(links).toEqual([
      ['https://evil.example', 'https://evil.example'],
      ['this run', runUrl]
    ])
    expect(nodes(tree, 'strong')).toHaveLength(0)
    expect(visibleText(tree)).toContain(
      'the push failed: <script>alert(1)</script> **loud** [x](https://evil.example).'
    )
  })

  it('leaves out a patch too long for maxChars, lists its files and points to the run', async () => {
    const markdown = renderPatchComment({
      patch,
      headRef: 'feature',
      headRepository: 'fork-owner/octo-repo',
      reason: 'the pull request comes from a fork',
      maxChars: 2000,
      runUrl
    })
    expect(markdown.length).toBeLessThanOrEqual(2000)
    // Not one line of the patch: a cut patch would look whole.
    expect(markdown).not.toContain('diff --git')
    expect(markdown).not.toContain('From ')
    const tree = await parseMarkdown(markdown)
    expect(nodes(tree, 'code')).toHaveLength(0)
    expect(nodes(tree, 'link').map(node => (node as { url?: string }).url)).toEqual([runUrl])
    const text = visibleText(tree)
    expect(text).toContain(
      `The patch (2 commits, 10 files changed (+15 −14), ${patch.length.toLocaleString('en-US')} characters) is too long for a comment`
    )
    expect(text).toContain('on a checkout of feature, run git am --keep-cr claw.patch and push.')
    const items = nodes(tree, 'listItem').map(visibleText)
    expect(items).toEqual([
      'café.txt (+1 −1)',
      'docs/read me.md (+1 −1)',
      'src/cart.js (+8 −7)',
      'windows.txt (+1 −1)',
      'eol-added.txt (+1 −1)',
      'util.js → helpers.js (renamed, +1 −1)',
      'lib/new helper.js (new, +1 −0)',
      'logo.png (binary)',
      'no-eol.txt (+1 −1)',
      'old.js (deleted, +0 −1)'
    ])
  })

  it('counts the files it has no room to list, and stays within maxChars', () => {
    const short = renderPatchComment({
      patch,
      headRef: 'feature',
      headRepository: 'fork-owner/octo-repo',
      reason: 'the pull request comes from a fork',
      maxChars: 700,
      runUrl
    })
    expect(short.length).toBeLessThanOrEqual(700)
    const listed = short.split('\n').filter(line => line.startsWith('- '))
    expect(listed.at(-1)).toMatch(/^- …and \d+ more files$/)
    const more = Number(/(\d+) more/.exec(listed.at(-1) ?? '')?.[1])
    expect(listed.length - 1 + more).toBe(10)
  })

  it('falls back by default when a real patch outgrows a comment', () => {
    const big = mkdtempSync(join(root, 'big-'))
    git(big, 'init', '-q')
    writeFileSync(join(big, 'data.txt'), 'start\n')
    git(big, 'add', '-A')
    git(big, 'commit', '-q', '-m', 'base')
    writeFileSync(
      join(big, 'data.txt'),
      Array.from({ length: 3000 }, (_, index) => `row ${index} ${'x'.repeat(20)}`).join('\n')
    )
    git(big, 'commit', '-q', '-am', 'grow')
    const bigPatch = git(
      big,
      'format-patch',
      '--stdout',
      '--binary',
      '--no-signature',
      'HEAD~1..HEAD'
    )
    expect(bigPatch.length).toBeGreaterThan(50_000)
    const markdown = renderPatchComment({
      patch: bigPatch,
      headRef: 'feature',
      headRepository: 'fork-owner/octo-repo',
      reason: 'the pull request comes from a fork',
      runUrl
    })
    expect(markdown.length).toBeLessThanOrEqual(50_000)
    expect(markdown).not.toContain('row 1 ')
    expect(markdown).toContain('- `data.txt` (+3,000 −1)')
    expect(markdown).toContain(`(${runUrl})`)
  })
})

// --- Suggestions ----------------------------------------------------------------------------

/** Applies suggestions as GitHub does, bottom first so line numbers hold: lines s..e replaced. */
function applySuggestions(content: string, suggestions: Suggestion[]): string {
  const lines = content.split('\n')
  const sorted = [...suggestions].sort((a, b) => b.line - a.line)
  for (const suggestion of sorted) {
    const start = suggestion.startLine ?? suggestion.line
    const replacement = suggestion.suggestion === '' ? [] : suggestion.suggestion.split('\n')
    lines.splice(start - 1, suggestion.line - start + 1, ...replacement)
  }
  return lines.join('\n')
}

const everywhere = (): boolean => true

describe('suggestionsFromDiff', () => {
  it('turns each small change of a real diff into a suggestion on the pull request lines', () => {
    const suggestions = suggestionsFromDiff(diff, everywhere)
    expect(suggestions).toEqual([
      {
        path: 'café.txt',
        line: 2,
        side: 'RIGHT',
        body: "claw's fix for this line:",
        suggestion: 'DEUX'
      },
      {
        path: 'docs/read me.md',
        line: 9,
        side: 'RIGHT',
        body: "claw's fix for this line:",
        suggestion: 'Tax is 21% (```).'
      },
      // Neither side ends in a newline: a suggestion can say that.
      {
        path: 'no-eol.txt',
        line: 2,
        side: 'RIGHT',
        body: "claw's fix for this line:",
        suggestion: 'gamma'
      },
      // The line inserted at the top has no suggestion: nothing above it to anchor on.
      {
        path: 'src/cart.js',
        line: 3,
        side: 'RIGHT',
        body: "claw's fix for this line:",
        suggestion: 'const TAX_RATE = 0.21'
      },
      // An insertion after line 11: line 11, from the diff's context, then the new line.
      {
        path: 'src/cart.js',
        line: 11,
        side: 'RIGHT',
        body: "claw's fix for this line:",
        suggestion:
          "  add(item, quantity) {\n    if (quantity <= 0) throw new RangeError('quantity must be positive')"
      },
      {
        path: 'src/cart.js',
        line: 18,
        startLine: 15,
        side: 'RIGHT',
        body: "claw's fix deletes these lines:",
        suggestion: ''
      },
      {
        path: 'src/cart.js',
        line: 22,
        side: 'RIGHT',
        body: "claw's fix for this line:",
        suggestion: '      total += entry.item.price * entry.quantity * (1 - (entry.discount ?? 0))'
      },
      {
        path: 'src/cart.js',
        line: 32,
        side: 'RIGHT',
        body: "claw's fix for this line:",
        suggestion:
          '    const subtotal = this.subtotal()\n    const tax = subtotal * TAX_RATE\n    return Math.round((subtotal + tax) * 100) / 100'
      },
      // An insertion after the last line.
      {
        path: 'src/cart.js',
        line: 36,
        side: 'RIGHT',
        body: "claw's fix for this line:",
        suggestion: 'module.exports = { Cart }\nmodule.exports.TAX_RATE = TAX_RATE'
      }
    ])
    // Skipped: windows.txt (CRLF), eol-added.txt (only the final newline changed), the renamed
    // helpers.js, the new lib/new helper.js, the deleted old.js and the binary logo.png.
  })

  it('gives suggestions that, applied, make the pull request files claw’s', () => {
    const suggestions = suggestionsFromDiff(diff, everywhere)
    const on = (path: string): Suggestion[] => suggestions.filter(s => s.path === path)
    // Everything but the line inserted at the top, which only the patch carries.
    expect(applySuggestions(CART, on('src/cart.js'))).toBe(CART_FIXED.replace('// @ts-check\n', ''))
    expect(applySuggestions(README, on('docs/read me.md'))).toBe(README_FIXED)
    expect(applySuggestions('un\ndeux\ntrois\n', on('café.txt'))).toBe(read(repo, 'café.txt'))
    expect(applySuggestions('alpha\nbeta', on('no-eol.txt'))).toBe(read(repo, 'no-eol.txt'))
  })

  it('keeps only the suggestions GitHub would accept on the pull request diff', () => {
    const asked: string[] = []
    const suggestions = suggestionsFromDiff(diff, (path, side, startLine, line) => {
      asked.push(`${path}:${side}:${startLine}-${line}`)
      return path === 'src/cart.js' && line > 20
    })
    expect(asked).toEqual([
      'café.txt:RIGHT:2-2',
      'docs/read me.md:RIGHT:9-9',
      'no-eol.txt:RIGHT:2-2',
      'src/cart.js:RIGHT:3-3',
      'src/cart.js:RIGHT:11-11',
      'src/cart.js:RIGHT:15-18',
      'src/cart.js:RIGHT:22-22',
      'src/cart.js:RIGHT:32-32',
      'src/cart.js:RIGHT:36-36'
    ])
    expect(suggestions.map(s => `${s.path}:${s.startLine ?? s.line}-${s.line}`)).toEqual([
      'src/cart.js:22-22',
      'src/cart.js:32-32',
      'src/cart.js:36-36'
    ])
  })

  it('caps the lines of a suggestion and the number of suggestions', () => {
    const small = suggestionsFromDiff(diff, everywhere, { maxLines: 2 })
    // The 4-line deletion and the 3-line replacement are left to the patch.
    expect(small.map(s => `${s.path}:${s.startLine ?? s.line}-${s.line}`)).not.toContain(
      'src/cart.js:15-18'
    )
    expect(small.map(s => `${s.path}:${s.line}`)).not.toContain('src/cart.js:32')
    expect(small).toHaveLength(7)
    const three = suggestionsFromDiff(diff, everywhere, { maxSuggestions: 3 })
    expect(three.map(s => `${s.path}:${s.line}`)).toEqual([
      'café.txt:2',
      'docs/read me.md:9',
      'no-eol.txt:2'
    ])
  })

  it('skips insertions in a diff without context, which does not say the line above', () => {
    const bare = git(
      repo,
      'diff',
      '--no-color',
      '--unified=0',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      prHead,
      'HEAD',
      '--',
      'src/cart.js'
    )
    const suggestions = suggestionsFromDiff(bare, everywhere)
    expect(suggestions.map(s => `${s.startLine ?? s.line}-${s.line}`)).toEqual([
      '3-3',
      '15-18',
      '22-22',
      '32-32'
    ])
  })

  it('reads several change runs in one hunk with wider context', () => {
    const wide = git(repo, 'diff', '--no-color', '--unified=5', prHead, 'HEAD', '--', 'src/cart.js')
    // Five lines of context merge the changes into fewer hunks; the suggestions are the same.
    expect(wide.match(/^@@ /gm)?.length).toBeLessThan(
      git(repo, 'diff', '--unified=1', prHead, 'HEAD', '--', 'src/cart.js').match(/^@@ /gm)
        ?.length ?? 0
    )
    expect(suggestionsFromDiff(wide, everywhere)).toEqual(
      suggestionsFromDiff(diff, everywhere).filter(s => s.path === 'src/cart.js')
    )
  })

  it('reads a path git quotes for a quote or a control character', () => {
    const quoted = mkdtempSync(join(root, 'quoted-'))
    git(quoted, 'init', '-q')
    writeFileSync(join(quoted, 'say "hi"\there.txt'), 'a\nb\nc\n')
    git(quoted, 'add', '-A')
    git(quoted, 'commit', '-q', '-m', 'base')
    writeFileSync(join(quoted, 'say "hi"\there.txt'), 'a\nB\nc\n')
    git(quoted, 'commit', '-q', '-am', 'fix')
    const text = git(quoted, 'diff', '--no-color', '--unified=1', 'HEAD~1', 'HEAD')
    expect(text).toContain('diff --git "a/say \\"hi\\"\\there.txt" "b/say \\"hi\\"\\there.txt"')
    expect(suggestionsFromDiff(text, everywhere)).toEqual([
      {
        path: 'say "hi"\there.txt',
        line: 2,
        side: 'RIGHT',
        body: "claw's fix for this line:",
        suggestion: 'B'
      }
    ])
  })

  it('finds nothing in an empty diff', () => {
    expect(suggestionsFromDiff('', everywhere)).toEqual([])
  })
})

describe('suggestionBlock', () => {
  it('fences the suggestion beyond its backticks', async () => {
    const [readme] = suggestionsFromDiff(diff, (path: string) => path === 'docs/read me.md')
    if (readme === undefined) throw new Error('no suggestion on the readme')
    const markdown = suggestionBlock(readme)
    expect(markdown).toBe("claw's fix for this line:\n\n````suggestion\nTax is 21% (```).\n````")
    const [block] = nodes(await parseMarkdown(markdown), 'code')
    expect(block?.value).toBe('Tax is 21% (```).')
  })

  it('keeps a deletion an empty block, which GitHub applies as deleting the lines', () => {
    const deletion = suggestionsFromDiff(diff, everywhere).find(s => s.suggestion === '')
    expect(deletion).toBeDefined()
    expect(suggestionBlock(deletion ?? { body: '', suggestion: '' })).toBe(
      "claw's fix deletes these lines:\n\n```suggestion\n```"
    )
  })
})
