package com.bulletiningest.store.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides which of a bulletin's notices are new, in the table {@code notice_first} (fingerprint → first notice): a
 * fingerprint is new in the one bulletin whose transaction inserts it there first. A concurrent insert of the same
 * fingerprint waits for that transaction and then conflicts (or wins, if it rolled back), so exactly one of several
 * copies saved at the same moment has the notices new, whatever the interleaving. Fingerprints are claimed in sorted
 * order, so two bulletins sharing notices in different orders take these row locks in the same order and never
 * deadlock.
 */
final class FirstOccurrences {

    private FirstOccurrences() {
    }

    /**
     * The first occurrences of these fingerprints committed so far: a hint for inserting repeats as such, not a
     * decision (a copy may commit after this look-up; {@link #claim} decides). A committed first occurrence stays.
     */
    static Map<String, Long> committed(Connection connection, Collection<String> fingerprints) throws SQLException {
        Map<String, Long> committed = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select fingerprint, notice_id from notice_first where fingerprint = any (?)")) {
            query.setArray(1, connection.createArrayOf("text", fingerprints.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    committed.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return committed;
    }

    /**
     * Claims the bulletin's fingerprints.
     *
     * @param firstHere each fingerprint of the bulletin with its first notice in it (a notice printed twice in one
     *                  bulletin is new in both places)
     * @return the fingerprints first seen in an earlier bulletin, with the notice they first appeared as
     */
    static Map<String, Long> claim(Connection connection, Map<String, Long> firstHere) throws SQLException {
        Map<String, Long> earlier = new HashMap<>();
        try (PreparedStatement insert = connection.prepareStatement("insert into notice_first (fingerprint, notice_id) "
                + "values (?, ?) on conflict (fingerprint) do nothing returning notice_id");
             // a statement of its own: its snapshot is taken after the conflicting transaction committed
             PreparedStatement first = connection.prepareStatement(
                     "select notice_id from notice_first where fingerprint = ?")) {
            for (Map.Entry<String, Long> fingerprint : new TreeMap<>(firstHere).entrySet()) {
                insert.setString(1, fingerprint.getKey());
                insert.setLong(2, fingerprint.getValue());
                try (ResultSet claimed = insert.executeQuery()) {
                    if (claimed.next()) {
                        continue;
                    }
                }
                first.setString(1, fingerprint.getKey());
                try (ResultSet row = first.executeQuery()) {
                    row.next();
                    earlier.put(fingerprint.getKey(), row.getLong(1));
                }
            }
        }
        return earlier;
    }
}
