package org.natter.server.ui.rooms;

import java.util.List;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import org.natter.common.fx.Messages;

/**
 * The member count; its tooltip names the members (the first {@value #NAMED}, then how many more), read when it
 * shows, so it is right even when one member left and another joined.
 */
final class MembersCell extends TableCell<RoomItemViewModel, Number> {

    static final int NAMED = 30;

    private final Tooltip tooltip = new Tooltip();

    MembersCell(Messages messages) {
        tooltip.setOnShowing(event -> {
            TableRow<RoomItemViewModel> row = getTableRow();
            RoomItemViewModel room = row == null ? null : row.getItem();
            tooltip.setText(room == null ? "" : names(messages, room.membersProperty().get()));
        });
    }

    @Override
    protected void updateItem(Number count, boolean empty) {
        super.updateItem(count, empty);
        setText(empty || count == null ? null : count.toString());
        setTooltip(empty || count == null || count.intValue() == 0 ? null : tooltip);
    }

    /** "ada, bob, carol" or "ada, bob, … and 12 more". */
    static String names(Messages messages, List<String> members) {
        String shown = String.join(", ", members.subList(0, Math.min(NAMED, members.size())));
        return members.size() <= NAMED ? shown : messages.get("rooms.members.more", shown, members.size() - NAMED);
    }
}
