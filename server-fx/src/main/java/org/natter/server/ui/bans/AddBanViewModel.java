package org.natter.server.ui.bans;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import org.natter.common.fx.Messages;
import org.natter.server.core.moderation.Sanction;
import org.natter.server.ui.shared.BanDuration;
import org.natter.server.ui.shared.Failures;
import org.natter.server.ui.shared.ReasonViewModel;

/**
 * The Add ban dialog's form: a name, an address or a range, how long, a reason. A refusal (the server's sentence)
 * shows in the form, which stays open; editing the target clears it. FX thread.
 */
public final class AddBanViewModel {

    /** The server's {@code ban(target, duration, reason)}. */
    @FunctionalInterface
    public interface Banner {
        Sanction ban(String target, Duration duration, String reason);
    }

    private final Banner banner;
    private final Executor fxExecutor;
    private final Executor background;
    private final Consumer<Sanction> done;
    private final StringProperty target = new SimpleStringProperty(this, "target", "");
    private final ObjectProperty<BanDuration> duration = new SimpleObjectProperty<>(this, "duration", BanDuration.ONE_DAY);
    private final ReasonViewModel reason;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final SimpleObjectProperty<CompletableFuture<Boolean>> pending = new SimpleObjectProperty<>(this, "pending");
    private final BooleanBinding canBan;

    AddBanViewModel(Banner banner, Executor fxExecutor, Executor background, Messages messages,
                    Consumer<Sanction> done) {
        this.banner = banner;
        this.fxExecutor = fxExecutor;
        this.background = background;
        this.done = done;
        this.reason = new ReasonViewModel(messages, "sanction.tooLong");
        target.addListener((obs, old, text) -> problem.set(""));
        canBan = Bindings.createBooleanBinding(() -> !target.get().isBlank() && !reason.tooLongProperty().get()
                && pending.get() == null, target, reason.tooLongProperty(), pending);
    }

    public StringProperty targetProperty() {
        return target;
    }

    public ObjectProperty<BanDuration> durationProperty() {
        return duration;
    }

    public ReasonViewModel reason() {
        return reason;
    }

    /** Why the server refused the ban, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canBanProperty() {
        return canBan;
    }

    /** Asks the server for the ban; completes on the FX thread with true when it is in force. */
    public CompletableFuture<Boolean> ban() {
        String who = target.get().strip();
        Duration howLong = duration.get() == null ? null : duration.get().duration();
        String why = reason.reason();
        CompletableFuture<Boolean> result = CompletableFuture.supplyAsync(() -> banner.ban(who, howLong, why), background)
                .handleAsync((sanction, failure) -> {
                    pending.set(null);
                    if (failure != null) {
                        problem.set(Failures.reasonOf(failure));
                        return false;
                    }
                    done.accept(sanction);
                    return true;
                }, fxExecutor);
        if (!result.isDone()) {
            pending.set(result);
        }
        return result;
    }
}
