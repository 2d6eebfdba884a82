package dev.pyroom.history.control;

import dev.pyroom.history.entity.FileVersion;
import dev.pyroom.history.entity.VersionLint;
import dev.pyroom.history.entity.VersionText;
import dev.pyroom.platform.control.SqlValues;
import dev.pyroom.sandbox.entity.RunOutcome;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The saved versions of workspace files, oldest first, each with its lint result and the runs that followed it. */
@Dependent
public class FileVersions {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    /**
     * Adds a version unless the file's latest version has the same text, then drops the file's oldest versions beyond
     * {@code kept}.
     *
     * @param lint what lint found in this text, or null
     * @return whether a version was added
     */
    public boolean add(
            long workspaceId,
            String path,
            String content,
            String hash,
            OffsetDateTime savedAt,
            VersionLint lint,
            int kept) {
        int added = em.createNativeQuery("""
                        INSERT INTO file_version (workspace_id, path, content_hash, content, saved_at, lint_tier,
                                                  error_count, warning_count, top_symbol, top_problem)
                        SELECT ?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS integer), CAST(?8 AS integer), ?9, ?10
                         WHERE NOT EXISTS (
                               SELECT 1 FROM (SELECT content_hash FROM file_version
                                               WHERE workspace_id = ?1 AND path = ?2
                                               ORDER BY saved_at DESC, id DESC LIMIT 1) latest
                                WHERE latest.content_hash = ?3)""")
                .setParameter(1, workspaceId)
                .setParameter(2, path)
                .setParameter(3, hash)
                .setParameter(4, content)
                .setParameter(5, savedAt)
                .setParameter(6, lint == null ? null : lint.tier())
                .setParameter(7, lint == null ? null : lint.errors())
                .setParameter(8, lint == null ? null : lint.warnings())
                .setParameter(9, lint == null ? null : lint.topSymbol())
                .setParameter(10, lint == null ? null : lint.topProblem())
                .executeUpdate();
        if (added == 0) {
            return false;
        }
        em.createNativeQuery("""
                        DELETE FROM file_version
                         WHERE workspace_id = ?1 AND path = ?2
                           AND id NOT IN (SELECT id FROM file_version WHERE workspace_id = ?1 AND path = ?2
                                           ORDER BY saved_at DESC, id DESC LIMIT ?3)""")
                .setParameter(1, workspaceId)
                .setParameter(2, path)
                .setParameter(3, kept)
                .executeUpdate();
        return true;
    }

    /**
     * Gives the versions of the file with this text the lint result, unless they have one of the deep tier already.
     * Text no version has (typing not yet saved) changes nothing.
     */
    public void lint(long workspaceId, String path, String hash, VersionLint lint) {
        em.createNativeQuery("""
                        UPDATE file_version
                           SET lint_tier = ?4, error_count = ?5, warning_count = ?6, top_symbol = ?7, top_problem = ?8
                         WHERE workspace_id = ?1 AND path = ?2 AND content_hash = ?3
                           AND (lint_tier IS NULL OR (lint_tier = 'FAST' AND ?4 = 'DEEP'))""")
                .setParameter(1, workspaceId)
                .setParameter(2, path)
                .setParameter(3, hash)
                .setParameter(4, lint.tier())
                .setParameter(5, lint.errors())
                .setParameter(6, lint.warnings())
                .setParameter(7, lint.topSymbol())
                .setParameter(8, lint.topProblem())
                .executeUpdate();
    }

    /** The file's versions, oldest first, each with the last run that ended before the file's next version. */
    public List<FileVersion> timeline(long workspaceId, String path) {
        List<?> rows = em.createNativeQuery("""
                        SELECT v.id, v.path, v.saved_at, v.lint_tier, v.error_count, v.warning_count, v.top_symbol,
                               v.top_problem, r.ending, r.exit_code, r.error_name
                          FROM (SELECT *, lead(saved_at) OVER (ORDER BY saved_at, id) AS next_saved_at
                                  FROM file_version WHERE workspace_id = ?1 AND path = ?2) v
                          LEFT JOIN LATERAL (
                               SELECT ending, exit_code, error_name FROM run_outcome
                                WHERE workspace_id = v.workspace_id AND ended_at >= v.saved_at
                                  AND (v.next_saved_at IS NULL OR ended_at < v.next_saved_at)
                                ORDER BY ended_at DESC, id DESC LIMIT 1) r ON true
                         ORDER BY v.saved_at, v.id""")
                .setParameter(1, workspaceId)
                .setParameter(2, path)
                .getResultList();
        return rows.stream().map(row -> toVersion((Object[]) row)).toList();
    }

    /** A version of a file of this workspace; empty for a version of another workspace. */
    public Optional<VersionText> text(long workspaceId, long versionId) {
        return em.createNativeQuery("SELECT id, path, content FROM file_version WHERE workspace_id = ?1 AND id = ?2")
                .setParameter(1, workspaceId)
                .setParameter(2, versionId)
                .getResultStream()
                .map(row -> {
                    Object[] columns = (Object[]) row;
                    return new VersionText(SqlValues.number(columns[0]), (String) columns[1], (String) columns[2]);
                })
                .findFirst();
    }

    /** The paths of the workspace's files that have versions, deleted files too, in order. */
    public List<String> paths(long workspaceId) {
        return em.createNativeQuery("SELECT DISTINCT path FROM file_version WHERE workspace_id = ?1 ORDER BY path")
                .setParameter(1, workspaceId)
                .getResultStream()
                .map(String.class::cast)
                .toList();
    }

    private static FileVersion toVersion(Object[] row) {
        VersionLint lint = row[3] == null
                ? null
                : new VersionLint(
                        (String) row[3],
                        ((Number) row[4]).intValue(),
                        ((Number) row[5]).intValue(),
                        (String) row[6],
                        (String) row[7]);
        String runAfter = row[8] == null
                ? null
                : RunOutcome.summary((String) row[8], ((Number) row[9]).intValue(), (String) row[10]);
        return new FileVersion(SqlValues.number(row[0]), (String) row[1], SqlValues.time(row[2]), lint, runAfter);
    }
}
