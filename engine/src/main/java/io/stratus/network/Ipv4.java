package io.stratus.network;

/** IPv4 addresses as ints: parsing and formatting. */
public final class Ipv4 {

    private Ipv4() {
    }

    /** Parses {@code a.b.c.d}. */
    public static int parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("expected an IPv4 address a.b.c.d, got '" + text + "'");
        }
        int address = 0;
        for (String part : parts) {
            int octet;
            try {
                octet = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad IPv4 address '" + text + "'", e);
            }
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("bad IPv4 address '" + text + "': octet " + octet);
            }
            address = address << 8 | octet;
        }
        return address;
    }

    /** Formats an address as {@code a.b.c.d}. */
    public static String format(int address) {
        return (address >>> 24) + "." + (address >>> 16 & 255) + "." + (address >>> 8 & 255) + "." + (address & 255);
    }
}
