package com.bulletiningest.store.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.bulletiningest.extract.PageOcr;
import com.bulletiningest.extract.ScannedPage;
import com.bulletiningest.split.Notice;
import com.bulletiningest.store.write.BulletinRows.Placed;

/**
 * Marks the notices whose text OCR read (any of their pages scanned) with the engine and the mean confidence of those
 * pages ({@code notice.ocr_engine}, {@code notice.ocr_confidence}): the console and the digests say so.
 */
final class ScanProvenance {

    private ScanProvenance() {
    }

    /** @return by notice id, the confidence of each notice marked */
    static Map<Long, Float> record(Connection connection, List<Placed> placed, List<ScannedPage> scanned) throws SQLException {
        Map<Long, Float> marked = new HashMap<>();
        if (scanned.isEmpty()) {
            return marked;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update notice set ocr_engine = ?, ocr_confidence = ? where id = ?")) {
            for (Placed p : placed) {
                Notice notice = p.notice().notice();
                double sum = 0;
                int pages = 0;
                for (ScannedPage page : scanned) {
                    if (page.page() >= notice.page() && page.page() <= Math.max(notice.page(), notice.lastPage())) {
                        sum += page.confidence();
                        pages++;
                    }
                }
                if (pages > 0) {
                    float confidence = (float) Math.min(1, Math.max(0, sum / pages));
                    update.setString(1, PageOcr.engine());
                    update.setFloat(2, confidence);
                    update.setLong(3, p.id());
                    update.addBatch();
                    marked.put(p.id(), confidence);
                }
            }
            update.executeBatch();
        }
        return marked;
    }
}
