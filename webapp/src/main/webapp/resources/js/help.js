/*
 * The editor's "Ask for help": sends the open file and an optional note to POST
 * /api/workspaces/{id}/help-request (the server adds the last run's output and error from its run history), shows the
 * student's place in line and who is coming, and cancels with DELETE. While a request is open the page asks for its
 * place every 3 s, so a request an instructor closed goes away without a reload.
 */
var Pyroom = window.Pyroom || {};

Pyroom.help = (function () {
    var POLL_MS = 3000;

    var timer = null;
    var open = false;

    function element(id) {
        return document.getElementById(id);
    }

    // Looked up each time: the editor's form updates redraw the code bar, and this with it.
    function root() {
        return element('help-request');
    }

    function url() {
        return '/api/workspaces/' + root().getAttribute('data-workspace') + '/help-request';
    }

    function send(method, body) {
        var options = {method: method, credentials: 'same-origin', headers: {Accept: 'application/json'}};
        if (body !== undefined) {
            options.headers['Content-Type'] = 'application/json';
            options.body = JSON.stringify(body);
        }
        return fetch(url(), options).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (answer) {
                if (!response.ok) {
                    throw new Error(answer.error || 'The request could not be sent.');
                }
                return answer;
            });
        });
    }

    function say(text) {
        var place = element('help-place');
        place.textContent = text;
        place.hidden = text === '';
    }

    function show(answer) {
        var wasOpen = open;
        open = answer.open === true;
        root().querySelector('.help-ask').hidden = open;
        root().querySelector('.help-cancel').hidden = !open;
        if (open) {
            element('help-form').hidden = true;
            say(answer.sentence);
        } else {
            say(wasOpen ? 'Your request is closed.' : '');
        }
        clearTimeout(timer);
        if (open) {
            timer = setTimeout(refresh, POLL_MS);
        }
    }

    function refresh() {
        if (root() === null) {
            return;
        }
        if (document.hidden) {
            timer = setTimeout(refresh, POLL_MS);
            return;
        }
        send('GET').then(show).catch(function () {
            timer = setTimeout(refresh, POLL_MS);
        });
    }

    function toggleForm() {
        var form = element('help-form');
        form.hidden = !form.hidden;
        if (!form.hidden) {
            element('help-note').focus();
        }
    }

    function ask() {
        var fileName = element('file-name');
        var file = fileName ? fileName.textContent.trim() : '';
        var note = element('help-note').value;
        send('POST', {file: file === '' ? null : file, note: note}).then(function (answer) {
            element('help-note').value = '';
            show(answer);
        }).catch(function (error) {
            say(error.message);
        });
    }

    function cancel() {
        send('DELETE').then(function (answer) {
            open = false;
            show(answer);
            say('Request cancelled.');
        }).catch(function (error) {
            say(error.message);
        });
    }

    if (root() !== null) {
        refresh();
    }

    return {toggleForm: toggleForm, ask: ask, cancel: cancel};
})();
