package dev.pyroom.lint.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyntaxErrorCategoryTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            '(' was never closed                                                          | unclosed-bracket
            unmatched ')'                                                                 | unmatched-bracket
            closing parenthesis ']' does not match opening parenthesis '('               | mismatched-bracket
            unterminated string literal (detected at line 3)                              | unterminated-string
            unterminated triple-quoted string literal (detected at line 9)               | unterminated-triple-quoted-string
            f-string: invalid syntax. Perhaps you forgot a comma?                         | f-string
            expected ':'                                                                  | missing-colon
            unexpected indent                                                             | unexpected-indent
            unindent does not match any outer indentation level                           | unindent-mismatch
            expected an indented block after 'for' statement on line 4                   | missing-indented-block
            inconsistent use of tabs and spaces in indentation                            | tabs-and-spaces
            Missing parentheses in call to 'print'. Did you mean print(...)?              | missing-parentheses-in-call
            invalid syntax. Perhaps you forgot a comma?                                   | missing-comma
            cannot assign to function call here. Maybe you meant '==' instead of '='?     | invalid-assignment-target
            invalid syntax. Maybe you meant '==' or ':=' instead of '='?                  | equals-instead-of-comparison
            "expression cannot contain assignment, perhaps you meant ""==""?"             | equals-instead-of-comparison
            invalid character '“' (U+201C)                                                | invalid-character
            invalid non-printable character U+00A0                                        | invalid-character
            invalid decimal literal                                                       | invalid-number
            'return' outside function                                                     | outside-function
            'continue' not properly in loop                                               | outside-loop
            positional argument follows keyword argument                                  | positional-after-keyword
            non-default argument follows default argument                                 | non-default-after-default
            expected 'except' or 'finally' block                                          | missing-except
            expected '('                                                                  | missing-parenthesis
            too many nested parentheses                                                   | too-deeply-nested
            invalid syntax                                                                | invalid-syntax
            """)
    void sortsCompilerMessages(String message, String category) {
        assertEquals(category, SyntaxErrorCategory.of(message));
    }

    @ParameterizedTest
    @CsvSource({"'nonlocal declaration not allowed at module level'", "''"})
    void leavesUnknownMessagesUncategorised(String message) {
        assertEquals("", SyntaxErrorCategory.of(message));
    }
}
