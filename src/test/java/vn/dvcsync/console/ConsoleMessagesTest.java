package vn.dvcsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.dvcsync.kernel.Category;

/** Both languages say everything: a key in one file only would show as ??key?? in the other language. */
class ConsoleMessagesTest {

    @Test
    void vietnameseAndEnglishHoldTheSameTexts() throws IOException {
        Set<String> vi = keys("vi");
        Set<String> en = keys("en");
        // English names the index groups that index-model.yaml names in Vietnamese
        Set<String> enWithoutGroups =
                en.stream().filter(k -> !k.startsWith("group.")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(enWithoutGroups).containsExactlyElementsOf(vi);
    }

    @Test
    void everyCategoryHasANameInBothLanguages() throws IOException {
        for (String lang : new String[] {"vi", "en"}) {
            assertThat(keys(lang))
                    .as(lang)
                    .containsAll(
                            Category.names().stream().map(c -> "category." + c).toList());
        }
    }

    private static Set<String> keys(String lang) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(
                ConsoleMessagesTest.class.getResourceAsStream("/console/messages_" + lang + ".properties"),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
