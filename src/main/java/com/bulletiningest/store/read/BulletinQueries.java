package com.bulletiningest.store.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.bulletiningest.store.db.StoreException;

/** Reads the ingested bulletins with their counts, the PDF kept of each, and the mails that failed. */
public final class BulletinQueries {

    private static final String BULLETINS = "select b.id, b.source_kind, b.original_name, b.message_id, m.sender, "
            + "m.subject, b.received_at, b.issued, b.pages, "
            + "(select count(*) from section s where s.bulletin_id = b.id) sections, c.notices, c.repeats, c.scanned_notices, "
            + "exists (select 1 from bulletin_pdf p where p.bulletin_id = b.id) has_pdf "
            + "from bulletin b left join lateral (select sender, subject from mail_messages m "
            + "where m.message_id = b.message_id limit 1) m on true "
            + "cross join lateral (select count(*) notices, count(*) filter (where n.repeat_of is not null) repeats, "
            + "count(*) filter (where n.ocr_engine is not null) scanned_notices from notice n "
            + "join notice_group g on g.id = n.group_id join section s on s.id = g.section_id where s.bulletin_id = b.id) c ";

    private final DataSource dataSource;

    public BulletinQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The most recently received first. */
    public List<ArchivedBulletin> recent(int limit) {
        return bulletins("order by b.received_at desc, b.id desc limit ?", limit);
    }

    public Optional<ArchivedBulletin> bulletin(long id) {
        return bulletins("where b.id = ?", id).stream().findFirst();
    }

    /** The PDF the bulletin was read from, when it was kept (bulletins stored before V12 have none). */
    public Optional<byte[]> pdf(long bulletinId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select content from bulletin_pdf where bulletin_id = ?")) {
            query.setLong(1, bulletinId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot read the PDF of bulletin #" + bulletinId, e);
        }
    }

    /** The mailed-in messages that failed (table mail_messages), newest first. */
    public List<FailedMail> failedMails(int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select message_id, sender, subject, reason, "
                     + "processed_at from mail_messages where status = 'FAILED' order by processed_at desc limit ?")) {
            query.setInt(1, limit);
            try (ResultSet rows = query.executeQuery()) {
                List<FailedMail> failed = new ArrayList<>();
                while (rows.next()) {
                    failed.add(new FailedMail(rows.getString("message_id"), rows.getString("sender"),
                            rows.getString("subject"), rows.getString("reason"),
                            instant(rows.getTimestamp("processed_at"))));
                }
                return failed;
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot read the failed mails", e);
        }
    }

    private List<ArchivedBulletin> bulletins(String condition, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(BULLETINS + condition)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                List<ArchivedBulletin> bulletins = new ArrayList<>();
                while (rows.next()) {
                    bulletins.add(new ArchivedBulletin(rows.getLong("id"), rows.getString("source_kind"),
                            rows.getString("original_name"), rows.getString("message_id"), rows.getString("sender"),
                            rows.getString("subject"), instant(rows.getTimestamp("received_at")),
                            NoticeQueries.localDate(rows.getDate("issued")), rows.getInt("pages"),
                            rows.getInt("sections"), rows.getInt("notices"), rows.getInt("repeats"), rows.getInt("scanned_notices"),
                            rows.getBoolean("has_pdf")));
                }
                return bulletins;
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot read the bulletins", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
