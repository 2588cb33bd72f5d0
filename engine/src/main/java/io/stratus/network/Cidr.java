package io.stratus.network;

/**
 * An IPv4 address block such as {@code 10.0.0.0/16}.
 *
 * @param network the network address as an unsigned 32-bit value in an int
 * @param prefix  the prefix length, 0 to 32
 */
public record Cidr(int network, int prefix) {

    /** Every address. */
    public static final Cidr ANYWHERE = new Cidr(0, 0);

    public Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix must be 0 to 32, got " + prefix);
        }
        if ((network & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException(Ipv4.format(network) + "/" + prefix + " has host bits set");
        }
    }

    /** Parses {@code a.b.c.d/n}. */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("expected a.b.c.d/n, got '" + text + "'");
        }
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in '" + text + "'", e);
        }
        return new Cidr(Ipv4.parse(text.substring(0, slash)), prefix);
    }

    /** Whether the block contains {@code address}. */
    public boolean contains(int address) {
        return (address & mask(prefix)) == network;
    }

    /** Addresses in the block, 2^(32 - prefix). */
    public long size() {
        return 1L << (32 - prefix);
    }

    /** Whether every address of {@code other} is in this block. */
    public boolean contains(Cidr other) {
        return other.prefix >= prefix && contains(other.network);
    }

    /** Whether the two blocks share an address (one then contains the other). */
    public boolean overlaps(Cidr other) {
        return contains(other) || other.contains(this);
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    @Override
    public String toString() {
        return Ipv4.format(network) + "/" + prefix;
    }
}
