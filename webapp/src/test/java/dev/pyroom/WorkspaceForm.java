package dev.pyroom;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The "New workspace" form on My workspaces, as a student uses it. */
public final class WorkspaceForm {

    private WorkspaceForm() {}

    public static void submit(Page page, String name) {
        page.locator("input[id$=':newName']").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create"))
                .click();
    }

    /** Creates the workspace and waits until it is listed. */
    public static void create(Page page, String name) {
        submit(page, name);
        page.locator(".workspace-name", new Page.LocatorOptions().setHasText(name))
                .getByText(name, new Locator.GetByTextOptions().setExact(true))
                .waitFor();
    }
}
