package com.bulletiningest.store.read;

import javax.sql.DataSource;

import com.bulletiningest.store.db.Figures;

/** The archive's figures the metrics report, each counted in the database when asked (a scrape). */
public final class ArchiveFigures {

    private final DataSource dataSource;

    public ArchiveFigures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Bulletins stored from one intake ({@code folder} or {@code mail}). */
    public double bulletins(String intake) {
        return Figures.of(dataSource, "select count(*) from bulletin where source_kind = ?", intake);
    }

    /** Notices stored, repeats included. */
    public double notices() {
        return Figures.of(dataSource, "select count(*) from notice");
    }

    /** Mailed-in messages from which no bulletin could be read. */
    public double failedMails() {
        return Figures.of(dataSource, "select count(*) from mail_messages where status = 'FAILED'");
    }
}
