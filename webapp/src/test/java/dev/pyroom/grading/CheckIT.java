package dev.pyroom.grading;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.pyroom.CourseSteps.createCourse;
import static dev.pyroom.CourseSteps.publish;
import static dev.pyroom.CourseSteps.replaceCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.pyroom.BrowserTest;
import dev.pyroom.WorkspaceForm;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A student checks their copy of an assignment against its tests, fails, reads why, fixes it and passes. */
class CheckIT extends BrowserTest {

    /** A check starts a sandbox of its own and runs every test in it; the editor's scripts start slowly when busy. */
    private static final LocatorAssertions.ContainsTextOptions CHECKED =
            new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);

    private static final LocatorAssertions.HasTextOptions SHOWN =
            new LocatorAssertions.HasTextOptions().setTimeout(60_000);

    @Test
    void studentFailsAVisibleTestSeesTheDifferenceFixesItAndPassesWithoutSeeingHiddenTests() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String assignment = "Greeter " + tag;
        // Only the hidden test holds this name: wherever it shows up in the browser, the hidden test leaked.
        String hiddenName = "Zephyrine" + tag;
        Page instructor = signedIn("instructor", "my/workspaces.xhtml");
        WorkspaceForm.create(instructor, "Starter " + tag);
        String code = createCourse(instructor, "Checks " + tag);
        Page student = signedIn("student", "my/courses.xhtml?code=" + code);
        assertThat(student.locator("[id$=':messages']")).containsText("You are in Checks " + tag);
        publish(instructor, assignment, "Starter " + tag);
        GradingData.addIoTest(assignment, "Greets Ada", 2, true, "Ada\n", "Hello, Ada!\nGoodbye.\n");
        GradingData.addIoTest(
                assignment, "Greets a stranger", 3, false, hiddenName + "\n", "Hello, " + hiddenName + "!\nGoodbye.\n");

        student.navigate(base() + "my/workspaces.xhtml");
        student.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(assignment).setExact(true))
                .click();
        assertThat(student.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!", CHECKED);
        String checksUrl =
                base() + "api/workspaces/" + student.url().replaceAll(".*workspace=(\\d+).*", "$1") + "/checks";

        replaceCode(student, "name = input()\nprint('Hello ' + name)\nprint('Goodbye.')\n");
        Response firstCheck = student.waitForResponse(
                response -> response.url().equals(checksUrl)
                        && response.request().method().equals("POST"),
                () -> student.locator("[id$=':check']").click());
        Locator report = student.locator("#check-report");
        assertThat(report.locator(".check-summary")).containsText("0 of 2 tests passed · 0/5 points", CHECKED);
        assertThat(student.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Check results")))
                .hasAttribute("aria-selected", "true");
        Locator visible = test(student, "Greets Ada");
        assertThat(visible.locator(".test-outcome")).hasText("Failed");
        assertThat(visible.locator(".test-points")).hasText("0/2 points");
        assertThat(visible.locator(".test-message")).hasText("Line 1 of the output differs from the expected line.");
        Locator differing = visible.locator(".output-diff tr.differs");
        assertThat(differing).hasCount(1);
        assertThat(differing.locator(".diff-expected")).hasText("Hello, Ada!");
        assertThat(differing.locator(".diff-actual")).hasText("Hello Ada");
        assertThat(differing.locator(".diff-expected mark")).hasText(new String[] {",", "!"});
        assertThat(visible.locator(".output-diff tr.same .diff-actual")).hasText("Goodbye.");
        Locator hidden = test(student, "Greets a stranger");
        assertThat(hidden.locator(".test-hidden")).hasText("hidden test");
        assertThat(hidden.locator(".test-message")).hasText("This hidden test failed.");
        assertThat(hidden.locator(".output-diff")).hasCount(0);

        replaceCode(student, "name = input()\nprint(f'Hello, {name}!')\nprint('Goodbye.')\n");
        student.locator("[id$=':check']").click();
        assertThat(report.locator(".check-summary")).containsText("2 of 2 tests passed · 5/5 points", CHECKED);
        assertThat(student.locator("#save-state")).hasText("Saved");
        assertThat(report.locator(".check-test .test-outcome")).hasText(new String[] {"Passed", "Passed"});

        replaceCode(student, "name = input()\nif name\n    print('Goodbye.')\n");
        student.locator("[id$=':check']").click();
        Locator banner = report.locator(".check-banner.not-compiled");
        assertThat(banner).containsText("Your files do not compile", CHECKED);
        assertThat(banner).containsText("main.py, line 2 does not compile: SyntaxError");
        assertThat(banner).containsText("This check does not count as an attempt.");

        Locator history = student.locator("#check-history button");
        assertThat(history).hasCount(3);
        assertThat(history.nth(0)).containsText("did not compile");
        assertThat(history.nth(1)).containsText("5/5 points");
        assertThat(history.nth(2)).containsText("0/5 points");
        history.nth(2).click();
        assertThat(report.locator(".check-summary")).hasText("0 of 2 tests passed · 0/5 points");
        assertThat(test(student, "Greets Ada").locator(".output-diff tr.differs"))
                .hasCount(1);

        student.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Check results"))
                .press("ArrowLeft");
        assertThat(student.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Output")))
                .isFocused();
        assertThat(student.locator("#output-panel")).isVisible();
        assertThat(student.locator("#check-panel")).isHidden();

        assertTrue(GradingData.storedChecksContain(assignment, hiddenName), "the hidden test ran");
        assertFalse(firstCheck.text().contains(hiddenName), firstCheck.text());
        APIResponse earlier = student.request().get(checksUrl);
        assertEquals(200, earlier.status());
        assertTrue(earlier.text().contains("Greets a stranger"), earlier.text());
        assertFalse(earlier.text().contains(hiddenName), earlier.text());
        assertFalse(student.content().contains(hiddenName));
    }

    @Test
    void aStudentAllowedTwoChecksSeesThemCountDownLosesNoneToCodeThatDoesNotCompileAndIsRefusedAThird() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String assignment = "Limited " + tag;
        Page instructor = signedIn("instructor", "my/workspaces.xhtml");
        WorkspaceForm.create(instructor, "Starter " + tag);
        String code = createCourse(instructor, "Two checks " + tag);
        Page student = signedIn("student", "my/courses.xhtml?code=" + code);
        assertThat(student.locator("[id$=':messages']")).containsText("You are in Two checks " + tag);
        publish(instructor, assignment, "Starter " + tag);
        GradingData.addIoTest(assignment, "Greets Ada", 1, true, "Ada\n", "Hello, Ada!\n");
        GradingData.limitAttempts(assignment, 2);

        student.navigate(base() + "my/workspaces.xhtml");
        student.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(assignment).setExact(true))
                .click();
        assertThat(student.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!", CHECKED);
        String editorUrl = student.url();
        String checksUrl = base() + "api/workspaces/" + editorUrl.replaceAll(".*workspace=(\\d+).*", "$1") + "/checks";
        Locator left = student.locator("#checks-left");
        Locator check = student.locator("[id$=':check']");
        Locator report = student.locator("#check-report");
        assertThat(left).hasText("2 checks left", SHOWN);

        replaceCode(student, "print('Hello ' + input())\n");
        check.click();
        assertThat(report.locator(".check-summary")).containsText("0 of 1 test passed", CHECKED);
        assertThat(left).hasText("1 check left");

        replaceCode(student, "name = input()\nif name\n    print('Hello')\n");
        check.click();
        assertThat(report.locator(".check-banner.not-compiled")).containsText("Your files do not compile", CHECKED);
        assertThat(left).hasText("1 check left");
        assertTrue(student.request().get(checksUrl).text().contains("\"attemptsLeft\":1"));

        // A second tab opened now still offers the last check when the first tab has used it.
        replaceCode(student, "print(f'Hello, {input()}!')\n");
        student.locator("[id$=':save']").click();
        assertThat(student.locator("#save-state")).hasText("Saved");
        Page secondTab = student.context().newPage();
        secondTab.navigate(editorUrl);
        assertThat(secondTab.locator("#checks-left")).hasText("1 check left", SHOWN);

        check.click();
        assertThat(report.locator(".check-summary")).containsText("1 of 1 test passed", CHECKED);
        assertThat(left).hasText("No checks left");
        assertThat(check).isDisabled();

        secondTab.locator("[id$=':check']").click();
        assertThat(secondTab.locator("#check-status"))
                .hasText("You have used all 2 checks of this assignment. Your work is still saved.", SHOWN);
        assertThat(secondTab.locator("#checks-left")).hasText("No checks left");
        assertThat(secondTab.locator("[id$=':check']")).isDisabled();

        APIResponse refused = student.request().post(checksUrl);
        assertEquals(409, refused.status());
        assertTrue(
                refused.text().contains("You have used all 2 checks of this assignment. Your work is still saved."),
                refused.text());
        student.reload();
        assertThat(left).hasText("No checks left", SHOWN);
        assertThat(check).isDisabled();
    }

    @Test
    void aWorkspaceWithoutTestsOffersNoCheck() {
        Page student = signedIn("student", "my/workspaces.xhtml");
        String name = "No tests " + UUID.randomUUID().toString().substring(0, 6);
        WorkspaceForm.create(student, name);
        student.getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true))
                .click();
        assertThat(student.locator("[id$=':run']")).isVisible();
        assertThat(student.locator("[id$=':check']")).hasCount(0);
        assertThat(student.locator(".result-tabs")).hasCount(0);
        assertThat(student.locator("#output")).isAttached();
    }

    private static Locator test(Page page, String name) {
        return page.locator(
                "#check-report .check-test",
                new Page.LocatorOptions()
                        .setHas(page.locator(".test-name", new Page.LocatorOptions().setHasText(name))));
    }
}
