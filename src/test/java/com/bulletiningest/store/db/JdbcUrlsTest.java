package com.bulletiningest.store.db;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("JDBC URLs in the log")
class JdbcUrlsTest {

    @Test
    @DisplayName("a password given as a URL parameter or as user:password@ is masked; the rest stays readable")
    void passwordsMasked() {
        assertThat(JdbcUrls.masked("jdbc:postgresql://db:5432/bulletins?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/bulletins?user=app&password=***&ssl=true");
        assertThat(JdbcUrls.masked("jdbc:postgresql://db/bulletins?sslpassword=k3y&PASSWORD=x"))
                .isEqualTo("jdbc:postgresql://db/bulletins?sslpassword=***&PASSWORD=***");
        assertThat(JdbcUrls.masked("jdbc:postgresql://app:s3cret@db:5432/bulletins"))
                .isEqualTo("jdbc:postgresql://app:***@db:5432/bulletins");
        assertThat(JdbcUrls.masked("jdbc:postgresql://localhost:55432/bulletins"))
                .isEqualTo("jdbc:postgresql://localhost:55432/bulletins");
    }
}
