#!/usr/bin/env python3
"""A Faces form as the browser holds it: every field of the form in a page, as the user left them.

usage: faces-form.py body PAGE FORM [NAME=VALUE ...]   the form's fields URL-encoded, as PrimeFaces posts them, with
                                                       the given ones set (or added)
       faces-form.py value PAGE FORM NAME              the value of one field of the form
"""
import html.parser
import sys
import urllib.parse

IGNORED_INPUTS = {"submit", "button", "image", "reset", "file"}


class FormFields(html.parser.HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.textarea = None
        self.fields = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.inside = attributes.get("id") == self.form_id
        elif not self.inside or not attributes.get("name"):
            return
        elif tag == "input":
            kind = (attributes.get("type") or "text").lower()
            if kind in IGNORED_INPUTS or (kind in ("checkbox", "radio") and "checked" not in attributes):
                return
            self.fields.append([attributes["name"], attributes.get("value") or ""])
        elif tag == "textarea":
            self.textarea = [attributes["name"], ""]
            self.fields.append(self.textarea)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            # Browsers drop the newline that may follow <textarea>.
            if self.textarea[1].startswith("\n"):
                self.textarea[1] = self.textarea[1][1:]
            self.textarea = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data


def form_fields(page, form_id):
    with open(page, encoding="utf-8") as source:
        parser = FormFields(form_id)
        parser.feed(source.read())
    if not parser.fields:
        sys.exit(f"no form '{form_id}' with fields in {page}")
    return parser.fields


def main(command, page, form_id, *rest):
    fields = form_fields(page, form_id)
    if command == "value":
        values = [value for name, value in fields if name == rest[0]]
        if not values:
            sys.exit(f"form '{form_id}' has no field {rest[0]}")
        sys.stdout.write(values[0])
    elif command == "body":
        for setting in rest:
            name, _, value = setting.partition("=")
            present = [field for field in fields if field[0] == name]
            if present:
                present[0][1] = value
            else:
                fields.append([name, value])
        sys.stdout.write(urllib.parse.urlencode([(name, value) for name, value in fields]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
