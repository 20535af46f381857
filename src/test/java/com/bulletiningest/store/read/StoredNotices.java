package com.bulletiningest.store.read;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import com.bulletiningest.fixtures.Rows;

/** What tests read back of the store beside NoticeQueries: a bulletin's notices, and how many rows there are. */
public final class StoredNotices {

    private final DataSource dataSource;

    public StoredNotices(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The notices of a bulletin in print order; empty for an unknown id. */
    public List<StoredNotice> of(long bulletinId) {
        return new NoticeQueries(dataSource).notices("where s.bulletin_id = ? order by s.position, g.position, n.id",
                "the notices of bulletin #" + bulletinId, bulletinId);
    }

    public long bulletinCount() throws SQLException {
        return count("bulletin");
    }

    /** Repeats included. */
    public long noticeCount() throws SQLException {
        return count("notice");
    }

    private long count(String table) throws SQLException {
        return Long.parseLong(Rows.firstColumn(dataSource, "select count(*) from " + table).get(0));
    }
}
