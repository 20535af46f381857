package com.bulletiningest.notify;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.stream.Stream;

import com.bulletiningest.store.read.NoticeDeadline;
import com.bulletiningest.store.read.StoredNotice;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * An owner's deadlines as an iCalendar feed (RFC 5545, written by ical4j) that calendar apps subscribe to: one
 * all-day event per deadline of a notice the owner follows (its categories and tags, as the digests), titled
 * 「截止：<title>」, with the deadline's sentence and the notice's page in the description and a reminder
 * {@link #REMINDER_DAYS} days before. The UID stays the same for a notice and deadline, so a calendar replaces the
 * event on the next refresh instead of adding a second one.
 * <p>
 * Past deadlines stay for a while ({@code bulletin.calendar.past-days}, 30 by default), so an event does not vanish on
 * its day or the days after, when someone looks back at what was due; older ones are left out, as a subscribed
 * calendar removes the events a feed no longer has, and the feed stays small over the years.
 */
public final class DeadlineCalendar {

    /** Days before a deadline the calendar reminds. */
    public static final int REMINDER_DAYS = 3;

    private final String console;
    private final int pastDays;
    private final Clock clock;

    /**
     * @param composer whose public address ({@code bulletin.public-url}) the notice links point to
     * @param pastDays how many days a deadline stays in the feed after it passed ({@code bulletin.calendar.past-days})
     * @param clock    whose zone's date is today
     */
    public DeadlineCalendar(DigestComposer composer, int pastDays, Clock clock) {
        if (pastDays < 0) {
            throw new IllegalArgumentException("bulletin.calendar.past-days must be 0 or more days, not " + pastDays);
        }
        this.console = composer.console();
        this.pastDays = pastDays;
        this.clock = clock;
    }

    /** The earliest deadline a feed holds today. */
    public LocalDate firstDay() {
        return LocalDate.now(clock).minusDays(pastDays);
    }

    /** The feed of these deadlines, those from {@link #firstDay()} on of notices the owner follows. */
    public String ics(Owner owner, List<NoticeDeadline> deadlines) {
        LocalDate firstDay = firstDay();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//bulletin-ingest//deadlines//ZH"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", "政策通知截止日期 · " + (owner.name() != null ? owner.name() : owner.key())));
        for (NoticeDeadline deadline : deadlines) {
            StoredNotice notice = deadline.notice();
            if (!deadline.deadline().isBefore(firstDay) && owner.follows(notice.category(), Stream.concat(notice.tags().stream(), notice.keywords().stream()).toList())) {
                calendar.add(event(deadline));
            }
        }
        StringWriter ics = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, ics);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("cannot write the deadline calendar", e);
        }
        return ics.toString();
    }

    private VEvent event(NoticeDeadline deadline) {
        StoredNotice notice = deadline.notice();
        LocalDate day = deadline.deadline();
        VEvent event = new VEvent(day, day.plusDays(1), "截止：" + notice.title());
        event.add(new Uid("deadline-" + notice.id() + "-" + day + "@bulletin-ingest"));
        String page = console == null ? null : console + "/notices/" + notice.id();
        StringBuilder description = new StringBuilder(deadline.sentence() == null ? "" : deadline.sentence());
        if (notice.issuer() != null) {
            description.append("\n发布：").append(notice.issuer());
        }
        if (page != null) {
            description.append("\n").append(page);
            event.add(new Url(java.net.URI.create(page)));
        }
        event.add(new Description(description.toString().strip()));
        VAlarm alarm = new VAlarm(Period.ofDays(-REMINDER_DAYS));
        alarm.add(new Action("DISPLAY"));
        alarm.add(new Description(REMINDER_DAYS + " 天后截止：" + notice.title()));
        event.add(alarm);
        return event;
    }
}
