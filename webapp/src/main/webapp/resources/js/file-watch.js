/*
 * Keeps the editor's file tree in step with files a program or the terminal creates, changes or deletes. While a run
 * goes on or a terminal is open (the page says so with `pyroom:busy` and `pyroom:idle` events), and for a few seconds
 * after, the page asks the server for the workspace's file list every 2 s and redraws the tree when it changed. The
 * server brings such files back from the sandbox on the same rhythm.
 */
var Pyroom = window.Pyroom || {};
window.Pyroom = Pyroom;

Pyroom.fileWatch = (function () {
    var INTERVAL_MS = 2000;
    var AFTER_IDLE_MS = 5000;
    var busy = {};
    var watchUntil = 0;
    var timer = null;
    var lastListing = null;

    function workspace() {
        var form = document.querySelector('form.editor');
        return form ? form.getAttribute('data-workspace') : null;
    }

    function isBusy() {
        return Object.keys(busy).some(function (source) {
            return busy[source];
        });
    }

    function schedule() {
        if (timer === null) {
            timer = window.setTimeout(poll, INTERVAL_MS);
        }
    }

    function poll() {
        timer = null;
        var id = workspace();
        if (id === null) {
            return;
        }
        fetch('/api/workspaces/' + encodeURIComponent(id) + '/files', {headers: {Accept: 'application/json'}})
            .then(function (response) {
                return response.ok ? response.text() : null;
            })
            .then(function (listing) {
                if (listing !== null && lastListing !== null && listing !== lastListing
                        && typeof window.pyroomRefreshTree === 'function') {
                    window.pyroomRefreshTree();
                }
                if (listing !== null) {
                    lastListing = listing;
                }
            })
            .catch(function () {
                // A failed poll is tried again at the next one.
            })
            .finally(function () {
                if (isBusy() || Date.now() < watchUntil) {
                    schedule();
                }
            });
    }

    document.addEventListener('pyroom:busy', function (event) {
        busy[event.detail] = true;
        if (lastListing === null) {
            // The listing before the program changed anything: what later polls compare with.
            lastListing = '';
            poll();
            return;
        }
        schedule();
    });
    document.addEventListener('pyroom:idle', function (event) {
        busy[event.detail] = false;
        watchUntil = Date.now() + AFTER_IDLE_MS;
        schedule();
    });

    return {};
}());
