/**
 * Errors explained: when a run ends in a traceback or is stopped by a limit, a plain-language explanation of why,
 * the line of the student's file it points to, and a likely fix.
 */
package dev.pyroom.explain;
