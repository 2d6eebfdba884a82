package dev.pyroom.lint.control;

/** pylint's own definition of one of its messages. */
record PylintMessage(String code, String symbol, String description) {}
