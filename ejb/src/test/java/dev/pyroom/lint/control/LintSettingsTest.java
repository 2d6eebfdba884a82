package dev.pyroom.lint.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

class LintSettingsTest {

    @Test
    void unsetKeysKeepTheirDefaults() {
        assertEquals(LintSettings.defaults(), LintSettings.from(new MapConfig(Map.of())));
    }

    @Test
    void readsEveryKeyUnderPyroomLint() {
        LintSettings settings = LintSettings.from(new MapConfig(Map.ofEntries(
                Map.entry("pyroom.lint.sandbox", "none"),
                Map.entry("pyroom.lint.bwrap", "/opt/bin/bwrap"),
                Map.entry("pyroom.lint.python", "/opt/python/bin/python3"),
                Map.entry("pyroom.lint.fast.workers", "1"),
                Map.entry("pyroom.lint.deep.workers", "4"),
                Map.entry("pyroom.lint.fast.timeout-ms", "1500"),
                Map.entry("pyroom.lint.deep.timeout-ms", "8000"),
                Map.entry("pyroom.lint.start-timeout-ms", "60000"),
                Map.entry("pyroom.lint.fast.max-waiting", "12"),
                Map.entry("pyroom.lint.deep.max-waiting", "3"),
                Map.entry("pyroom.lint.memory-limit-mib", "512"),
                Map.entry("pyroom.lint.tmp-size-mib", "8"),
                Map.entry("pyroom.lint.worker-memory-mib", "768"),
                Map.entry("pyroom.lint.tenants-per-worker", "10"),
                Map.entry("pyroom.lint.tenant-idle-seconds", "30"),
                Map.entry("pyroom.lint.max-source-chars", "50000"),
                Map.entry("pyroom.lint.recycle.requests", "100"),
                Map.entry("pyroom.lint.recycle.rss-mib", "150"))));

        assertEquals(
                new LintSettings(
                        LintSettings.Sandbox.NONE,
                        Path.of("/opt/bin/bwrap"),
                        Path.of("/opt/python/bin/python3"),
                        1,
                        4,
                        Duration.ofMillis(1500),
                        Duration.ofSeconds(8),
                        Duration.ofMinutes(1),
                        12,
                        3,
                        512L << 20,
                        8L << 20,
                        768L << 20,
                        10,
                        Duration.ofSeconds(30),
                        50_000,
                        100,
                        150L << 20),
                settings);
    }

    @Test
    void aSandboxedPythonMustComeFromTheSystemTree() {
        Map<String, String> outsideUsr = Map.of("pyroom.lint.python", "/opt/python/bin/python3");

        assertThrows(IllegalArgumentException.class, () -> LintSettings.from(new MapConfig(outsideUsr)));
    }

    private record MapConfig(Map<String, String> values) implements Config {

        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            return Optional.ofNullable(values.get(name)).map(value -> convert(value, type));
        }

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
        }

        private static <T> T convert(String value, Class<T> type) {
            if (type == Integer.class) {
                return type.cast(Integer.valueOf(value));
            }
            if (type == Long.class) {
                return type.cast(Long.valueOf(value));
            }
            return type.cast(value);
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }
}
