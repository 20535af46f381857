package com.bulletiningest.store.write;

import java.util.List;

import com.bulletiningest.split.Notice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeFingerprintTest {

    private static Notice notice(String title, String issuer) {
        return new Notice(1, title, issuer, null, null, null, 1, 1, List.of(), List.of(), "");
    }

    @Test
    void a_reprint_wrapped_or_punctuated_differently_has_the_same_fingerprint() {
        assertThat(NoticeFingerprint.of(notice("关于做好 2021 年度国家药品标准提高工作的通知", "天津市科技局")))
                .isEqualTo(NoticeFingerprint.of(notice("关于做好2021年度国家药品标准提高工作的通知。", "天津市科技局 ")));
    }

    @Test
    void the_same_title_from_another_issuer_is_another_notice() {
        assertThat(NoticeFingerprint.of(notice("关于征集选题的通知", "天津市科学技术协会")))
                .isNotEqualTo(NoticeFingerprint.of(notice("关于征集选题的通知", "北京市科学技术协会")));
    }

    @Test
    void full_width_and_half_width_forms_are_equal() {
        assertThat(NoticeFingerprint.normalise("（２０２１）ＡＢ")).isEqualTo(NoticeFingerprint.normalise("(2021)AB"));
    }
}
