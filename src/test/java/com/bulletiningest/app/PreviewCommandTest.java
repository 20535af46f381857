package com.bulletiningest.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.bulletiningest.extract.TestPdfs;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.ScannedCopies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("preview FILE.pdf")
class PreviewCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path seed;

    @BeforeEach
    void copyCorpusPdf() throws IOException {
        seed = dir.resolve("seed-001.pdf");
        Files.write(seed, CorpusBulletin.resource("seed-001.pdf"));
    }

    private int preview(String... args) {
        return new PreviewCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsAnOutlineOfSectionsGroupsAndNotices() {
        assertThat(preview(seed.toString())).isZero();
        assertThat(stdout())
                .startsWith("seed-001.pdf: 25 pages, issued 2021-02-05, 3 sections, 10 notices")
                .contains("知识产权信息篇 [ip] 2021-01-30 ~ 2021-02-05", "  资讯\n",
                        "    2. 哪些情况下商标会被撤销？如何防止商标被撤销？  (p.14-15)\n       source: 知产热点",
                        "       issuer: 天津市工业和信息化局  市财政局\n       date: 2021-02-05",
                        "       published: 2021-02-02 14:38",
                        "       link: http://www.cde.org.cn/news.do?method=viewInfoCommon&id=4bade90ff8127dfb",
                        "  sign-off: 盈科瑞﹒知识产权部 2021-02-05", "  sign-off: none");
        assertThat(stderr()).isEmpty();
    }

    @Test
    @DisplayName("a scanned bulletin is read by OCR, and the outline says which pages were")
    void namesThePagesReadByOcr() throws IOException {
        Path scan = dir.resolve("scan.pdf");
        Files.write(scan, ScannedCopies.at(200).onlyPages(p -> p == 2).of(CorpusBulletin.resource("seed-000.pdf"), 1, 2));
        assertThat(preview("--no-keywords", scan.toString())).isZero();
        assertThat(stdout()).startsWith("scan.pdf: 2 pages, ")
                .containsPattern("\\nread by OCR \\(PP-OCRv4 \\(ONNX Runtime\\)\\): p\\.2 9\\d\\.\\d % \\(no text layer\\)\\n")
                .contains("    4. 关于发布《化学仿制药参比制剂目录（第四十一批）》的公示  (p.2)");
        assertThat(stderr()).isEmpty();
    }

    @Test
    @DisplayName("each notice shows its tags, keywords and extracted fields under the split details")
    void printsWhatEnrichFound() {
        assertThat(preview(seed.toString())).isZero();
        assertThat(stdout()).contains(
                "    1. 关于印发北京市知识产权局“两区”工作推进措施的通知  (p.1-3)\n       tags: 发布, 专利, 北京\n       keywords: ",
                "       found issuer: 北京市知识产权局 2021-02-03\n       document number: 京知局〔2021〕35 号\n",
                "       deadline: 2021-02-18 (征求意见时限为：2021 年 2 月 4 日-2021 年 2 月 18 日（15 天）。)\n"
                        + "       contacts: 张亚欣, 安娜, zhangyaxin@cde.org.cn, anna@cde.org.cn\n",
                "       document number: 财建〔2021〕2 号\n");
        assertThat(stdout().lines().filter(l -> l.startsWith("       tags: ") && l.contains("征求意见"))).hasSize(1);
    }

    @Test
    @DisplayName("--tags uses another rules file; --no-keywords leaves keywords out")
    void usesTheTagsFileGivenAndKeywordsCanBeSwitchedOff() throws Exception {
        Path tags = Files.writeString(dir.resolve("tags.yaml"), "rules:\n  - tag: 通告\n    any: [通告]\n    in: [title]\n");
        assertThat(preview("--tags", tags.toString(), "--no-keywords", seed.toString())).isZero();
        assertThat(stdout().lines().filter(l -> l.startsWith("       tags: "))).containsOnly("       tags: 通告").hasSize(3);
        assertThat(stdout()).doesNotContain("keywords:");
    }

    @Test
    @DisplayName("a broken tags file is one line naming the file and the line, and its own exit code")
    void brokenTagsFileIsOneLine() throws Exception {
        Path tags = Files.writeString(dir.resolve("tags.yaml"), "rules:\n  - tag: x\n    anyy: [y]\n");
        assertThat(preview("--tags", tags.toString(), seed.toString())).isEqualTo(PreviewCommand.NO_FILE);
        assertThat(stderr()).contains("tags.yaml line 3: unknown key 'anyy'").hasLineCount(1);
        assertThat(stdout()).isEmpty();
    }

    @Test
    void printsTheBulletinJson() throws Exception {
        assertThat(preview("--json", seed.toString())).isZero();
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.get("source").asText()).isEqualTo("seed-001.pdf");
        assertThat(json.get("sections")).extracting(s -> s.get("category").asText()).containsExactly("ip", "pharma", "tech");
        JsonNode ipLocal = json.at("/sections/0/groups/0/notices/0/enrichment");
        assertThat(ipLocal.at("/fields/document_number").asText()).isEqualTo("京知局〔2021〕35 号");
        assertThat(ipLocal.at("/fields/issuer_date").asText()).isEqualTo("2021-02-03");
        JsonNode consultation = json.at("/sections/1/groups/0/notices/2/enrichment");
        assertThat(consultation.get("tags")).extracting(JsonNode::asText).contains("征求意见");
        assertThat(consultation.at("/fields/deadlines/0/date").asText()).isEqualTo("2021-02-18");
        assertThat(consultation.at("/fields/contacts/emails")).extracting(JsonNode::asText)
                .containsExactly("zhangyaxin@cde.org.cn", "anna@cde.org.cn");
    }

    @Test
    void usesTheCategoriesFileGiven() throws Exception {
        Path categories = Files.writeString(dir.resolve("categories.yaml"), "categories:\n  医药信息篇: drugs\n");
        assertThat(preview("--json", "--categories", categories.toString(), seed.toString())).isZero();
        assertThat(new ObjectMapper().readTree(stdout()).get("sections"))
                .extracting(s -> s.get("category").asText()).containsExactly("other", "drugs", "other");
    }

    @Test
    void missingFileHasItsOwnExitCode() {
        assertThat(preview(dir.resolve("absent.pdf").toString())).isEqualTo(PreviewCommand.NO_FILE);
        assertThat(stderr()).contains("absent.pdf").contains("no such file").doesNotContain("Exception").hasLineCount(1);
        assertThat(stdout()).isEmpty();
    }

    @Test
    void brokenCategoriesFileIsOneLineToo() throws Exception {
        Path categories = Files.writeString(dir.resolve("categories.yaml"), "categories: [unclosed\n");
        assertThat(preview("--categories", categories.toString(), seed.toString())).isEqualTo(PreviewCommand.NO_FILE);
        assertThat(stderr()).contains("categories.yaml line 2: expected ',' or ']'").hasLineCount(1);
    }

    @Test
    void unreadableInputExitsWithTheReasonsCode() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.pdf"), "just some notes");
        assertThat(preview(text.toString())).isEqualTo(3);
        assertThat(stderr()).isEqualTo(text + ": not a PDF file (no %PDF- header)" + System.lineSeparator());

        err.reset();
        Path locked = Files.write(dir.resolve("locked.pdf"), TestPdfs.encrypted("owner", "user"));
        assertThat(preview(locked.toString())).isEqualTo(5);
        assertThat(stderr()).contains("encrypted").hasLineCount(1);
    }

    @Test
    void wrongArgumentsPrintUsage() {
        assertThat(preview()).isEqualTo(PreviewCommand.USAGE);
        assertThat(preview("--bogus", seed.toString())).isEqualTo(PreviewCommand.USAGE);
        assertThat(stderr()).contains("usage: " + PreviewCommand.USAGE_LINE);
    }
}
