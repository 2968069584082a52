package org.natter.common.model;

/** Lifecycle of a chat server; the admin window binds its buttons to it. */
public enum ServerState {
    STOPPED,
    STARTING,
    RUNNING,
    STOPPING
}
