package dev.pyroom.explain.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes Pyroom's {@link RunExplainer}, read once, injectable. */
@ApplicationScoped
public class ExplainProducer {

    @Produces
    @Singleton
    RunExplainer explainer() {
        return RunExplainer.load();
    }
}
