package dev.pyroom.audit.boundary;

import dev.pyroom.audit.entity.AuditEntry;
import dev.pyroom.audit.entity.AuditQuery;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The admin's audit log: who did what to whom and when, filtered and read a page at a time. */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    @Inject
    AuditLog auditLog;

    private String actor;
    private String action;
    private String target;
    private LocalDate from;
    private LocalDate to;

    private final LazyDataModel<AuditEntry> entries = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filters) {
            return Math.toIntExact(auditLog.count(query()));
        }

        @Override
        public List<AuditEntry> load(
                int first, int pageSize, Map<String, SortMeta> sorts, Map<String, FilterMeta> filters) {
            return auditLog.search(query(), first, pageSize);
        }

        @Override
        public String getRowKey(AuditEntry entry) {
            return String.valueOf(entry.getId());
        }
    };

    private AuditQuery query() {
        return new AuditQuery(actor, action, target, from, to);
    }

    public LazyDataModel<AuditEntry> getEntries() {
        return entries;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
