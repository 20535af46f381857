package com.bulletiningest.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.bulletiningest.store.db.AdvisoryLock;
import com.bulletiningest.store.db.Figures;
import com.bulletiningest.store.db.StoreException;
import com.bulletiningest.store.write.StoredBulletin;
import com.bulletiningest.store.write.StoredListener;

/**
 * The channel messages waiting to go out (table {@code channel_delivery}), taken out by {@link ChannelSender}. When
 * the store announces a bulletin, each channel of each owner who follows some of its new notices gets one message,
 * in the store's transaction, written from the same selection as the owner's mail digest. Every statement on the
 * table lives here.
 */
public final class ChannelOutbox implements StoredListener {

    /** A queued message as the sender needs it: where it goes and its body before signing. */
    record Pending(long id, Channel channel, String body) {
    }

    private final DataSource dataSource;
    private final Supplier<Owners> owners;
    private final DigestComposer composer;
    private final ChannelMessages messages;
    private final QueuedMessages queue;

    /** @param owners the current owners, asked for on every bulletin */
    public ChannelOutbox(DataSource dataSource, Supplier<Owners> owners, DigestComposer composer) {
        this.dataSource = dataSource;
        this.owners = owners;
        this.composer = composer;
        this.messages = new ChannelMessages(composer.console());
        this.queue = new QueuedMessages(dataSource, "channel_delivery", "channel message",
                QueuedMessages.AfterCrash.LEAVE_UNKNOWN, "the service stopped while posting it, before the robot's "
                        + "answer was recorded: it may be in the group already, and is not posted again by itself. "
                        + "Check the group; Resend now if it is missing");
    }

    /** Queues one message per channel of every owner who follows some of the bulletin's new notices. */
    @Override
    public int onStored(Connection connection, StoredBulletin bulletin) throws SQLException {
        int queued = 0;
        for (Owner owner : owners.get().all()) {
            if (owner.channels().isEmpty()) {
                continue;
            }
            Optional<DigestSelection> digest = composer.select(owner, bulletin);
            if (digest.isEmpty()) {
                continue;
            }
            for (Channel channel : owner.channels()) {
                queued += insert(connection, owner, channel, digest.get(),
                        messages.message(channel.type(), owner.name() != null ? owner.name() : owner.key(), digest.get()));
            }
        }
        return queued;
    }

    private static int insert(Connection connection, Owner owner, Channel channel, DigestSelection digest, String body)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into channel_delivery (bulletin_id, owner, "
                + "channel_type, url, secret_env, title, body, notices) values (?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict do nothing")) {
            insert.setLong(1, digest.bulletinId());
            insert.setString(2, owner.key());
            insert.setString(3, channel.type().code());
            insert.setString(4, channel.url());
            insert.setString(5, channel.secretEnv());
            insert.setString(6, digest.subject());
            insert.setString(7, body);
            insert.setInt(8, digest.followed().size());
            return insert.executeUpdate();
        }
    }

    /** Up to {@code limit} messages not sent yet whose next attempt is due, oldest first. */
    List<Pending> due(int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select id, channel_type, url, secret_env, body "
                     + "from channel_delivery where " + QueuedMessages.DUE + " order by id limit ?")) {
            query.setInt(1, limit);
            try (ResultSet rows = query.executeQuery()) {
                List<Pending> due = new ArrayList<>();
                while (rows.next()) {
                    due.add(new Pending(rows.getLong("id"), new Channel(ChannelType.of(rows.getString("channel_type"))
                            .orElseThrow(), rows.getString("url"), rows.getString("secret_env")), rows.getString("body")));
                }
                return due;
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot read the channel outbox", e);
        }
    }


    /** Messages of a channel type in a state ({@link DigestState}), for the metrics. */
    public double count(ChannelType type, DigestState state) {
        return Figures.of(dataSource, "select count(*) from channel_delivery where channel_type = ? and "
                + DigestState.OF_ROW + " = ?", type.code(), state.label());
    }

    /** The newest messages first, unsent ones before sent ones. */
    public List<ChannelDelivery> recent(int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select *, " + DigestState.OF_ROW + " as state "
                     + "from channel_delivery order by sent_at is not null, id desc limit ?")) {
            query.setInt(1, limit);
            try (ResultSet rows = query.executeQuery()) {
                List<ChannelDelivery> recent = new ArrayList<>();
                while (rows.next()) {
                    Channel channel = new Channel(ChannelType.of(rows.getString("channel_type")).orElseThrow(),
                            rows.getString("url"), null);
                    recent.add(new ChannelDelivery(rows.getLong("id"), rows.getLong("bulletin_id"),
                            rows.getString("owner"), channel.type().code(), channel.masked(), rows.getString("title"),
                            rows.getInt("notices"), rows.getString("state"), rows.getInt("attempts"),
                            rows.getString("last_error"), instant(rows.getTimestamp("created_at")),
                            instant(rows.getTimestamp("next_attempt_at")), instant(rows.getTimestamp("sent_at")),
                            instant(rows.getTimestamp("failed_at")), instant(rows.getTimestamp("resent_at"))));
                }
                return recent;
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot read the channel outbox", e);
        }
    }

    /**
     * Claims a message unless its robot had as many as it takes in the last minute or second ({@link ChannelType}):
     * counted over the posts begun (sent, being posted, unknown) by any instance, under a lock per robot, so two
     * instances never both take the last place.
     */
    Optional<QueuedMessages.Claim> claim(long id, Channel channel) {
        ChannelType type = channel.type();
        if (type.perMinute() == 0) {
            return queue.claim(id, QueuedMessages.Admission.ALWAYS);
        }
        return queue.claim(id, connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, AdvisoryLock.key("channel robot " + channel.url()));
                lock.execute();
            }
            try (PreparedStatement posts = connection.prepareStatement("select count(*) filter (where sending_at > "
                    + "now() - interval '1 minute'), count(*) filter (where sending_at > now() - interval '1 second') "
                    + "from channel_delivery where url = ? and sending_at > now() - interval '1 minute'")) {
                posts.setString(1, channel.url());
                try (ResultSet counts = posts.executeQuery()) {
                    counts.next();
                    return counts.getInt(1) < type.perMinute()
                            && (type.perSecond() == 0 || counts.getInt(2) < type.perSecond());
                }
            }
        });
    }

    /** The messages whose sender died while posting them, now {@code unknown}, left for an admin; their ids. */
    List<Long> leaveAbandonedUnknown() {
        return queue.abandoned();
    }

    /** Resend now: the message goes out at the next run of the sender, whatever its state; empty when unknown. */
    public Optional<Resent> resend(long id) {
        return queue.resend(id);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
