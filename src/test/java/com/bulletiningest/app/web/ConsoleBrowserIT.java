package com.bulletiningest.app.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.bulletiningest.app.RunningService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's pages in a real headless Chromium on the running service (seed-000 ingested), the way
 * a reader uses them. Runs under LANG=C (failsafe configuration): Chinese must survive a non-UTF-8 platform charset.
 */
@DisplayName("console in a real browser")
class ConsoleBrowserIT {

    private static final String PASSWORD = "管理员-s3cret"; // beyond Latin-1: the page must send it as UTF-8
    @RegisterExtension
    static final RunningService service = RunningService.withOwners(RunningService.OWNERS)
            .with("bulletin.admin-password", PASSWORD).withIngested("seed-000.pdf");
    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    @DisplayName("type 参比制剂, search: one result, marked; the URL holds the query; open it, follow its PDF link")
    void searchOpenNoticeAndFollowPdf() throws Exception {
        browser.driver.get(service.url() + "/");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("total")));
        browser.screenshot("search-home");

        browser.driver.findElement(By.name("q")).sendKeys("参比制剂");
        browser.driver.findElement(By.id("search")).click();
        browser.waiting().until(ExpectedConditions.textToBe(By.id("total"), "1 条通知"));
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(service.url() + "/?q=%E5%8F%82%E6%AF%94%E5%88%B6%E5%89%82");
        WebElement title = browser.driver.findElement(By.cssSelector("li.hit a.title"));
        assertThat(title.getText()).isEqualTo("关于发布《化学仿制药参比制剂目录（第四十一批）》的公示");
        assertThat(title.findElement(By.tagName("mark")).getText()).isEqualTo("参比制剂");
        browser.screenshot("search-results");

        title.click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("pdf")));
        assertThat(browser.driver.findElement(By.id("title")).getText()).contains("化学仿制药参比制剂目录");
        assertThat(browser.driver.findElement(By.id("bulletin")).getText()).contains("inbox/seed-000.pdf", "第 2 页");
        assertThat(browser.driver.findElement(By.id("body")).getText()).isNotBlank();
        browser.screenshot("notice");

        String pdfLink = browser.driver.findElement(By.id("pdf")).getAttribute("href");
        browser.driver.findElement(By.id("pdf")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/pdf"));
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(pdfLink);
        browser.screenshot("notice-pdf");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfLink)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.body()).isEqualTo(Files.readAllBytes(RunningService.CORPUS.resolve("seed-000.pdf")));
    }

    @Test
    @DisplayName("a filter narrows the results: 天津 in category ip gives the two ip notices, and the URL says so")
    void filterByCategory() throws Exception {
        browser.driver.get(service.url() + "/?q=" + java.net.URLEncoder.encode("天津", StandardCharsets.UTF_8));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("total")));
        String unfiltered = browser.driver.findElement(By.id("total")).getText();

        new Select(browser.driver.findElement(By.name("category"))).selectByValue("ip");
        browser.driver.findElement(By.id("search")).click();
        browser.waiting().until(ExpectedConditions.textToBe(By.id("total"), "2 条通知"));

        assertThat(unfiltered).isNotEqualTo("2 条通知");
        assertThat(browser.driver.getCurrentUrl()).contains("category=ip");
        assertThat(browser.driver.findElements(By.cssSelector("li.hit .meta"))).extracting(WebElement::getText)
                .allMatch(meta -> meta.startsWith("ip · 地方级"));
        browser.screenshot("search-filtered");
    }

    @Test
    @DisplayName("bulletins page: a damaged file shows its reason; fixed and retried with the password, it is ingested")
    void retryASetAsideFile() throws Exception {
        byte[] pdf = Files.readAllBytes(RunningService.CORPUS.resolve("seed-001.pdf"));
        Files.write(service.inbox().resolve(".seed-001.pdf.part"), java.util.Arrays.copyOf(pdf, pdf.length / 2));
        Files.move(service.inbox().resolve(".seed-001.pdf.part"), service.inbox().resolve("seed-001.pdf"));
        Path setAside = service.inbox().resolve(".failed/seed-001.pdf");
        com.bulletiningest.app.Eventually.within(RunningService.PATIENCE, "set aside", () -> Files.exists(setAside));
        Files.write(setAside, pdf); // the admin fixed the file

        browser.driver.get(service.url() + "/bulletins");
        WebElement row = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr.failed-file")));
        assertThat(row.getText()).contains("seed-001.pdf", "damaged PDF");
        assertThat(browser.driver.findElement(By.id("bulletins")).getText()).contains("inbox/seed-000.pdf")
                .doesNotContain("inbox/seed-001.pdf");
        browser.screenshot("bulletins-failed");

        row.findElement(By.cssSelector("button.retry")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-result"),
                "this action needs the admin password"));
        assertThat(Files.exists(setAside)).isTrue();

        browser.driver.findElement(By.id("admin-password")).sendKeys(PASSWORD);
        row.findElement(By.cssSelector("button.retry")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-result"),
                "seed-001.pdf：已放回收件箱"));
        service.awaitDone("seed-001.pdf");

        browser.driver.navigate().refresh();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulletins"),
                "inbox/seed-001.pdf"));
        assertThat(browser.driver.findElements(By.cssSelector("tr.failed-file"))).isEmpty();
        browser.screenshot("bulletins-retried");
    }

    @Test
    @DisplayName("bulletins page: a mail that failed three times shows its reason; once the cause is fixed, Retry "
            + "with the password puts it back into the intake folder and it is processed")
    void retryAFailedMail() throws Exception {
        // its PDF is seed-000, stored already: the database refuses to record the mail as processed instead
        service.execute("""
                create function refuse_mail() returns trigger language plpgsql as $$
                begin
                    if new.status = 'PROCESSED' then
                        raise exception 'mail % refused by a check', new.message_id;
                    end if;
                    return new;
                end $$;
                create trigger refuse_mail before insert on mail_messages for each row execute function refuse_mail();
                """);
        service.mailIn(MailRetryTest.mail("<browser-retry@example.com>", "seed-000.pdf"));
        com.bulletiningest.app.Eventually.within(RunningService.PATIENCE, "the mail in Failed",
                () -> service.intakeCount("Failed") == 1);
        service.execute("drop trigger refuse_mail on mail_messages; drop function refuse_mail()");

        browser.driver.get(service.url() + "/bulletins");
        WebElement row = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr.failed-mail")));
        assertThat(row.getText()).contains("<browser-retry@example.com>", "gave up after 3 attempts");
        browser.driver.findElement(By.id("admin-password")).sendKeys(PASSWORD);
        row.findElement(By.cssSelector("button.retry-mail")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-result"),
                "<browser-retry@example.com>：已放回邮箱收件夹"));
        assertThat(browser.driver.findElements(By.cssSelector("tr.failed-mail"))).isEmpty();
        browser.screenshot("bulletins-mail-retried");

        com.bulletiningest.app.Eventually.within(RunningService.PATIENCE, "the mail processed",
                () -> service.intakeCount("Processed") == 1);
        assertThat(service.intakeCount("Failed")).isZero();
        assertThat(service.strings("select status from mail_messages where message_id = '<browser-retry@example.com>'"))
                .containsExactly("PROCESSED");
    }

    @Test
    @DisplayName("digests page: Resend now on a sent digest, with the password, queues it; it arrives once more and "
            + "the page then shows it sent and resent by an admin")
    void resendADigest() throws Exception {
        String owner = "pharma@example.com";
        com.bulletiningest.app.Eventually.within(RunningService.PATIENCE, "pharma's digest sent", () -> service.count(
                "select count(*) from outbox where recipient = '" + owner + "' and sent_at is not null") > 0);
        long id = service.count("select min(id) from outbox where recipient = '" + owner + "'");
        service.awaitMail(owner, 1);
        int delivered = service.subjects(owner).size();

        browser.driver.get(service.url() + "/digests");
        By row = By.cssSelector("tr.digest[data-id='" + id + "']");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(browser.driver.findElement(row).findElement(By.className("status")).getText()).startsWith("sent");
        browser.driver.findElement(By.id("admin-password")).sendKeys(PASSWORD);
        browser.driver.findElement(row).findElement(By.cssSelector("button.resend")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-result"),
                "#" + id + "：已排队，下次发送时寄出"));
        assertThat(browser.driver.findElement(row).findElement(By.className("status")).getText())
                .isEqualTo("queued（管理员要求重发）");
        browser.screenshot("digests-resent");

        service.awaitMail(owner, delivered + 1);
        browser.driver.navigate().refresh();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(row, "要求重发"));
        assertThat(browser.driver.findElement(row).findElement(By.className("status")).getText())
                .startsWith("sent").contains("（管理员于 ").endsWith(" 要求重发）");
    }

    @Test
    @DisplayName("deadlines page: a week grouping with days left, seen from 2021-03-12")
    void deadlines() throws Exception {
        browser.driver.get(service.url() + "/deadlines?today=2021-03-12");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("summary")));

        assertThat(browser.driver.findElement(By.id("summary")).getText()).startsWith("今天 2021-03-12");
        assertThat(browser.driver.findElement(By.id("content")).getText()).contains("还有 7 天");
        browser.screenshot("deadlines");
    }

    @Test
    @DisplayName("rules page: a rule with the notices carrying its tag; the text edited (天津 rule replaced by a "
            + "参比制剂 rule) and dry run: the 参比制剂 notice gains, every 天津 notice loses, nothing saved")
    void rulesDryRun() throws Exception {
        String tianjinRule = "  - tag: 天津\n    any: [天津]\n    in: [group, issuer, title]\n";
        long tianjin = service.count("select count(*) from notice_tag t join notice n on n.id = t.notice_id "
                + "where t.tag = '天津' and t.kind = 'rule' and n.repeat_of is null");
        browser.driver.get(service.url() + "/rules");
        WebElement rule = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//tr[@class='rule'][td[@class='tag-name' and text()='天津']]")));
        assertThat(rule.findElement(By.className("count")).getText()).isEqualTo(String.valueOf(tianjin));
        assertThat(tianjin).isPositive();
        assertThat(rule.getText()).contains("any: 天津", "title, group, issuer");
        WebElement text = browser.driver.findElement(By.id("rules-text"));
        String current = Files.readString(Path.of("config/tags.yaml"));
        assertThat(text.getAttribute("value")).isEqualTo(current);
        browser.screenshot("rules");

        // the 天津 rule cut out (as a paste would: typing the whole file takes long), a new rule typed at the end
        browser.driver.executeScript("arguments[0].value = arguments[1]", text, current.replace(tianjinRule, ""));
        text.sendKeys("\n  - tag: 参比制剂\n    any: [参比制剂]\n");
        assertThat(text.getAttribute("value")).endsWith("in: [deadline]\n\n  - tag: 参比制剂\n    any: [参比制剂]\n");
        browser.driver.findElement(By.id("dry-run")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("dry-run-summary"),
                "this action needs the admin password"));
        browser.driver.findElement(By.id("admin-password")).sendKeys(PASSWORD);
        browser.driver.findElement(By.id("dry-run")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("changes")));

        assertThat(browser.driver.findElements(By.cssSelector("#changes tr.gained"))).extracting(WebElement::getText)
                .singleElement().asString().contains("关于发布《化学仿制药参比制剂目录（第四十一批）》的公示", "参比制剂", "获得");
        assertThat(browser.driver.findElements(By.cssSelector("#changes tr.lost"))).hasSize((int) tianjin)
                .extracting(WebElement::getText).allMatch(line -> line.endsWith("天津 失去"));
        assertThat(browser.driver.findElement(By.id("dry-run-summary")).getText())
                .contains("参比制剂 获得 1、失去 0", "天津 获得 0、失去 " + tianjin);
        browser.driver.executeScript("arguments[0].scrollIntoView()", browser.driver.findElement(By.id("dry-run")));
        browser.screenshot("rules-dry-run");
        assertThat(service.count("select count(*) from notice_tag where tag = '参比制剂'")).isZero();
    }
}
