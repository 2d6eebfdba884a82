package dev.pyroom.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LogFormatTest {

    @Test
    void theFormatIsNamedAsTheScriptsNameIt() {
        assertEquals(LogFormat.JSON, LogFormat.named("json"));
        assertEquals(LogFormat.PLAIN, LogFormat.named("plain "));
    }

    @Test
    void anUnknownFormatIsRefusedWithTheSettingsName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> LogFormat.named("JSON"));

        assertEquals("pyroom.log.format (PYROOM_LOG_FORMAT) must be plain or json, not 'JSON'", refused.getMessage());
    }
}
