package org.natter.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    /** Hands out at most {@code step} bytes per read, as TCP may. */
    private static InputStream trickling(byte[] data, int step) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void joinsLinesSplitAcrossReadsAndSplitsReadsHoldingSeveralLines() throws Exception {
        LineReader reader = new LineReader(trickling(utf8("first\nsecond line ü\r\nthird\n"), 3));
        assertThat(reader.readLine()).isEqualTo("first");
        assertThat(reader.readLine()).isEqualTo("second line ü");
        assertThat(reader.readLine()).isEqualTo("third");
        assertThat(reader.readLine()).isNull();
    }

    @Test
    void tooLongLineIsSkippedWholeAndTheNextIsRead() throws Exception {
        LineReader reader = new LineReader(trickling(utf8("x".repeat(100) + "\nok\n"), 7), 10);
        assertThatThrownBy(reader::readLine).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE));
        assertThat(reader.readLine()).isEqualTo("ok");
    }

    @Test
    void lineOfExactlyTheLimitIsRead() throws Exception {
        LineReader reader = new LineReader(new ByteArrayInputStream(utf8("y".repeat(10) + "\n")), 10);
        assertThat(reader.readLine()).hasSize(10);
    }

    @Test
    void invalidUtf8IsReportedAndReadingGoesOn() throws IOException, ProtocolException {
        byte[] data = {(byte) 0xFF, '\n', 'o', 'k', '\n'};
        LineReader reader = new LineReader(new ByteArrayInputStream(data));
        assertThatThrownBy(reader::readLine).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_JSON));
        assertThat(reader.readLine()).isEqualTo("ok");
    }

    @Test
    void unterminatedLastLineIsDropped() throws Exception {
        LineReader reader = new LineReader(new ByteArrayInputStream(utf8("done\npartial")));
        assertThat(reader.readLine()).isEqualTo("done");
        assertThat(reader.readLine()).isNull();
    }
}
