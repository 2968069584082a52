package org.natter.client.ui.chat;

import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The message field's keys: Enter sends, Shift+Enter adds a line; Tab completes the name before the caret or, when
 * there is none, moves the focus on (Shift+Tab back), as in any other field; Ctrl+Tab types a tab.
 */
final class Composer {

    private final TextArea input;
    private final ChatViewModel viewModel;
    private final Runnable send;
    private boolean traversing;

    Composer(TextArea input, ChatViewModel viewModel, Runnable send) {
        this.input = input;
        this.viewModel = viewModel;
        this.send = send;
        input.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    /** Inserts "@NAME " at the caret and puts the focus in the field. */
    void mention(String name) {
        int caret = viewModel.mention(name, input.getCaretPosition());
        input.requestFocus();
        input.positionCaret(caret);
    }

    private void onKey(KeyEvent event) {
        if (traversing) {
            return;
        }
        if (event.getCode() == KeyCode.ENTER) {
            event.consume();
            if (event.isShiftDown()) {
                input.insertText(input.getCaretPosition(), "\n");
            } else {
                send.run();
            }
        } else if (event.getCode() == KeyCode.TAB) {
            event.consume();
            if (event.isControlDown() || event.isMetaDown()) {
                input.insertText(input.getCaretPosition(), "\t");
            } else if (event.isShiftDown()) {
                moveFocus(true);
            } else {
                int caret = viewModel.completeName(input.getCaretPosition());
                if (caret >= 0) {
                    input.positionCaret(caret);
                } else {
                    moveFocus(false);
                }
            }
        }
    }

    /**
     * A text area keeps plain Tab for itself and moves the focus on Ctrl+Tab; JavaFX 21 has no public call to move
     * the focus, so the field is handed that key (which this filter lets through).
     */
    private void moveFocus(boolean back) {
        traversing = true;
        try {
            input.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, back, true, false, false));
        } finally {
            traversing = false;
        }
    }
}
