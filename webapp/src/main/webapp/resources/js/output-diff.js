/*
 * Expected and actual output side by side, lined up by jsdiff (vendor/jsdiff): lines that differ are marked with a
 * sign, not colour alone, and within a pair of differing lines the characters that differ are <mark>ed. Every text
 * is added as text, never as markup.
 */
var Pyroom = window.Pyroom || {};

Pyroom.outputDiff = (function () {
    /** Lines as the grader compares them by default: line ends of either kind, no trailing blank lines. */
    function lines(text) {
        var split = text.split(/\r?\n/);
        while (split.length > 0 && split[split.length - 1] === '') {
            split.pop();
        }
        return split;
    }

    /** Rows of {expected, actual}: a side is null where the other has a line it lacks. */
    function rows(expected, actual) {
        var result = [];
        var changes = window.Diff.diffArrays(lines(expected), lines(actual));
        for (var i = 0; i < changes.length; i++) {
            var change = changes[i];
            if (!change.added && !change.removed) {
                change.value.forEach(function (line) {
                    result.push({expected: line, actual: line});
                });
            } else {
                // jsdiff gives what was removed before what was added: pair them up line by line.
                var removed = change.removed ? change.value : [];
                var added = change.added ? change.value : [];
                if (change.removed && i + 1 < changes.length && changes[i + 1].added) {
                    added = changes[++i].value;
                }
                for (var k = 0; k < Math.max(removed.length, added.length); k++) {
                    result.push({
                        expected: k < removed.length ? removed[k] : null,
                        actual: k < added.length ? added[k] : null
                    });
                }
            }
        }
        return result;
    }

    function cell(line, otherLine, side) {
        var td = document.createElement('td');
        td.className = 'diff-' + side;
        if (line === null) {
            td.className += ' diff-missing';
            td.textContent = side === 'expected' ? '(no such line expected)' : '(no such line)';
            return td;
        }
        if (otherLine === null || otherLine === line) {
            td.textContent = line;
            return td;
        }
        var expected = side === 'expected' ? line : otherLine;
        var actual = side === 'expected' ? otherLine : line;
        window.Diff.diffChars(expected, actual).forEach(function (part) {
            var theirs = side === 'expected' ? part.added : part.removed;
            if (theirs) {
                return;
            }
            var piece = document.createElement(part.added || part.removed ? 'mark' : 'span');
            piece.textContent = part.value;
            td.appendChild(piece);
        });
        return td;
    }

    /** A table of the two outputs, the differing rows marked. */
    function render(expected, actual) {
        var table = document.createElement('table');
        table.className = 'output-diff';
        var head = table.createTHead().insertRow();
        ['Differs', 'Expected output', 'Your output'].forEach(function (title, index) {
            var th = head.appendChild(document.createElement('th'));
            th.scope = 'col';
            var label = th.appendChild(document.createElement('span'));
            label.textContent = title;
            if (index === 0) {
                label.className = 'visually-hidden';
            }
        });
        var body = table.createTBody();
        rows(expected, actual).forEach(function (row) {
            var tr = body.insertRow();
            var differs = row.expected !== row.actual;
            tr.className = differs ? 'differs' : 'same';
            var sign = document.createElement('td');
            sign.className = 'diff-sign';
            if (differs) {
                var symbol = sign.appendChild(document.createElement('span'));
                symbol.setAttribute('aria-hidden', 'true');
                symbol.textContent = '≠';
                var words = sign.appendChild(document.createElement('span'));
                words.className = 'visually-hidden';
                words.textContent = 'differs';
            }
            tr.appendChild(sign);
            tr.appendChild(cell(row.expected, row.actual, 'expected'));
            tr.appendChild(cell(row.actual, row.expected, 'actual'));
        });
        return table;
    }

    return {render: render, rows: rows};
})();
