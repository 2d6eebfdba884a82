package dev.pyroom.platform.boundary;

import dev.pyroom.lint.boundary.LintResource;
import dev.pyroom.sandbox.boundary.RunsResource;
import dev.pyroom.workspace.boundary.WorkspaceDownloadResource;
import dev.pyroom.workspace.boundary.WorkspacesResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * Pyroom's REST resources live under {@code /api}, clear of the server's own {@code /health} and {@code /metrics}.
 *
 * <p>They are listed here rather than found by scanning: the war also carries Keycloak's admin client, whose
 * RESTEasy providers and resource interfaces the server's JAX-RS implementation must not pick up. A new resource or
 * exception mapper must be added to this list.
 */
@ApplicationPath("/api")
public class PyroomApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                HealthResource.class,
                WorkspacesResource.class,
                WorkspaceDownloadResource.class,
                RunsResource.class,
                LintResource.class,
                ProblemMappers.NotFound.class,
                ProblemMappers.InvalidName.class);
    }
}
