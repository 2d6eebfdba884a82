package dev.pyroom.platform.boundary;

import dev.pyroom.classroom.boundary.HelpQueueResource;
import dev.pyroom.classroom.boundary.HelpRequestResource;
import dev.pyroom.grading.boundary.ChecksResource;
import dev.pyroom.grading.boundary.GradingResource;
import dev.pyroom.lint.boundary.CompletionResource;
import dev.pyroom.lint.boundary.LintResource;
import dev.pyroom.sandbox.boundary.RunsResource;
import dev.pyroom.workspace.boundary.WorkspaceDownloadResource;
import dev.pyroom.workspace.boundary.WorkspaceFilesResource;
import dev.pyroom.workspace.boundary.WorkspacesResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * Pyroom's REST resources live under {@code /api}, clear of the server's own {@code /health} and {@code /metrics}.
 *
 * <p>The resources and mappers are listed rather than found by scanning: a scan would also pick up the interfaces of
 * Keycloak's admin client, which carry {@code @Path} too, and warn about each at every start. A new resource or
 * mapper must be added here.
 */
@ApplicationPath("/api")
public class PyroomApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                ChecksResource.class,
                CompletionResource.class,
                GradingResource.class,
                HealthResource.class,
                HelpQueueResource.class,
                HelpRequestResource.class,
                LintResource.class,
                RunsResource.class,
                WorkspaceDownloadResource.class,
                WorkspaceFilesResource.class,
                WorkspacesResource.class,
                ProblemMappers.NotFound.class,
                ProblemMappers.RunRefused.class,
                ProblemMappers.DatabaseUnavailableMapper.class,
                ProblemMappers.CheckRefused.class,
                ProblemMappers.NoTests.class,
                ProblemMappers.CourseNotFound.class,
                ProblemMappers.InvalidCourse.class,
                ProblemMappers.AccessDenied.class,
                ProblemMappers.InvalidName.class);
    }
}
