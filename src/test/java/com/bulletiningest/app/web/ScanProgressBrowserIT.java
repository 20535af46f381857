package com.bulletiningest.app.web;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.bulletiningest.app.Eventually;
import com.bulletiningest.app.RunningService;
import com.bulletiningest.fixtures.ScannedCopies;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulletins page while a scanned bulletin is read by OCR, in a real headless Chromium on the running service: the
 * page shows which page OCR has reached and moves on by itself; once stored, the bulletin is marked as a scan with the
 * number of its notices read by OCR.
 */
@DisplayName("console: a scan being read by OCR, in a real browser")
class ScanProgressBrowserIT {

    /** OCR reads a page in 2–8 s on 2 shared cores: four pages leave time to see the progress move. */
    private static final int PAGES = 4;
    private static final Pattern PROGRESS = Pattern.compile("第 (\\d) / " + PAGES + " 页（OCR 识别中）");

    @RegisterExtension
    final Browser browser = new Browser();
    @RegisterExtension
    final RunningService service = RunningService.withOwners(RunningService.OWNERS).withIngested("seed-000.pdf");

    @Test
    @DisplayName("a born-digital bulletin unmarked; a 4-page scan dropped: 第 n / 4 页（OCR 识别中） moves on while the "
            + "page is open, then the bulletin shows by itself, marked 扫描件 with its notices read by OCR")
    void progressThenTheScannedBulletin() throws Exception {
        byte[] scan = ScannedCopies.at(150).jpeg(0.4f).of(Files.readAllBytes(RunningService.CORPUS.resolve("seed-001.pdf")), 1, PAGES);
        browser.driver.get(service.url() + "/bulletins");
        WebElement bornDigital = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='bulletins']//tr[td[contains(., 'inbox/seed-000.pdf')]]")));
        assertThat(bornDigital.findElements(By.className("scanned"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("ocr-progress"))).isEmpty();

        service.drop(scan, "scan.pdf");
        // the progress is drawn anew every two seconds: an element found may be gone the next moment
        WebDriverWait patient = (WebDriverWait) new WebDriverWait(browser.driver, Duration.ofMinutes(3))
                .ignoring(StaleElementReferenceException.class);
        Set<Integer> pagesSeen = new TreeSet<>();
        patient.until(driver -> {
            String reading = driver.findElement(By.id("reading")).getText();
            Matcher m = PROGRESS.matcher(reading);
            if (reading.contains("inbox/scan.pdf") && m.find()) {
                pagesSeen.add(Integer.parseInt(m.group(1)));
            }
            return pagesSeen.size() >= 2;
        });
        browser.screenshot("bulletins-ocr-progress");
        assertThat(pagesSeen).as("pages shown while reading").hasSizeGreaterThanOrEqualTo(2).allMatch(p -> p >= 1 && p <= PAGES);

        // without a reload: the page reads itself again when the reading ends
        WebElement stored = patient.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='bulletins']//tr[td[contains(., 'inbox/scan.pdf')]]")));
        long scannedNotices = service.count("select count(*) from notice where ocr_engine is not null");
        assertThat(scannedNotices).isPositive();
        assertThat(stored.findElement(By.className("scanned")).getText()).isEqualTo("扫描件（" + scannedNotices + " 条通知由 OCR 识别）");
        assertThat(browser.driver.findElements(By.cssSelector("tr.ocr-reading"))).isEmpty();
        browser.screenshot("bulletins-scanned");
        Eventually.within(RunningService.PATIENCE, "scan.pdf in .done", () -> Files.exists(service.inbox().resolve(".done/scan.pdf")));
    }
}
