package com.bulletiningest.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.bulletiningest.store.db.ContentHash;
import com.bulletiningest.store.db.StoreException;
import com.bulletiningest.store.write.StoredBulletin;
import com.bulletiningest.store.write.StoredListener;

/**
 * The outbox table: digests queued with their bulletin and taken out by {@link OutboxSender}. Every statement on it
 * lives here. When the store announces a bulletin, each owner who follows some of its new notices gets one digest
 * row, in the store's transaction. A digest is pending, sent, or failed (refused for good by the mail server) until
 * someone resends it. Failures of the database come out as the store's {@link StoreException} (a
 * {@code DatabaseUnavailableException} when it cannot be reached).
 */
public final class Outbox implements StoredListener {

    /** A queued digest as the sender needs it. */
    public record Pending(long id, String recipient, String subject, String text, String html, String messageId) {
    }

    private final DataSource dataSource;
    private final Supplier<Owners> owners;
    private final DigestComposer composer;
    private final QueuedMessages queue;

    /**
     * @param owners the current owners, asked for on every bulletin (a {@code config.ReloadingConfig} re-reads the
     *               owners file when it changes)
     */
    public Outbox(DataSource dataSource, Supplier<Owners> owners, DigestComposer composer) {
        this.dataSource = dataSource;
        this.owners = owners;
        this.composer = composer;
        this.queue = new QueuedMessages(dataSource, "outbox", "digest", QueuedMessages.AfterCrash.SEND_AGAIN,
                "the service stopped while the mail server took it, before its answer was recorded: sent again, "
                        + "with the same Message-ID");
    }

    /** Queues one digest per owner with an address who follows some of the bulletin's new notices. */
    @Override
    public int onStored(Connection connection, StoredBulletin bulletin) throws SQLException {
        int queued = 0;
        for (Owner owner : owners.get().all()) {
            if (owner.address() == null) {
                continue; // reached on its channels only
            }
            Optional<Digest> digest = composer.compose(owner, bulletin);
            if (digest.isPresent()) {
                insert(connection, bulletin.id(), digest.get());
                queued++;
            }
        }
        return queued;
    }

    private static void insert(Connection connection, long bulletinId, Digest digest) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into outbox (bulletin_id, recipient, "
                + "subject, body, html, message_id) values (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, bulletinId);
            insert.setString(2, digest.recipient());
            insert.setString(3, digest.subject());
            insert.setString(4, digest.text());
            insert.setString(5, digest.html());
            insert.setString(6, messageId(bulletinId, digest.recipient()));
            insert.executeUpdate();
        }
    }

    /**
     * The digest's Message-ID, the same whenever it is sent: a resend after a lost acknowledgement can be recognised
     * by the receiver. The address is hashed so that any address makes a valid Message-ID.
     */
    static String messageId(long bulletinId, String recipient) {
        return "<digest-" + bulletinId + "-" + ContentHash.sha256(recipient.toLowerCase(Locale.ROOT)).substring(0, 16)
                + "@bulletin-ingest>";
    }

    /** Up to {@code limit} digests not sent yet whose next attempt is due, oldest first. */
    public List<Pending> due(int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select id, recipient, subject, body, html, "
                     + "message_id from outbox where " + QueuedMessages.DUE + " order by id limit ?")) {
            query.setInt(1, limit);
            try (ResultSet rows = query.executeQuery()) {
                List<Pending> due = new ArrayList<>();
                while (rows.next()) {
                    due.add(new Pending(rows.getLong("id"), rows.getString("recipient"), rows.getString("subject"),
                            rows.getString("body"), rows.getString("html"), rows.getString("message_id")));
                }
                return due;
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot read the outbox", e);
        }
    }

    /**
     * Claims a due digest ({@link QueuedMessages#claim}) so that no other sender takes it while it is being sent and
     * its outcome is recorded; empty when it was sent or postponed meanwhile, or another sender holds it.
     */
    Optional<QueuedMessages.Claim> claim(long id) {
        return queue.claim(id, QueuedMessages.Admission.ALWAYS);
    }

    /** The digests whose sender died while the mail server took them, queued again (same Message-ID); their ids. */
    List<Long> sendAgainAbandoned() {
        return queue.abandoned();
    }

    /**
     * Has the digest sent at the next run of the sender, whatever its state (same Message-ID and content), and notes
     * when that was asked ({@code resent_at}); empty when there is no digest with this id. A digest being sent right
     * now is waited for.
     */
    public Optional<Resent> resend(long id) {
        return queue.resend(id);
    }
}
