export const id = 180;
export const ids = [180];
export const modules = {

/***/ 8180:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ReplayClient: () => (/* binding */ ReplayClient)
/* harmony export */ });
/* unused harmony export ReplayExhaustedError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3557);


/** Thrown when the run asks the replayed model for more replies than the session recorded. */
class ReplayExhaustedError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y {
    played;
    name = 'ReplayExhaustedError';
    constructor(played) {
        super(`the recorded session has no more model replies (${played} played)`);
        this.played = played;
    }
}
const STOP_REASONS = [
    'end_turn',
    'tool_use',
    'max_tokens',
    'pause_turn',
    'refusal',
    'stop_sequence',
    'model_context_window_exceeded'
];
/**
 * A model that plays a recorded session back (`claw run --replay FILE`): no API key, no network.
 *
 * Only the model's side is recorded. Each `complete()` returns the next recorded reply whatever
 * the request says; the tool calls in those replies go through the policy and run for real
 * against the workspace, as in the original run. A replay therefore reproduces the run only when
 * the workspace starts as the original one did; when a tool answers differently, the replayed
 * model carries on with its recorded replies regardless, and a run that wants more turns than
 * were recorded ends with ReplayExhaustedError.
 *
 * The replies, in file order:
 * - every assistant `message` event: its content, with model, stop_reason and usage from the
 *   `request` event written just before it (the loop records the request, then its reply); an
 *   assistant message without one gets the header's model, zero usage and a stop_reason read
 *   from its content;
 * - every `compaction` event: the summary the model wrote when the conversation was compacted
 *   (compaction asks the model through the same client). The recording keeps only the user
 *   message built around that summary, so the text between `<summary>` tags is returned when
 *   present (the whole message otherwise), with zero usage: its tokens were not recorded on
 *   their own.
 */
class ReplayClient {
    replies;
    next = 0;
    constructor(replies) {
        this.replies = replies;
    }
    static fromSession(session) {
        const replies = [];
        let request;
        for (const event of session.events) {
            if (event.type === 'request') {
                request = event;
            }
            else if (event.type === 'message' && event.message.role === 'assistant') {
                const content = event.message.content;
                replies.push({
                    model: request?.model || session.header.model,
                    content,
                    stop_reason: stopReason(request?.stop_reason, content),
                    usage: request ? request.usage : { ..._messages_js__WEBPACK_IMPORTED_MODULE_0__/* .ZERO_USAGE */ .f }
                });
                request = undefined;
            }
            else if (event.type === 'compaction') {
                // The summary request's usage is the `request` event recorded just before it, when the
                // session has one (sessions written before it was recorded do not).
                replies.push({
                    model: request?.model || session.header.model,
                    content: [{ type: 'text', text: summaryText(event.summary) }],
                    stop_reason: 'end_turn',
                    usage: request ? request.usage : { ..._messages_js__WEBPACK_IMPORTED_MODULE_0__/* .ZERO_USAGE */ .f }
                });
                request = undefined;
            }
        }
        return new ReplayClient(replies);
    }
    /** Replies returned so far. */
    get played() {
        return this.next;
    }
    /** Replies still to come. */
    get remaining() {
        return this.replies.length - this.next;
    }
    complete(_request, options) {
        try {
            options?.signal?.throwIfAborted();
            const reply = this.replies[this.next];
            if (!reply)
                throw new ReplayExhaustedError(this.next);
            this.next += 1;
            // A copy: the loop may keep and change what it gets without changing the recording.
            return Promise.resolve(structuredClone(reply));
        }
        catch (error) {
            return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
    }
}
function stopReason(recorded, content) {
    if (recorded !== undefined && STOP_REASONS.includes(recorded))
        return recorded;
    return content.some(block => block.type === 'tool_use') ? 'tool_use' : 'end_turn';
}
/** The model's own summary inside the message compaction built around it (compaction.ts). */
function summaryText(message) {
    const match = /<summary>\n([\s\S]*)\n<\/summary>\s*$/.exec(message);
    return match?.[1] ?? message;
}


/***/ })

};
