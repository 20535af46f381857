package com.bulletiningest.app.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.bulletiningest.notify.CalendarTokens;
import com.bulletiningest.notify.Channel;
import com.bulletiningest.notify.ChannelOutbox;
import com.bulletiningest.notify.DeadlineCalendar;
import com.bulletiningest.notify.Owner;
import com.bulletiningest.notify.Owners;
import com.bulletiningest.notify.Resent;
import com.bulletiningest.store.read.NoticeQueries;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owners as the console shows them (admin): their channels without secrets or robot keys, their calendar
 * addresses, a new calendar token on request; the channel messages with Resend now; and each owner's deadline
 * calendar at {@code /calendar/<token>.ics}, opened by its token alone so that calendar apps can subscribe.
 */
public final class OwnersApi {

    private static final Logger LOG = LoggerFactory.getLogger(OwnersApi.class);
    /** What {@link CalendarTokens} issues, with the {@code .ics} a calendar app expects. */
    private static final Pattern CALENDAR_FILE = Pattern.compile("([A-Za-z0-9_-]{32})\\.ics");
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private final Supplier<Owners> owners;
    private final CalendarTokens tokens;
    private final DeadlineCalendar calendar;
    private final NoticeQueries notices;
    private final ChannelOutbox channels;
    private final UnaryOperator<String> environment;
    private final String console;
    private final AdminGuard guard;

    /**
     * @param environment where the channels' secrets are, asked only whether each is set
     * @param console     {@code bulletin.public-url} without trailing slash, or empty: calendar addresses are then
     *                    relative ({@code /calendar/…}) and the console completes them
     */
    OwnersApi(Supplier<Owners> owners, CalendarTokens tokens, DeadlineCalendar calendar, NoticeQueries notices,
              ChannelOutbox channels, UnaryOperator<String> environment, String console, AdminGuard guard) {
        this.owners = owners;
        this.tokens = tokens;
        this.calendar = calendar;
        this.notices = notices;
        this.channels = channels;
        this.environment = environment;
        this.console = console;
        this.guard = guard;
    }

    /** {@code GET /api/owners} (admin): every owner with its channels (no secret, no robot key) and calendar address. */
    public void owners(Exchange exchange) {
        Responses.json(exchange, () -> {
            guard.check(exchange);
            return owners.get().all().stream().map(o -> new OwnerView(o.key(), o.name(), o.address(),
                    o.categories().stream().sorted().toList(), o.tags().stream().sorted().toList(),
                    o.channels().stream().map(this::view).toList(), calendarUrl(tokens.tokenOf(o.key())))).toList();
        });
    }

    /** {@code POST /api/owners/{owner}/calendar-token} (admin): a new calendar address; the old one stops working. */
    public void newCalendarToken(Exchange exchange) {
        Responses.json(exchange, () -> {
            guard.check(exchange);
            String key = new Params(exchange).path("owner");
            Owner owner = owners.get().byKey(key == null ? "" : key)
                    .orElseThrow(() -> new Params.NotFoundException("no owner '" + key + "' in the owners file"));
            String url = calendarUrl(tokens.issue(owner.key()));
            LOG.info("New calendar token for owner {} at an admin's request; the previous address no longer works",
                    owner.key());
            return Map.of("owner", owner.key(), "calendarUrl", url);
        });
    }

    /** {@code GET /api/channel-messages}: the newest channel messages, unsent first. */
    public void channelMessages(Exchange exchange) {
        Responses.json(exchange, () -> guard.checkRead(exchange)
                ? channels.recent(new Params(exchange).number("limit", 200, 1, WebApi.MAX_LIMIT)) : null);
    }

    /** {@code POST /api/channel-messages/{id}/resend} (admin): Resend now, whatever its state. */
    public void resendChannelMessage(Exchange exchange) {
        Responses.json(exchange, () -> {
            guard.check(exchange);
            long id = new Params(exchange).id("id");
            Resent resent = channels.resend(id)
                    .orElseThrow(() -> new Params.NotFoundException("no channel message #" + id));
            LOG.info("Channel message #{} to be resent at an admin's request ({})", id, resent);
            return Map.of("resent", id, "outcome", resent.outcome("queued to be posted once more"));
        });
    }

    /**
     * {@code GET /calendar/{file}}: the deadlines of the owner whose token names the file, as iCalendar. An unknown
     * or revoked token, or an owner no longer in the owners file, is a 404 that tells nothing about other tokens.
     */
    public void calendar(Exchange exchange) {
        try {
            String file = new Params(exchange).path("file");
            Matcher name = CALENDAR_FILE.matcher(file == null ? "" : file);
            Owner owner = (name.matches() ? tokens.owner(name.group(1)) : Optional.<String>empty())
                    .flatMap(key -> owners.get().byKey(key))
                    .orElseThrow(() -> new Params.NotFoundException("no such calendar"));
            String ics = calendar.ics(owner, notices.deadlines(calendar.firstDay(), LAST_DAY));
            Responses.send(exchange, 200, "text/calendar; charset=UTF-8", ics.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            Responses.error(exchange, e);
        }
    }

    private ChannelView view(Channel channel) {
        String secret = channel.secretEnv() == null ? null : environment.apply(channel.secretEnv());
        return new ChannelView(channel.type().code(), channel.masked(), channel.secretEnv(),
                channel.secretEnv() == null ? null : secret != null && !secret.isEmpty());
    }

    private String calendarUrl(String token) {
        return console + "/calendar/" + token + ".ics";
    }

    /**
     * @param key         what identifies the owner: its address in lower case, or its name
     * @param calendarUrl where a calendar app subscribes to its deadlines (relative when no public address is set)
     */
    public record OwnerView(String key, String name, String address, List<String> categories, List<String> tags,
                            List<ChannelView> channels, String calendarUrl) {
    }

    /**
     * @param url       the address without its query (where robots carry their key)
     * @param secretEnv the environment variable that holds the signing secret, or null when unsigned
     * @param secretSet whether that variable is set (null when unsigned); the secret itself is never shown
     */
    public record ChannelView(String type, String url, String secretEnv, Boolean secretSet) {
    }
}
