package com.bulletiningest.split;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.bulletiningest.extract.UnreadableBulletinException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.DisplayName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body line that a wrap makes begin with the next expected number ({@code 3、4），其中…}, a list of attachments cut
 * by the line end) comes before the real notice with that number. Which of the two opens the notice is decided by the
 * evidence on each line (paragraph start, link, bold, title-like ending, a number that reads as a reference), never
 * by which comes first; and no single signal decides: the real title wins linked or not, bold or not.
 */
@DisplayName("Two lines could open notice 3: the evidence chooses")
class CompetingCandidatesTest {

    private static final String BEFORE = "按照经费性质分别填报相应的电子版和纸质版合同书并报送至相应处室，";
    private static final String REFERENCE = "（详见附件 3、4），其中，经费类型 A 类为国家药典委员会拨付课题经费，B 类为承担单位自行解决课题经费。";

    private final BulletinSplitter splitter = new BulletinSplitter(Categories::defaults);

    static Stream<Arguments> layouts() {
        return IntStream.of(30, 38, 46, 54, 62).boxed().flatMap(width -> Stream.of(
                Arguments.of(width, true, true, false),
                Arguments.of(width, false, true, false),
                Arguments.of(width, true, false, false),
                Arguments.of(width, false, false, false),
                Arguments.of(width, false, false, true)));
    }

    @ParameterizedTest(name = "wrapped at {0} ems, real title linked {1}, bold {2}, a body link over the wrapped line {3}")
    @MethodSource("layouts")
    void theRealTitleOpensTheNoticeAndTheWrappedReferenceStaysInTheBody(int width, boolean linked, boolean bold,
                                                                       boolean bodyLink)
            throws UnreadableBulletinException {
        LaidOutText text = new LaidOutText().lines("医药信息篇（2021/3/8~2021/3/12）", "国家级")
                .title("1、关于发布《中药变更受理审查指南（试行）》的通告", bold).link("https://example.org/1")
                .paragraph(BEFORE.repeat(3), width)
                .title("2、关于做好 2021 年度国家药品标准提高工作的通知", bold).link("https://example.org/2")
                // one half-width letter and width - 6 ideographs before （详见附件 fill the line: the wrap falls before 3、4）
                .paragraph("B" + BEFORE.repeat(3).substring(0, width - 6) + REFERENCE, width);
        if (bodyLink) {
            text.linkOverLineStartingWith("3、4）", "https://example.org/attachments");
        }
        text.title("3、国家药监局药审中心关于发布《化学仿制药参比制剂目录（第四十一批）》的公示", bold);
        if (linked) {
            text.link("https://example.org/3");
        }
        text.paragraph(BEFORE + "特此通告。", width);
        assertThat(text.pdf().lines()).as("a body line starts with the reference").anySatisfy(l -> assertThat(l.text()).startsWith("3、4）"));

        Bulletin bulletin = splitter.split(text.pdf());

        List<Notice> notices = bulletin.notices();
        assertThat(notices).extracting(Notice::no).containsExactly(1, 2, 3);
        assertThat(notices.get(1).body()).contains("3、4），其中");
        assertThat(notices.get(2).title()).isEqualTo("国家药监局药审中心关于发布《化学仿制药参比制剂目录（第四十一批）》的公示");
    }
}
