#!/usr/bin/python3
"""One long recording for the memory check of bench/diarize/run.sh: the test conversations of
tools/fixtures/make_conversations.py played one after the other until SECONDS are filled, written
as one 16 kHz 16-bit mono WAV. Usage: make_hour.py CONVERSATION_DIR OUT.wav [SECONDS, default 3600]"""
import glob
import sys
import wave


def main():
    folder, out = sys.argv[1], sys.argv[2]
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 3600.0
    parts = []
    for path in sorted(glob.glob(folder + "/*.wav")):
        with wave.open(path, "rb") as w:
            parts.append(w.readframes(w.getnframes()))
    target = int(seconds * 16000) * 2
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        written, i = 0, 0
        while written < target:
            chunk = parts[i % len(parts)][:target - written]
            w.writeframes(chunk)
            written += len(chunk)
            i += 1


if __name__ == "__main__":
    main()
