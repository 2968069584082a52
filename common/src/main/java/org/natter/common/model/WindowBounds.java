package org.natter.common.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a window was and how big, kept between runs as text ({@code "x,y,width,height,maximized"}).
 * Plain data so that both apps store it the same way; placing a window is the UI's job.
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

    /** The stored form, such as {@code "120.0,80.0,1100.0,720.0,false"}. */
    public String format() {
        return String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f,%b", x, y, width, height, maximized);
    }

    /** The bounds in this stored form, or empty for anything else (an old or hand-edited value). */
    public static Optional<WindowBounds> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(",");
        if (parts.length != 5) {
            return Optional.empty();
        }
        try {
            double width = Double.parseDouble(parts[2]);
            double height = Double.parseDouble(parts[3]);
            double x = Double.parseDouble(parts[0]);
            double y = Double.parseDouble(parts[1]);
            if (!(width > 0 && height > 0) || !Double.isFinite(x + y + width + height)) {
                return Optional.empty();
            }
            return Optional.of(new WindowBounds(x, y, width, height, Boolean.parseBoolean(parts[4])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * True when enough of the title bar area would be on this screen area to grab the window: a window saved
     * on a second monitor that is gone now must not reopen out of reach.
     */
    public boolean reachableOn(double screenX, double screenY, double screenWidth, double screenHeight) {
        double visibleWidth = Math.min(x + width, screenX + screenWidth) - Math.max(x, screenX);
        boolean topInside = y >= screenY && y + 40 <= screenY + screenHeight;
        return visibleWidth >= 100 && topInside;
    }
}
