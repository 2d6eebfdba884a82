/*
 * The editor's Check button: saves what the editor has not saved yet, asks POST /api/workspaces/{id}/checks to check
 * the saved files against the assignment's tests, and shows the result (check-report.js) in the "Check results" tab,
 * with the earlier checks listed under it. A refusal (a check of this workspace running, the node busy, every check
 * used) is said quietly; a busy node is asked again after the Retry-After it names. Where the assignment limits the
 * checks, both answers carry attemptsLeft: it is shown beside the button, and none left disables the button.
 */
var Pyroom = window.Pyroom || {};

Pyroom.checks = (function () {
    var MAX_RETRIES = 3;

    var running = false;
    var exhausted = false;
    var shownId = null;
    var runningState = null;

    function element(id) {
        return document.getElementById(id);
    }

    function checksUrl() {
        return '/api/workspaces/' + document.querySelector('form.editor').getAttribute('data-workspace') + '/checks';
    }

    function button() {
        return document.querySelector('button[id$=":check"]');
    }

    function setRunning(value) {
        running = value;
        var check = button();
        if (check) {
            check.disabled = value || exhausted;
            check.classList.toggle('ui-state-disabled', value || exhausted);
            if (!value && runningState !== null) {
                runningState.stop();
                runningState = null;
            } else if (value && runningState === null) {
                runningState = new Pyroom.RunningState(check, 'Checking…');
                runningState.start();
            }
        }
        element('check-panel').setAttribute('aria-busy', value ? 'true' : 'false');
    }

    /** "3 checks left" beside the button, or nothing when the checks are not limited (attemptsLeft null). */
    function showAttemptsLeft(left) {
        var counter = element('checks-left');
        var limited = typeof left === 'number';
        exhausted = limited && left <= 0;
        counter.hidden = !limited;
        counter.textContent = !limited ? '' : exhausted ? 'No checks left' : left + (left === 1 ? ' check left'
            : ' checks left');
        counter.className = 'checks-left' + (exhausted ? ' none' : '');
        setRunning(running);
    }

    /** Progress and refusals are shown; the outcome of a check only announced, the report below shows it. */
    function status(text, kind) {
        var line = element('check-status');
        line.textContent = text;
        line.className = 'check-status ' + kind + (kind === 'done' ? ' visually-hidden' : '');
    }

    function time(check) {
        return new Date(check.checkedAt).toLocaleString([], {dateStyle: 'medium', timeStyle: 'medium'});
    }

    function show(check) {
        shownId = check.id;
        Pyroom.checkReport.render(check, element('check-report'), 'Check of ' + time(check));
        Array.prototype.forEach.call(element('check-history').querySelectorAll('button'), function (entry) {
            entry.setAttribute('aria-current', String(Number(entry.getAttribute('data-check')) === shownId));
        });
    }

    function check() {
        if (running || exhausted) {
            return;
        }
        setRunning(true);
        Pyroom.resultTabs.show('check-panel');
        saveAndPost(0);
    }

    function saveAndPost(retries) {
        status('Saving your files…', 'progress');
        Pyroom.editor.save().then(function (stored) {
            if (!stored) {
                status('Your files could not be saved, so they were not checked.', 'refused');
                setRunning(false);
                return;
            }
            status('Checking your saved files against the tests…', 'progress');
            post(retries);
        });
    }

    function post(retries) {
        fetch(checksUrl(), {method: 'POST', credentials: 'same-origin', headers: {Accept: 'application/json'}})
            .then(function (response) {
                return response.json().catch(function () { return {}; }).then(function (answer) {
                    answered(response, answer, retries);
                });
            })
            .catch(function () {
                status('The server could not be reached, so your files were not checked. Try again in a moment.',
                    'refused');
                setRunning(false);
            });
    }

    function afterCheck(check) {
        if (check.outcome === 'NOT_COMPILED') {
            return 'Checked: your files do not compile. This check does not count as an attempt.';
        }
        if (check.outcome === 'GRADER_FAILED') {
            return 'The check could not finish. This is not your fault: check again in a moment.';
        }
        return 'Checked: ' + Pyroom.checkReport.summary(check) + '.';
    }

    function answered(response, answer, retries) {
        if (response.ok) {
            status(afterCheck(answer), 'done');
            show(answer);
            setRunning(false);
            showAttemptsLeft(answer.attemptsLeft);
            loadHistory();
            return;
        }
        var message = typeof answer.error === 'string' ? answer.error : 'The check could not run.';
        var wait = Number(response.headers.get('Retry-After'));
        if (response.status === 503 && wait > 0 && retries < MAX_RETRIES) {
            status(message + ' Checking again in ' + wait + ' s.', 'refused');
            setTimeout(function () { saveAndPost(retries + 1); }, wait * 1000);
            return;
        }
        status(message, 'refused');
        setRunning(false);
        if (response.status === 409) {
            // Every check used, or one of this workspace running: the count of checks left tells which.
            loadHistory();
        }
    }

    /** Lists the earlier checks, newest first; choosing one shows its results. */
    function loadHistory() {
        fetch(checksUrl(), {credentials: 'same-origin', headers: {Accept: 'application/json'}})
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (answer) {
                if (answer !== null) {
                    showAttemptsLeft(answer.attemptsLeft);
                    listHistory(answer.checks);
                }
            })
            .catch(function () {
                // The list is a convenience: it comes back with the next check.
            });
    }

    function listHistory(checks) {
        var list = element('check-history');
        list.textContent = '';
        if (checks.length === 0) {
            list.appendChild(document.createElement('li')).textContent = 'No checks yet.';
        }
        checks.forEach(function (earlier) {
            var entry = document.createElement('button');
            entry.type = 'button';
            entry.className = 'check-history-entry outcome-' + earlier.outcome.toLowerCase();
            entry.setAttribute('data-check', earlier.id);
            entry.setAttribute('aria-current', String(earlier.id === shownId));
            entry.textContent = time(earlier) + ' · ' + Pyroom.checkReport.brief(earlier);
            entry.addEventListener('click', function () {
                show(earlier);
            });
            list.appendChild(document.createElement('li')).appendChild(entry);
        });
        // A student coming back to the editor finds the results of their last check.
        if (shownId === null && !running && checks.length > 0) {
            show(checks[0]);
        }
    }

    loadHistory();

    return {check: check};
})();
