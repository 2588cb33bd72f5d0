package io.stratus.network;

import java.util.Objects;

/**
 * A key pair: EC2 installs the public key on the instance at launch; the user keeps the private
 * key, and only its holder can log in. Keys are modelled by name; the private key is the name of
 * the pair it belongs to.
 *
 * @param name the key pair's name, as given at launch
 */
public record KeyPair(String name) {

    public KeyPair {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a key pair needs a name");
        }
    }
}
