/*
 * Tabs for the files opened in this workspace: a strip above the editor, the open file highlighted and marked while
 * it has unsaved changes. Opening a file is a page load, so the list lives in the browser tab's sessionStorage.
 * Switching tabs goes through Pyroom.editor.leaveTo, which saves first. Names are added as text, never as markup.
 */
var Pyroom = window.Pyroom || {};

Pyroom.tabs = (function () {
    var strip = null;
    var current = null;

    function storageKey() {
        return 'pyroom.tabs.' + document.querySelector('form.editor').getAttribute('data-workspace');
    }

    function load() {
        try {
            return JSON.parse(window.sessionStorage.getItem(storageKey())) || [];
        } catch (e) {
            return [];
        }
    }

    function store(paths) {
        window.sessionStorage.setItem(storageKey(), JSON.stringify(paths));
    }

    /** The files of the tree, path to link: tabs of files that were deleted or moved away disappear. */
    function treeLinks() {
        var links = {};
        document.querySelectorAll('.tree-file[data-path]').forEach(function (link) {
            links[link.getAttribute('data-path')] = link.href;
        });
        return links;
    }

    /** Shows the strip with {@code file} open, adding it if it is new. */
    function show(file) {
        strip = document.getElementById('tabs');
        current = file;
        var links = treeLinks();
        var paths = load().filter(function (path) { return links[path] !== undefined; });
        if (file && paths.indexOf(file) < 0) {
            paths.push(file);
        }
        store(paths);
        render(paths, links);
    }

    function render(paths, links) {
        strip.textContent = '';
        paths.forEach(function (path) {
            var tab = document.createElement('span');
            tab.className = 'tab' + (path === current ? ' current' : '');
            tab.setAttribute('data-path', path);
            var link = document.createElement('a');
            link.href = links[path];
            link.title = path;
            link.textContent = path.substring(path.lastIndexOf('/') + 1);
            link.onclick = function (event) { return Pyroom.editor.leaveTo(event, link.href); };
            var marker = document.createElement('span');
            marker.className = 'unsaved-marker';
            marker.title = 'Unsaved changes';
            marker.textContent = '●';
            var close = document.createElement('button');
            close.type = 'button';
            close.className = 'tab-close';
            close.setAttribute('aria-label', 'Close ' + path);
            close.textContent = '×';
            close.onclick = function (event) { closeTab(event, path, paths, links); };
            tab.appendChild(link);
            tab.appendChild(marker);
            tab.appendChild(close);
            strip.appendChild(tab);
        });
    }

    /** Closing the open file's tab opens its neighbour; the file itself stays in the workspace. */
    function closeTab(event, path, paths, links) {
        var index = paths.indexOf(path);
        var remaining = paths.filter(function (other) { return other !== path; });
        store(remaining);
        if (path === current && remaining.length > 0) {
            Pyroom.editor.leaveTo(event, links[remaining[Math.min(index, remaining.length - 1)]]);
        } else {
            render(remaining, links);
        }
    }

    function markUnsaved(unsaved) {
        var tab = strip && strip.querySelector('.tab.current');
        if (tab) {
            tab.classList.toggle('unsaved', unsaved);
        }
    }

    return {show: show, markUnsaved: markUnsaved};
})();
