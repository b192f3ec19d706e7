export const id = 949;
export const ids = [949];
export const modules = {

/***/ 4455:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ SESSION_FORMAT_VERSION)
/* harmony export */ });
/**
 * The session transcript: JSONL, one event per line, written as the run goes so that a crash
 * leaves a readable file. The first line is always the header. Bump SESSION_FORMAT_VERSION when
 * a change would stop an older reader from resuming or replaying a file.
 */
const SESSION_FORMAT_VERSION = 1;


/***/ }),

/***/ 949:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $y: () => (/* binding */ conversationOf),
/* harmony export */   iq: () => (/* binding */ parseSession),
/* harmony export */   readSession: () => (/* binding */ readSession)
/* harmony export */ });
/* unused harmony export SessionFormatError */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _events_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4455);



/** A session file that cannot be read as a transcript; the message names the file and line. */
class SessionFormatError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y {
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
function readSession(path) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`cannot read session file ${path}: ${describeFsError(error)}`);
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
                : `not valid JSON (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .g)(error)})`;
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
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .g)(error);
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
    if (version > _events_js__WEBPACK_IMPORTED_MODULE_2__/* .SESSION_FORMAT_VERSION */ .k) {
        throw new Problem(`the session was written by a newer claw (format ${version}); this claw reads format ${_events_js__WEBPACK_IMPORTED_MODULE_2__/* .SESSION_FORMAT_VERSION */ .k}`);
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
        boolean(event, 'is_error', where);
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
                    boolean(block, 'is_error', where, prefix);
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
function boolean(fields, key, where, prefix = '') {
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


/***/ })

};
