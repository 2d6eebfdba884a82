package dev.pyroom.sandbox.entity;

public enum StandardStream {
    STDOUT,
    STDERR
}
