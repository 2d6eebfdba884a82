/*
 * One check's results as the student reads them: a banner when the files did not compile or the grader broke down,
 * a summary, then each test with its outcome, points and message, for a visible test its expected and actual output
 * side by side and what the program wrote to stderr. Hidden tests arrive with their name, points and outcome only.
 * Every text from the server is added as text, never as markup.
 */
var Pyroom = window.Pyroom || {};

Pyroom.checkReport = (function () {
    var OUTCOMES = {
        PASSED: 'Passed',
        FAILED: 'Failed',
        ERROR: 'Error',
        TIMEOUT: 'Timed out',
        NOT_COMPILED: 'Not compiled',
        CRASHED: 'Not judged'
    };

    function make(tag, className, text) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text !== undefined) {
            node.textContent = text;
        }
        return node;
    }

    function plural(count, word) {
        return count + ' ' + word + (count === 1 ? '' : 's');
    }

    function points(earned, total) {
        return earned + '/' + total + (total === 1 ? ' point' : ' points');
    }

    /** "3 of 5 tests passed · 6/10 points" */
    function summary(check) {
        return check.passed + ' of ' + plural(check.tests, 'test') + ' passed · ' + points(check.score, check.maxScore);
    }

    /** A short line for the list of earlier checks and for screen readers. */
    function brief(check) {
        if (check.outcome === 'NOT_COMPILED') {
            return 'did not compile';
        }
        if (check.outcome === 'GRADER_FAILED') {
            return 'could not finish';
        }
        return points(check.score, check.maxScore);
    }

    function banner(kind, title, lines) {
        var box = make('div', 'check-banner ' + kind);
        box.appendChild(make('p', 'check-banner-title', title));
        lines.forEach(function (line) {
            box.appendChild(make('p', null, line));
        });
        return box;
    }

    function notCompiled(check) {
        var failing = check.results.filter(function (result) { return result.outcome === 'NOT_COMPILED'; });
        var withOutput = failing.filter(function (result) { return result.output; })[0];
        var box = banner('not-compiled', 'Your files do not compile, so no test could run.', [
            failing.length > 0 ? failing[0].message : '',
            'This check does not count as an attempt. Fix the error and check again.'
        ]);
        if (withOutput) {
            box.appendChild(make('pre', 'test-output', withOutput.output));
        }
        return box;
    }

    function test(result) {
        var item = make('li', 'check-test outcome-' + result.outcome.toLowerCase());
        var head = make('div', 'test-head');
        head.appendChild(make('span', 'test-outcome', OUTCOMES[result.outcome] || result.outcome));
        head.appendChild(make('span', 'test-name', result.name));
        if (!result.visible) {
            head.appendChild(make('span', 'test-hidden', 'hidden test'));
        }
        head.appendChild(make('span', 'test-points', points(result.earned, result.points)));
        item.appendChild(head);
        if (result.outcome !== 'PASSED' && result.message) {
            item.appendChild(make('p', 'test-message', result.message));
        }
        var compared = typeof result.expected === 'string' && typeof result.actual === 'string';
        if (result.visible && result.outcome !== 'PASSED' && compared && result.expected !== result.actual) {
            item.appendChild(Pyroom.outputDiff.render(result.expected, result.actual));
        }
        if (result.output) {
            var output = make('div', 'test-stderr');
            output.appendChild(make('span', 'test-stderr-title', 'Error output'));
            output.appendChild(make('pre', 'test-output', result.output));
            item.appendChild(output);
        }
        return item;
    }

    /** Replaces the container's content with the check's results under the heading. */
    function render(check, container, heading) {
        container.textContent = '';
        container.appendChild(make('h4', 'check-heading', heading));
        if (check.outcome === 'NOT_COMPILED') {
            container.appendChild(notCompiled(check));
            return;
        }
        if (check.outcome === 'GRADER_FAILED') {
            container.appendChild(banner('grader-failed', 'This check could not finish.', [
                'The grader broke down while it ran the tests: this is not your fault, and the tests marked "Not '
                    + 'judged" say nothing about your work. Check again in a moment.'
            ]));
        }
        var line = make('p', 'check-summary', summary(check));
        if (check.outcome === 'GRADED' && check.passed === check.tests) {
            line.className += ' all-passed';
        }
        container.appendChild(line);
        var list = make('ol', 'check-tests');
        check.results.forEach(function (result) {
            list.appendChild(test(result));
        });
        container.appendChild(list);
    }

    return {render: render, summary: summary, brief: brief};
})();
