package dev.pyroom.identity.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The admin's list of users and their roles, read from Keycloak a page at a time. */
@Named
@ViewScoped
public class UsersPage implements Serializable {

    @Inject
    UserDirectory directory;

    private String search;

    private final LazyDataModel<DirectoryUser> users = new LazyDataModel<>() {
        private DirectoryPage lastPage = new DirectoryPage(List.of(), 0);

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return lastPage.total();
        }

        @Override
        public List<DirectoryUser> load(
                int first, int pageSize, Map<String, SortMeta> sorts, Map<String, FilterMeta> filters) {
            try {
                lastPage = directory.search(search, first, pageSize);
            } catch (DirectoryUnavailableException e) {
                lastPage = new DirectoryPage(List.of(), 0);
                FacesContext.getCurrentInstance()
                        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            }
            setRowCount(lastPage.total());
            return lastPage.users();
        }

        @Override
        public String getRowKey(DirectoryUser user) {
            return user.username();
        }
    };

    public LazyDataModel<DirectoryUser> getUsers() {
        return users;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
