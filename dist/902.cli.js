export const id = 902;
export const ids = [902,949];
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


/***/ }),

/***/ 9902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   isZipFile: () => (/* binding */ isZipFile),
/* harmony export */   readSessionFromZip: () => (/* binding */ readSessionFromZip)
/* harmony export */ });
/* unused harmony export MAX_ZIPPED_TRANSCRIPT_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _reader_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(949);
/**
 * Reads the transcript out of a session artifact as GitHub's "download artifact" button gives it:
 * a zip holding `<name>.jsonl` and its Markdown rendering (see artifact-store.ts), so that
 * `claw show` takes the download as it is.
 *
 * The zip is read here, not with a library: the CLI ships as one bundle, and all it needs is one
 * stored or deflated entry of a small archive. Only the bytes that entry needs are read (the tail
 * for the directory, then the entry), so a large `.md` or an unrelated zip costs nothing.
 */





/** The largest transcript (uncompressed) read out of a zip: more is refused before inflating. */
const MAX_ZIPPED_TRANSCRIPT_BYTES = 50 * 1024 * 1024;
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const END_OF_DIRECTORY_SIZE = 22;
const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
/** The end record's comment is at most 64 KiB, so the record starts within this of the end. */
const MAX_TAIL = END_OF_DIRECTORY_SIZE + 0xffff;
/** A 16- or 32-bit field with this value means "see the ZIP64 record". */
const ZIP64_U16 = 0xffff;
const ZIP64_U32 = 0xffffffff;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
/** WinZip's AES: always encrypted, whether or not a writer also sets flag bit 0. */
const METHOD_AES = 99;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
/**
 * Whether `path` should be read as a zip: a `.zip` name, or a file that starts like one (a
 * download saved under another name). A file that cannot be opened is not; reading it as a
 * transcript then reports why.
 */
function isZipFile(path) {
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.extname)(path).toLowerCase() === '.zip')
        return true;
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, 'r');
    }
    catch {
        return false;
    }
    try {
        const head = Buffer.alloc(4);
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, head, 0, 4, 0) !== 4)
            return false;
        const signature = head.readUInt32LE(0);
        // A JSONL line starts with `{`, never with "PK\3\4" (an entry) or "PK\5\6" (an empty zip).
        return signature === LOCAL_HEADER || signature === END_OF_DIRECTORY;
    }
    catch {
        return false;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/**
 * The session in a session artifact's zip: its one `.jsonl` entry, parsed with `parseSession`
 * (errors name the line as `ZIP/ENTRY.jsonl:LINE`). The `.md` next to it is not used: rendering
 * the transcript again shows it as this claw renders sessions. Throws UserError when the zip holds
 * no `.jsonl` or several, when the entry is over MAX_ZIPPED_TRANSCRIPT_BYTES, encrypted or
 * compressed otherwise than stored or deflate, when the zip is ZIP64, and when it is corrupt.
 */
function readSessionFromZip(path) {
    const { name, text } = readTranscript(path);
    return (0,_reader_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSession */ .iq)(text, `${path}/${name}`);
}
/** A zip that does not hold together; readTranscript turns it into one UserError. */
class Corrupt extends Error {
}
function readTranscript(path) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, 'r');
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`cannot read session file ${path}: ${describeFsError(error)}`);
    }
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!stat.isFile()) {
            const what = stat.isDirectory() ? 'it is a directory' : 'it is not a file';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`cannot read session file ${path}: ${what}`);
        }
        const file = new PositionalReader(fd, stat.size);
        const directory = readDirectory(file, path);
        const entry = pickTranscript(directory.entries, path);
        checkEntry(entry, path);
        const data = readEntry(file, entry, directory.offset);
        return { name: entry.name, text: data.toString('utf8') };
    }
    catch (error) {
        if (error instanceof Corrupt) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`${path} is not a zip file claw can read (${error.message}); download the artifact ` +
                `again, or unzip it and run claw show on the .jsonl inside`);
        }
        throw error;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/** Reads byte ranges of an open file; a range past the end is a Corrupt zip. */
class PositionalReader {
    fd;
    size;
    constructor(fd, size) {
        this.fd = fd;
        this.size = size;
    }
    read(position, length, what) {
        if (position < 0 || length < 0 || position + length > this.size) {
            throw new Corrupt(`${what} lies past the end of the file`);
        }
        const buffer = Buffer.alloc(length);
        let done = 0;
        while (done < length) {
            const count = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(this.fd, buffer, done, length - done, position + done);
            if (count === 0)
                throw new Corrupt(`the file ends inside ${what}`);
            done += count;
        }
        return buffer;
    }
}
/** The central directory's entries and where it starts (every entry's data lies before it). */
function readDirectory(file, path) {
    if (file.size < END_OF_DIRECTORY_SIZE)
        throw new Corrupt('it is too short to be a zip');
    const tailLength = Math.min(file.size, MAX_TAIL);
    const tailStart = file.size - tailLength;
    const tail = file.read(tailStart, tailLength, 'the end record');
    let end = -1;
    for (let at = tailLength - END_OF_DIRECTORY_SIZE; at >= 0; at -= 1) {
        // The comment length check skips the signature's bytes should they occur inside a comment.
        if (tail.readUInt32LE(at) === END_OF_DIRECTORY &&
            at + END_OF_DIRECTORY_SIZE + tail.readUInt16LE(at + 20) <= tailLength) {
            end = at;
            break;
        }
    }
    if (end < 0)
        throw new Corrupt('it has no end of central directory record');
    const disk = tail.readUInt16LE(end + 4);
    const directoryDisk = tail.readUInt16LE(end + 6);
    const diskEntries = tail.readUInt16LE(end + 8);
    const count = tail.readUInt16LE(end + 10);
    const size = tail.readUInt32LE(end + 12);
    const offset = tail.readUInt32LE(end + 16);
    const hasLocator = end >= 20 && tail.readUInt32LE(end - 20) === ZIP64_LOCATOR;
    if (hasLocator ||
        count === ZIP64_U16 ||
        diskEntries === ZIP64_U16 ||
        size === ZIP64_U32 ||
        offset === ZIP64_U32) {
        throw zip64Refusal(path);
    }
    if (disk !== 0 || directoryDisk !== 0 || diskEntries !== count) {
        throw new Corrupt('it is one part of a zip split across several files');
    }
    const endPosition = tailStart + end;
    if (offset + size > endPosition)
        throw new Corrupt('its central directory lies outside the file');
    const directory = file.read(offset, size, 'the central directory');
    const entries = [];
    let at = 0;
    for (let index = 0; index < count; index += 1) {
        if (at + CENTRAL_HEADER_SIZE > size || directory.readUInt32LE(at) !== CENTRAL_HEADER) {
            throw new Corrupt(`entry ${index + 1} of the central directory is damaged`);
        }
        const nameLength = directory.readUInt16LE(at + 28);
        const extraLength = directory.readUInt16LE(at + 30);
        const commentLength = directory.readUInt16LE(at + 32);
        const next = at + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
        if (next > size)
            throw new Corrupt(`entry ${index + 1} of the central directory is damaged`);
        entries.push({
            // Names are UTF-8 (flag bit 11) or CP437, which agree on the ASCII that `.jsonl` is.
            name: directory.toString('utf8', at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength),
            flags: directory.readUInt16LE(at + 8),
            method: directory.readUInt16LE(at + 10),
            crc: directory.readUInt32LE(at + 16),
            compressedSize: directory.readUInt32LE(at + 20),
            size: directory.readUInt32LE(at + 24),
            localOffset: directory.readUInt32LE(at + 42)
        });
        at = next;
    }
    return { entries, offset };
}
function pickTranscript(entries, path) {
    const transcripts = entries.filter(entry => entry.name.toLowerCase().endsWith('.jsonl') &&
        // macOS's Archive Utility adds `__MACOSX/._<name>` resource forks when a folder is zipped
        // again: not transcripts, and they would make every such zip hold "two".
        !entry.name.startsWith('__MACOSX/'));
    if (transcripts.length === 1)
        return transcripts[0];
    if (transcripts.length === 0) {
        const held = entries.length === 0 ? 'it is empty' : `it holds ${listNames(entries.map(e => e.name))}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`${path} holds no .jsonl session transcript (${held}); pass the zip of a claw-session-… ` +
            `artifact, or the SESSION.jsonl itself`);
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`${path} holds ${transcripts.length} .jsonl files (${listNames(transcripts.map(e => e.name))}); ` +
        `unzip it and run claw show on the one you want`);
}
function checkEntry(entry, path) {
    const unzip = 'unzip it and run claw show on the .jsonl itself';
    if (entry.compressedSize === ZIP64_U32 ||
        entry.size === ZIP64_U32 ||
        entry.localOffset === ZIP64_U32) {
        throw zip64Refusal(path);
    }
    if ((entry.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) !== 0 ||
        entry.method === METHOD_AES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`${path}: ${entry.name} is encrypted, which claw show does not read; ${unzip} (with its password)`);
    }
    const largest = Math.max(entry.size, entry.compressedSize);
    if (largest > MAX_ZIPPED_TRANSCRIPT_BYTES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`${path}: ${entry.name} is ${megabytes(largest)} uncompressed, over the ` +
            `${megabytes(MAX_ZIPPED_TRANSCRIPT_BYTES)} claw show reads from a zip; ${unzip}`);
    }
    if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATE) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`${path}: ${entry.name} is compressed with method ${entry.method} (claw show reads stored ` +
            `and deflated entries); ${unzip}`);
    }
}
/** The entry's bytes, inflated and checked against the directory's size and CRC. */
function readEntry(file, entry, directoryOffset) {
    const what = `the local header of ${entry.name}`;
    const header = file.read(entry.localOffset, LOCAL_HEADER_SIZE, what);
    if (header.readUInt32LE(0) !== LOCAL_HEADER)
        throw new Corrupt(`${what} is damaged`);
    // The local header's sizes may be zero (written before the data, as archiver streams): the
    // central directory's are the ones to trust. Its name and extra lengths can differ from there.
    const dataStart = entry.localOffset + LOCAL_HEADER_SIZE + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (dataStart + entry.compressedSize > directoryOffset) {
        throw new Corrupt(`the data of ${entry.name} runs into the central directory`);
    }
    const stored = file.read(dataStart, entry.compressedSize, `the data of ${entry.name}`);
    let data;
    if (entry.method === METHOD_STORED) {
        data = stored;
    }
    else {
        try {
            // Bounded by the size the directory declares, so a lying directory cannot inflate a bomb.
            data = (0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.inflateRawSync)(stored, { maxOutputLength: Math.max(entry.size, 1) });
        }
        catch (error) {
            throw new Corrupt(`${entry.name} does not inflate: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)}`);
        }
    }
    if (data.length !== entry.size) {
        throw new Corrupt(`${entry.name} holds ${data.length} bytes where the directory says ${entry.size}`);
    }
    if (crc32(data) !== entry.crc)
        throw new Corrupt(`${entry.name} fails its CRC check`);
    return data;
}
function zip64Refusal(path) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`${path} is a ZIP64 archive, which claw show does not read; unzip it and run claw show on ` +
        `the .jsonl inside`);
}
function listNames(names) {
    const shown = names.slice(0, 5).join(', ');
    return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}
function megabytes(bytes) {
    return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}
/** The words reader.ts uses for the same failures, so that both kinds of file read alike. */
function describeFsError(error) {
    const code = error?.code;
    if (code === 'ENOENT')
        return 'no such file';
    if (code === 'EISDIR')
        return 'it is a directory';
    if (code === 'EACCES' || code === 'EPERM')
        return 'permission denied';
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error);
}
let crcTable;
/** CRC-32 as zip stores it; zlib.crc32 exists from Node 20.15 and 22.2 only. */
function crc32(data) {
    if (crcTable === undefined) {
        crcTable = new Uint32Array(256);
        for (let n = 0; n < 256; n += 1) {
            let c = n;
            for (let k = 0; k < 8; k += 1)
                c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
            crcTable[n] = c >>> 0;
        }
    }
    const table = crcTable;
    let crc = 0xffffffff;
    for (let index = 0; index < data.length; index += 1) {
        crc = table[(crc ^ data[index]) & 0xff] ^ (crc >>> 8);
    }
    return (crc ^ 0xffffffff) >>> 0;
}


/***/ })

};
