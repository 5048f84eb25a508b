package io.voxprint.store;

import java.util.Optional;

/**
 * Named values stored with the database itself, such as its key record: what must travel with every
 * copy and backup of the database and change in the same transaction as the records.
 */
public interface StoreProperties {

    Optional<byte[]> get(String name);

    /** Sets the value (replacing an earlier one). */
    void put(String name, byte[] value);
}
