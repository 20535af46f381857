package com.bulletiningest.intake.mail;


import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which senders may deliver bulletins to the mailbox, from {@code bulletin.mail.allowed-senders}: a comma-separated
 * list of addresses ({@code alice@example.com}) and whole domains ({@code @example.org}), compared without regard to
 * case. A domain entry matches that domain only, not its subdomains.
 * <p>
 * An empty list allows every sender, so the embedded mailbox works out of the box; a shared mailbox reachable from
 * outside should always set the list. The check reads the {@code From} header, which a sender can forge: it keeps
 * stray mail out, it does not authenticate.
 */
public final class SenderPolicy {

    private final Set<String> addresses;
    private final Set<String> domains;

    private SenderPolicy(Set<String> addresses, Set<String> domains) {
        this.addresses = addresses;
        this.domains = domains;
    }

    /** @param allowedSenders the configured list; {@code null} or blank allows everyone */
    public static SenderPolicy parse(String allowedSenders) {
        Set<String> entries = Arrays.stream(allowedSenders == null ? new String[0] : allowedSenders.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        for (String entry : entries) {
            int at = entry.lastIndexOf('@');
            if (at < 0 || at == entry.length() - 1 || entry.indexOf('@') != at) {
                throw new IllegalArgumentException(
                        "bulletin.mail.allowed-senders: '" + entry + "' is neither an address nor an @domain");
            }
        }
        return new SenderPolicy(
                entries.stream().filter(e -> !e.startsWith("@")).collect(Collectors.toUnmodifiableSet()),
                entries.stream().filter(e -> e.startsWith("@")).map(e -> e.substring(1))
                        .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean allowsEveryone() {
        return addresses.isEmpty() && domains.isEmpty();
    }

    public boolean allows(String address) {
        if (allowsEveryone()) {
            return true;
        }
        if (address == null) {
            return false;
        }
        String normalised = address.strip().toLowerCase(Locale.ROOT);
        int at = normalised.lastIndexOf('@');
        return addresses.contains(normalised) || at >= 0 && domains.contains(normalised.substring(at + 1));
    }

    /**
     * @param from the message's From addresses
     * @return why the message is refused, or empty when its sender may deliver bulletins
     */
    public Optional<String> refusal(List<String> from) {
        if (allowsEveryone()) {
            return Optional.empty();
        }
        if (from.isEmpty()) {
            return Optional.of("the message has no From address");
        }
        // every author must be allowed: one permitted co-author must not carry in a stranger's mail
        for (String address : from) {
            if (!allows(address)) {
                return Optional.of("sender " + address + " is not in bulletin.mail.allowed-senders");
            }
        }
        return Optional.empty();
    }
}
