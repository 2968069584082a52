package org.natter.client.ui.chat;

import java.util.function.Consumer;

/**
 * What a message row can do beyond showing itself: open a link (in the system browser, through the application's
 * HostServices), send an unsent message again, or forget it; and the list asks for older messages at its top.
 */
record MessageActions(Consumer<String> openLink, Consumer<ChatEntry> retry, Consumer<ChatEntry> dismiss,
                      Runnable loadOlder) {
}
