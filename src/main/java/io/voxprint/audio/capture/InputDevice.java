package io.voxprint.audio.capture;

/** A mixer that offers a capture line; {@code name} is what settings store to choose it again. */
public record InputDevice(String name, String description) {
    @Override
    public String toString() {
        return name;
    }
}
