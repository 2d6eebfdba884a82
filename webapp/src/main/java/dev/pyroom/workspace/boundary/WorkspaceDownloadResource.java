package dev.pyroom.workspace.boundary;

import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A workspace as a zip file, straight from the database: what a sandbox holds on disk (links, FIFOs) never reaches
 * it.
 */
@Path("workspaces/{workspaceId}/download")
@RequestScoped
public class WorkspaceDownloadResource {

    private static final String ZIP = "application/zip";

    @Inject
    WorkspaceService workspaces;

    @Inject
    WorkspaceFiles files;

    @Inject
    CurrentUser currentUser;

    @GET
    @Produces(ZIP)
    public Response download(@PathParam("workspaceId") long workspaceId) {
        long ownerId = currentUser.id();
        WorkspaceSummary workspace = workspaces.get(ownerId, workspaceId);
        List<FileEntry> entries = files.list(ownerId, workspaceId);
        List<FileContent> contents = entries.stream()
                .map(entry -> new FileContent(
                        entry.folder() ? entry.path() + "/" : entry.path(),
                        entry.folder() ? null : files.read(ownerId, workspaceId, entry.path())))
                .toList();
        StreamingOutput zip = output -> write(contents, output);
        return Response.ok(zip, ZIP)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(workspace.name()) + ".zip\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private static void write(List<FileContent> contents, OutputStream output) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(output, StandardCharsets.UTF_8)) {
            for (FileContent content : contents) {
                zip.putNextEntry(new ZipEntry(content.name()));
                if (content.text() != null) {
                    zip.write(content.text().getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        }
    }

    /** A name any file system and any browser accept: letters, digits, dot, dash and underscore. */
    static String fileName(String workspaceName) {
        String safe = workspaceName.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        return safe.isEmpty() ? "workspace" : safe;
    }

    private record FileContent(String name, String text) {}
}
