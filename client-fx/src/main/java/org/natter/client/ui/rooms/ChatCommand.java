package org.natter.client.ui.rooms;

/**
 * What a line typed into the message field asks for: a message, or one of the slash commands. Handled through
 * {@link Handler}, so that a new command fails to compile wherever it is not handled.
 */
public sealed interface ChatCommand {

    void applyTo(Handler handler);

    /** One method per command. */
    interface Handler {
        void say(String text);

        void join(String room);

        /** @param room null for the open conversation */
        void part(String room);

        void msg(String user, String text);

        void topic(String text);

        void rooms();

        void help();

        void invalid(String problem);
    }

    /** A plain line, to the open conversation. */
    record Say(String text) implements ChatCommand {
        public void applyTo(Handler handler) {
            handler.say(text);
        }
    }

    /** {@code /join ROOM}. */
    record Join(String room) implements ChatCommand {
        public void applyTo(Handler handler) {
            handler.join(room);
        }
    }

    /** {@code /part [ROOM]}: without a room, the open one. */
    record Part(String room) implements ChatCommand {
        public void applyTo(Handler handler) {
            handler.part(room);
        }
    }

    /** {@code /msg NAME [text]}: opens the direct conversation, and sends the text when there is one. */
    record Msg(String user, String text) implements ChatCommand {
        public void applyTo(Handler handler) {
            handler.msg(user, text);
        }
    }

    /** {@code /topic [text]}: alone, shows the topic. */
    record Topic(String text) implements ChatCommand {
        public void applyTo(Handler handler) {
            handler.topic(text);
        }
    }

    /** {@code /rooms}. */
    record Rooms() implements ChatCommand {
        public void applyTo(Handler handler) {
            handler.rooms();
        }
    }

    /** {@code /help}. */
    record Help() implements ChatCommand {
        public void applyTo(Handler handler) {
            handler.help();
        }
    }

    /** A command that is not one, or one used wrongly: {@code problem} says what is wrong, for a person. */
    record Invalid(String problem) implements ChatCommand {
        public void applyTo(Handler handler) {
            handler.invalid(problem);
        }
    }
}
