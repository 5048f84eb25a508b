package io.voxprint.app.evaluate;

/** One line of a VoxCeleb-style trial list: {@code 1 enroll.wav test.wav} (1 = same speaker). */
public record Trial(boolean target, String enroll, String test) {
}
