package com.bulletiningest.app.web;

import java.util.ArrayList;
import java.util.List;

import com.bulletiningest.app.RunningService;
import com.bulletiningest.fixtures.BulletinPdfWriter;
import com.bulletiningest.fixtures.BulletinText;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stored text never runs as script: a bulletin mailed or dropped by anyone whose notice title carries a
 * {@code javascript:} link annotation, shown in a real headless Chromium (under LANG=C, failsafe).
 */
@DisplayName("a javascript: link from a PDF in a real browser")
class HostileLinkBrowserIT {

    private static final String SCRIPT = "javascript:alert(document.domain)";

    @RegisterExtension
    static final RunningService service = RunningService.withOwners(RunningService.OWNERS);
    private static long noticeId;
    @RegisterExtension
    final Browser browser = new Browser();

    @BeforeAll
    static void ingestHostileBulletin() throws Exception {
        service.drop(new BulletinPdfWriter().write(withScriptLinks(CorpusBulletin.load("seed-000").text())),
                "hostile.pdf");
        service.awaitDone("hostile.pdf");
        RawHttp http = new RawHttp(Integer.parseInt(service.properties.get("bulletin.http.port")));
        ObjectMapper json = new ObjectMapper();
        for (JsonNode hit : json.readTree(http.get("/api/notices?size=100").body()).get("notices")) {
            JsonNode detail = json.readTree(http.get("/api/notices/" + hit.get("id").asLong()).body());
            if (detail.get("notice").get("links").toString().contains(SCRIPT)) {
                noticeId = hit.get("id").asLong();
                assertThat(detail.get("source").isNull()).as("no source link offered").isTrue();
            }
        }
        assertThat(noticeId).as("a notice stored with the javascript: link").isPositive();
    }

    /** Every title link of the bulletin replaced by a javascript: URI. */
    private static BulletinText withScriptLinks(BulletinText text) {
        List<BulletinText.Page> pages = new ArrayList<>();
        for (BulletinText.Page page : text.pages()) {
            List<BulletinText.Line> lines = new ArrayList<>();
            for (BulletinText.Line line : page.lines()) {
                boolean title = line.mark() != null && line.mark().kind() == BulletinText.Mark.Kind.TITLE;
                lines.add(!title ? line : new BulletinText.Line(line.indent(), line.text(), line.paragraphEnd(),
                        line.links().stream().map(l -> new BulletinText.Link(l.from(), l.to(), SCRIPT)).toList(),
                        line.mark()));
            }
            pages.add(new BulletinText.Page(lines, page.bottom()));
        }
        return new BulletinText(pages);
    }

    @Test
    @DisplayName("the notice page shows the title as plain text, no link; clicking it runs nothing (no alert)")
    void titleIsNoScriptLink() throws Exception {
        browser.driver.get(service.url() + "/notices/" + noticeId);
        WebElement title = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("title")));
        browser.screenshot("hostile-link-notice");

        assertThat(title.findElements(By.tagName("a"))).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
        title.click();
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    @DisplayName("even a javascript: link put into the page by script would not run: the CSP forbids it")
    void contentSecurityPolicyBlocksScriptUrls() throws Exception {
        browser.driver.get(service.url() + "/notices/" + noticeId);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("title")));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "const a = document.createElement('a'); a.id = 'planted'; a.href = arguments[0]; a.textContent = 'x';"
                        + "document.body.appendChild(a);", SCRIPT);
        browser.driver.findElement(By.id("planted")).click();
        Thread.sleep(500);

        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }
}
