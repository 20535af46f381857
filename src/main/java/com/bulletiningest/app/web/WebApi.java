package com.bulletiningest.app.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.bulletiningest.extract.OcrProgress;
import com.bulletiningest.extract.WebLink;
import com.bulletiningest.intake.mail.FailedMailRetry;
import com.bulletiningest.notify.DigestQueries;
import com.bulletiningest.notify.Outbox;
import com.bulletiningest.notify.Resent;
import com.bulletiningest.notify.StoredDigest;
import com.bulletiningest.store.read.ArchivedBulletin;
import com.bulletiningest.store.read.BulletinQueries;
import com.bulletiningest.store.read.NoticeDeadline;
import com.bulletiningest.store.read.NoticeFilter;
import com.bulletiningest.store.read.NoticeHit;
import com.bulletiningest.store.read.NoticeQueries;
import com.bulletiningest.store.read.NoticeSearch;
import com.bulletiningest.store.read.SearchPage;
import com.bulletiningest.store.read.StoredNotice;
import com.fasterxml.jackson.annotation.JsonRawValue;
import jakarta.mail.MessagingException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read side of the REST API under {@code /api} (routes/web.yaml): each method answers one request with JSON.
 */
public final class WebApi {

    private static final Logger LOG = LoggerFactory.getLogger(WebApi.class);

    /** The last page a search may ask for (100 notices a page: the first million hits). */
    static final int MAX_PAGE = 10_000;
    /** The most days a deadline list may reach back or ahead. */
    static final int MAX_DAYS = 3660;
    /** The most bulletins or digests a list may ask for. */
    static final int MAX_LIMIT = 1000;
    /** The days a deadline list may cover: those PostgreSQL and ISO dates agree on. */
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private final NoticeSearch search;
    private final NoticeQueries notices;
    private final BulletinQueries bulletins;
    private final DigestQueries digests;
    private final Clock clock;
    private final AdminGuard guard;
    private final FailedFiles failedFiles;
    private final FailedMailRetry failedMails;
    private final Outbox outbox;
    private final OcrProgress ocrProgress;

    WebApi(NoticeSearch search, NoticeQueries notices, BulletinQueries bulletins, DigestQueries digests,
                  FailedFiles failedFiles, FailedMailRetry failedMails, Outbox outbox, Clock clock, AdminGuard guard,
                  OcrProgress ocrProgress) {
        this.search = search;
        this.notices = notices;
        this.bulletins = bulletins;
        this.digests = digests;
        this.clock = clock;
        this.guard = guard;
        this.failedFiles = failedFiles;
        this.failedMails = failedMails;
        this.outbox = outbox;
        this.ocrProgress = ocrProgress;
    }

    /** {@code GET /api/notices?q=&category=&group=&tag=&issuer=&issued_from=&issued_to=&has_deadline=&deadline_after=&deadline_before=&sort=&page=&size=} */
    public void search(Exchange exchange) {
        Responses.json(exchange, () -> {
            guard.checkRead(exchange);
            Params params = new Params(exchange);
            NoticeFilter filter = new NoticeFilter(params.text("q"), params.text("category"), params.text("group"),
                    params.text("tag"), params.text("issuer"), params.date("issued_from"), params.date("issued_to"),
                    params.flag("has_deadline"), params.date("deadline_after"), params.date("deadline_before"),
                    params.choice("sort", NoticeFilter.Sort.class, NoticeFilter.Sort.RELEVANCE),
                    params.number("page", 1, 1, MAX_PAGE), params.number("size", 20, 1, NoticeFilter.MAX_PAGE_SIZE));
            SearchPage page = search.search(filter);
            Highlighter highlighter = new Highlighter(filter.query());
            return new Results(page.total(), page.page(), page.size(),
                    page.hits().stream().map(hit -> Found.of(hit, highlighter)).toList());
        });
    }

    /** {@code GET /api/notices/{id}}: the notice with its fields, bulletin, other prints and the digests listing it. */
    public void notice(Exchange exchange) {
        Responses.json(exchange, () -> {
            guard.checkRead(exchange);
            long id = new Params(exchange).id("id");
            StoredNotice notice = notices.notice(id)
                    .orElseThrow(() -> new Params.NotFoundException("no notice #" + id));
            return new NoticeDetail(notice, WebLink.first(notice.links()).orElse(null), notices.fieldsJson(id),
                    bulletins.bulletin(notice.bulletinId()).orElse(null),
                    notices.printsOf(notice), digests.listing(notice));
        });
    }

    /** {@code GET /api/facets}: the categories, groups and tags to filter on. */
    public void facets(Exchange exchange) {
        Responses.json(exchange, () -> {
            guard.checkRead(exchange);
            return notices.facets();
        });
    }

    /**
     * {@code GET /api/deadlines?today=&days=&past=}: the deadlines from {@code past} days ago (default 14) to
     * {@code days} days ahead (default 30), each with the days left (negative when passed).
     */
    public void deadlines(Exchange exchange) {
        Responses.json(exchange, () -> {
            guard.checkRead(exchange);
            Params params = new Params(exchange);
            LocalDate today = params.date("today") == null ? LocalDate.now(clock) : params.date("today");
            LocalDate from = today.minusDays(params.number("past", 14, 0, MAX_DAYS));
            LocalDate to = today.plusDays(params.number("days", 30, 0, MAX_DAYS));
            List<NoticeDeadline> found = notices.deadlines(from.isBefore(FIRST_DAY) ? FIRST_DAY : from,
                    to.isAfter(LAST_DAY) ? LAST_DAY : to);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("today", today);
            answer.put("deadlines", found.stream().map(d -> new Deadline(d.deadline(),
                    ChronoUnit.DAYS.between(today, d.deadline()), d.sentence(), Found.of(d.notice(), null, 0,
                    new Highlighter(null)))).toList());
            return answer;
        });
    }

    /** {@code GET /api/bulletins}: the most recent bulletins with their counts. */
    public void bulletins(Exchange exchange) {
        Responses.json(exchange, () -> guard.checkRead(exchange) ? bulletins.recent(new Params(exchange).number("limit", 100, 1, MAX_LIMIT)) : null);
    }

    /** {@code GET /api/ocr-progress}: the bulletins OCR is reading now, each with the page it has reached. */
    public void ocrProgress(Exchange exchange) {
        Responses.json(exchange, () -> guard.checkRead(exchange) ? ocrProgress.now() : null);
    }

    /** {@code GET /api/bulletins/{id}/pdf}: the PDF as received. */
    public void pdf(Exchange exchange) {
        try {
            guard.checkRead(exchange);
            long id = new Params(exchange).id("id");
            byte[] pdf = bulletins.pdf(id).orElseThrow(() -> new Params.NotFoundException("no PDF of bulletin #" + id));
            Responses.send(exchange, 200, "application/pdf", pdf);
            exchange.getMessage().setHeader("Content-Disposition", "inline; filename=\"bulletin-" + id + ".pdf\"");
        } catch (RuntimeException e) {
            Responses.error(exchange, e);
        }
    }

    /** {@code GET /api/failures}: the files set aside in the inbox and the mails that failed, with their reasons. */
    public void failures(Exchange exchange) {
        Responses.json(exchange, () -> {
            guard.checkRead(exchange);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("files", failedFiles.list());
            answer.put("mails", bulletins.failedMails(100));
            return answer;
        });
    }

    /** {@code POST /api/failures/files/{name}/retry} (admin): moves the set-aside file back into the inbox. */
    public void retryFile(Exchange exchange) {
        Responses.json(exchange, () -> {
            guard.check(exchange);
            String name = new Params(exchange).path("name");
            failedFiles.retry(name);
            return Map.of("retried", name, "outcome", "moved back into the inbox; the next poll ingests it");
        });
    }

    /**
     * {@code POST /api/failures/mails/{messageId}/retry} (admin): moves the mail with this Message-ID (URL-encoded)
     * from the mailbox's Failed folder back into the intake folder, where the next poll reads it afresh.
     */
    public void retryMail(Exchange exchange) {
        Responses.json(exchange, () -> {
            guard.check(exchange);
            String messageId = new Params(exchange).path("messageId");
            boolean found;
            try {
                found = messageId != null && failedMails.retry(messageId);
            } catch (MessagingException e) {
                throw new Params.UnavailableException("the mail server cannot be reached now ("
                        + DatabaseHealthCheck.rootMessage(e) + "); try again later");
            }
            if (!found) {
                throw new Params.NotFoundException("no mail with Message-ID " + messageId + " in the Failed folder");
            }
            return Map.of("retried", messageId, "outcome", "moved back into the intake folder; the next poll reads it");
        });
    }

    /**
     * {@code POST /api/digests/{id}/resend} (admin): Resend now. A queued or failing digest is tried at the next run of
     * the sender without waiting for its back-off, a failed one (refused for good) is queued again, e.g. once the
     * owner's address is fixed, a sent one is queued to go out once more; always with the same Message-ID.
     */
    public void resendDigest(Exchange exchange) {
        Responses.json(exchange, () -> {
            guard.check(exchange);
            long id = new Params(exchange).id("id");
            Resent resent = outbox.resend(id).orElseThrow(() -> new Params.NotFoundException("no digest #" + id));
            LOG.info("Digest #{} to be resent at an admin's request ({})", id, resent);
            return Map.of("resent", id, "outcome", resent.outcome("queued to be sent once more, with the same Message-ID"));
        });
    }

    /** {@code GET /api/digests}: the most recent digests, unsent first. */
    public void digests(Exchange exchange) {
        Responses.json(exchange, () -> guard.checkRead(exchange) ? digests.recent(new Params(exchange).number("limit", 200, 1, MAX_LIMIT)) : null);
    }

    public record Results(long total, int page, int size, List<Found> notices) {
    }

    /** A notice in a result list, with the query's words marked in its title and in a piece of its body. */
    public record Found(long id, long bulletinId, LocalDate issued, String category, String group, int no,
                        String title, String titleHtml, String snippetHtml, String issuer, LocalDate date,
                        String documentNumber, LocalDate deadline, List<String> tags, List<String> keywords,
                        double rank, Float ocrConfidence) {

        static Found of(NoticeHit hit, Highlighter highlighter) {
            return of(hit.notice(), hit.issued(), hit.rank(), highlighter);
        }

        static Found of(StoredNotice n, LocalDate issued, double rank, Highlighter highlighter) {
            return new Found(n.id(), n.bulletinId(), issued, n.category(), n.group(), n.no(), n.title(),
                    highlighter.mark(n.title()), highlighter.snippet(n.body(), 120), n.issuer(), n.date(),
                    n.documentNumber(), n.nearestDeadline(), n.tags(), n.keywords(), rank, n.ocrConfidence());
        }
    }

    /** @param source the notice's first web link, shown as its title's link: none unless http(s) */
    public record NoticeDetail(StoredNotice notice, String source, @JsonRawValue String fields, ArchivedBulletin bulletin,
                               List<StoredNotice> otherPrints, List<StoredDigest> digests) {
    }

    public record Deadline(LocalDate deadline, long daysLeft, String sentence, Found notice) {
    }
}
