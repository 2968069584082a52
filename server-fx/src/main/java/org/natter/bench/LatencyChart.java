package org.natter.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A PNG of p99 latency (log scale) against offered deliveries per second (log scale), one labelled point per
 * fan-out scenario, plain text and TLS as two series (circles and squares, with a legend). Plain Java2D, so it
 * needs no display and no JavaFX.
 */
final class LatencyChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    private LatencyChart() {
    }

    private static final Color PLAIN = new Color(0x1F, 0x6F, 0xB5);
    private static final Color TLS = new Color(0xD9, 0x5F, 0x0E);

    static void write(List<MatrixRun<FanoutResult>> results, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, results.stream().filter(r -> r.result().problem() == null && r.result().p99() > 0).toList());
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static void draw(Graphics2D g, List<MatrixRun<FanoutResult>> results) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("p99 delivery latency against offered load", LEFT, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        // Decades: 10^4 .. 10^7 deliveries/s across, 0.1 ms .. 10 s up.
        double xMin = 4;
        double xMax = 7;
        double yMin = 2;
        double yMax = 7;
        g.setColor(new Color(0xDD, 0xDD, 0xDD));
        for (double d = xMin; d <= xMax; d++) {
            int x = x(d, xMin, xMax);
            g.drawLine(x, TOP, x, HEIGHT - BOTTOM);
        }
        for (double d = yMin; d <= yMax; d++) {
            int y = y(d, yMin, yMax);
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
        }
        g.setColor(Color.DARK_GRAY);
        String[] yLabels = {"0.1 ms", "1 ms", "10 ms", "100 ms", "1 s", "10 s"};
        for (int i = 0; i <= yMax - yMin; i++) {
            g.drawString(yLabels[i], 10, y(yMin + i, yMin, yMax) + 4);
        }
        String[] xLabels = {"10k", "100k", "1M", "10M"};
        for (int i = 0; i <= xMax - xMin; i++) {
            g.drawString(xLabels[i], x(xMin + i, xMin, xMax) - 10, HEIGHT - BOTTOM + 18);
        }
        g.drawString("offered deliveries per second (messages/s x receivers)", LEFT + 150, HEIGHT - 16);
        g.setStroke(new BasicStroke(2f));
        List<Rectangle> taken = new ArrayList<>();
        taken.add(legend(g));
        for (MatrixRun<FanoutResult> run : results) {
            FanoutResult r = run.result();
            int x = x(Math.log10(r.offeredPerSecond()), xMin, xMax);
            int y = y(Math.log10(Math.max(100, r.p99())), yMin, yMax);
            g.setColor(run.tls() ? TLS : PLAIN);
            mark(g, run.tls(), x, y);
            taken.add(new Rectangle(x - 6, y - 6, 12, 12));
            String label = String.format(Locale.ROOT, "%,d x %,d/s: %s", r.receivers(), r.rate(), FanoutResult.millis(r.p99()));
            Rectangle place = place(g, label, x, y, taken);
            taken.add(place);
            g.drawString(label, place.x, place.y + place.height - 3);
        }
    }

    /**
     * Where a point's label goes: beside the point, right or left, above or below, whichever is free of the
     * labels and points drawn so far; else further down, so points of the same load (plain and TLS) stay legible.
     */
    private static Rectangle place(Graphics2D g, String label, int x, int y, List<Rectangle> taken) {
        int width = g.getFontMetrics().stringWidth(label);
        int height = g.getFontMetrics().getHeight();
        for (int shift = 0; shift < HEIGHT; shift += height) {
            int[][] candidates = {{x + 8, y - height - 2 + shift}, {x - 8 - width, y - height - 2 + shift},
                    {x + 8, y + 2 + shift}, {x - 8 - width, y + 2 + shift}};
            for (int[] c : candidates) {
                Rectangle box = new Rectangle(c[0], c[1], width, height);
                if (box.x >= 2 && box.x + width <= WIDTH - 2 && box.y >= TOP - height && box.y + height <= HEIGHT - BOTTOM
                        && taken.stream().noneMatch(box::intersects)) {
                    return box;
                }
            }
        }
        return new Rectangle(Math.min(x + 8, WIDTH - width - 2), y - height, width, height);
    }

    /** Plain text: a circle; TLS: a square. */
    private static void mark(Graphics2D g, boolean tls, int x, int y) {
        if (tls) {
            g.fillRect(x - 5, y - 5, 10, 10);
        } else {
            g.fillOval(x - 5, y - 5, 10, 10);
        }
    }

    /** @return the room the legend takes */
    private static Rectangle legend(Graphics2D g) {
        int x = WIDTH - RIGHT - 150;
        int y = 20;
        g.setColor(PLAIN);
        mark(g, false, x, y - 4);
        g.drawString("plain text", x + 10, y);
        g.setColor(TLS);
        mark(g, true, x + 80, y - 4);
        g.drawString("TLS", x + 90, y);
        g.setColor(Color.DARK_GRAY);
        g.drawString("points: receivers x messages/s", x - 40, y + 16);
        return new Rectangle(x - 44, y - 14, WIDTH - (x - 44), 36);
    }

    private static int x(double decade, double min, double max) {
        return LEFT + (int) Math.round((decade - min) / (max - min) * (WIDTH - LEFT - RIGHT));
    }

    private static int y(double decade, double min, double max) {
        double clamped = Math.max(min, Math.min(max, decade));
        return HEIGHT - BOTTOM - (int) Math.round((clamped - min) / (max - min) * (HEIGHT - TOP - BOTTOM));
    }
}
