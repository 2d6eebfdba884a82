package dev.pyroom;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

/** The editor's Upload button, as a user chooses files with it. */
public final class EditorUpload {

    private EditorUpload() {}

    /**
     * Chooses the files. The upload starts from the widget's change listener, which exists once the page's scripts
     * have run: that may be after the editor's file name shows, and files chosen before it would go nowhere.
     */
    public static void choose(Page page, FilePayload... files) {
        page.waitForFunction("() => window.PrimeFaces && PrimeFaces.widgets['upload']");
        page.locator(".upload input[type=file]").setInputFiles(files);
    }
}
