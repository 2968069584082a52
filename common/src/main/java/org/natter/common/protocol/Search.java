package org.natter.common.protocol;

/**
 * {@code search}: full-text search over what the user may read (the rooms they are in and their own direct
 * conversations), or only one room or one conversation ({@code with}). Answered by {@code search_results}.
 */
public record Search(String id, String text, String room, String with, Integer limit) implements ClientFrame {

    @Override
    public String requestId() {
        return id;
    }

    @Override
    public void accept(ClientFrameVisitor visitor) {
        visitor.search(this);
    }
}
