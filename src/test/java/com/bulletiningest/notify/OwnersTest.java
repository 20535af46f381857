package com.bulletiningest.notify;

import java.nio.file.Path;
import java.util.Set;

import com.bulletiningest.config.ConfigException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("owners file")
class OwnersTest {

    @Test
    @DisplayName("the shipped config/owners.yaml loads: several owners per category, one address with several")
    void shippedFileLoads() throws Exception {
        Owners owners = Owners.load(Path.of("config/owners.yaml"));

        assertThat(owners.all()).filteredOn(o -> o.categories().contains("pharma")).hasSizeGreaterThan(1);
        assertThat(owners.all()).anySatisfy(o -> assertThat(o.categories()).hasSizeGreaterThan(1));
        assertThat(owners.all()).extracting(Owner::name).doesNotContainNull();
    }

    @Test
    @DisplayName("reads address, optional name and categories; an address listed twice is one owner with both entries' categories")
    void parsesAndMergesByAddress() throws Exception {
        Owners owners = Owners.parse("owners.yaml", """
                owners:
                  - address: pharma-team@localhost
                    name: 医药组
                    categories: [pharma]
                  - address: lead@localhost
                    categories: [pharma, ip]
                  - address: Lead@localhost
                    categories: tech
                """);

        assertThat(owners.all()).containsExactly(
                new Owner("pharma-team@localhost", "医药组", Set.of("pharma")),
                new Owner("lead@localhost", null, Set.of("pharma", "ip", "tech")));
        assertThat(owners.addresses()).containsExactly("pharma-team@localhost", "lead@localhost");
    }

    @Test
    @DisplayName("tags: an owner may follow tags across categories, with or without categories; entries of one "
            + "address merge their tags too")
    void tagSubscriptions() throws Exception {
        Owners owners = Owners.parse("owners.yaml", """
                owners:
                  - address: tianjin@localhost
                    tags: [天津, 专精特新]
                  - address: lead@localhost
                    categories: [pharma]
                    tags: 征求意见
                  - address: lead@localhost
                    tags: [截止]
                """);

        assertThat(owners.all()).containsExactly(
                new Owner("tianjin@localhost", null, Set.of(), Set.of("天津", "专精特新")),
                new Owner("lead@localhost", null, Set.of("pharma"), Set.of("征求意见", "截止")));
        Owner tianjin = owners.all().get(0);
        assertThat(tianjin.follows("ip", Set.of("专利", "天津"))).isTrue();
        assertThat(tianjin.follows("ip", Set.of("专利"))).isFalse();
        assertThat(owners.all().get(1).follows("pharma", Set.of())).isTrue();
    }

    @Test
    @DisplayName("an empty file or an empty list means no owners")
    void emptyMeansNobody() throws Exception {
        assertThat(Owners.parse("owners.yaml", "").all()).isEmpty();
        assertThat(Owners.parse("owners.yaml", "owners:\n").all()).isEmpty();
    }

    @Test
    @DisplayName("broken YAML: the error names the file, the line and the reason")
    void brokenYamlNamesTheLine() {
        assertThatThrownBy(() -> Owners.parse("config/owners.yaml", """
                owners:
                  - address: a@localhost
                    categories: [pharma
                  - address: b@localhost
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config/owners.yaml line ")
                .satisfies(e -> assertThat(((ConfigException) e).line()).isBetween(3, 5));
    }

    @Test
    @DisplayName("an owner without categories or tags, a blank tag, a bad address or a misspelt key is refused with its line")
    void invalidOwnersNameTheLine() {
        assertThatThrownBy(() -> Owners.parse("owners.yaml", "owners:\n  - address: a@localhost\n  - address: b@localhost\n"))
                .hasMessage("owners.yaml line 2: owner without categories or tags");
        assertThatThrownBy(() -> Owners.parse("owners.yaml", "owners:\n  - address: a@localhost\n    tags: [天津, \"\"]\n"))
                .hasMessage("owners.yaml line 3: tags must not be blank");
        assertThatThrownBy(() -> Owners.parse("owners.yaml", "owners:\n  - address: not an address\n    categories: [ip]\n"))
                .hasMessage("owners.yaml line 2: 'not an address' is not a mail address");
        assertThatThrownBy(() -> Owners.parse("owners.yaml", "owners:\n  - address: a@localhost\n    categorys: [ip]\n"))
                .hasMessage("owners.yaml line 3: unknown owner key 'categorys' (expected address, name, categories, tags)");
    }
}
