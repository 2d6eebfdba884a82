package dev.pyroom.grading.boundary;

import dev.pyroom.classroom.boundary.CourseAdministration;
import dev.pyroom.classroom.boundary.CourseNotFoundException;
import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A course's gradebook as a CSV download, for its instructors: under {@code /instructor/*}, so only instructors and
 * admins reach it, and {@link Gradebook} checks that the caller teaches the course (404 otherwise) and audits it.
 */
@WebServlet("/instructor/gradebook.csv")
public class GradebookCsvServlet extends HttpServlet {

    /** Spreadsheets read a CSV without it in their own legacy encoding and garble every accented name. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    @Inject
    Gradebook gradebook;

    @Inject
    CourseAdministration administration;

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long courseId;
        try {
            courseId = Long.parseLong(request.getParameter("course"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such course");
            return;
        }
        String csv;
        String courseName;
        try {
            courseName = administration.get(currentUser.id(), courseId).name();
            csv = gradebook.csv(currentUser.id(), courseId);
        } catch (CourseNotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such course");
            return;
        }
        byte[] body = (BYTE_ORDER_MARK + csv).getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName(courseName) + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A name any file system and any browser accept: letters, digits, dot, dash and underscore. */
    static String fileName(String courseName) {
        String safe = courseName.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        return "gradebook" + (safe.isEmpty() ? "" : "-" + safe) + ".csv";
    }
}
