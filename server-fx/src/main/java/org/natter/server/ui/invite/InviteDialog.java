package org.natter.server.ui.invite;

import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.common.fx.Messages;
import org.natter.common.protocol.InviteLink;
import org.natter.server.ui.shared.Dialogs;
import org.natter.server.ui.shared.StyleClasses;

/**
 * The Invite dialog: the link for the chosen address, a copy button and a QR code of it that a phone or a
 * projector can carry to the room. FX thread only.
 */
public final class InviteDialog {

    /** The QR code's size on screen, large enough to scan from a projected screen. */
    static final int QR_PIXELS = 240;

    private InviteDialog() {
    }

    public static void show(Window owner, InviteViewModel invite, Messages messages, Consumer<String> notices) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("invite.title"));
        dialog.setHeaderText(messages.get(invite.pinned() ? "invite.header.pinned" : "invite.header"));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setContent(content(invite, messages, notices));
        Dialogs.decorate(dialog, "fth-user-plus", StyleClasses.ACCENT);
        dialog.show();
    }

    static VBox content(InviteViewModel invite, Messages messages, Consumer<String> notices) {
        ComboBox<InviteLink> address = new ComboBox<>(invite.links());
        address.setId("inviteAddress");
        address.setConverter(new StringConverter<>() {
            @Override
            public String toString(InviteLink link) {
                return link == null ? "" : hostPort(link);
            }

            @Override
            public InviteLink fromString(String text) {
                return null;
            }
        });
        address.valueProperty().bindBidirectional(invite.chosenProperty());
        address.setAccessibleText(messages.get("invite.address"));
        Label addressLabel = new Label(messages.get("invite.address"));
        addressLabel.setLabelFor(address);

        TextField link = new TextField();
        link.setId("inviteLink");
        link.setEditable(false);
        link.setPrefColumnCount(36);
        link.setAccessibleText(messages.get("invite.link"));
        HBox.setHgrow(link, Priority.ALWAYS);
        Button copy = new Button(messages.get("invite.copy"), new FontIcon("fth-copy"));
        copy.setId("inviteCopy");
        copy.setTooltip(new Tooltip(messages.get("invite.copy.tooltip")));
        copy.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(link.getText());
            Clipboard.getSystemClipboard().setContent(content);
            notices.accept(messages.get("notice.copied", link.getText()));
        });

        ImageView qr = new ImageView();
        qr.setId("inviteQr");
        qr.setFitWidth(QR_PIXELS);
        qr.setFitHeight(QR_PIXELS);
        qr.setAccessibleText(messages.get("invite.qr"));
        Runnable showChosen = () -> {
            InviteLink chosen = invite.chosenProperty().get();
            link.setText(chosen == null ? "" : chosen.toString());
            qr.setImage(chosen == null ? null : QrCode.of(chosen.toString(), QR_PIXELS));
        };
        invite.chosenProperty().addListener((obs, old, now) -> showChosen.run());
        showChosen.run();

        HBox addressRow = new HBox(8, addressLabel, address);
        addressRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        addressRow.setVisible(invite.links().size() > 1);
        addressRow.setManaged(addressRow.isVisible());
        HBox linkRow = new HBox(8, link, copy);
        Label scan = new Label(messages.get("invite.scan"));
        scan.setWrapText(true);
        scan.getStyleClass().add(StyleClasses.TEXT_MUTED);
        VBox box = new VBox(12, addressRow, linkRow, qr, scan);
        box.setAlignment(javafx.geometry.Pos.TOP_CENTER);
        box.setPrefWidth(480);
        return box;
    }

    private static String hostPort(InviteLink link) {
        return (link.host().indexOf(':') >= 0 ? "[" + link.host() + "]" : link.host()) + ":" + link.port();
    }
}
