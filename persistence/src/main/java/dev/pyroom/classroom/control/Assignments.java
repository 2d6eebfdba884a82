package dev.pyroom.classroom.control;

import dev.pyroom.classroom.entity.AssignmentSummary;
import dev.pyroom.classroom.entity.NewAssignment;
import dev.pyroom.classroom.entity.SnapshotCopy;
import dev.pyroom.classroom.entity.StarterFile;
import dev.pyroom.platform.control.SqlValues;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Assignments, their starter files, the students' copies and the snapshots of those copies. */
@Dependent
public class Assignments {

    /**
     * The top-level folder of an instructor's workspace that holds an assignment's tests: it is never copied to the
     * students, whose copies must not hold hidden tests.
     */
    public static final String TESTS_FOLDER = "tests";

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    /**
     * Stores the assignment with the files of {@code sourceWorkspaceId} as its starter files, all but the {@link
     * #TESTS_FOLDER}; returns its id.
     */
    public long publish(long courseId, NewAssignment assignment, long sourceWorkspaceId) {
        long id = SqlValues.number(em.createNativeQuery("""
                        INSERT INTO assignment (course_id, title, due_at, published_at)
                        VALUES (?1, ?2, CAST(?3 AS timestamptz), now()) RETURNING id""")
                .setParameter(1, courseId)
                .setParameter(2, assignment.title())
                .setParameter(3, assignment.dueAt())
                .getSingleResult());
        em.createNativeQuery("""
                        INSERT INTO assignment_file (assignment_id, path, kind, content)
                        SELECT ?1, path, kind, content FROM workspace_file
                         WHERE workspace_id = ?2 AND path <> ?3 AND left(path, length(?3) + 1) <> ?3 || '/'""")
                .setParameter(1, id)
                .setParameter(2, sourceWorkspaceId)
                .setParameter(3, TESTS_FOLDER)
                .executeUpdate();
        return id;
    }

    public List<AssignmentSummary> inCourse(long courseId) {
        List<?> rows = em.createNativeQuery("""
                        SELECT a.id, a.title, a.due_at, a.snapshot_taken_at,
                               (SELECT count(*) FROM assignment_copy c WHERE c.assignment_id = a.id)
                          FROM assignment a WHERE a.course_id = ?1 ORDER BY a.published_at DESC, a.id DESC""").setParameter(1, courseId).getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new AssignmentSummary(
                        SqlValues.number(row[0]),
                        (String) row[1],
                        SqlValues.time(row[2]),
                        SqlValues.time(row[3]),
                        SqlValues.number(row[4])))
                .toList();
    }

    public Optional<Long> courseOf(long assignmentId) {
        return em.createNativeQuery("SELECT course_id FROM assignment WHERE id = ?1")
                .setParameter(1, assignmentId)
                .getResultStream()
                .map(SqlValues::number)
                .findFirst();
    }

    public String title(long assignmentId) {
        return (String) em.createNativeQuery("SELECT title FROM assignment WHERE id = ?1")
                .setParameter(1, assignmentId)
                .getSingleResult();
    }

    /** Folders first, so that a copy can create them before the files inside. */
    public List<StarterFile> starterFiles(long assignmentId) {
        List<?> rows = em.createNativeQuery("""
                        SELECT path, kind, content FROM assignment_file WHERE assignment_id = ?1
                         ORDER BY kind DESC, path""").setParameter(1, assignmentId).getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new StarterFile((String) row[0], "FOLDER".equals(row[1]), (String) row[2]))
                .toList();
    }

    /** The course's assignments the student has no copy of yet. */
    public List<Long> withoutCopyFor(long courseId, long studentId) {
        List<?> rows = em.createNativeQuery("""
                        SELECT a.id FROM assignment a
                         WHERE a.course_id = ?1
                           AND NOT EXISTS (SELECT 1 FROM assignment_copy c
                                            WHERE c.assignment_id = a.id AND c.student_id = ?2)
                         ORDER BY a.id""")
                .setParameter(1, courseId)
                .setParameter(2, studentId)
                .getResultList();
        return rows.stream().map(SqlValues::number).toList();
    }

    public void recordCopy(long assignmentId, long studentId, long workspaceId) {
        em.createNativeQuery("""
                        INSERT INTO assignment_copy (assignment_id, student_id, workspace_id)
                        VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING""")
                .setParameter(1, assignmentId)
                .setParameter(2, studentId)
                .setParameter(3, workspaceId)
                .executeUpdate();
    }

    /** The course a workspace was handed out in, if it is a copy of an assignment and its student still takes the course. */
    public Optional<Long> courseOfWorkspace(long workspaceId) {
        return em.createNativeQuery("""
                        SELECT a.course_id FROM assignment_copy c JOIN assignment a ON a.id = c.assignment_id
                          JOIN workspace w ON w.id = c.workspace_id
                          JOIN course_member m
                            ON m.course_id = a.course_id AND m.user_id = w.owner_id AND m.role = 'STUDENT'
                         WHERE c.workspace_id = ?1""")
                .setParameter(1, workspaceId)
                .getResultStream()
                .map(SqlValues::number)
                .findFirst();
    }

    /** The assignment a workspace is a copy of, if its student still takes the assignment's course. */
    public Optional<Long> assignmentOfWorkspace(long workspaceId) {
        return em.createNativeQuery("""
                        SELECT c.assignment_id FROM assignment_copy c JOIN assignment a ON a.id = c.assignment_id
                          JOIN workspace w ON w.id = c.workspace_id
                          JOIN course_member m
                            ON m.course_id = a.course_id AND m.user_id = w.owner_id AND m.role = 'STUDENT'
                         WHERE c.workspace_id = ?1""")
                .setParameter(1, workspaceId)
                .getResultStream()
                .map(SqlValues::number)
                .findFirst();
    }

    /** Assignments past their due date without a snapshot, locked so that one node takes each. */
    public List<Long> dueWithoutSnapshot() {
        List<?> rows = em.createNativeQuery("""
                        SELECT id FROM assignment WHERE due_at <= now() AND snapshot_taken_at IS NULL
                         ORDER BY due_at FOR UPDATE SKIP LOCKED""").getResultList();
        return rows.stream().map(SqlValues::number).toList();
    }

    /** Keeps the files of every student's copy as they are now; the students go on working on their copies. */
    public void snapshot(long assignmentId) {
        em.createNativeQuery("""
                        INSERT INTO snapshot_file (copy_id, path, content)
                        SELECT c.id, f.path, f.content
                          FROM assignment_copy c JOIN workspace_file f ON f.workspace_id = c.workspace_id
                         WHERE c.assignment_id = ?1 AND c.snapshot_at IS NULL AND f.kind = 'FILE'""").setParameter(1, assignmentId).executeUpdate();
        em.createNativeQuery("UPDATE assignment_copy SET snapshot_at = now() WHERE assignment_id = ?1"
                        + " AND snapshot_at IS NULL")
                .setParameter(1, assignmentId)
                .executeUpdate();
        em.createNativeQuery("UPDATE assignment SET snapshot_taken_at = now() WHERE id = ?1")
                .setParameter(1, assignmentId)
                .executeUpdate();
    }

    public List<SnapshotCopy> copies(long assignmentId) {
        List<?> rows = em.createNativeQuery("""
                        SELECT c.id, u.display_name, c.workspace_id, c.snapshot_at
                          FROM assignment_copy c JOIN app_user u ON u.id = c.student_id
                         WHERE c.assignment_id = ?1 ORDER BY lower(u.display_name), c.id""").setParameter(1, assignmentId).getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new SnapshotCopy(
                        SqlValues.number(row[0]),
                        (String) row[1],
                        SqlValues.nullableNumber(row[2]),
                        SqlValues.time(row[3])))
                .toList();
    }

    public Optional<Long> assignmentOfCopy(long copyId) {
        return em.createNativeQuery("SELECT assignment_id FROM assignment_copy WHERE id = ?1")
                .setParameter(1, copyId)
                .getResultStream()
                .map(SqlValues::number)
                .findFirst();
    }

    public List<StarterFile> snapshotFiles(long copyId) {
        List<?> rows = em.createNativeQuery("SELECT path, content FROM snapshot_file WHERE copy_id = ?1 ORDER BY path")
                .setParameter(1, copyId)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new StarterFile((String) row[0], false, (String) row[1]))
                .toList();
    }
}
