package dev.pyroom.platform.boundary;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.classroom.boundary.CourseNotFoundException;
import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.grading.boundary.CheckRefusedException;
import dev.pyroom.grading.boundary.NoTestsException;
import dev.pyroom.platform.control.DatabaseOutage;
import dev.pyroom.sandbox.control.RunRefusedException;
import dev.pyroom.workspace.boundary.WorkspaceNotFoundException;
import dev.pyroom.workspace.entity.InvalidNameException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * Turns the exceptions a user can cause, and a database out of reach, into plain JSON answers instead of server
 * errors.
 */
final class ProblemMappers {

    private static final int CHECK_RETRY_AFTER_SECONDS = 5;

    private ProblemMappers() {}

    static Response problem(Response.Status status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(JSON.createObjectBuilder().add("error", message).build())
                .build();
    }

    /** Another user's workspace answers exactly like one that does not exist. */
    @Provider
    public static class NotFound implements ExceptionMapper<WorkspaceNotFoundException> {
        @Override
        public Response toResponse(WorkspaceNotFoundException e) {
            return problem(Response.Status.NOT_FOUND, "No such workspace.");
        }
    }

    /** A run that may not start now: 409 while the workspace runs one, 429 while its owner runs as many as allowed. */
    @Provider
    public static class RunRefused implements ExceptionMapper<RunRefusedException> {
        @Override
        public Response toResponse(RunRefusedException e) {
            return problem(
                    e.reason() == RunRefusedException.Reason.WORKSPACE_BUSY
                            ? Response.Status.CONFLICT
                            : Response.Status.TOO_MANY_REQUESTS,
                    e.getMessage());
        }
    }

    /**
     * A service that failed because the database cannot be reached: 503 with {@code Retry-After}. Every other service
     * failure is not this mapper's ({@code isMappable}) and keeps the server's own answer: the mapper of its cause, or
     * the error page.
     */
    @Provider
    public static class DatabaseUnavailableMapper implements ExtendedExceptionMapper<EJBException> {

        @Override
        public boolean isMappable(EJBException e) {
            return DatabaseOutage.causedBy(e);
        }

        @Override
        public Response toResponse(EJBException e) {
            return Response.fromResponse(problem(Response.Status.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE))
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .header("Cache-Control", "no-store")
                    .build();
        }
    }

    /**
     * A check that may not run now: 409 while the workspace is being checked or when its student used every check, 503
     * while the node is too busy.
     */
    @Provider
    public static class CheckRefused implements ExceptionMapper<CheckRefusedException> {
        @Override
        public Response toResponse(CheckRefusedException e) {
            if (e.reason() != CheckRefusedException.Reason.BUSY) {
                return problem(Response.Status.CONFLICT, e.getMessage());
            }
            return Response.fromResponse(problem(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()))
                    .header("Retry-After", CHECK_RETRY_AFTER_SECONDS)
                    .build();
        }
    }

    @Provider
    public static class NoTests implements ExceptionMapper<NoTestsException> {
        @Override
        public Response toResponse(NoTestsException e) {
            return problem(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    /** A course the caller does not teach answers exactly like one that does not exist. */
    @Provider
    public static class CourseNotFound implements ExceptionMapper<CourseNotFoundException> {
        @Override
        public Response toResponse(CourseNotFoundException e) {
            return problem(Response.Status.NOT_FOUND, "No such course.");
        }
    }

    @Provider
    public static class InvalidCourse implements ExceptionMapper<InvalidCourseException> {
        @Override
        public Response toResponse(InvalidCourseException e) {
            return problem(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    /** A signed-in user without the role a service needs, such as a student asking for a re-grade. */
    @Provider
    public static class AccessDenied implements ExceptionMapper<EJBAccessException> {
        @Override
        public Response toResponse(EJBAccessException e) {
            return problem(Response.Status.FORBIDDEN, "You may not do this.");
        }
    }

    @Provider
    public static class InvalidName implements ExceptionMapper<InvalidNameException> {
        @Override
        public Response toResponse(InvalidNameException e) {
            return problem(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }
}
