package dev.pyroom.lint.control;

import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests one linter with the default settings (bubblewrap, two workers per tier), started once for the whole
 * test run and stopped at its end.
 */
final class SharedLinter implements ParameterResolver {

    private record Resource(Linter linter) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            linter.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Linter.class;
    }

    @Override
    public Linter resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(SharedLinter.class))
                .getOrComputeIfAbsent(Resource.class, key -> start(), Resource.class)
                .linter();
    }

    private static Resource start() {
        Linter linter = new Linter(LintSettings.defaults(), Executors.defaultThreadFactory());
        try {
            if (!linter.awaitReady(Duration.ofSeconds(60))) {
                linter.close();
                throw new IllegalStateException("lint workers did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            linter.close();
            throw new IllegalStateException(e);
        }
        return new Resource(linter);
    }
}
