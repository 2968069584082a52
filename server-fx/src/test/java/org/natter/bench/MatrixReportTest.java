package org.natter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix's report: every row carries its transport, in the table, the CSV and the chart. */
class MatrixReportTest {

    @TempDir
    Path out;

    private static FanoutResult fanout(int receivers, int rate, long p99) {
        long expected = (long) receivers * rate * 10;
        return new FanoutResult(receivers, 10, rate, 10, expected, expected, 0, 0, p99 / 4, p99 / 2, p99, p99 * 2,
                p99 * 3, 12.5, 80.0, 300L << 20, 900, 7_100, new Pinger.PingResult(100, 0, 2_000, 5_000), null);
    }

    private static MatrixReport report() {
        return new MatrixReport(
                List.of(new MatrixRun<>(false, fanout(100, 1_000, 8_700)), new MatrixRun<>(false, fanout(1_000, 100, 23_000)),
                        new MatrixRun<>(true, fanout(100, 1_000, 29_000)), new MatrixRun<>(true, fanout(1_000, 100, 168_000))),
                List.of(new MatrixRun<>(false, new LoginsResult(19_000, 19_000, 25_000_000_000L, 16, 100L << 20, 500L << 20, 400L << 20, 90, null)),
                        new MatrixRun<>(true, new LoginsResult(19_000, 12_000, 60_000_000_000L, 12, 100L << 20, 950L << 20, 900L << 20, 150,
                                "the server closed the connection"))));
    }

    @Test
    void theTablesHaveATransportColumnWithPlainAndTlsRows() {
        String table = report().table();

        assertThat(table).contains("| scenario | transport | offered deliveries/s |",
                "| 100 receivers x 1,000 msg/s | plain | 100,000 |", "| 100 receivers x 1,000 msg/s | TLS | 100,000 |",
                "| 1,000 receivers x 100 msg/s | TLS | 100,000 | 100,000 | 42 ms | 84 ms | 168 ms |",
                "| logins | transport | logged in |", "| 19,000 logins | plain | 19,000 | 25.0 s |",
                "| 19,000 logins | TLS | 12,000 | 60.0 s |");
    }

    @Test
    void everyCsvLineHasTheHeadersFieldsAndItsTransport() {
        List<String> lines = report().csv().lines().toList();

        assertThat(lines).hasSize(7);
        int fields = lines.get(0).split(",", -1).length;
        assertThat(lines.get(0)).startsWith("scenario,transport,receivers,");
        assertThat(lines).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(fields));
        assertThat(lines.subList(1, 7)).extracting(line -> line.split(",")[0] + " " + line.split(",")[1])
                .containsExactly("fanout plain", "fanout plain", "fanout TLS", "fanout TLS", "logins plain", "logins TLS");
        assertThat(lines.get(6)).endsWith(",12000,60.0,12,69905,\"the server closed the connection\",,,");
    }

    @Test
    void theChartShowsPlainAndTlsAsTwoSeries() throws Exception {
        report().write(out);

        assertThat(out.resolve("bench.md")).content().contains("| TLS |");
        BufferedImage chart = ImageIO.read(out.resolve("p99.png").toFile());
        assertThat(chart.getWidth()).isPositive();
        assertThat(countPixels(chart, 0x1F6FB5)).as("plain text points").isGreaterThan(120);
        assertThat(countPixels(chart, 0xD95F0E)).as("TLS points").isGreaterThan(120);
        assertThat(Files.size(out.resolve("bench.csv"))).isPositive();
    }

    private static int countPixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
