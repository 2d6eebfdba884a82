package dev.pyroom.lint.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/** Makes one {@link Linter}, configured under {@code pyroom.lint.*}, its {@link Completions} and its {@link Explanations}
 * injectable. */
@ApplicationScoped
public class LintProducer {

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Config config;

    @Produces
    @Singleton
    Linter linter() {
        return new Linter(LintSettings.from(config), threads);
    }

    void stop(@Disposes Linter linter) {
        linter.close();
    }

    @Produces
    @Singleton
    Completions completions(Linter linter) {
        return new Completions(linter);
    }

    @Produces
    @Singleton
    Explanations explanations(Linter linter) {
        return Explanations.load(linter);
    }
}
