/*
 * Errors explained: the server's plain-language explanation of how a run ended (its last message before the closing
 * line) shown below the output, with the line it points to highlighted in the editor. Every text is set as text.
 * The explanation belongs to the output it explains: when the output is cleared for the next run, it goes too.
 */
var Pyroom = window.Pyroom || {};

Pyroom.runExplanation = (function () {
    var editor = null;
    var decorations = [];

    function panel() {
        return document.getElementById('run-explanation');
    }

    function add(parent, tag, className, text) {
        var child = document.createElement(tag);
        child.className = className;
        child.textContent = text;
        parent.appendChild(child);
        return child;
    }

    /** Shows an explanation; marks its line when it points into the file open in monacoEditor. */
    function show(explanation, monacoEditor, openFile) {
        var target = panel();
        if (!target) {
            return;
        }
        clear();
        editor = monacoEditor;
        var heading = add(target, 'h4', 'run-explanation-title', explanation.title);
        if (explanation.exception) {
            heading.insertBefore(document.createTextNode(' '), heading.firstChild);
            var name = document.createElement('code');
            name.className = 'run-explanation-exception';
            name.textContent = explanation.exception;
            heading.insertBefore(name, heading.firstChild);
        }
        if (explanation.file && explanation.line > 0) {
            where(target, explanation, openFile);
        }
        add(target, 'p', 'run-explanation-text', explanation.text);
        if (explanation.suggestion) {
            var suggestion = add(target, 'p', 'run-explanation-suggestion', explanation.suggestion);
            suggestion.insertBefore(document.createTextNode('Try this: '), suggestion.firstChild);
        }
        target.hidden = false;
        if (explanation.file === openFile && editor !== null) {
            mark(explanation.line);
        }
    }

    /** "line N": jumps to it in the open file; in another file, opens that file (saving this one first). */
    function where(target, explanation, openFile) {
        var paragraph = add(target, 'p', 'run-explanation-where', 'At ');
        var link = document.createElement('a');
        link.className = 'run-explanation-line';
        link.href = '#';
        var label = 'line ' + explanation.line;
        if (explanation.file === openFile) {
            link.textContent = label;
            link.addEventListener('click', function (event) {
                event.preventDefault();
                jumpTo(explanation.line);
            });
        } else {
            link.textContent = label + ' of ' + explanation.file;
            var fileLink = treeLink(explanation.file);
            if (fileLink === null) {
                paragraph.appendChild(document.createTextNode(link.textContent));
                return;
            }
            link.href = fileLink.href;
            link.addEventListener('click', function (event) {
                Pyroom.editor.leaveTo(event, fileLink.href);
            });
        }
        paragraph.appendChild(link);
    }

    function treeLink(file) {
        var links = document.querySelectorAll('a.tree-file');
        for (var i = 0; i < links.length; i++) {
            if (links[i].getAttribute('data-path') === file) {
                return links[i];
            }
        }
        return null;
    }

    function mark(line) {
        if (line > editor.getModel().getLineCount()) {
            return;
        }
        decorations = editor.deltaDecorations(decorations, [{
            range: new window.monaco.Range(line, 1, line, 1),
            options: {
                isWholeLine: true,
                className: 'run-error-line',
                linesDecorationsClassName: 'run-error-glyph',
                hoverMessage: {value: 'The run stopped here'}
            }
        }]);
        editor.revealLineInCenterIfOutsideViewport(line);
    }

    function jumpTo(line) {
        if (editor === null) {
            return;
        }
        editor.revealLineInCenter(line);
        editor.setPosition({lineNumber: line, column: 1});
        editor.focus();
    }

    function clear() {
        var target = panel();
        if (target) {
            target.hidden = true;
            target.textContent = '';
        }
        if (editor !== null) {
            decorations = editor.deltaDecorations(decorations, []);
        }
    }

    function clearWithOutput() {
        var output = document.getElementById('output');
        if (output && window.MutationObserver) {
            new MutationObserver(function () {
                if (!output.firstChild) {
                    clear();
                }
            }).observe(output, {childList: true});
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', clearWithOutput);
    } else {
        clearWithOutput();
    }

    return {show: show, clear: clear};
})();
