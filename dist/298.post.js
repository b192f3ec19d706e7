export const id = 298;
export const ids = [298];
export const modules = {

/***/ 298:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uploadSessionArtifact: () => (/* binding */ uploadSessionArtifact)
});

// UNUSED EXPORTS: downloadLatestSession, sessionArtifactName

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/session/events.ts
/**
 * The session transcript: JSONL, one event per line, written as the run goes so that a crash
 * leaves a readable file. The first line is always the header. Bump SESSION_FORMAT_VERSION when
 * a change would stop an older reader from resuming or replaying a file.
 */
const SESSION_FORMAT_VERSION = 1;

;// CONCATENATED MODULE: ./src/session/reader.ts



/** A session file that cannot be read as a transcript; the message names the file and line. */
class SessionFormatError extends errors/* UserError */.y {
    source;
    line;
    name = 'SessionFormatError';
    constructor(source, line, problem) {
        super(`${source}:${line}: ${problem}`);
        this.source = source;
        this.line = line;
    }
}
/** Reads and checks a transcript file. Throws UserError (SessionFormatError for bad content). */
function reader_readSession(path) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new errors/* UserError */.y(`cannot read session file ${path}: ${describeFsError(error)}`);
    }
    return parseSession(text, path);
}
/**
 * Parses a transcript's text; `source` names it in error messages. Every line must be a known
 * event with its required fields, except that a last line without its newline that is not valid
 * JSON (a write cut off by a crash) is left out and reported as `truncatedTail`.
 */
function parseSession(text, source) {
    if (text.startsWith('\uFEFF'))
        text = text.slice(1);
    if (text.trim() === '') {
        throw new SessionFormatError(source, 1, 'the file is empty; a claw session starts with a header line');
    }
    const lines = text.split('\n');
    const endsWithNewline = text.endsWith('\n');
    let header;
    const events = [];
    let truncatedTail = false;
    // Length of the conversation rebuilt so far, to check each compaction against it.
    let conversationLength = 0;
    for (let index = 0; index < lines.length; index += 1) {
        const lineNumber = index + 1;
        const raw = (lines[index] ?? '').replace(/\r$/, '');
        if (raw.trim() === '')
            continue;
        const isCutOff = index === lines.length - 1 && !endsWithNewline;
        let value;
        try {
            value = JSON.parse(raw);
        }
        catch (error) {
            if (isCutOff && header) {
                truncatedTail = true;
                break;
            }
            const problem = isCutOff
                ? 'the header line is cut off (the run stopped while writing it)'
                : `not valid JSON (${(0,errors/* errorMessage */.g)(error)})`;
            throw new SessionFormatError(source, lineNumber, problem);
        }
        try {
            if (!header) {
                header = checkHeader(value);
                continue;
            }
            const event = checkEvent(value);
            if (event.type === 'message')
                conversationLength += 1;
            if (event.type === 'compaction') {
                if (event.replaced_messages > conversationLength) {
                    throw new Problem(`the compaction replaces ${event.replaced_messages} messages but the conversation has only ${conversationLength} at this point`);
                }
                conversationLength = conversationLength - event.replaced_messages + 1;
            }
            events.push(event);
        }
        catch (error) {
            if (error instanceof Problem)
                throw new SessionFormatError(source, lineNumber, error.message);
            throw error;
        }
    }
    // Unreachable: a non-blank text has a first line that either parsed into a header or threw.
    if (!header)
        throw new SessionFormatError(source, 1, 'no header line');
    return { header, events, truncatedTail };
}
/**
 * The conversation as the model last saw it, for resuming a session. Messages are taken in file
 * order; a `compaction` event with `replaced_messages: N` and `summary: S` replaces the first N
 * messages of the conversation rebuilt so far (a summary from an earlier compaction counts as one
 * of them) with the single message `{ role: 'user', content: S }`, kept in front of the messages
 * that follow. `summary` is therefore the exact text of that user message, not the model's raw
 * reply. The returned messages are copies: changing them does not change the session.
 */
function conversationOf(session) {
    let conversation = [];
    for (const event of session.events) {
        if (event.type === 'message')
            conversation.push(structuredClone(event.message));
        if (event.type === 'compaction')
            conversation = applyCompaction(conversation, event);
    }
    return conversation;
}
function applyCompaction(conversation, event) {
    if (event.replaced_messages > conversation.length) {
        throw new Error(`a compaction replaces ${event.replaced_messages} messages but the conversation has only ${conversation.length}`);
    }
    return [{ role: 'user', content: event.summary }, ...conversation.slice(event.replaced_messages)];
}
function describeFsError(error) {
    const code = error?.code;
    if (code === 'ENOENT')
        return 'no such file';
    if (code === 'EISDIR')
        return 'it is a directory';
    if (code === 'EACCES' || code === 'EPERM')
        return 'permission denied';
    return (0,errors/* errorMessage */.g)(error);
}
/** A problem with one line's content; parseSession adds the file and line. */
class Problem extends Error {
}
function checkHeader(value) {
    if (!isRecord(value) || value['type'] !== 'header' || value['format'] !== 'claw-session') {
        throw new Problem(`not a claw session: the first line must be a claw-session header, found ${describe(value)}`);
    }
    const version = value['version'];
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
        throw new Problem(`the header's "version" must be a positive integer, found ${JSON.stringify(version)}`);
    }
    if (version > SESSION_FORMAT_VERSION) {
        throw new Problem(`the session was written by a newer claw (format ${version}); this claw reads format ${SESSION_FORMAT_VERSION}`);
    }
    const where = 'header';
    for (const key of [
        'task',
        'repository',
        'event',
        'model',
        'policy_digest',
        'policy_source',
        'started_at',
        'prompt'
    ]) {
        string(value, key, where);
    }
    if (value['isolation'] !== undefined) {
        const isolation = record(value, 'isolation', where);
        oneOf(isolation, 'level', ISOLATION_LEVELS, where, 'isolation.');
        oneOf(isolation, 'network', ['isolated', 'host'], where, 'isolation.');
        string(isolation, 'detail', where, 'isolation.');
    }
    return value;
}
const ISOLATION_LEVELS = ['user-namespace', 'root-namespace', 'sudo-namespace', 'none'];
const RUN_STATUSES = [
    'success',
    'max-turns',
    'max-cost',
    'timeout',
    'needs-approval',
    'refusal',
    'error'
];
const EVENT_CHECKS = {
    message: event => checkMessage(record(event, 'message', 'message event'), 'message'),
    request: event => {
        const where = 'request event';
        integer(event, 'turn', where);
        string(event, 'model', where);
        usage(event, 'usage', where);
        number(event, 'cost_usd', where);
        number(event, 'duration_ms', where);
        string(event, 'stop_reason', where);
    },
    retry: event => {
        const where = 'retry event';
        integer(event, 'turn', where);
        integer(event, 'attempt', where);
        number(event, 'delay_ms', where);
        string(event, 'reason', where);
    },
    tool_call: event => {
        const where = 'tool_call event';
        string(event, 'id', where);
        string(event, 'tool', where);
        // `input` (here, in tool_use blocks and in pending calls) is free-form and may be absent:
        // JSON.stringify leaves out an undefined input.
        const decision = record(event, 'decision', where);
        oneOf(decision, 'decision', ['allow', 'ask', 'deny'], where, 'decision.');
        string(decision, 'rule', where, 'decision.');
        string(decision, 'reason', where, 'decision.');
    },
    tool_result: event => {
        const where = 'tool_result event';
        string(event, 'id', where);
        string(event, 'tool', where);
        reader_boolean(event, 'is_error', where);
        string(event, 'content', where);
        number(event, 'duration_ms', where);
    },
    resume: event => {
        const where = 'resume event';
        oneOf(event, 'kind', ['approve-once', 'approve-all', 'deny', 'follow-up'], where);
        string(event, 'by', where);
        string(event, 'at', where);
    },
    workspace: event => {
        const where = 'workspace event';
        string(event, 'base', where);
        string(event, 'patch', where);
    },
    compaction: event => {
        const where = 'compaction event';
        integer(event, 'replaced_messages', where);
        number(event, 'tokens_before', where);
        string(event, 'summary', where);
    },
    outcome: event => {
        const where = 'outcome event';
        oneOf(event, 'status', RUN_STATUSES, where);
        string(event, 'reason', where);
        integer(event, 'turns', where);
        usage(event, 'usage', where);
        number(event, 'cost_usd', where);
        string(event, 'ended_at', where);
        if (event['branch'] !== undefined)
            string(event, 'branch', where);
        if (event['commits'] !== undefined) {
            array(event, 'commits', where).forEach((item, index) => {
                if (typeof item !== 'string')
                    throw missing(where, `commits[${index}]`, 'a string', item);
            });
        }
        if (event['pending'] !== undefined) {
            array(event, 'pending', where).forEach((item, index) => {
                const prefix = `pending[${index}].`;
                if (!isRecord(item))
                    throw new Problem(`${where}: "${prefix.slice(0, -1)}" must be an object`);
                string(item, 'id', where, prefix);
                string(item, 'tool', where, prefix);
                string(item, 'rule', where, prefix);
            });
        }
    }
};
function checkEvent(value) {
    if (!isRecord(value))
        throw new Problem(`an event must be a JSON object, found ${describe(value)}`);
    const type = value['type'];
    if (type === 'header')
        throw new Problem('a second header line; a session file holds one session');
    if (typeof type !== 'string' || !Object.hasOwn(EVENT_CHECKS, type)) {
        const known = Object.keys(EVENT_CHECKS).join(', ');
        throw new Problem(`unknown event type ${JSON.stringify(type)} (known: ${known})`);
    }
    EVENT_CHECKS[type](value);
    return value;
}
function checkMessage(message, path) {
    const where = 'message event';
    oneOf(message, 'role', ['user', 'assistant'], where, `${path}.`);
    const content = message['content'];
    if (message['role'] === 'user' && typeof content === 'string')
        return;
    const blocks = array(message, 'content', where, `${path}.`);
    const allowed = message['role'] === 'user' ? ['text', 'tool_result'] : ['text', 'tool_use', 'thinking'];
    blocks.forEach((block, index) => {
        const prefix = `${path}.content[${index}].`;
        if (!isRecord(block))
            throw new Problem(`${where}: "${prefix.slice(0, -1)}" must be an object`);
        oneOf(block, 'type', allowed, where, prefix);
        switch (block['type']) {
            case 'text':
                string(block, 'text', where, prefix);
                break;
            case 'tool_use':
                string(block, 'id', where, prefix);
                string(block, 'name', where, prefix);
                break;
            case 'thinking':
                string(block, 'thinking', where, prefix);
                string(block, 'signature', where, prefix);
                break;
            case 'tool_result':
                string(block, 'tool_use_id', where, prefix);
                string(block, 'content', where, prefix);
                if (block['is_error'] !== undefined)
                    reader_boolean(block, 'is_error', where, prefix);
                break;
        }
    });
}
function usage(fields, key, where) {
    const value = record(fields, key, where);
    for (const name of [
        'input_tokens',
        'output_tokens',
        'cache_read_input_tokens',
        'cache_creation_input_tokens'
    ]) {
        number(value, name, where, `${key}.`);
    }
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function describe(value) {
    if (isRecord(value)) {
        return typeof value['type'] === 'string'
            ? `a "${value['type']}" event`
            : 'an object without "type"';
    }
    if (Array.isArray(value))
        return 'an array';
    return JSON.stringify(value) ?? String(value);
}
function missing(where, name, expected, value) {
    const found = value === undefined ? 'it is missing' : `found ${JSON.stringify(value)}`;
    return new Problem(`${where}: "${name}" must be ${expected}; ${truncate(found)}`);
}
function truncate(text) {
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
function string(fields, key, where, prefix = '') {
    const value = fields[key];
    if (typeof value !== 'string')
        throw missing(where, prefix + key, 'a string', value);
    return value;
}
function number(fields, key, where, prefix = '') {
    const value = fields[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw missing(where, prefix + key, 'a number', value);
    }
}
function integer(fields, key, where, prefix = '') {
    const value = fields[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        throw missing(where, prefix + key, 'a whole number', value);
    }
}
function reader_boolean(fields, key, where, prefix = '') {
    if (typeof fields[key] !== 'boolean')
        throw missing(where, prefix + key, 'true or false', fields[key]);
}
function oneOf(fields, key, values, where, prefix = '') {
    const value = fields[key];
    if (typeof value !== 'string' || !values.includes(value)) {
        throw missing(where, prefix + key, `one of ${values.join(', ')}`, value);
    }
}
function record(fields, key, where, prefix = '') {
    const value = fields[key];
    if (!isRecord(value))
        throw missing(where, prefix + key, 'an object', value);
    return value;
}
function array(fields, key, where, prefix = '') {
    const value = fields[key];
    if (!Array.isArray(value))
        throw missing(where, prefix + key, 'an array', value);
    return value;
}

;// CONCATENATED MODULE: ./src/session/render.ts
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
    const fields = render_isRecord(input) ? input : {};
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
    if (!render_isRecord(input))
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
function render_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function finish(lines) {
    return `${lines.join('\n').trimEnd()}\n`;
}

;// CONCATENATED MODULE: ./src/session/artifact-store.ts
/**
 * Session transcripts kept as workflow artifacts, so that a later run on the same issue or pull
 * request can continue the conversation: the post step uploads each run's transcript (with a
 * Markdown rendering for people), and a run started by a comment downloads the newest one.
 *
 * The only module that uses `@actions/artifact`, and only through `await import(...)` inside the
 * functions: loading it costs about 150 ms, which a run that never uploads nor downloads saves.
 * Neither function throws: a session that cannot be stored or found is a reason the caller logs,
 * never a failed run.
 */






/** `claw-session-issue-42`, `claw-session-pr-7`, `claw-session-docs`, `claw-session-run-<id>` */
function sessionArtifactName(target) {
    switch (target.kind) {
        case 'issue':
            return `claw-session-issue-${target.number}`;
        case 'pull_request':
            return `claw-session-pr-${target.number}`;
        case 'repository':
            // Scheduled and dispatched runs (the docs task by default) share one conversation.
            return 'claw-session-docs';
        case 'workflow_run':
            return `claw-session-run-${target.runId}`;
    }
}
/**
 * Uploads the transcript and its Markdown rendering as one artifact of this workflow run, kept for
 * the repository's default retention. Artifact names are unique within a run only, so every run
 * uses the plain name and later runs find the newest by it; a run that has the name already (a
 * re-run, or a second claw step on the same target) adds `-attempt-<GITHUB_RUN_ATTEMPT>`.
 */
async function uploadSessionArtifact(options) {
    const env = options.env ?? process.env;
    const { sessionFile } = options;
    const fallback = `the session is at ${sessionFile} (session-file output); upload it with actions/upload-artifact`;
    const ghes = enterpriseServerHost(env);
    if (ghes !== undefined) {
        return {
            uploaded: false,
            reason: `GitHub Enterprise Server (${ghes}) has no artifact service the artifact client supports: ${fallback}`
        };
    }
    if (!env['ACTIONS_RUNTIME_TOKEN'] || !env['ACTIONS_RESULTS_URL']) {
        return {
            uploaded: false,
            reason: `ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL is not set (not a GitHub Actions job?): ${fallback}`
        };
    }
    let staging;
    try {
        // Outside the workspace, where the agent's next run would read it or a later step commit it.
        staging = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)(), 'claw-session-upload-'));
        const files = stageSession(sessionFile, staging, options.log);
        const folder = staging;
        const stored = await withArtifactEnvironment(env, async () => {
            const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(913), __webpack_require__.e(252)]).then(__webpack_require__.bind(__webpack_require__, 91252));
            const client = new DefaultArtifactClient();
            const name = await unusedName(client, options.name, env);
            if (name !== options.name) {
                options.log(`claw: this run has a session artifact ${options.name} already; using ${name}.`);
            }
            const response = await client.uploadArtifact(name, files, folder);
            return { name, id: response.id, size: response.size };
        });
        if (stored.id === undefined) {
            return {
                uploaded: false,
                reason: `the artifact service did not confirm the upload of ${stored.name}: ${fallback}`
            };
        }
        return { uploaded: true, id: stored.id, size: stored.size ?? 0, name: stored.name };
    }
    catch (error) {
        return {
            uploaded: false,
            reason: `the upload failed (${oneLine((0,errors/* errorMessage */.g)(error))}): ${fallback}`
        };
    }
    finally {
        if (staging !== undefined)
            (0,external_node_fs_.rmSync)(staging, { recursive: true, force: true });
    }
}
/**
 * Copies the transcript into `folder` and writes its Markdown rendering next to it (the artifact
 * client zips files under one root). A transcript that cannot be rendered goes up alone: the JSONL
 * is what a later run needs.
 */
function stageSession(sessionFile, folder, log) {
    const stem = (0,external_node_path_.basename)(sessionFile, (0,external_node_path_.extname)(sessionFile)) || 'session';
    const transcript = (0,external_node_path_.join)(folder, `${stem}.jsonl`);
    (0,external_node_fs_.copyFileSync)(sessionFile, transcript);
    try {
        const markdown = (0,external_node_path_.join)(folder, `${stem}.md`);
        (0,external_node_fs_.writeFileSync)(markdown, renderSessionMarkdown(reader_readSession(transcript)));
        return [transcript, markdown];
    }
    catch (error) {
        log(`claw: uploading the transcript without its Markdown view: ${(0,errors/* errorMessage */.g)(error)}`);
        return [transcript];
    }
}
/** `name`, or the first of `name-attempt-<n>`, `name-attempt-<n>-2`, ... this run does not have. */
async function unusedName(client, name, env) {
    const { artifacts } = await client.listArtifacts();
    const taken = new Set(artifacts.map(artifact => artifact.name));
    if (!taken.has(name))
        return name;
    const attempted = `${name}-attempt-${(env['GITHUB_RUN_ATTEMPT'] || '1').replace(/[^0-9]/g, '') || '1'}`;
    let candidate = attempted;
    for (let copy = 2; taken.has(candidate); copy += 1)
        candidate = `${attempted}-${copy}`;
    return candidate;
}
const DEFAULT_MAX_BYTES = (/* unused pure expression or super */ null && (20 * 1024 * 1024));
/** Listing pages read looking for an unexpired artifact (100 each, newest first). */
const MAX_LIST_PAGES = 5;
/**
 * Finds the newest unexpired artifact with the name in the repository, downloads it and checks
 * the transcript in it. Anything that keeps a session from being continued (none yet, too large,
 * unreadable, written by a newer claw, an API error) is `found: false` with the reason, which says
 * the run starts fresh.
 */
async function downloadLatestSession(options) {
    try {
        return await downloadChecked(options);
    }
    catch (error) {
        return {
            found: false,
            reason: `looking for the earlier session failed (${oneLine(errorMessage(error))}); the run starts fresh`
        };
    }
}
async function downloadChecked(options) {
    const env = options.env ?? process.env;
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const fresh = 'the run starts fresh';
    const ghes = enterpriseServerHost(env);
    if (ghes !== undefined) {
        return {
            found: false,
            reason: `sessions are not kept as artifacts on GitHub Enterprise Server (${ghes}); ${fresh}`
        };
    }
    // Listed and downloaded under `env`: `@actions/github`, loaded here the first time, reads
    // GITHUB_API_URL once, and the artifact client's download goes through it.
    const fetched = await withArtifactEnvironment(env, () => fetchNewest(options, maxBytes));
    if ('reason' in fetched)
        return { found: false, reason: `${fetched.reason}; ${fresh}` };
    const { artifactId, runId, which, createdAt } = fetched;
    const sessionFile = findTranscript(options.directory);
    if (sessionFile === undefined) {
        return {
            found: false,
            reason: `the newest session (${which}) has no .jsonl transcript; ${fresh}`
        };
    }
    try {
        const session = readSession(sessionFile);
        // A cut-off last line may be the result the next turn depends on: better no history than a
        // conversation that does not hold together.
        if (session.truncatedTail) {
            return {
                found: false,
                reason: `the newest session (${which}) is truncated (its run stopped mid-write); ${fresh}`
            };
        }
    }
    catch (error) {
        return {
            found: false,
            reason: `the newest session (${which}) cannot be continued: ${errorMessage(error)}; ${fresh}`
        };
    }
    return { found: true, sessionFile, artifactId, runId, createdAt };
}
/** Lists and downloads the newest usable artifact, or says why there is none. */
async function fetchNewest(options, maxBytes) {
    const { createOctokit, describeGitHubError } = await Promise.all(/* import() */[__webpack_require__.e(913), __webpack_require__.e(634)]).then(__webpack_require__.bind(__webpack_require__, 79634));
    let newest;
    try {
        const octokit = createOctokit({ token: options.token, log: options.log });
        newest = await findNewest(octokit, options);
    }
    catch (error) {
        return { reason: describeGitHubError(error, 'actions.listArtifactsForRepo') };
    }
    if (newest === undefined)
        return { reason: `no session artifact named ${options.name} yet` };
    const runId = newest.workflow_run?.id ?? 0;
    const which = `artifact ${newest.name} of run ${runId}`;
    if (newest.size_in_bytes > maxBytes) {
        return {
            reason: `the newest session (${which}) is ${newest.size_in_bytes} bytes, over the ${maxBytes}-byte limit`
        };
    }
    try {
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(913), __webpack_require__.e(252)]).then(__webpack_require__.bind(__webpack_require__, 91252));
        await new DefaultArtifactClient().downloadArtifact(newest.id, {
            path: options.directory,
            findBy: {
                token: options.token,
                workflowRunId: runId,
                repositoryOwner: options.owner,
                repositoryName: options.repo
            }
        });
    }
    catch (error) {
        return {
            reason: `the newest session (${which}) could not be downloaded (${oneLine(errorMessage(error))})`
        };
    }
    return { artifactId: newest.id, runId, which, createdAt: newest.created_at ?? '' };
}
/**
 * The newest unexpired artifact with the name that a run of this repository's own code uploaded.
 * A fork's pull request runs the fork's workflow files, with a runtime token that can upload
 * artifacts: without this check it could plant a forged conversation under the pull request's
 * session name for the next `/claw` comment there to continue.
 */
async function findNewest(octokit, options) {
    for (let page = 1; page <= MAX_LIST_PAGES; page += 1) {
        const { data } = await octokit.rest.actions.listArtifactsForRepo({
            owner: options.owner,
            repo: options.repo,
            name: options.name,
            per_page: 100,
            page
        });
        const usable = data.artifacts
            .filter(artifact => artifact.name === options.name && !artifact.expired)
            .filter(artifact => {
            const run = artifact.workflow_run;
            const fromFork = run?.head_repository_id != null &&
                run.repository_id != null &&
                run.head_repository_id !== run.repository_id;
            if (fromFork) {
                options.log(`claw: ignoring session artifact ${artifact.id}: its run (${run?.id}) built a fork's code.`);
            }
            return !fromFork;
        })
            .sort((a, b) => time(b.created_at) - time(a.created_at) || b.id - a.id);
        if (usable[0] !== undefined)
            return usable[0];
        if (page * 100 >= data.total_count)
            return undefined;
    }
    return undefined;
}
function time(value) {
    const parsed = Date.parse(value ?? '');
    return Number.isNaN(parsed) ? 0 : parsed;
}
/** The `.jsonl` file in the unpacked artifact (the first by name, should there be several). */
function findTranscript(directory) {
    const names = readdirSync(directory, { recursive: true, encoding: 'utf8' })
        .filter(name => name.endsWith('.jsonl'))
        .sort();
    for (const name of names) {
        const path = join(directory, name);
        if (statSync(path).isFile())
            return path;
    }
    return undefined;
}
/**
 * The host of `GITHUB_SERVER_URL` when the artifact client would take it for GitHub Enterprise
 * Server (which it refuses): anything but github.com, *.ghe.com and *.localhost, as its own check.
 */
function enterpriseServerHost(env) {
    let host;
    try {
        host = new URL(env['GITHUB_SERVER_URL'] || 'https://github.com').hostname.toLowerCase();
    }
    catch {
        return env['GITHUB_SERVER_URL'];
    }
    if (host === 'github.com' || host.endsWith('.ghe.com') || host.endsWith('.localhost')) {
        return undefined;
    }
    return host;
}
/** The variables `@actions/artifact` (and the `@actions/github` it loads) read from process.env. */
const ARTIFACT_ENVIRONMENT = [
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_RESULTS_URL',
    'GITHUB_SERVER_URL',
    'GITHUB_API_URL',
    'GITHUB_WORKSPACE',
    'ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY',
    'ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS',
    'ACTIONS_ARTIFACT_MAX_ARTIFACT_COUNT'
];
let environmentQueue = Promise.resolve();
/**
 * Runs `work` with `env`'s values of ARTIFACT_ENVIRONMENT in process.env: the artifact client has
 * no other way to be configured. Calls with their own `env` run one at a time so that they cannot
 * see each other's values. `@actions/github` reads GITHUB_API_URL once, when first loaded, so the
 * client's download goes to the API URL of the first load whatever `env` says later.
 */
async function withArtifactEnvironment(env, work) {
    if (env === process.env)
        return work();
    const run = environmentQueue.then(async () => {
        const saved = ARTIFACT_ENVIRONMENT.map(key => [key, process.env[key]]);
        for (const key of ARTIFACT_ENVIRONMENT)
            setVariable(key, env[key]);
        try {
            return await work();
        }
        finally {
            for (const [key, value] of saved)
                setVariable(key, value);
        }
    });
    environmentQueue = run.catch(() => undefined);
    return run;
}
function setVariable(key, value) {
    if (value === undefined)
        delete process.env[key];
    else
        process.env[key] = value;
}
function oneLine(text) {
    return text.replace(/\s*\n\s*/g, ' ').trim();
}


/***/ })

};
