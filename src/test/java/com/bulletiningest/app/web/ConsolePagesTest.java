package com.bulletiningest.app.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's pages are named three times: the routes that serve {@code console.html} ({@code routes/web.yaml}),
 * the navigation of {@code console.html}, and the script's {@code PAGES} (path pattern → heading, controls, renderer).
 * They must agree: a page served but unknown to the script shows the search page, a page in the script but not served
 * is a 404, a list page missing from the navigation cannot be found.
 */
@DisplayName("console pages")
class ConsolePagesTest {

    private static final Path ROUTES = Path.of("routes", "web.yaml");
    private static final Path HTML = Path.of("src", "main", "resources", "web", "console.html");
    private static final Path SCRIPT = Path.of("src", "main", "resources", "web", "console.js");
    /** A {@code PAGES} entry: {@code [/^\/deadlines$/, …}. */
    private static final Pattern SCRIPT_PAGE = Pattern.compile("^\\s*\\[/(\\^.*?\\$)/,", Pattern.MULTILINE);
    private static final Pattern NAV_LINK = Pattern.compile("<a href=\"([^\"]+)\"");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{\\w+}");

    private String routes;
    private String html;
    private String script;

    @BeforeEach
    void readTheThreeFiles() throws Exception {
        routes = Files.readString(ROUTES);
        html = Files.readString(HTML);
        script = Files.readString(SCRIPT);
    }

    @Test
    @DisplayName("web.yaml, console.html's navigation and the script's PAGES name the same pages")
    void theThreeListsAgree() {
        assertThat(servedPages(routes)).contains("/", "/notices/{id}", "/deadlines", "/rules");
        assertThat(disagreements(routes, html, script)).isEmpty();
    }

    @Test
    @DisplayName("a page missing from any one of the three is reported")
    void aPageMissingFromOneListIsReported() {
        String routesWithoutDigests = routes.replace("""
                      - id: page-digests
                        path: /digests
                        to: "bean:webAssets?method=send('console.html', *)"
                """, "");
        String htmlWithoutDigests = html.replace("<a href=\"/digests\">摘要邮件</a>", "");
        String scriptWithoutDigests = script.replaceAll("(?m)^\\s*\\[/\\^\\\\/digests\\$/.*\\n", "");
        assertThat(List.of(routesWithoutDigests, htmlWithoutDigests, scriptWithoutDigests))
                .as("each copy lost its digests page").doesNotContain(routes, html, script);

        assertThat(disagreements(routesWithoutDigests, html, script))
                .contains("console.html links to /digests, which web.yaml does not serve");
        assertThat(disagreements(routes, htmlWithoutDigests, script))
                .containsExactly("console.html's navigation has no link to /digests");
        assertThat(disagreements(routes, html, scriptWithoutDigests))
                .containsExactly("/digests is served but no PAGES entry of console.js matches it");
    }

    /** What is wrong between the three texts, one line per fact; empty when they agree. */
    static List<String> disagreements(String routes, String html, String script) {
        Set<String> served = servedPages(routes);
        List<Pattern> scripted = SCRIPT_PAGE.matcher(script).results().map(m -> Pattern.compile(m.group(1))).toList();
        int navStart = html.indexOf("<nav>");
        Set<String> linked = new LinkedHashSet<>();
        NAV_LINK.matcher(html.substring(navStart, html.indexOf("</nav>", navStart))).results()
                .forEach(m -> linked.add(m.group(1)));

        List<String> wrong = new ArrayList<>();
        for (String page : served) {
            String example = PATH_PARAMETER.matcher(page).replaceAll("1");
            if (scripted.stream().noneMatch(p -> p.matcher(example).matches())) {
                wrong.add(page + " is served but no PAGES entry of console.js matches it");
            }
            if (!PATH_PARAMETER.matcher(page).find() && !linked.contains(page)) {
                wrong.add("console.html's navigation has no link to " + page);
            }
        }
        for (Pattern pattern : scripted) {
            if (served.stream().map(p -> PATH_PARAMETER.matcher(p).replaceAll("1")).noneMatch(p -> pattern.matcher(p).matches())) {
                wrong.add("PAGES entry /" + pattern + "/ of console.js matches no page web.yaml serves");
            }
        }
        for (String link : linked) {
            if (!served.contains(link)) {
                wrong.add("console.html links to " + link + ", which web.yaml does not serve");
            }
        }
        return wrong;
    }

    /** The paths of web.yaml's REST verbs that send console.html, with their rest's path in front. */
    @SuppressWarnings("unchecked")
    static Set<String> servedPages(String routes) {
        Set<String> pages = new LinkedHashSet<>();
        for (Object item : (List<Object>) new Load(LoadSettings.builder().build()).loadFromString(routes)) {
            Map<String, Object> rest = (Map<String, Object>) ((Map<String, Object>) item).get("rest");
            if (rest == null || !(rest.get("get") instanceof List<?> verbs)) {
                continue;
            }
            String prefix = (String) rest.getOrDefault("path", "");
            for (Object verb : verbs) {
                Map<String, Object> get = (Map<String, Object>) verb;
                if (String.valueOf(get.get("to")).contains("'console.html'")) {
                    pages.add(prefix + get.get("path"));
                }
            }
        }
        return pages;
    }
}
