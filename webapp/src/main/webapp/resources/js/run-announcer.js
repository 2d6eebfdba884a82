/*
 * What a screen reader says about a run: that it started, and when it ends, the program's last line of output with
 * the end line ("Program finished (exit code 0)."). The output itself is not a live region: a program printing
 * thousands of lines would drown everything else out.
 */
(function () {
    var MAX_LINE = 200;

    function say(text) {
        var region = document.getElementById('run-announcement');
        if (!region) {
            return;
        }
        // Emptied first, so that the same words twice in a row are announced twice.
        region.textContent = '';
        window.setTimeout(function () {
            region.textContent = text;
        }, 50);
    }

    function lastWords() {
        var output = document.getElementById('output');
        if (!output) {
            return '';
        }
        var ends = output.querySelectorAll('.end-line');
        var end = ends.length ? ends[ends.length - 1].textContent : '';
        var text = output.textContent;
        var printed = text.slice(0, text.length - end.length).trim();
        var lastLine = printed.split('\n').pop().slice(-MAX_LINE);
        return (lastLine ? 'Last output: ' + lastLine + '. ' : '') + end.trim();
    }

    document.addEventListener('pyroom:busy', function (event) {
        if (event.detail === 'run') {
            var file = document.getElementById('file-name');
            say('Running ' + (file ? file.textContent.trim() : 'the program') + '.');
        }
    });
    document.addEventListener('pyroom:idle', function (event) {
        if (event.detail === 'run') {
            // After the editor has written the end line into the output.
            window.setTimeout(function () {
                say(lastWords());
            }, 0);
        }
    });
}());
