package org.natter.server.core.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.MembersPage;
import org.natter.common.protocol.ProtocolException;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.UsersPage;

class NamePagesTest {

    @Test
    void staysSortedLikeATreeSetThroughRandomChurn() throws ProtocolException {
        NamePages pages = new NamePages(4);
        TreeSet<String> expected = new TreeSet<>(NamePages.BY_NAME);
        Random random = new Random(42);
        for (int step = 0; step < 5_000; step++) {
            String name = (random.nextBoolean() ? "user" : "User") + random.nextInt(60);
            boolean add = random.nextInt(3) > 0;
            assertThat(add ? pages.add(name) : pages.remove(name))
                    .as("step %d: %s %s", step, add ? "add" : "remove", name)
                    .isEqualTo(add ? expected.add(name) : expected.remove(name));
            if (step % 97 == 0) {
                assertThat(pages.all()).containsExactlyElementsOf(expected);
                assertThat(namesIn(text(pages.frames(NamePages.usersPrefix()))))
                        .containsExactlyElementsOf(expected);
            }
        }
        assertThat(pages.size()).isEqualTo(expected.size());
        assertThat(pages.all()).containsExactlyElementsOf(expected);
    }

    @Test
    void sendsPagesOfAtMostThePageSizeAndOnlyTheLastSaysNoMore() throws ProtocolException {
        NamePages pages = new NamePages(4);
        for (int i = 0; i < 10; i++) {
            pages.add("name" + i);
        }
        List<ServerFrame> frames = decode(text(pages.frames(NamePages.membersPrefix("maths"))));
        assertThat(frames).hasSize(pages.pageCount()).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < frames.size(); i++) {
            MembersPage page = (MembersPage) frames.get(i);
            assertThat(page.room()).isEqualTo("maths");
            assertThat(page.names()).hasSizeLessThanOrEqualTo(4);
            assertThat(page.more()).isEqualTo(i < frames.size() - 1);
        }
    }

    @Test
    void anEmptyListIsOneEmptyLastPage() throws ProtocolException {
        List<ServerFrame> frames = decode(text(new NamePages().frames(NamePages.usersPrefix())));
        assertThat(frames).containsExactly(new UsersPage(List.of(), false));
    }

    @Test
    void aChangedPageIsEncodedAgainAndBytesHandedOutEarlierStayAsTheyWere() throws ProtocolException {
        NamePages pages = new NamePages();
        pages.add("ada");
        String before = text(pages.frames(NamePages.usersPrefix()));
        var handedOut = pages.frames(NamePages.usersPrefix());
        pages.add("bob");
        pages.remove("ada");
        assertThat(text(handedOut)).isEqualTo(before);
        assertThat(namesIn(text(pages.frames(NamePages.usersPrefix())))).containsExactly("bob");
    }

    @Test
    void namesThatNeedEscapingComeBackIntact() throws ProtocolException {
        NamePages pages = new NamePages();
        List<String> odd = List.of("a\"b", "back\\slash", "Zoë", "日本語");
        odd.forEach(pages::add);
        assertThat(namesIn(text(pages.frames(NamePages.membersPrefix("Café \"x\"")))))
                .containsExactlyInAnyOrderElementsOf(odd);
    }

    private static String text(List<byte[]> parts) {
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(new String(part, StandardCharsets.UTF_8)));
        return text.toString();
    }

    private static List<String> namesIn(String lines) throws ProtocolException {
        List<String> names = new ArrayList<>();
        for (ServerFrame frame : decode(lines)) {
            names.addAll(frame instanceof UsersPage users ? users.names() : ((MembersPage) frame).names());
        }
        return names;
    }

    private static List<ServerFrame> decode(String lines) throws ProtocolException {
        assertThat(lines).endsWith("\n");
        List<ServerFrame> frames = new ArrayList<>();
        for (String line : lines.split("\n")) {
            frames.add(FrameCodec.decodeServerFrame(line));
        }
        return frames;
    }
}
