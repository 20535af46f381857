package com.bulletiningest.extract;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Radical look-alikes become the ideographs they stand for")
class TextNormalizerTest {

    @Test
    void kangxiRadicalsByNfkc() {
        assertThat(TextNormalizer.normalize("第⼀批⼈才")).isEqualTo("第一批人才");
    }

    @Test
    void radicalsSupplementByTable() {
        assertThat(TextNormalizer.normalize("（⻅附件）⻓期⻔户⻘年⻝品⻢上⻆⾊⻄部⻛险⻜⾏⻋辆⻉⻚⻥⻦⻬⻮⻳⻩⻨⻰"))
                .isEqualTo("（见附件）长期门户青年食品马上角色西部风险飞行车辆贝页鱼鸟齐齿龟黄麦龙");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "关于做好 2021 年度国家药品标准提高工作的通知（IPRlearn）～１２";
        assertThat(TextNormalizer.normalize(text)).isEqualTo(text);
    }
}
