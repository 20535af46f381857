package com.bulletiningest.embedded;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("embedded PostgreSQL's pg_hba.conf")
class EmbeddedPostgresServerTest {

    @Test
    @DisplayName("rules written by initdb --auth=scram-sha-256 ask for passwords; one trust rule (the old version's "
            + "initdb -A trust) does not")
    void passwordsOnly() {
        assertThat(EmbeddedPostgresServer.passwordsOnly("""
                # TYPE  DATABASE        USER            ADDRESS                 METHOD
                local   all             all                                     scram-sha-256
                host    all             all             127.0.0.1/32            scram-sha-256
                """)).isTrue();
        assertThat(EmbeddedPostgresServer.passwordsOnly("""
                local   all             all                                     scram-sha-256
                host    all             all             127.0.0.1/32            trust
                """)).isFalse();
    }
}
