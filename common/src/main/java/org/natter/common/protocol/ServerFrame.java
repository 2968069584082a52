package org.natter.common.protocol;

/** A frame the server sends to a client. */
public sealed interface ServerFrame extends Frame
        permits Welcome, LoginOk, Message, Joined, Left, LoggedOut, Kicked, Announcement, ErrorReply, Ping, Pong,
                RoomState, Parted, RoomList, TopicChanged, History, SearchResults, Waiting, Presence,
                UsersPage, MembersPage {
}
