package org.natter.client.ui.login;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.natter.client.net.ServerAddress;
import org.natter.client.ui.I18n;
import org.natter.common.protocol.InviteLink;

/**
 * The server field as typed, read leniently: an address pasted from a browser or a chat ({@code http://host:port/},
 * {@code natter://host}) is taken as host:port, with a note saying what was left out. Other schemes are refused with
 * a sentence, as is anything that is not an address.
 *
 * <p>An invite link ({@code natter://HOST:PORT/?fp=...&name=...}, see {@link InviteLink}) is read whole: its
 * fingerprint is kept, so the connection trusts exactly that certificate.
 *
 * @param address what to connect to
 * @param note    what was left out of the typed text, or whose invite it is, for a person; empty when neither
 * @param invite  the invite link when one was typed or pasted, else {@code null}
 */
record ServerInput(ServerAddress address, String note, InviteLink invite) {

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");
    private static final Set<String> HARMLESS = Set.of("http", "https", "natter", "tcp");

    /** @throws IllegalArgumentException with a sentence for a person */
    static ServerInput read(String typed) {
        String value = typed == null ? "" : typed.strip();
        if (InviteLink.looksLikeLink(value)) {
            try {
                InviteLink link = InviteLink.parse(value);
                ServerAddress address = new ServerAddress(link.host(), link.port());
                return new ServerInput(address, link.serverName() == null ? ""
                        : I18n.text("login.server.invite", link.serverName(), address), link);
            } catch (IllegalArgumentException e) {
                if (value.contains("fp=")) {
                    // A damaged invite must not quietly lose the certificate it vouches for.
                    throw e;
                }
                // Not a whole invite (no port, say): read leniently below, as any pasted link.
            }
        }
        String scheme = "";
        Matcher matcher = SCHEME.matcher(value);
        if (matcher.find()) {
            scheme = matcher.group();
            if (!HARMLESS.contains(matcher.group(1).toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(I18n.text("login.error.scheme", scheme));
            }
            value = value.substring(matcher.end());
        }
        String path = "";
        // A slash cannot be part of a host or an IPv6 address in brackets; after one comes a path.
        int slash = value.indexOf('/');
        if (slash >= 0) {
            path = value.substring(slash);
            value = value.substring(0, slash);
        }
        ServerAddress address;
        try {
            address = ServerAddress.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(I18n.text("login.error.address"), e);
        }
        List<String> removed = new ArrayList<>();
        if (!scheme.isEmpty()) {
            removed.add(I18n.text("login.server.quoted", scheme));
        }
        if (!path.isEmpty() && !path.equals("/")) {
            removed.add(I18n.text("login.server.quoted", path));
        }
        return new ServerInput(address, removed.isEmpty() ? ""
                : I18n.text("login.server.cleaned", address, String.join(I18n.text("login.server.and"), removed)), null);
    }
}
