package com.bulletiningest.store.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.bulletiningest.store.db.StoreException;

/** Keeps the PDF of every stored bulletin (table bulletin_pdf), once. */
public final class BulletinPdfs {

    private final DataSource dataSource;

    public BulletinPdfs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Keeps the PDF unless the bulletin already has one; also fills in bulletins stored before PDFs were kept. */
    public void keep(long bulletinId, byte[] pdf) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into bulletin_pdf (bulletin_id, content) values (?, ?) on conflict do nothing")) {
            insert.setLong(1, bulletinId);
            insert.setBytes(2, pdf);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.of("cannot keep the PDF of bulletin #" + bulletinId, e);
        }
    }
}
