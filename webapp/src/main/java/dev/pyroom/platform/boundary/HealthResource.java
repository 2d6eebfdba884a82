package dev.pyroom.platform.boundary;

import dev.pyroom.identity.control.IdentityProviderProbe;
import dev.pyroom.platform.control.DatabaseProbe;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Pyroom's own health, for people and monitors. Without the database nothing works (503); without the identity
 * provider, signed-in users keep working and only new sign-ins fail, so the node stays in service (DEGRADED, 200).
 */
@Path("health")
@RequestScoped
public class HealthResource {

    @Inject
    DatabaseProbe database;

    @Inject
    IdentityProviderProbe identityProvider;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        HealthReport report = HealthReport.of(database.isUp(), identityProvider.isUp());
        Response.Status status = report.databaseUp() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE;
        return Response.status(status)
                .entity(report.toJson())
                .header("Cache-Control", "no-store")
                .build();
    }
}
