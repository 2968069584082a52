package org.natter.client.net.discovery;

import org.natter.common.protocol.InviteLink;
import org.natter.common.protocol.ServerAnnouncement;

/**
 * A Natter server heard on the local network.
 *
 * @param instance     the DNS-SD instance name, unique on the network (the key of a found server)
 * @param host         the address to connect to
 * @param port         the port to connect to
 * @param announcement what the server says about itself
 */
public record FoundServer(String instance, String host, int port, ServerAnnouncement announcement) {

    /** {@code host:port}, as the address field takes it. */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** An invite link to this server, carrying its fingerprint when it announced one. */
    public InviteLink inviteLink() {
        return new InviteLink(host, port, announcement.fingerprint(), announcement.serverName());
    }
}
