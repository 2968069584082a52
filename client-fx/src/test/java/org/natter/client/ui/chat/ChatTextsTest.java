package org.natter.client.ui.chat;

import org.natter.common.model.NameOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The small text rules of the chat pane: links, ordinals, grouping, copying, the order of names. */
class ChatTextsTest {

    private static final Instant T = Instant.parse("2026-11-22T09:15:00Z");

    @Test
    void httpLinksAreFoundAndNothingElseIs() {
        assertThat(LinkText.split("see https://example.org/a_(b) and http://x.lan:8020/p?q=1, or <b>ftp://no</b>."))
                .containsExactly(
                        new LinkText.Segment("see ", false),
                        new LinkText.Segment("https://example.org/a_(b)", true),
                        new LinkText.Segment(" and ", false),
                        new LinkText.Segment("http://x.lan:8020/p?q=1", true),
                        new LinkText.Segment(", or <b>ftp://no</b>.", false));
        assertThat(LinkText.split("(at https://example.org/x).")).extracting(LinkText.Segment::text)
                .containsExactly("(at ", "https://example.org/x", ").");
        assertThat(LinkText.split("just http://")).containsExactly(new LinkText.Segment("just http://", false));
    }

    @Test
    void englishOrdinals() {
        assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112, 1000)).map(Ordinals::english)
                .containsExactly("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st",
                        "111th", "112th", "1000th");
    }

    @Test
    void messagesFromOneSenderWithinFiveMinutesAreGrouped() {
        ChatEntry first = new ChatEntry(ChatEntry.Kind.OTHER, "bob", "one", T, false);

        assertThat(MessageGrouping.continues(first, new ChatEntry(ChatEntry.Kind.OTHER, "Bob", "two", T.plusSeconds(299), false))).isTrue();
        assertThat(MessageGrouping.continues(first, new ChatEntry(ChatEntry.Kind.OTHER, "bob", "late", T.plusSeconds(300), false))).isFalse();
        assertThat(MessageGrouping.continues(first, new ChatEntry(ChatEntry.Kind.OTHER, "li", "other", T, false))).isFalse();
        assertThat(MessageGrouping.continues(ChatEntry.event(ChatEntry.Kind.EVENT, "bob", "bob joined", T),
                new ChatEntry(ChatEntry.Kind.OTHER, "bob", "hi", T, false))).isFalse();
    }

    @Test
    void selectedLinesAreCopiedWithTimeAndName() {
        List<ChatEntry> lines = List.of(new ChatEntry(ChatEntry.Kind.OTHER, "bob", "hello", T, false),
                ChatEntry.event(ChatEntry.Kind.EVENT, "li", "li joined", T.plusSeconds(60)),
                new ChatEntry(ChatEntry.Kind.OWN, "anna", "two\nlines", T.plusSeconds(120), false));

        assertThat(new Transcript(ZoneOffset.UTC).lines(lines))
                .isEqualTo("09:15 bob: hello\n09:16 * li joined\n09:17 anna: two\nlines");
        assertThat(Transcript.texts(lines.subList(0, 1))).isEqualTo("hello");
    }

    @Test
    void namesSortAsAReaderExpects() {
        List<String> names = new ArrayList<>(List.of("zed", "Øystein", "Þórður", "Łukasz", "anna", "Émile", "otto", "Zoë"));

        names.sort(NameOrder.comparator(Locale.ENGLISH));

        assertThat(names).containsExactly("anna", "Émile", "Łukasz", "otto", "Øystein", "Þórður", "zed", "Zoë");
    }

    @Test
    void numbersInNamesSortByTheirValue() {
        List<String> names = new ArrayList<>(List.of("pupil_10", "pupil_2", "Pupil_1", "pupil", "pupil_02b", "room9",
                "room10", "99999999999999999999999", "7"));

        names.sort(NameOrder.comparator(Locale.ENGLISH));

        assertThat(names).containsExactly("7", "99999999999999999999999", "pupil", "Pupil_1", "pupil_2", "pupil_02b",
                "pupil_10", "room9", "room10");
    }

    @Test
    void norwegianKeepsItsOwnAlphabet() {
        List<String> names = new ArrayList<>(List.of("Øystein", "zed", "otto"));

        names.sort(NameOrder.comparator(Locale.forLanguageTag("nb")));

        assertThat(names).containsExactly("otto", "zed", "Øystein");
    }
}
