package com.bulletiningest.app;

import java.io.InputStream;
import java.sql.SQLException;
import java.util.Properties;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The safety net of log4j2.properties: the console pattern masks password-shaped text in messages and stack traces. */
@DisplayName("log masks")
class LogMaskTest {

    @Test
    @DisplayName("passwords in URIs (also RAW(...)), key=value and key: value text and URL user info are masked; "
            + "the rest of the line stays readable")
    void masksPasswordShapes() throws Exception {
        String line = format("Consumer imap://127.0.0.1:3143?password=RAW(p&w d)&username=bulletins failed; "
                        + "smtp password: Smtp-Pw1, bulletin.db.password=Db-Pw2 secret=S3",
                new SQLException("cannot connect to jdbc:postgresql://app:Url-Pw4@db:5432/bulletins"));

        assertThat(line).doesNotContain("p&w", "w d", "Smtp-Pw1", "Db-Pw2", "S3", "Url-Pw4")
                .contains("imap://127.0.0.1:3143?password=xxxxxx", "username=bulletins", "password: xxxxxx",
                        "bulletin.db.password=xxxxxx", "jdbc:postgresql://app:xxxxxx@db:5432/bulletins",
                        "java.sql.SQLException", "at com.bulletiningest.app.LogMaskTest");
        assertThat(format("POST https://oapi.dingtalk.com/robot/send?access_token=Dt-Tok5&timestamp=1 and "
                + "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=Wc-Key6 failed", null))
                .doesNotContain("Dt-Tok5", "Wc-Key6").contains("access_token=xxxxxx&timestamp=1", "send?key=xxxxxx failed");
        assertThat(format("Embedded mail server: the password in the file data/mail-password", null))
                .endsWith("Embedded mail server: the password in the file data/mail-password" + System.lineSeparator());
    }

    private static String format(String message, Throwable thrown) throws Exception {
        Properties config = new Properties();
        try (InputStream in = LogMaskTest.class.getResourceAsStream("/log4j2.properties")) {
            config.load(in);
        }
        PatternLayout layout = PatternLayout.newBuilder()
                .withPattern(config.getProperty("appender.console.layout.pattern"))
                .withAlwaysWriteExceptions(Boolean.parseBoolean(config.getProperty("appender.console.layout.alwaysWriteExceptions")))
                .build();
        return layout.toSerializable(Log4jLogEvent.newBuilder().setLoggerName("test").setLevel(Level.WARN)
                .setMessage(new SimpleMessage(message)).setThrown(thrown).build());
    }
}
