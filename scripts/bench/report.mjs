// @ts-check
// Turns the sections of one `npm run bench` into what people read: a plain-text table for the
// terminal, and for docs/performance.md a Markdown table with ratios against the peers and an SVG
// chart (docs/performance.svg). The Markdown goes between two markers in the page, so the prose
// around it is kept; a page without the markers gets the block appended.
import { meets } from './section.mjs'

/** @typedef {import('./section.mjs').SectionResult} SectionResult */
/** @typedef {import('./section.mjs').Row} Row */

export const BLOCK_START = '<!-- bench:start (written by npm run bench; edits here are lost) -->'
export const BLOCK_END = '<!-- bench:end -->'

/**
 * A figure as people read it: few digits, small numbers with more precision.
 * @param {number} value
 * @param {string} unit
 */
export function formatValue(value, unit) {
  if (!Number.isFinite(value)) return 'n/a'
  const digits =
    Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2
  const number = value.toFixed(digits)
  if (unit === '%') return `${number} %`
  if (unit.startsWith('×')) return `${number}${unit}`
  return `${number} ${unit}`
}

/**
 * claw ÷ peer, or undefined when there is no peer figure to divide by.
 * @param {Row} row
 */
export function ratioOf(row) {
  if (row.peer === undefined || !Number.isFinite(row.peer) || row.peer === 0) return undefined
  return row.claw / row.peer
}

/** @param {Row} row */
function targetText(row) {
  return row.target === undefined
    ? ''
    : `${row.target.op} ${formatValue(row.target.value, row.unit)}`
}

/** @param {Row} row */
function verdict(row) {
  if (row.target === undefined) return ''
  return meets(row.claw, row.target) ? 'met' : 'missed'
}

/**
 * The run's header facts, printed above the table.
 * @typedef {{ date: string, node: string, machine: string, runs: number, seconds: number, smoke: boolean }} RunInfo
 */

/** Plain text for the terminal. */
export function renderText(/** @type {SectionResult[]} */ sections, /** @type {RunInfo} */ info) {
  const lines = [
    `claw benchmark: ${info.runs} run(s) each, node ${info.node}, ${info.machine}, ${info.seconds.toFixed(0)} s`,
    ''
  ]
  for (const section of sections) {
    lines.push(`${section.title}`)
    const width = Math.max(...section.rows.map(row => row.figure.length), 10)
    for (const row of section.rows) {
      const ratio = ratioOf(row)
      const peer =
        row.peer === undefined
          ? ''
          : `  ${row.peerName}: ${formatValue(row.peer, row.unit)} (${ratio?.toFixed(2)}×)`
      const target = row.target === undefined ? '' : `  target ${targetText(row)}: ${verdict(row)}`
      lines.push(
        `  ${row.figure.padEnd(width)}  ${formatValue(row.claw, row.unit).padStart(12)}${peer}${target}`
      )
    }
    for (const check of section.checks) {
      lines.push(
        `  check: ${check.ok ? 'ok' : 'FAILED'}  ${check.what}${check.detail ? ` (${check.detail})` : ''}`
      )
    }
    for (const skip of section.skipped) lines.push(`  skipped: ${skip.what}: ${skip.reason}`)
    lines.push('')
  }
  return lines.join('\n')
}

const escapeCell = (/** @type {unknown} */ text) =>
  String(text).replaceAll('|', '\\|').replaceAll('\n', ' ')

/** The Markdown block for docs/performance.md. */
export function renderMarkdown(
  /** @type {SectionResult[]} */ sections,
  /** @type {RunInfo} */ info,
  /** @type {string | undefined} */ chartFile
) {
  const out = [
    BLOCK_START,
    '',
    `One run of \`npm run bench\` on ${info.date}: ${info.machine}, Node.js ${info.node}, ` +
      `${info.runs} measured runs per figure (medians), ${Math.round(info.seconds)} s in all.` +
      (info.smoke ? ' **Smoke variant: tiny inputs, not figures to quote.**' : ''),
    '',
    '| | figure | claw | peer | peer figure | claw ÷ peer | target | |',
    '| --- | --- | ---: | --- | ---: | ---: | --- | --- |'
  ]
  let number = 0
  for (const section of sections) {
    number += 1
    section.rows.forEach((row, index) => {
      const ratio = ratioOf(row)
      out.push(
        `| ${index === 0 ? `${number}. ${escapeCell(section.title)}` : ''} | ${escapeCell(row.figure)}` +
          `${row.note ? `<br><sub>${escapeCell(row.note)}</sub>` : ''} | ${formatValue(row.claw, row.unit)} | ` +
          `${escapeCell(row.peerName ?? '')} | ${row.peer === undefined ? '' : formatValue(row.peer, row.unit)} | ` +
          `${ratio === undefined ? '' : `${ratio.toFixed(2)}×`} | ${escapeCell(targetText(row))} | ${verdict(row)} |`
      )
    })
  }
  out.push('')
  if (chartFile) {
    out.push(`![claw against its peers, each pair scaled to the larger figure](${chartFile})`, '')
  }
  const checks = sections.flatMap(section => section.checks.map(check => ({ section, check })))
  if (checks.length > 0) {
    out.push('Checks made in the same run:', '')
    for (const { section, check } of checks) {
      out.push(
        `- ${check.ok ? 'ok' : '**failed**'}: ${section.title}: ${check.what}${check.detail ? ` (${check.detail})` : ''}`
      )
    }
    out.push('')
  }
  const skipped = sections.flatMap(section => section.skipped.map(skip => ({ section, skip })))
  if (skipped.length > 0) {
    out.push('Not measured in this run:', '')
    for (const { section, skip } of skipped) {
      out.push(`- ${section.title}: ${skip.what}: ${skip.reason}`)
    }
    out.push('')
  }
  const notes = sections.filter(section => section.notes.length > 0)
  for (const section of notes) {
    out.push(`**${section.title}.** ${section.notes.join(' ')}`, '')
  }
  out.push(BLOCK_END)
  return out.join('\n')
}

/** The page with its generated block replaced (or appended when the page has none). */
export function replaceBlock(/** @type {string} */ page, /** @type {string} */ block) {
  const start = page.indexOf(BLOCK_START)
  const end = page.indexOf(BLOCK_END)
  if (start === -1 || end === -1 || end < start) return `${page.trimEnd()}\n\n${block}\n`
  return `${page.slice(0, start)}${block}${page.slice(end + BLOCK_END.length)}`
}

const escapeXml = (/** @type {unknown} */ text) =>
  String(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

/**
 * A horizontal bar chart of every row that has a peer figure: claw's bar and the peer's, each
 * pair scaled to its larger figure (the units differ from row to row), the figures written on
 * the bars. Shorter is better for every figure compared here except a cache share, whose row says
 * so in its title.
 */
export function renderChart(/** @type {SectionResult[]} */ sections) {
  const rows = sections.flatMap(section => section.rows.filter(row => ratioOf(row) !== undefined))
  const labelWidth = 330
  const barWidth = 360
  const rowHeight = 46
  const top = 34
  const height = top + rows.length * rowHeight + 16
  const width = labelWidth + barWidth + 150
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="-apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">claw (blue) against its peer (grey), each pair scaled to the larger figure</text>`
  ]
  rows.forEach((row, index) => {
    const y = top + index * rowHeight
    const peer = /** @type {number} */ (row.peer)
    const scale = Math.max(row.claw, peer) || 1
    const clawWidth = Math.max(1, (row.claw / scale) * barWidth)
    const peerWidth = Math.max(1, (peer / scale) * barWidth)
    parts.push(
      `<text x="10" y="${y + 14}">${escapeXml(row.figure.length > 52 ? `${row.figure.slice(0, 51)}…` : row.figure)}</text>`,
      `<text x="10" y="${y + 32}" fill="#57606a">${escapeXml(row.peerName ?? 'peer')}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${clawWidth.toFixed(1)}" height="16" fill="#0969da"/>`,
      `<text x="${labelWidth + clawWidth + 6}" y="${y + 15}">${escapeXml(formatValue(row.claw, row.unit))}</text>`,
      `<rect x="${labelWidth}" y="${y + 21}" width="${peerWidth.toFixed(1)}" height="16" fill="#8c959f"/>`,
      `<text x="${labelWidth + peerWidth + 6}" y="${y + 33}">${escapeXml(formatValue(peer, row.unit))}</text>`
    )
  })
  parts.push('</svg>')
  return `${parts.join('\n')}\n`
}
