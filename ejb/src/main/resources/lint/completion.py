"""Pyroom completion: Jedi's completions, signatures and documentation, for the lint worker.

The host sends this file ahead of worker.py, as part of the fast worker's script. A fast
worker answers {"id", "type": "complete", "tenant", "filename", "source", "line",
"column", "files", "want", "seconds"} with those of "completions", "signatures" and
"hover" it wants (all three when it names none) for the position (line and column count as the editor does: 1-based, in UTF-16 units).
"filename" is the file's path in its workspace; "files" maps the paths of the
workspace's other saved Python files to their sources.

Like a lint check, a completion runs in the student's own checker (a child of the
worker), and the files of their workspace exist only in that child's memory: they seem
to lie in a folder that does not exist, and a path-entry finder of that folder serves
them to Jedi. Jedi runs in the worker's own interpreter (no subprocess: a checker may
not start one), and never imports a workspace file: it reads sources; only compiled
modules of the standard library are imported, to be inspected.
"""

import importlib
import importlib.util
import os
import posixpath
import sys

# Run with -S, the worker finds Debian's packages here only (worker.py, which follows, says the same).
if os.path.join(sys.prefix, "lib", "python3", "dist-packages") not in sys.path:
    sys.path.append(os.path.join(sys.prefix, "lib", "python3", "dist-packages"))

import jedi  # pylint: disable=wrong-import-position
import parso  # pylint: disable=wrong-import-position
import parso.cache  # pylint: disable=wrong-import-position

WORKSPACE_FOLDER = "/nonexistent/pyroom-workspace"
MAX_COMPLETIONS = 150
MAX_DOC_CHARS = 4000
MAX_SIGNATURES = 3
COMPLETION_WARM_UP = ("import math\nimport os\nimport random\nimport string\nimport time\n"
                      "math.sq\nos.path.jo\nrandom.ra\nstring.as\ntime.ti\nprint(\nlen")

# Neither parent nor checker may read or write parse caches on disk: another tenant's trees could be read back, and a
# checker may not write files. Parsed trees stay in memory, where the parent's warm-up leaves the standard library's.
parso.cache._load_from_file_system = lambda *args, **kwargs: None  # pylint: disable=protected-access
parso.cache._save_to_file_system = lambda *args, **kwargs: None  # pylint: disable=protected-access
parso.cache._remove_cache_and_update_lock = lambda *args, **kwargs: None  # pylint: disable=protected-access
jedi.settings.cache_directory = posixpath.join(WORKSPACE_FOLDER, ".cache")
# Jedi would import these modules to inspect them rather than read them: a checker reads everything.
jedi.settings.auto_import_modules = []


class WorkspaceLoader:
    """A workspace file, known by its source: Jedi asks for its file name and source, and never executes it."""

    def __init__(self, path, source, package):
        self.path = path
        self.source = source
        self.package = package

    def get_filename(self, _name=None):
        return self.path

    def get_source(self, _name=None):
        return self.source

    def is_package(self, _name=None):
        return self.package


class WorkspaceFolder:
    """The finder of one folder of the workspace: its modules and packages, from memory."""

    def __init__(self, folder):
        self.folder = folder
        self.modules = {}

    def add(self, name, path, source, package):
        self.modules[name] = WorkspaceLoader(path, source, package)

    def find_spec(self, fullname, _target=None):
        loader = self.modules.get(fullname.rpartition(".")[2])
        if loader is None:
            return None
        locations = [posixpath.dirname(loader.path)] if loader.package else None
        return importlib.util.spec_from_file_location(
            fullname, loader.path, loader=loader, submodule_search_locations=locations)

    def module_names(self):
        return sorted(self.modules)

    def invalidate_caches(self):
        """Nothing is cached: each request brings its files."""


class Workspace:
    """A tenant's workspace files for one request, visible to Jedi only while the request lasts."""

    def __init__(self, files):
        self.folders = {}
        for path, source in files.items():
            self.add(path, source)

    def add(self, path, source):
        folder, name = posixpath.split(path)
        if not name.endswith(".py") or not name[:-3].isidentifier():
            return
        full = posixpath.join(WORKSPACE_FOLDER, path)
        if name == "__init__.py" and folder:
            parent, package = posixpath.split(folder)
            if package.isidentifier():
                self.folder(parent).add(package, full, source, True)
            return
        self.folder(folder).add(name[:-3], full, source, False)

    def folder(self, folder):
        key = posixpath.join(WORKSPACE_FOLDER, folder).rstrip("/")
        return self.folders.setdefault(key, WorkspaceFolder(key))

    def __enter__(self):
        sys.path_importer_cache.update(self.folders)
        return self

    def __exit__(self, *_exception):
        for key in self.folders:
            sys.path_importer_cache.pop(key, None)


def module_names_with_workspace(original):
    """Jedi lists a folder's modules from the disk; a workspace folder lists those in memory."""

    def module_names(inference_state, paths):
        names = []
        for path in paths:
            finder = sys.path_importer_cache.get(str(path))
            if isinstance(finder, WorkspaceFolder):
                names.extend(finder.module_names())
            else:
                names.extend(original(inference_state, [path]))
        return names

    return module_names


def install_workspace_module_names():
    functions = importlib.import_module("jedi.inference.compiled.subprocess.functions")
    functions.iter_module_names = module_names_with_workspace(functions.iter_module_names)


def utf16_to_chars(text, units):
    """The number of characters in the first units UTF-16 code units of text."""
    count = 0
    for index, char in enumerate(text):
        if count >= units:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
    return len(text)


class Completer:
    """Jedi in this interpreter, warmed up on the modules beginners import most."""

    def __init__(self):
        install_workspace_module_names()
        self.environment = jedi.InterpreterEnvironment()
        self.answer({"source": COMPLETION_WARM_UP, "filename": "main.py", "line": 6, "column": 8, "files": {}})
        for line, column in ((7, 11), (8, 10), (9, 10), (10, 8), (11, 7), (12, 4)):
            self.answer({"source": COMPLETION_WARM_UP, "filename": "main.py", "line": line, "column": column,
                         "files": {}})

    def answer(self, request):
        """Runs in a checker only, or in the parent's warm-up on its own source."""
        path = str(request["filename"]).lstrip("/") or "main.py"
        source = str(request["source"])
        files = {str(name).lstrip("/"): str(text) for name, text in dict(request.get("files") or {}).items()}
        files.pop(path, None)
        folder = posixpath.join(WORKSPACE_FOLDER, posixpath.dirname(path)).rstrip("/")
        project = jedi.Project(WORKSPACE_FOLDER, sys_path=[folder] + sys.path, smart_sys_path=False)
        with Workspace(files):
            script = jedi.Script(source, path=posixpath.join(WORKSPACE_FOLDER, path), project=project,
                                 environment=self.environment)
            lines = parso.split_lines(source)
            line = min(max(int(request["line"]), 1), len(lines))
            column = min(utf16_to_chars(lines[line - 1], max(int(request["column"]) - 1, 0)), len(lines[line - 1]))
            return {what: ANSWERS[what](script, line, column) for what in wanted(request)}


def wanted(request):
    """What the editor asks for: any of completions, signatures and hover (all three when it does not say)."""
    asked = request.get("want") or list(ANSWERS)
    return [what for what in ANSWERS if what in asked]


def completions(script, line, column):
    found = []
    for completion in script.complete(line, column)[:MAX_COMPLETIONS]:
        found.append({"label": completion.name, "kind": completion.type or "name"})
    return found


def signatures(script, line, column):
    found = []
    for signature in script.get_signatures(line, column)[:MAX_SIGNATURES]:
        found.append({
            "label": signature.to_string(),
            "parameters": [parameter.to_string() for parameter in signature.params],
            "active": signature.index if signature.index is not None else -1,
            "doc": shortened(signature.docstring(raw=True)),
        })
    return found


def hover(script, line, column):
    for name in script.help(line, column):
        text = name.docstring()
        if text:
            return {"title": name.full_name or name.name, "doc": shortened(text)}
    return None


def shortened(text):
    return text if len(text) <= MAX_DOC_CHARS else text[: MAX_DOC_CHARS - 1] + "…"


ANSWERS = {"completions": completions, "signatures": signatures, "hover": hover}
