/*
 * The file actions of the editor's side bar: a toolbar above the tree and a context menu on its entries open small
 * dialogs (new file or folder, rename or move, delete) whose buttons call the server. The toolbar acts on the entry
 * chosen in the tree, or on the open file; the context menu on the entry it was opened on. Uploads show their
 * progress under the toolbar. Paths are shown as text, never as markup.
 */
var Pyroom = window.Pyroom || {};

Pyroom.files = (function () {
    var menuEntry = null;

    function field(id) {
        return document.querySelector('[id$=":' + id + '"]');
    }

    function entryOf(label) {
        return label ? {path: label.getAttribute('data-path'), folder: label.classList.contains('tree-folder')} : null;
    }

    // The context menu selects the node it opens on; this remembers which, for the menu's items.
    document.addEventListener('contextmenu', function (event) {
        var node = event.target.closest && event.target.closest('.file-tree .ui-treenode');
        if (node) {
            menuEntry = entryOf(node.querySelector('.ui-treenode-content [data-path]'));
        }
    }, true);

    /** The entry a toolbar button acts on: the one chosen in the tree, else the open file. */
    function chosenEntry() {
        var selected = document.querySelector('.file-tree .ui-treenode-content.ui-state-highlight [data-path]');
        if (selected) {
            return entryOf(selected);
        }
        var open = document.getElementById('file-name');
        var path = open ? open.textContent.trim() : '';
        return path ? {path: path, folder: false} : null;
    }

    function target(fromMenu) {
        if (fromMenu) {
            PF('fileMenu').hide();
            return menuEntry;
        }
        return chosenEntry();
    }

    function folderOf(entry) {
        if (!entry) {
            return '';
        }
        if (entry.folder) {
            return entry.path + '/';
        }
        var slash = entry.path.lastIndexOf('/');
        return slash < 0 ? '' : entry.path.substring(0, slash + 1);
    }

    function showDialog(widgetVar, title) {
        var dialog = PF(widgetVar);
        if (title) {
            dialog.jq.find('.ui-dialog-title').text(title);
        }
        dialog.show();
    }

    function focusEnd(input) {
        window.setTimeout(function () {
            input.focus();
            input.setSelectionRange(input.value.length, input.value.length);
        }, 0);
    }

    function newEntry(folder, fromMenu) {
        var input = field('newPath');
        input.value = folderOf(target(fromMenu));
        field('newFile').hidden = folder;
        field('newFolder').hidden = !folder;
        showDialog('newEntryDialog', folder ? 'New folder' : 'New file');
        focusEnd(input);
    }

    function rename(fromMenu) {
        var entry = target(fromMenu);
        if (!entry) {
            return;
        }
        field('moveFrom').value = entry.path;
        document.getElementById('move-subject').textContent = entry.path;
        var to = field('moveTo');
        to.value = entry.path;
        showDialog('moveDialog');
        window.setTimeout(function () {
            to.focus();
            // The name without its folder and its extension is what a rename usually changes.
            var start = entry.path.lastIndexOf('/') + 1;
            var dot = entry.folder ? -1 : entry.path.lastIndexOf('.');
            to.setSelectionRange(start, dot > start ? dot : entry.path.length);
        }, 0);
    }

    function remove(fromMenu) {
        var entry = target(fromMenu);
        if (!entry) {
            return;
        }
        field('deletePath').value = entry.path;
        document.getElementById('delete-subject').textContent = entry.path + (entry.folder ? ' and everything in it'
            : '');
        showDialog('deleteDialog');
        window.setTimeout(function () {
            field('deleteEntry').focus();
        }, 0);
    }

    function upload() {
        PF('fileMenu').hide();
        field('upload_input').click();
    }

    /*
     * PrimeFaces sends the upload with jQuery and offers no progress hook: the request's XMLHttpRequest is made by
     * $.ajaxSettings.xhr right after onstart, so for that one request the factory also reports upload progress.
     */
    function uploadStarted() {
        var progress = document.getElementById('upload-progress');
        progress.value = 0;
        progress.hidden = false;
        var factory = window.jQuery.ajaxSettings.xhr;
        window.jQuery.ajaxSettings.xhr = function () {
            window.jQuery.ajaxSettings.xhr = factory;
            var xhr = factory();
            if (xhr.upload) {
                xhr.upload.addEventListener('progress', function (event) {
                    if (event.lengthComputable) {
                        progress.value = Math.round(100 * event.loaded / event.total);
                    }
                });
            }
            return xhr;
        };
    }

    function uploadEnded() {
        var progress = document.getElementById('upload-progress');
        progress.value = 100;
        progress.hidden = true;
    }

    // Enter in a dialog's field presses its button instead of submitting the whole form.
    document.addEventListener('keydown', function (event) {
        if (event.key !== 'Enter' || !event.target.id) {
            return;
        }
        var buttons = {newPath: field('newFile').hidden ? 'newFolder' : 'newFile', moveTo: 'move'};
        var name = event.target.id.substring(event.target.id.lastIndexOf(':') + 1);
        if (buttons[name]) {
            event.preventDefault();
            field(buttons[name]).click();
        }
    });

    return {
        newFile: function (fromMenu) { newEntry(false, fromMenu); },
        newFolder: function (fromMenu) { newEntry(true, fromMenu); },
        rename: rename,
        remove: remove,
        upload: upload,
        uploadStarted: uploadStarted,
        uploadEnded: uploadEnded
    };
})();
