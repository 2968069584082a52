package org.natter.server.ui.shared;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.natter.common.fx.Messages;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.TextRules;

/**
 * The reason in the kick, ban and mute dialogs: a counter ("123/200") and, past the limit, a sentence and no
 * confirming. A reason that is too long is refused, never cut, so the user reads what the operator wrote. FX thread.
 */
public final class ReasonViewModel {

    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringBinding counter;
    private final BooleanBinding tooLong;
    private final StringBinding problem;

    public ReasonViewModel(Messages messages) {
        this(messages, "kick.tooLong");
    }

    /** @param tooLongKey the sentence past the limit, with how many characters too many as {0} */
    public ReasonViewModel(Messages messages, String tooLongKey) {
        counter = Bindings.createStringBinding(
                () -> messages.get("kick.counter", length(), ProtocolLimits.MAX_REASON_LENGTH), reason);
        tooLong = Bindings.createBooleanBinding(() -> length() > ProtocolLimits.MAX_REASON_LENGTH, reason);
        problem = Bindings.createStringBinding(() -> tooLong.get()
                ? messages.get(tooLongKey, length() - ProtocolLimits.MAX_REASON_LENGTH) : "", tooLong, reason);
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** "0/200": the characters the server counts (code points, without the blanks at either end). */
    public StringBinding counterText() {
        return counter;
    }

    public BooleanBinding tooLongProperty() {
        return tooLong;
    }

    /** Why Kick is disabled, or empty. */
    public StringBinding problemText() {
        return problem;
    }

    /** The reason as sent: without the blanks at either end and the bidirectional controls the server drops. */
    public String reason() {
        return TextRules.withoutBidiControls(reason.get()).strip();
    }

    private int length() {
        String text = reason();
        return text.codePointCount(0, text.length());
    }
}
