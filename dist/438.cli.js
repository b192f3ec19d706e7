export const id = 438;
export const ids = [438];
export const modules = {

/***/ 6438:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderSessionMarkdown: () => (/* binding */ renderSessionMarkdown)
/* harmony export */ });
/* unused harmony exports isolationCell, renderSessionSummary, callSubjectText, usageRow, lastOutcome, requestTotals, fence, code, inline, table, count, usd */
/**
 * Markdown views of a session: the full transcript (`claw show`) and a short summary (the job
 * summary).
 *
 * Everything that came from the model, a tool or a user (prompts, replies, results, summaries) is
 * put in fenced code blocks, and short pieces of it in escaped inline text. That is for
 * readability and for safety: rendered as Markdown, a prompt-injected reply could hide text, fake
 * a decision line, or load an image whose URL carries data out of the repository.
 */
/** User text longer than this many lines is folded into a `<details>` block. */
const FOLD_LINES = 20;
/** Inline pieces (commands, paths, reasons) longer than this are cut with `…`. */
const INLINE_CHARS = 160;
function renderSessionMarkdown(session) {
    const { header } = session;
    const out = [];
    out.push(`# claw session: ${inline(header.task)} on ${inline(header.repository)}`, '');
    out.push(table(['', ''], [
        ['Task', inline(header.task)],
        ['Repository', inline(header.repository)],
        ['Event', inline(header.event)],
        ['Model', inline(header.model)],
        ['Policy', `${inline(header.policy_source)} (digest ${code(header.policy_digest, true)})`],
        ['Started', inline(header.started_at)],
        ...(header.isolation ? [['Bash isolation', isolationCell(header.isolation)]] : []),
        ['Format', `claw-session ${header.version}`]
    ]), '');
    out.push('## Prompt', '', fence(header.prompt, 'text'), '');
    out.push('## Conversation', '');
    const calls = new Map();
    const results = new Map();
    for (const event of session.events) {
        if (event.type === 'tool_call')
            calls.set(event.id, event);
        if (event.type === 'tool_result')
            results.set(event.id, event);
    }
    let firstMessage = true;
    let turn;
    const turnHeading = (next) => {
        if (next === turn)
            return;
        turn = next;
        out.push(`### Turn ${next}`, '');
    };
    for (const event of session.events) {
        switch (event.type) {
            case 'message':
                if (firstMessage && event.message.content === header.prompt) {
                    // The run's first message is usually the prompt itself, shown above.
                    out.push('**User**: the prompt above.', '');
                }
                else if (event.message.role === 'user') {
                    const content = event.message.content;
                    const blocks = typeof content === 'string' ? [{ type: 'text', text: content }] : content;
                    for (const block of blocks)
                        out.push(...renderUserBlock(block, results));
                }
                else {
                    for (const block of event.message.content)
                        out.push(...renderAssistantBlock(block, calls));
                }
                firstMessage = false;
                break;
            case 'request':
                turnHeading(event.turn);
                out.push(requestLine(event), '');
                break;
            case 'retry':
                turnHeading(event.turn);
                out.push(`Retry ${event.attempt} of turn ${event.turn} in ${duration(event.delay_ms)}: ${inline(event.reason)}`, '');
                break;
            case 'tool_call':
                out.push(...renderToolCall(event, results.get(event.id)));
                break;
            case 'tool_result':
                // Shown with its call; a result without a recorded call stands on its own.
                if (!calls.has(event.id)) {
                    out.push(`**Result** of ${inline(event.tool)} call ${code(event.id)}`, '');
                    out.push(...resultDetails(event));
                }
                break;
            case 'compaction':
                out.push('### Compaction', '');
                out.push(`The first ${event.replaced_messages} messages (${count(event.tokens_before)} tokens of context) were replaced by this summary:`, '');
                out.push(...details('Summary', fence(event.summary, 'text')));
                break;
            case 'resume':
                out.push(`### Resumed: ${inline(event.kind)} by ${inline(event.by)}`, '', ...(event.request === undefined ? [] : [inline(event.request, 1000), '']));
                break;
            case 'workspace':
                out.push(`The working tree's changes were saved for a resumed run (${count(event.patch.length)} characters of patch on ${code(event.base.slice(0, 12))}).`, '');
                break;
            case 'outcome':
            case 'header':
                break;
        }
    }
    out.push('## Outcome', '');
    const outcome = lastOutcome(session.events);
    if (session.truncatedTail) {
        out.push('The last line of the file was cut off mid-write and is not shown.', '');
    }
    if (!outcome) {
        const totals = requestTotals(session.events);
        out.push('No outcome line: the run did not finish (it crashed, was killed, or is still running).', '');
        out.push(table(['Requests so far', 'Tokens so far', 'Cost so far (USD)'], [[String(totals.requests), tokenSummary(totals.usage), usd(totals.cost)]]), '');
        return finish(out);
    }
    const rows = [
        ['Status', `**${inline(outcome.status)}**`],
        ['Reason', inline(outcome.reason, Infinity)],
        ['Turns', String(outcome.turns)],
        ['Input tokens', count(outcome.usage.input_tokens)],
        ['Output tokens', count(outcome.usage.output_tokens)],
        ['Cache read tokens', count(outcome.usage.cache_read_input_tokens)],
        ['Cache write tokens', count(outcome.usage.cache_creation_input_tokens)],
        ['Cost (USD)', usd(outcome.cost_usd)]
    ];
    if (outcome.branch)
        rows.push(['Branch', code(outcome.branch, true)]);
    if (outcome.commits && outcome.commits.length > 0) {
        rows.push(['Commits', outcome.commits.map(commit => code(commit, true)).join(', ')]);
    }
    rows.push(['Ended', inline(outcome.ended_at)]);
    out.push(table(['', ''], rows), '');
    if (outcome.pending && outcome.pending.length > 0) {
        out.push('### Pending approvals', '');
        out.push('These calls were not run. Allow them in the policy and run again (approval by a `/claw approve` comment is planned).', '');
        for (const call of outcome.pending) {
            out.push(`- ${callSubject(call.tool, call.input)} (${code(call.rule)}), call ${code(call.id)}`);
        }
        out.push('');
    }
    if (outcome.review !== undefined) {
        out.push(...details('Review', fence(JSON.stringify(outcome.review, null, 2), 'json')));
    }
    return finish(out);
}
function isolationCell(isolation) {
    const what = isolation.level === 'none'
        ? '**none**'
        : `${inline(isolation.level)}, network ${inline(isolation.network)}`;
    return `${what}: ${inline(isolation.detail, Infinity)}`;
}
/** A few lines for a job summary: outcome, cost, tokens, and tool calls counted by decision. */
function renderSessionSummary(session) {
    const { header } = session;
    const outcome = lastOutcome(session.events);
    const out = [];
    const status = outcome ? outcome.status : 'unfinished';
    out.push(`### claw ${inline(header.task)}: ${inline(status)}`, '');
    if (outcome)
        out.push(inline(outcome.reason, Infinity), '');
    else
        out.push('The session has no outcome line: the run did not finish.', '');
    out.push(table(['Turns', 'Input tokens', 'Output tokens', 'Cache reads', 'Cache writes', 'Cost (USD)'], [usageRow(session)]), '');
    const decisions = { allow: 0, deny: 0, ask: 0 };
    for (const event of session.events) {
        if (event.type === 'tool_call')
            decisions[event.decision.decision] += 1;
    }
    const total = decisions.allow + decisions.deny + decisions.ask;
    out.push(`Tool calls: ${total} (${decisions.allow} allowed, ${decisions.deny} denied, ${decisions.ask} asked).`, '');
    const pending = outcome?.pending ?? [];
    if (pending.length > 0) {
        out.push('Waiting for approval (not run):', '');
        for (const call of pending)
            out.push(`- ${callSubject(call.tool, call.input)} (${code(call.rule)})`);
        out.push('');
    }
    if (session.truncatedTail)
        out.push('The transcript ends in a line cut off mid-write.', '');
    return finish(out);
}
function renderUserBlock(block, results) {
    if (block.type === 'text') {
        const lines = block.text.split('\n').length;
        const body = fence(block.text, 'text');
        if (lines > FOLD_LINES)
            return ['**User**', '', ...details(`${lines} lines`, body)];
        return ['**User**', '', body, ''];
    }
    // Results that have a tool_result event are shown with their call.
    if (results.has(block.tool_use_id))
        return [];
    return [
        `**Result** of call ${code(block.tool_use_id)}`,
        '',
        ...details(block.is_error ? 'error' : 'result', fence(block.content, 'text'))
    ];
}
function renderAssistantBlock(block, calls) {
    switch (block.type) {
        case 'text':
            return ['**Assistant**', '', fence(block.text, 'markdown'), ''];
        case 'thinking':
            return details('Thinking', fence(block.thinking, 'text'));
        case 'tool_use':
            // A call that went through the policy is shown at its tool_call event, with the decision.
            if (calls.has(block.id))
                return [];
            return [`${callSubject(block.name, block.input)} — no decision recorded`, ''];
    }
}
function renderToolCall(call, result) {
    const { decision } = call;
    const verdict = decision.decision === 'allow' ? 'allow' : `**${decision.decision}**`;
    let line = `${callSubject(call.tool, call.input)} — ${verdict} (${code(decision.rule)})`;
    if (decision.decision !== 'allow')
        line += `: ${inline(decision.reason)}`;
    const out = [line, ''];
    const extraInput = hasExtraInput(call.tool, call.input)
        ? ['Input:', '', fence(JSON.stringify(call.input, null, 2), 'json'), '']
        : [];
    if (result) {
        out.push(...resultDetails(result, extraInput));
    }
    else {
        if (extraInput.length > 0)
            out.push(...details('input', ...extraInput));
        out.push(decision.decision === 'ask' ? '_Not run: waiting for approval._' : '_No result recorded._', '');
    }
    return out;
}
function resultDetails(result, before = []) {
    const lines = result.content === '' ? 0 : result.content.split('\n').length;
    const kind = `${before.length > 0 ? 'input and ' : ''}${result.is_error ? 'error' : 'result'}`;
    const summary = `${kind} · ${duration(result.duration_ms)} · ${lines} ${lines === 1 ? 'line' : 'lines'}`;
    return details(summary, ...before, fence(result.content, 'text'));
}
function requestLine(event) {
    const u = event.usage;
    return [
        `Model request: ${inline(event.model)}`,
        `${count(u.input_tokens)} input`,
        `${count(u.output_tokens)} output`,
        `${count(u.cache_read_input_tokens)} cache read`,
        `${count(u.cache_creation_input_tokens)} cache write tokens`,
        usd(event.cost_usd),
        duration(event.duration_ms),
        `stop: ${inline(event.stop_reason)}`
    ].join(' · ');
}
/** Which input field names each tool's one-line subject; other fields go in the Input block. */
const SUBJECT_FIELDS = {
    Bash: ['command'],
    Read: ['file_path', 'offset', 'limit'],
    Write: ['file_path'],
    Edit: ['file_path'],
    Glob: ['pattern', 'path'],
    Grep: ['pattern', 'path', 'glob'],
    ReviewComment: ['file_path', 'line', 'start_line', 'side']
};
function callSubject(tool, input) {
    return `**${inline(tool)}** ${code(callSubjectText(tool, input))}`;
}
/**
 * The raw, unescaped one-line subject of a tool call (its command, path or pattern, else its input
 * as JSON). Callers escape it, e.g. with `code`.
 */
function callSubjectText(tool, input) {
    const fields = isRecord(input) ? input : {};
    const text = (key) => {
        const value = fields[key];
        return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
    };
    let subject;
    switch (tool) {
        case 'Glob':
        case 'Grep': {
            const pattern = text('pattern');
            const path = text('path');
            subject = pattern && path ? `${pattern} in ${path}` : pattern;
            break;
        }
        case 'ReviewComment': {
            const file = text('file_path');
            const line = text('line');
            subject = file && line ? `${file}:${line}` : file;
            break;
        }
        default:
            subject = ['command', 'file_path', 'pattern', 'path', 'url', 'query']
                .map(text)
                .find(value => value !== undefined);
    }
    return subject ?? JSON.stringify(input) ?? '';
}
function hasExtraInput(tool, input) {
    if (!isRecord(input))
        return input !== undefined && input !== null;
    const known = SUBJECT_FIELDS[tool] ?? [];
    return Object.keys(input).some(key => !known.includes(key));
}
/**
 * One row of run totals (turns, input, output, cache reads, cache writes, cost): from the outcome,
 * or, for a run that never finished, summed from its requests with the turns unknown.
 */
function usageRow(session) {
    const outcome = lastOutcome(session.events);
    const totals = outcome
        ? { usage: outcome.usage, cost: outcome.cost_usd, turns: String(outcome.turns) }
        : { ...requestTotals(session.events), turns: '?' };
    return [
        totals.turns,
        count(totals.usage.input_tokens),
        count(totals.usage.output_tokens),
        count(totals.usage.cache_read_input_tokens),
        count(totals.usage.cache_creation_input_tokens),
        usd(totals.cost)
    ];
}
function lastOutcome(events) {
    let found;
    for (const event of events)
        if (event.type === 'outcome')
            found = event;
    return found;
}
function requestTotals(events) {
    const usage = {
        input_tokens: 0,
        output_tokens: 0,
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: 0
    };
    let cost = 0;
    let requests = 0;
    for (const event of events) {
        if (event.type !== 'request')
            continue;
        requests += 1;
        cost += event.cost_usd;
        usage.input_tokens += event.usage.input_tokens;
        usage.output_tokens += event.usage.output_tokens;
        usage.cache_read_input_tokens += event.usage.cache_read_input_tokens;
        usage.cache_creation_input_tokens += event.usage.cache_creation_input_tokens;
    }
    return { requests, usage, cost };
}
function tokenSummary(usage) {
    return `${count(usage.input_tokens)} input, ${count(usage.output_tokens)} output, ${count(usage.cache_read_input_tokens)} cache read, ${count(usage.cache_creation_input_tokens)} cache write`;
}
/**
 * A fenced code block that `content` cannot close: the fence is one backtick longer than the
 * longest run of backticks anywhere in it (and at least three).
 */
function fence(content, info = '') {
    const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map(run => run.length));
    const marks = '`'.repeat(Math.max(3, longest + 1));
    const body = content.endsWith('\n') ? content.slice(0, -1) : content;
    return `${marks}${info}\n${body}\n${marks}`;
}
/** A collapsed block; the blank lines let Markdown inside it render. */
function details(summary, ...body) {
    return [`<details><summary>${escapeHtml(summary)}</summary>`, '', ...body, '', '</details>', ''];
}
/**
 * An inline code span holding `text` on one line, whatever backticks it contains. In a table cell
 * a `|` splits the cell even inside a code span, so there it is escaped (GitHub drops the `\`).
 */
function code(text, inTable = false) {
    let flat = shorten(text.replace(/\s*\n\s*/g, ' ⏎ '), INLINE_CHARS);
    if (inTable)
        flat = flat.replace(/\|/g, '\\|');
    if (flat === '')
        return '` `';
    const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map(run => run.length));
    const marks = '`'.repeat(longest + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    return `${marks}${pad}${flat}${pad}${marks}`;
}
/** Text shown as plain inline Markdown: one line, with every character Markdown acts on escaped. */
function inline(text, maxChars = INLINE_CHARS) {
    return shorten(text.replace(/\s*\n\s*/g, ' '), maxChars).replace(/[\\`*_[\]<>|~&#!]/g, '\\$&');
}
function escapeHtml(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');
}
function shorten(text, maxChars) {
    return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}
function table(head, rows) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
function count(value) {
    return value.toLocaleString('en-US');
}
function usd(value) {
    return `$${value.toFixed(4)}`;
}
function duration(ms) {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function finish(lines) {
    return `${lines.join('\n').trimEnd()}\n`;
}


/***/ })

};
