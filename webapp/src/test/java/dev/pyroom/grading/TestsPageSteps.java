package dev.pyroom.grading;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

/** What an instructor does on an assignment's tests page, as a browser does it. */
final class TestsPageSteps {

    private TestsPageSteps() {}

    /** Adds an I/O test of main.py after the page's others, compared ignoring trailing whitespace; not yet saved. */
    static void addIoTest(
            Page instructor, String name, int points, boolean visible, String stdin, String expectedOutput) {
        int before = instructor.locator(".test-card").count();
        instructor.locator("[id='tests:addIo']").click();
        assertThat(instructor.locator(".test-card")).hasCount(before + 1);
        Locator test = card(instructor, before);
        field(test, "Name").fill(name);
        field(test, "Points").fill(Integer.toString(points));
        if (!visible) {
            field(test, "Students see")
                    .selectOption(new SelectOption().setLabel("hidden: only its name and whether it passed"));
        }
        field(test, "Input (stdin)").fill(stdin);
        field(test, "Expected output").fill(expectedOutput);
    }

    /** Tries the saved tests against the reference solution in one of the instructor's workspaces. */
    static void tryAgainst(Page instructor, String referenceWorkspace) {
        instructor
                .getByLabel("Reference solution", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel(referenceWorkspace));
        instructor.locator("[id='tests:try']").click();
    }

    static Locator card(Page page, int index) {
        return page.locator(".test-card").nth(index);
    }

    static Locator field(Locator card, String label) {
        return card.getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }
}
