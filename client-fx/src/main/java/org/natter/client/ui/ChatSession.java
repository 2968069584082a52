package org.natter.client.ui;

import org.natter.client.net.ServerAddress;
import org.natter.client.ui.chat.ChatViewModel;

/** A logged-in chat: the view model already listening to its connection, and where it is. */
public record ChatSession(ChatViewModel viewModel, ServerAddress address, String name) {
}
