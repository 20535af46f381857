package com.bulletiningest.notify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.bulletiningest.config.ConfigException;
import com.bulletiningest.config.ReloadingConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
                .hasMessage("owners.yaml line 3: unknown owner key 'categorys' (expected address, name, categories, tags, channels)");
    }

    @Test
    @DisplayName("channels: a group robot beside or instead of the address; a group without mail is named by its name; "
            + "entries of one owner merge their channels")
    void channels() throws Exception {
        Owners owners = Owners.parse("owners.yaml", """
                owners:
                  - name: 医药群
                    categories: [pharma]
                    channels:
                      - type: dingtalk
                        url: https://oapi.dingtalk.com/robot/send?access_token=abc
                        secret-env: PHARMA_DINGTALK_SECRET
                  - address: lead@localhost
                    categories: [ip]
                    channels:
                      - type: WeCom
                        url: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1
                  - address: lead@localhost
                    tags: [天津]
                    channels:
                      - type: feishu
                        url: https://open.feishu.cn/open-apis/bot/v2/hook/h1
                        secret-env: LEAD_FEISHU
                      - type: webhook
                        url: http://10.0.0.5:9000/hooks/bulletins
                """);

        Owner group = owners.all().get(0);
        assertThat(group.address()).isNull();
        assertThat(group.key()).isEqualTo("医药群");
        assertThat(group.channels()).containsExactly(new Channel(ChannelType.DINGTALK,
                "https://oapi.dingtalk.com/robot/send?access_token=abc", "PHARMA_DINGTALK_SECRET"));
        assertThat(owners.all().get(1).channels()).extracting(Channel::type)
                .containsExactly(ChannelType.WECOM, ChannelType.FEISHU, ChannelType.WEBHOOK);
        assertThat(owners.addresses()).as("mailboxes only for owners with an address").containsExactly("lead@localhost");
        assertThat(owners.byKey("医药群")).contains(group);
        assertThat(group.channels().get(0).masked()).isEqualTo("https://oapi.dingtalk.com/robot/send?…")
                .as("the robot's token is never shown").doesNotContain("abc");
        assertThat(group.channels().get(0).toString()).isEqualTo("dingtalk https://oapi.dingtalk.com/robot/send?…");
        assertThat(owners.all().get(1).channels()).extracting(Channel::masked).containsExactly(
                "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?…", "https://open.feishu.cn/open-apis/bot/v2/hook/…",
                "http://10.0.0.5:9000/hooks/…");
    }

    @Test
    @DisplayName("a broken channel is refused with its line: a URL that is not http(s), an unknown type, a secret pasted "
            + "where its variable's name belongs, a group with neither address nor name, an owner with neither address nor channels")
    void brokenChannelsNameTheLine() {
        String owner = "owners:\n  - name: 群\n    categories: [ip]\n    channels:\n";
        assertThatThrownBy(() -> Owners.parse("owners.yaml", owner + "      - type: dingtalk\n        url: file:///etc/passwd\n"))
                .hasMessage("owners.yaml line 6: a channel's url must be an http(s) address");
        assertThatThrownBy(() -> Owners.parse("owners.yaml", owner + "      - type: dingtalk\n        url: ftp://example.org/x\n"))
                .hasMessage("owners.yaml line 6: a channel's url must be an http(s) address");
        assertThatThrownBy(() -> Owners.parse("owners.yaml", owner + "      - type: slack\n        url: https://hooks.example.org/x\n"))
                .hasMessage("owners.yaml line 5: unknown channel type 'slack' (expected dingtalk, wecom, feishu or webhook)");
        assertThatThrownBy(() -> Owners.parse("owners.yaml", owner
                + "      - type: feishu\n        url: https://open.feishu.cn/x\n        secret-env: SEC+abc/=\n"))
                .hasMessageStartingWith("owners.yaml line 7: secret-env names the environment variable")
                .hasMessageNotContaining("SEC+abc/=");
        assertThatThrownBy(() -> Owners.parse("owners.yaml", owner + "      - url: https://example.org/x\n"))
                .hasMessage("owners.yaml line 5: channel without type (dingtalk, wecom, feishu or webhook)");
        assertThatThrownBy(() -> Owners.parse("owners.yaml", owner + "      - type: wecom\n        token: x\n"))
                .hasMessage("owners.yaml line 6: unknown channel key 'token' (expected type, url, secret-env)");
        assertThatThrownBy(() -> Owners.parse("owners.yaml", "owners:\n  - categories: [ip]\n    channels:\n"
                + "      - type: wecom\n        url: https://qyapi.weixin.qq.com/x?key=1\n"))
                .hasMessage("owners.yaml line 2: owner without address needs a name");
        assertThatThrownBy(() -> Owners.parse("owners.yaml", "owners:\n  - name: 群\n    categories: [ip]\n"))
                .hasMessage("owners.yaml line 2: owner without address or channels");
    }

    @Test
    @DisplayName("a broken channel in an edit of the file: the previous owners stay in force")
    void brokenEditKeepsPreviousOwners(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("owners.yaml"), """
                owners:
                  - name: 医药群
                    categories: [pharma]
                    channels:
                      - type: wecom
                        url: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1
                """);
        ReloadingConfig<Owners> owners = new ReloadingConfig<>(file, Owners::parse);
        Files.writeString(file, Files.readString(file).replace("https://", "javascript://") + "# edited\n");

        assertThat(owners.get().all()).singleElement().satisfies(o -> assertThat(o.channels().get(0).url())
                .startsWith("https://"));
        assertThat(owners.lastError()).get().extracting(ConfigException::line).isEqualTo(6);
    }
}
