package org.natter.client.net.discovery;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;
import org.natter.common.protocol.ServerAnnouncement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the Natter servers on the local network as they come and go, by browsing DNS-SD over multicast DNS
 * (jmDNS). Anyone on the network can announce anything: an announcement only fills in a form, and the
 * connection still checks the server's certificate.
 *
 * <p>Threads: {@link #start} does network I/O (it opens a multicast socket per interface), so call it off the FX
 * thread, for example through {@link #startInBackground}. The change callback runs on jmDNS's threads with a
 * fresh snapshot each time; a UI hands it over to its own thread. {@link #servers()} is safe from any thread.
 */
public final class ServerBrowser implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerBrowser.class);

    /** At most this many servers are listed: a hostile network cannot grow the list without bound. */
    public static final int MAX_SERVERS = 200;

    private final List<JmDNS> browsers = new ArrayList<>();
    private final Map<String, FoundServer> found = new ConcurrentHashMap<>();
    /** Servers resolved once without their TXT record and asked again (once each, so a broken one costs one query). */
    private final Set<String> askedAgain = ConcurrentHashMap.newKeySet();
    private final Consumer<List<FoundServer>> changed;

    private ServerBrowser(Consumer<List<FoundServer>> changed) {
        this.changed = changed;
    }

    /** Starts browsing on the given local addresses (see {@link #localAddresses()}). Blocks for the socket set-up. */
    public static ServerBrowser start(List<InetAddress> on, Consumer<List<FoundServer>> changed) {
        ServerBrowser browser = new ServerBrowser(changed);
        for (InetAddress address : on) {
            try {
                JmDNS dns = JmDNS.create(address, "natter-client-" + address.getHostAddress().replace('.', '-').replace(':', '-'));
                dns.addServiceListener(ServerAnnouncement.SERVICE_TYPE, browser.listenerFor(dns));
                browser.browsers.add(dns);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot look for servers on {}", address.getHostAddress(), e);
            }
        }
        return browser;
    }

    /** {@link #start} on a background thread. */
    public static CompletableFuture<ServerBrowser> startInBackground(List<InetAddress> on, Consumer<List<FoundServer>> changed) {
        return CompletableFuture.supplyAsync(() -> start(on, changed));
    }

    /**
     * The addresses to look for servers from: one IPv4 address of each interface that is up and can multicast,
     * loopback included when its multicast flag is set (a server bound to 127.0.0.1 on this computer).
     */
    public static List<InetAddress> localAddresses() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isVirtual() || nic.isPointToPoint() || !nic.supportsMulticast()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        addresses.add(address);
                        break;
                    }
                }
            }
        } catch (SocketException e) {
            LOG.warn("Cannot list the network interfaces", e);
        }
        return addresses;
    }

    /** True when no interface could be browsed: the list will stay empty. */
    public boolean isBlind() {
        return browsers.isEmpty();
    }

    /** The servers found so far, by name. */
    public List<FoundServer> servers() {
        List<FoundServer> list = new ArrayList<>(found.values());
        list.sort(Comparator.comparing((FoundServer s) -> s.announcement().serverName(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(FoundServer::address));
        return list;
    }

    @Override
    public void close() {
        for (JmDNS dns : browsers) {
            try {
                dns.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Closing a browser failed", e);
            }
        }
        browsers.clear();
    }

    private ServiceListener listenerFor(JmDNS dns) {
        return new ServiceListener() {
            @Override
            public void serviceAdded(ServiceEvent event) {
                // The first answer often lacks the address and TXT records: ask for them (answered asynchronously).
                dns.requestServiceInfo(event.getType(), event.getName(), true);
            }

            @Override
            public void serviceRemoved(ServiceEvent event) {
                if (found.remove(event.getName()) != null) {
                    changed.accept(servers());
                }
            }

            @Override
            public void serviceResolved(ServiceEvent event) {
                ServiceInfo info = event.getInfo();
                if (info != null && !info.getPropertyNames().hasMoreElements() && askedAgain.add(event.getName())) {
                    // Resolved before its TXT record arrived (name, version, fingerprint): shown as it is for now,
                    // and asked once more, so that the details replace it when they come.
                    dns.requestServiceInfo(event.getType(), event.getName(), true);
                }
                FoundServer server = toFoundServer(event.getName(), info);
                if (server == null || found.size() >= MAX_SERVERS && !found.containsKey(server.instance())) {
                    return;
                }
                if (!server.equals(found.put(server.instance(), server))) {
                    changed.accept(servers());
                }
            }
        };
    }

    private static FoundServer toFoundServer(String instance, ServiceInfo info) {
        if (info == null || info.getPort() <= 0) {
            return null;
        }
        Inet4Address[] ipv4 = info.getInet4Addresses();
        String host;
        if (ipv4.length > 0) {
            host = ipv4[0].getHostAddress();
        } else if (info.getInet6Addresses().length > 0) {
            host = info.getInet6Addresses()[0].getHostAddress();
        } else {
            return null;
        }
        Map<String, String> txt = new HashMap<>();
        for (String key : Collections.list(info.getPropertyNames())) {
            String value = info.getPropertyString(key);
            if (value != null) {
                txt.put(key, value);
            }
        }
        return new FoundServer(instance, host, info.getPort(), ServerAnnouncement.fromTxt(txt, instance));
    }
}
