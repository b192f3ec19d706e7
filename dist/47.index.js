export const id = 47;
export const ids = [47];
export const modules = {

/***/ 46047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   replyToRefusal: () => (/* binding */ replyToRefusal)
/* harmony export */ });
/* unused harmony exports REFUSAL_MARKER, refusalReplyBody */
/* harmony import */ var _session_render_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66438);
/* harmony import */ var _octokit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79634);
/* harmony import */ var _permission_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32892);
/**
 * The reply to a refused trigger: a `/claw ...` comment by someone without permission, or one
 * claw cannot act on (see `Refusal` in events.ts). The reply says why, so that a contributor is
 * not left guessing, but at most once per `REFUSAL_REPLY_INTERVAL_MS` on one issue or pull
 * request: otherwise anyone who can comment could make claw post one comment per comment of
 * theirs, spamming the thread and everyone watching it on the attacker's behalf.
 *
 * Earlier replies are found by their marker in the comments GitHub lists, not in any state of our
 * own: each run is a fresh job with nothing shared between runs but the repository.
 */



/**
 * What every refusal reply carries. It starts like every claw marker (`BOT_MARKER_PATTERN`), so a
 * reply that quotes `/claw ask ...` never triggers claw itself.
 */
const REFUSAL_MARKER = '<!-- claw:refusal -->';
/** The reply's message is shown in full up to this many characters (one or two sentences). */
const MESSAGE_CHARS = 1000;
/**
 * Replies to a refused trigger unless claw already did within the interval. Never throws: a
 * refusal must not fail the workflow run, so a failed API call is logged and gives `failed` (and
 * no reply: without the list of earlier replies, a flood would get one reply per comment).
 */
async function replyToRefusal(octokit, options) {
    const now = options.now ?? new Date();
    const intervalMs = options.intervalMs ?? _permission_js__WEBPACK_IMPORTED_MODULE_2__/* .REFUSAL_REPLY_INTERVAL_MS */ .RQ;
    const { owner, repo, replyTo } = options;
    let operation = 'issues.listComments';
    try {
        const since = new Date(now.getTime() - intervalMs).toISOString();
        const earlier = [];
        // Stops at the first recent reply: in a flood there can be pages of comments, and one is enough.
        const collect = (bodies) => {
            for (const comment of bodies) {
                // Any comment with the marker counts, whoever wrote it: a forged one can only make claw
                // quieter, never make it reply more often.
                if (comment.body?.includes(REFUSAL_MARKER) === true) {
                    earlier.push(new Date(comment.created_at));
                }
            }
            return !(0,_permission_js__WEBPACK_IMPORTED_MODULE_2__/* .refusalReplyAllowed */ .l7)(earlier, now, intervalMs);
        };
        // `since` filters on `updated_at`: an older reply edited since is listed too, and judged by
        // its `created_at`.
        await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: replyTo.issueNumber, since, per_page: 100 }, (response, done) => {
            if (collect(response.data))
                done();
            return [];
        });
        if (replyTo.reviewCommentId !== undefined && (0,_permission_js__WEBPACK_IMPORTED_MODULE_2__/* .refusalReplyAllowed */ .l7)(earlier, now, intervalMs)) {
            operation = 'pulls.listReviewComments';
            await octokit.paginate(octokit.rest.pulls.listReviewComments, { owner, repo, pull_number: replyTo.issueNumber, since, per_page: 100 }, (response, done) => {
                if (collect(response.data))
                    done();
                return [];
            });
        }
        if (!(0,_permission_js__WEBPACK_IMPORTED_MODULE_2__/* .refusalReplyAllowed */ .l7)(earlier, now, intervalMs))
            return 'rate-limited';
        const body = refusalReplyBody(options.message, intervalMs);
        if (replyTo.reviewCommentId !== undefined) {
            operation = 'pulls.createReplyForReviewComment';
            await octokit.rest.pulls.createReplyForReviewComment({
                owner,
                repo,
                pull_number: replyTo.issueNumber,
                comment_id: replyTo.reviewCommentId,
                body
            });
        }
        else {
            operation = 'issues.createComment';
            await octokit.rest.issues.createComment({
                owner,
                repo,
                issue_number: replyTo.issueNumber,
                body
            });
        }
        return 'replied';
    }
    catch (error) {
        options.log(`Could not reply to the refused trigger: ${(0,_octokit_js__WEBPACK_IMPORTED_MODULE_1__.describeGitHubError)(error, operation)}`);
        return 'failed';
    }
}
/**
 * The reply's Markdown: the marker, the message escaped as inline text (it can quote a login, a
 * custom role name or the trigger, none of which may turn into markup, a link or an image), and a
 * note on why claw may stay silent next time.
 */
function refusalReplyBody(message, intervalMs = _permission_js__WEBPACK_IMPORTED_MODULE_2__/* .REFUSAL_REPLY_INTERVAL_MS */ .RQ) {
    const minutes = Math.max(1, Math.round(intervalMs / 60_000));
    const every = minutes === 1 ? 'once a minute' : `once every ${minutes} minutes`;
    return (`${REFUSAL_MARKER}\n${(0,_session_render_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(message, MESSAGE_CHARS)}\n\n` +
        `<sub>claw answers refused triggers here at most ${every}.</sub>\n`);
}


/***/ })

};
